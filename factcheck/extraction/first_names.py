"""Given names that mark a person's gender in English-language news: the commonest given names
of the last century (and names common among public figures worldwide), leaving out the ones
commonly given to both (Jordan, Taylor, Alex, Jean, Andrea...). Used only to choose between
candidates for 'he' or 'she'; a name on neither list says nothing."""

from __future__ import annotations

FEMININE = frozenset(
    """
    abigail ada adriana agnes aisha alexandra alexis alice alicia alison allison alma amanda amber
    amelia amy ana anastasia andrea_f angela angelina anita ann anna anne annie antonia april
    arlene ashley audrey barbara beatrice becky belinda bernadette beth bethany betty beverly
    bianca bonnie brenda brianna bridget brittany brooke camila candace carla carmen carol
    caroline carolyn cassandra catherine cathy cecilia charlotte chelsea cheryl chloe christina
    christine cindy claire clara claudia colleen connie constance courtney crystal cynthia daisy
    daniela danielle darlene dawn debbie deborah debra delores denise diana diane dolores donna
    doris dorothy edith eileen elaine eleanor elena elisabeth elise eliza elizabeth ella ellen
    elsa emily emma erica erin esther eva evelyn fatima fiona florence frances francesca gabriela
    gabrielle gail gemma georgia geraldine gina giselle gladys gloria grace greta gwen hannah
    harriet hazel heather heidi helen helena hilary hillary holly ida ilhan ilse imogen ines
    irene iris isabel isabella jacqueline jane janet janice jasmine jean_f jeanne jennifer jenny
    jessica jill joan joanna joanne josephine joy joyce judith judy julia julie june karen
    karina kate katherine kathleen kathryn kathy katie katrina kay kayla kristen kristin
    kristina laura lauren leah lena linda lindsay lindsey lisa liz lois lori lorraine louise
    lucia lucy lydia lynn mabel madeleine madison maggie mandy marcia margaret margarita maria
    marian marie marilyn marina marion marjorie marsha martha mary maureen maxine megan melanie
    melinda melissa mia michaela michelle mildred miriam molly monica nadia nancy naomi natalia
    natalie natasha nicola nicole nina nora norma olga olivia paige pamela patricia paula pauline
    peggy penelope penny phyllis priscilla rachel rebecca regina renee rita roberta rosa rosalind
    rose rosemary ruth sabrina sally samantha sandra sara sarah shannon_f sharon sheila shirley
    silvia sofia sonia sophia sophie stacey stella stephanie sue susan suzanne svetlana sylvia
    tamara tammy tanya teresa theresa tiffany tina valerie vanessa vera veronica victoria
    virginia vivian wanda wendy whitney yolanda yvonne zoe
    """.replace("_f", "").split()
)

MASCULINE = frozenset(
    """
    aaron abdul abraham adam adrian ahmed alan albert alberto alejandro alexander alexei alfred
    ali alistair allen alvin amir andre andreas andrew andy angelo anthony antonio arnold arthur
    barack barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon
    brendan brett brian bruce bryan calvin carl carlos cedric charles charlie chester christian
    christopher clarence claude clifford clinton colin craig curtis dale dan daniel darren dave
    david dean dennis derek diego dmitry dominic don donald douglas duncan dustin dwight earl
    eddie edgar eduardo edward edwin elijah elliot emmanuel enrique eric erik ernest eugene evan
    felix fernando francis francisco frank franklin fred frederick gabriel gareth gary gavin
    geoffrey george gerald gerard gilbert glenn gordon graham greg gregory guillermo gustavo
    hamid harold harry harvey hassan hector henry herbert howard hugh hugo ian igor isaac ivan
    jack jacob jake james jared jason javier jeff jeffrey jeremy jerome jerry jesse jim jimmy
    joe joel john johnny jon jonathan jorge jose joseph joshua juan julian justin karl keith ken
    kenneth kevin kurt kyle lance larry lawrence leo leon leonard lewis lloyd louis luis luke
    malcolm manuel marc marcus mario mark martin marvin matt matthew maurice max michael miguel
    mike mitch mitchell mohamed mohammed muhammad nathan neil nicholas nick nigel noah norman
    oliver omar oscar owen pablo patrick paul pedro peter phil philip phillip pierre rafael ralph
    ramon randy raul ray raymond reginald ricardo richard rick rob robert roberto rodney roger
    roland ron ronald ross roy russell ryan salvador sam_m samuel scott sean sebastian sergei
    sergio seth shane shaun shawn simon stanley stephen steve steven stuart ted terrence theodore
    thomas tim timothy todd tom tommy tony travis trevor tyler victor vincent vladimir walter
    warren wayne wesley william willie xavier yusuf zachary
    """.replace("_m", "").split()
)
# drop the unisex or doubtful: kept off both lists on purpose
FEMININE = FEMININE - {"andrea", "jean", "shannon"}
MASCULINE = MASCULINE - {"sam"}
