"""The words and patterns of reported speech in English news: speech verbs by how their
content follows, attribution frames, determiners and the small word helpers they need.

Closed-class words and verb classes only; names of people, outlets or topics do not belong here.
"""

from __future__ import annotations

import re

# Verbs that carry reported speech (or a stated position), by how their content follows.
# (with the plain present forms plural subjects use: "officials caution that ...")
_PLAIN_PRESENT = """assure caution complain conclude confirm declare disclose emphasize emphasise
estimate maintain note observe pledge promise recall reiterate respond stress testify vow
speculate""".split()
CLAUSE_VERBS = [
    *"""said says say saying told tells tell telling wrote writes writing added adds
adding insisted insists insisting argued argues arguing stated states stating explained explains
explaining noted notes noting acknowledged acknowledges acknowledging admitted admits admitting
confirmed confirms confirming announced announces announcing assured assures assuring responded
responds responding replied replies replying stressed stresses stressing reiterated reiterates
reiterating emphasized emphasised emphasizes emphasises emphasizing emphasising warned warns
warning cautioned cautions cautioning complained complains complaining conceded concedes
conceding declared declares declaring asserted asserts asserting contended contends contending
alleged alleges alleging predicted predicts predicting pledged pledges pledging promised promises
vowed vows vowing revealed reveals disclosed discloses disclosing claimed claims claiming claim
asked asks asking urged urges urging questioned questions believes believed thinks suggested
suggests suggesting recalled recalls recalling testified testifies testifying agreed agrees
agreeing reported reports report ruled rules observed observes observing remarked countered
counters countering disagreed disagrees answered answers found finds concluded concludes showed
shows tweeted tweets tweeting estimated estimates maintained maintains maintaining speculated
speculates speculating recounted recounts lamented laments lamenting boasted boasts boasting
joked jokes joking quipped quips shouted shouts shouting yelled yells yelling screamed screams
exclaimed exclaims retorted retorts pleaded pleads acknowledge admit agree allege argue assert
believe concede contend disagree explain insist predict suggest warn yell shout scream indicated
indicates signaled signalled signals hinted hints mentioned mentions commented comments
confided confessed proclaimed affirmed reaffirmed reaffirms objected protested continued
wondered whispered mused sighed show reveal reveals revealed indicate implied implies implying
insinuated insinuates insinuating recommended recommends recommending bragged brags
bragging suspect suspects reminded reminds reminding doubted doubts""".split(),
    *_PLAIN_PRESENT,
]
OBJECT_VERBS = """denied denies deny denying rejected rejects refuted refutes condemned condemns
criticised criticized criticises criticizes dismissed dismisses disputed disputes welcomed
welcomes praised praises slammed slams blasted decried decries demanded demands blamed blames
accused accuses hailed hails lauded lauds cited cites citing denounced denounces""".split()
# Verbs of praise report a reaction ("welcomed the decision"), a claim only when they say
# what the thing is ("hailed the ruling as a victory").
PRAISE_VERBS = frozenset(
    "welcomed welcomes welcoming praised praises praising hailed hails hailing lauded lauds".split()
)
# Verbs of deciding as much as of disputing: "rejected the accusations" disputes a claim, but
# "rejected the request", "denied the motion", "dismissed the lawsuit", "denied him entry" decide
# on something asked for, which is an action.
DECISION_VERBS = frozenset(
    "denied denies deny denying rejected rejects rejecting dismissed dismisses dismissing".split()
)
# (its object a noun phrase: "denied that the budget was cut" reports a claim about a budget)
ACT_OBJECT = re.compile(
    r"\s+(?:(?:him|her|them|us|me)\s+(?=[a-z])|(?:(?:the|a|an|his|her|their|its|our|this|"
    r"any|all|every)\s+)?(?:(?!(?:that|the|a|an)\b)[\w’'-]+\s+){0,2}?"
    r"(?:request|offer|plan|proposal|bill|motion|application|appeal|petition|plea|bail|permit|"
    r"lawsuit|suit|case|bid|invitation|deal|agreement|settlement|nomination|budget|amendment|"
    r"resolution|contract|loan|access|entry|permission|visa|licen[cs]e|asylum|parole|applicant|"
    r"candidate|nominee)s?\b)"
)
# Verbs that characterise something, reported speech when the characterisation is given:
# "described the plan as reckless", "called the plan “reckless”".
CHARACTERISING = frozenset(
    "described describes describing called calls calling branded brands branding".split()
)
# (a full stop inside a word, as in "U.S." or "St.", does not end the object)
_OBJECT_CHAR = r"(?:[^,;:.!?\"“”]|\.(?=[\w,]|\s\w))"
AS_FRAME = re.compile(rf"\s+{_OBJECT_CHAR}{{1,100}}?\sas\s(?!(?:he|she|they|it|we|I|you)\b)")
QUOTE_FRAME = re.compile(rf"\s+{_OBJECT_CHAR}{{0,60}}?[\"“][^\"”]*[\"”]")
# Nouns as often as verbs, and plain (plural-subject) present forms, which are also infinitives
# and imperatives: only a speech verb when a clause or a speaker is plainly attached.
AMBIGUOUS = frozenset(
    """claims claim states reports report notes questions answers rules warning asks demands
    pledges promises vows found finds concluded concludes showed shows remarks counters jokes
    boasts quips pleads acknowledge admit agree allege argue assert believe concede contend
    disagree explain insist predict suggest warn recounted recounts yell shout scream shouts
    screams suspect suspects""".split()
    + _PLAIN_PRESENT
)
THAT_ONLY = frozenset(
    """found finds concluded concludes showed shows estimated estimates believed maintained
    maintains ruled rules indicated indicates signaled signalled signals hinted hints mentioned
    mentions commented comments confided confessed proclaimed affirmed reaffirmed
    reaffirms objected protested show reveal reveals revealed indicate implied implies implying
    insinuated insinuates insinuating recommended recommends recommending doubted doubts""".split()
)
# Verbs that only tag a quotation ('"Why?" she wondered.', '"..." he continued'): elsewhere the
# talks continue and people wonder without saying anything
TAG_ONLY = frozenset("continued wondered whispered mused sighed".split())
# Verbs whose object is more often a thing than a proposition; with a determiner after them
# they state what happened rather than report a claim.
NOUN_OBJECT_VERBS = frozenset(
    """announced announces announcing announce revealed reveals disclosed discloses
    disclosing declared declares""".split()
)
# people as the object: questioned by the police, admitted to hospital ("questioned two men",
# "admitted 40 people overnight"), not questions raised or mistakes admitted
PEOPLE_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|two|three|four|five|several|some|many|dozens\s+of|\d+)\s+)?"
    r"(?:[\w-]+\s+)?(?:suspects?|witness(?:es)?|m[ae]n|wom[ae]n|boys?|girls?|teens?|people|"
    r"drivers?|[a-z]+(?:ers|ors|ants|ents|ees))\b"
)
NOUN_OBJECT = re.compile(r"\s+(?:his|her|their|its|our|my|a|an|the|plans?|new|\$?\d[\d,.]*)\s")
# "Ana Ruiz's claim that ...": nouns of saying whose that-clause is what was said
# (or says it is: "the mayor's view is that ...", "Ruiz's argument was that ...")
SPEECH_NOUN_RE = re.compile(
    r"(?P<who>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*?|[Tt]he\s+[a-z]+)['’]s\s+"
    r"(?:[\w.]+\s+){0,3}?"
    r"(?:(?P<noun>announcement|claim|assertion|insistence|warning|suggestion|argument|promise|"
    r"pledge|admission|contention|allegation|prediction|declaration|vow|boast)s?\s+"
    r"|(?P<copular>view|position|belief|message|response|answer|explanation|stance)\s+"
    r"(?=(?:is|was|remains|has\s+been)\s))(?:(?:is|was|remains|has\s+been)\s+)?that\s"
)
PREPOSITION_FIRST = re.compile(
    r"\s*(?:Despite|After|Before|Since|Amid|Following|Given|With|Without|Under|Upon|Because of)\b"
)
# a participle and its agent between a subject and its verb: "emails obtained by the Ledger"
AGENT_BEFORE = re.compile(
    r"(?<!\bis)(?<!\bwas)(?<!\bare)(?<!\bwere)(?<!\bbe)(?<!\bbeen)(?<!\bbeing)"
    r"\s(?:[a-z]+ed|seen|written|given|taken|shown|known|chosen|drawn|held|sent|spent|"
    r"brought|sought|hired|paid|led|met|told|heard|made|kept|won)\s+by\s+(?:the\s+)?$"
)
# a plural naming a group of people: "prosecutors", "residents", "critics", "supporters"
GROUP_HEAD_WORD = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ees|ics|ives|men|women|people)$")
# ', said Ana Ruiz, will reopen': the speaker named in an aside, then the sentence's own verb
INVERTED_ASIDE = re.compile(
    r"\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*\s*,\s*(?:\w+ly\s+)?"
    r"(?:is|was|are|were|will|would|has|had|have|can|could|should|must|may|might|did|does|do)\b"
)
# "Lind is said to have told aides", "she was reported to have warned": hearsay about a speaker
RAISED_SUBJECT = re.compile(
    r"\s(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:said|reported|believed|understood|alleged|"
    r"thought|known)\s+to\s+(?:have\s+)?$"
)
# a sentence naming who said the quote before it: "Those were the words of Oskar Lind", "Lind
# made the remarks at a rally", "So said Lind"
_BACK_NAME = r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
BACK_REFERENCE = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))(?:"
    r"(?:Those|These|That|This|Such)\s+(?:were|was|are|is)\s+(?:the\s+)?(?:words|remarks|"
    rf"comments|message|warning|verdict|view)\s+(?:of|from)\s+(?:(?:the\s+)?[a-z]+\s+)?{_BACK_NAME}"
    rf"|{_BACK_NAME}\s+(?:made|delivered|offered|gave)\s+(?:the|those|these|his|her|their)\s+"
    r"(?:remarks|comments|statement|warning|speech)"
    rf"|So\s+said\s+{_BACK_NAME})",
    re.MULTILINE,
)
# a perception verb and the person perceived speaking: "heard an officer yell", "saw Ruiz wave and
# shout" (a bare infinitive after its object)
PERCEIVED_SPEAKER = re.compile(
    r"\b(?:heard|hear|hears|hearing|saw|see|sees|watched|listened\s+to)\s+"
    r"((?:(?:a|an|the|one|two|several|his|her|their)\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+)$"
)
TELL_VERBS = frozenset(
    """told tells tell telling assured assures assuring warned warns cautioned urged urges asked
    asks informed informs reminded reminds""".split()
)
PHRASE_VERBS = (
    r"spoken out|spoke out|speaks out|voiced concerns?|expressed concerns?|called for|calls for|"
    r"called on|called it|pointed out|points out|pointing out|made clear|makes clear|"
    r"(?:made|makes|make|making)\s+it\s+(?:\w+\s+)?clear"
)


def _trie(words: list[str]) -> str:
    """One regex alternation for many words, sharing prefixes ("sa(?:id|ys|y|ying)"): the
    engine then tries a handful of branches at each position instead of hundreds."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            body = ("(?:" + body + ")" if len(branches) == 1 else body) + "?"
        return body

    return render(tree)


VERB_RE = re.compile(
    r"\b(?:"
    + PHRASE_VERBS
    + "|"
    + _trie(sorted(set(CLAUSE_VERBS) | set(OBJECT_VERBS) | CHARACTERISING))
    + r")\b"
)
# "In Ruiz's words, ...", "By the mayor's own account, ...", "In the words of one resident,":
# whose words the sentence gives, like "according to"
IN_WORDS_RE = re.compile(
    r"\b(?:[Ii]n\s+the\s+words\s+of\s+(?P<of>[^,;]{2,60}?)"
    r"|(?:[Ii]n|[Bb]y)\s+(?:(?P<who>(?:[Tt]he\s+[a-z]+|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*?))"
    r"['’]s?|(?P<pronoun>his|her|their))\s+(?:own\s+)?"
    r"(?:words|view|opinion|telling|account|estimation|reckoning))\s*,\s*"
)
# what things go "according to" without anyone saying anything: "according to plan"
NORMS = frozenset(
    """plan plans schedule rule rules law laws tradition custom script instructions
    regulations guidelines procedure procedures protocol design standard standards taste
    preference recipe legend bible scripture timetable calendar forecast""".split()
)
# the noun phrase a restrictive relative clause hangs on, after a conjunction or a clause's start:
# "but engineers who inspected", "The residents who stayed"
RELATIVE_HEAD = re.compile(
    r"(?:^|[,;]\s*|\b(?:but|and|while|whereas|yet)\s+)(?!(?:but|and|while|whereas|yet)\b)"
    r"((?:(?:[Tt]he|[Ss]ome|[Mm]any|[Tt]wo|"
    r"[Tt]hree|[Ss]everal)\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)\s+(?:who|that)\s+[^,;:]{1,60}$"
)
# a non-restrictive relative clause right before the verb: ", many of whom sat through the
# trial," / ", which funded the study,"
RELATIVE_ASIDE = re.compile(
    r",\s*(?:(?:many|some|all|most|none|one|several|both|each|two|three)\s+of\s+)?"
    r"(?:whom|which|who|whose)\b[^,;:\"“”]{1,120},\s*(?:\w+ly\s+)?$"
)
# ", who said ...": a relative clause whose verb is a speech verb
RELATIVE_WHO = re.compile(r",\s*who\s+(?:(?:also|later|then|has|had|have|\w+ly)\s+)*(?=\S|$)")
# (a body speaks in one too: "..., criticised by the union, which said it would strike")
RELATIVE_WHO_WHICH = re.compile(
    r",\s*(?:who|which)\s+(?:(?:also|later|then|has|had|have|\w+ly)\s+)*(?=\S|$)"
)
# where a non-restrictive relative clause inside the subject ends and the main clause resumes:
# "The mayor, who said taxes would fall, has now raised them" (its first comma, then an
# auxiliary or a past verb with its object)
RESUMED_PREDICATE = re.compile(
    r",\s*(?:(?:\w+ly|now|also|then|later|since|still|again|instead)\s+)*"
    r"(?:(?:is|was|are|were|has|have|had|will|would|can|could|should|must|may|might|did|does)\b"
    r"|[a-z]{3,}ed\s+(?:them|it|him|her|us|the|a|an|its|their|his|our)\b)"
)
ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|[Pp]er(?= (?:the )?[A-Z]))\s+")
NEGATED_BEFORE = re.compile(
    r"\b(?:(?:did|does|do|would|will|could|can|has|have|had)(?:\s+not|n[’']t)|cannot|"
    r"(?:declined|declines|refused|refuses)\s+to|"
    # "None of this is to say ...", "is to announce his decision on Monday": not said yet
    r"(?:is|was)\s+(?:not\s+)?to|"
    # a wish or a plan is not yet speech: "the league wanted to believe", "hopes to show"
    r"(?:wants?|wanted|wanting|hopes?|hoped|hoping|wish(?:es|ed)?|plans?|planned|intends?|"
    r"intended|tries|tried|trying|expects?|expected)\s+to)\s+(?:\w+ly\s+)?$"
)
# a speech word used as a noun after a determiner ("has a say", "his claims", "the report"),
# in the idiom "having said that", or in a free relative ("what she said next surprised us")
NOT_A_VERB_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|its|my|our|your|this|these|those|every|each|no)"
    r"|\b[Hh]aving|(?:^|[.,;]\s*|\b(?:and|but)\s+)[Ww]hat(?:ever)?\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:he|she|they|it|I|we|you|the\s+[a-z]+|[A-Z][\w’'-]+))\s+$"
)
PASSIVE_BEFORE = re.compile(r"\b(?:is|was|were|be|been|being|are|am)\s+(?:\w+ly\s+)?$")
BY_AGENT = re.compile(r"^\s+by\s+")
# Where an attribution says what was said through: "in a statement", "in a televised speech".
_MEDIUM = (
    r"(?:statement|interview|email|e-mail|letter|post|speech|briefing|tweet|message|release|"
    r"memo|filing|conference|call|video|broadcast|testimony|hearing|op-ed|column|essay|podcast|"
    r"book|lawsuit|complaint|motion|ruling|affidavit|petition|report|study|paper|article|blog|"
    r"newsletter|submission|document)"
)
# "according to Dana Kim in an interview with the Ledger": how the source said it, after it
MEDIUM_TAIL = re.compile(
    rf"\s+(?:in|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}{_MEDIUM}\b.*$"
)
# Words between a subject and its speech verb: adverbs, auxiliaries, time phrases, the medium,
# and catenative verbs ("continued to insist", "went on to say", "appeared to suggest").
ADVERB_TAIL = re.compile(
    r"(?:\s*\b(?:also|however|then|still|later|earlier|again|previously|repeatedly|strongly|"
    r"sharply|firmly|flatly|publicly|privately|initially|first|finally|ultimately|unanimously|"
    r"long|consistently|twice|"
    r"quickly|immediately|separately|similarly|further|never|always|often|once|recently|now|too|"
    r"already|just|only|simply|even|both|all|each|reportedly|apparently|allegedly|since|ever|"
    r"(?:has|have|had|would|will|could|should|may|might|must|did|does|do)(?:\s+not|n['’]t)?|"
    r"continu(?:e|es|ed)|went on|go(?:es)? on|appear(?:s|ed)?|seem(?:s|ed)?|"
    r"to|today|yesterday|tonight|last (?:week|month|year|night|weekend)|"
    r"this (?:week|month|year|morning|afternoon|evening)|"
    r"(?:on |late |early |last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (?:morning|afternoon|evening|night))?|"
    r"in (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)|on (?:Twitter|Facebook|Instagram|X|social media|television|TV|the radio)|"
    rf"at (?:that|the) time|in (?:a|an) (?:\w+ )?{_MEDIUM}|"
    r"earlier this \w+|(?:more\s+|most\s+)?[a-z]+ly)\s*,?)\s*$"
)
# the last relative pronoun of a segment and the clause after it
RELATIVE_TAIL = re.compile(
    r"\s(?:who|which|that)\b\s*(\S*)"
    r"(?:(?!\b(?:who|which|that)\b)(?:[^,;:\"“”]|(?<=\d),(?=\d{3}))){0,160}$"  # ("155,000")
)
INFINITIVE_BEFORE = re.compile(
    r"\b(?:to|do|does|did|will|would|could|should|may|might|must|can)\s+(?:\w+ly\s+)?$"
)
# a finite clause follows within a few words: "the budget was balanced"
FINITE_SOON = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,5}?(?:is|was|are|were|has|have|had|will|would|can|could|should|"
    r"may|might|must|did|does|do)\b"
)
QUOTED_AS = re.compile(
    r"\s(?:(?:was|were|is|are|has been|have been|had been)\s+)?quoted\s+"
    r"(?:(?:by|in|on)\s+[^,;]{1,60}?\s+)?as$"
)
TAIL_CLAUSE = re.compile(r"[,;:]|\b(?:that|to|about|if|whether|what|how|why)\b")
# what may open a that-clause before its own subject: nothing, or a short adverbial ("said
# that after a review the city had concluded ...")
EMBEDDING_GAP = re.compile(
    r"\s*(?:(?:after|before|following|despite|under|in|on|at|for|with|without)"
    r"(?:\s+[^,;:.\"“”]{1,40}?)?\s+)?"
)
CLAUSE_STOPS = frozenset(
    """that which who whom whose if when while because but or as so though although since after
    before where why how than then whether where until unless once despite""".split()
)
DOC_NOUNS = frozenset(
    "report reports story article statement study survey analysis data paper document filing "
    "filings memo letter studies surveys findings figures estimates timeline website "
    "transcript documents records emails faq statistics".split()
)
# ", a new study by" closing the words before a named source
DOC_BY_TAIL = re.compile(
    r",\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(sorted(DOC_NOUNS)) + r")\s+(?:by|from)$"
)
_DET_NP = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[\w’'-]+(?:\s+[\w’'-]+)?"
# a list of common noun phrases opening a sentence: "The mayor, the police chief and the ..."
DETERMINER_LIST = re.compile(rf"\s*((?:{_DET_NP},\s+)*{_DET_NP},?\s+and\s+{_DET_NP})\s")
DETERMINERS = frozenset(
    """the a an one two three four five some many several most all both another his her their
    its""".split()
)
FIRST_PERSON = re.compile(r"\b(?:we|our|us|ours|I|my|me)\b", re.IGNORECASE)
SECTION_HEAD = re.compile(
    r"\b(?:full|complete|entire|whole)\b.{0,60}\bstatements?\b|\bstatements?\b.{0,30}\bin full\b",
    re.IGNORECASE,
)
# "Union says talks collapsed": headlines report speech in the present tense
# (verbs whose content is a clause; a headline's "X denies Y" names the denial the story
# then reports)
_HEADLINE_VERB = (
    r"(?:says|say|tells|warns|claims|insists|insist|admits|vows|vow|urges|urge|predicts|"
    r"suggests|suggest|denies|deny|argues|argue|confirms|concedes|believes|thinks|"
    r"acknowledges|acknowledge|alleges|allege|asserts|contends|maintains|stresses)"
)
HEADLINE_SPEECH = re.compile(
    rf"^[A-Z][^,;:.!?]{{0,60}}?\s{_HEADLINE_VERB}\s+\S"  # "Union says talks collapsed"
    rf"|^[A-Z].{{8,}},\s+[^,;:]{{1,40}}?\s{_HEADLINE_VERB}\s*$"  # "..., CEO says"
)
# "Mayor Ana Ruiz: ..." at the start of a paragraph (up to five capitalised words; one only
# when it is a person named elsewhere, as in a headline "Ruiz: ‘We will win’")
SPEAKER_COLON = re.compile(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*:\s+(?=\S)")
# A restrictive clause saying why a source goes unnamed, between the source and its verb: "a
# nurse who asked not to be named said", "two engineers who declined to be identified told";
# masked so the noun phrase before it is the subject, and "asked" is no speech verb here.
ANONYMITY_CLAUSE = re.compile(
    r"(?<=\w)\s+who\s+(?:"
    r"(?:asked|requested|declined|refused|did\s+not\s+want|didn[’']t\s+want)\s+(?:not\s+)?"
    r"to\s+be\s+(?:named|identified|quoted)(?:\s+by\s+name)?"
    r"|(?:was|were|is|are)\s+not\s+(?:authori[sz]ed|allowed|permitted)\s+to\s+"
    r"(?:speak|talk|comment)(?:\s+(?:publicly|on\s+the\s+record))?"
    r"|spoke\s+on\s+(?:the\s+)?condition\s+of\s+anonymity)"
    # and why ("... to be identified out of fear of the law said"): before the verb
    r"(?:\s+(?:out\s+of|for)\s+fear\s+of\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+(?=\s+(?:said|says|told)\b|[.,;]))?"
    r"(?=[\s.,;])"
)
# Picture credits: "Photograph: Jane Doe/AP", "(Photo by Jane Doe/Getty Images)", "(Jane Doe/
# Reuters)", "Jane Doe/AP Photo" or "Jane Doe for The Ledger" closing a caption. They name the
# photographer, who says nothing: hidden from the name scan, they can't become a he or she.
_CREDIT_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
PHOTO_CREDIT = re.compile(
    r"\b(?:Photo(?:graph)?s?|Pictures?|Images?|Illustrations?|Video|Graphic|Credits?)"
    r"(?:\s+(?:credit|courtesy(?:\s+of)?|by))?\s*:\s*[^\n]{1,80}$"
    r"|\((?:[A-Z]+\s+)?(?:Photo(?:graph)?|Picture|Image)s?\b[^()\n]{0,80}\)"
    rf"|\({_CREDIT_NAME}\s*/\s*[^()\n/]{{1,40}}\)"
    rf"|(?<=[.!?]\s){_CREDIT_NAME}\s*/\s*[A-Z][\w&.’' -]{{0,40}}$"
    rf"|(?<=[.!?]\s){_CREDIT_NAME}\s+for\s+(?:[Tt]he\s+)?[A-Z][\w&.’' -]{{0,40}}$",
    re.MULTILINE,
)
# the line closing a post embedded in an article: "— Ana Ruiz (@anaruiz) March 3, 2025"
POST_SIGNATURE = re.compile(
    r"[–—-]\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*\(@\w+\)\s*"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?\s*$"
)
# a link or picture address a post ends with: "pic.twitter.com/x1y2", "https://t.co/x1y2"
POST_TAIL = re.compile(r"(?:\s+(?:pic\.\S+|https?://\S+))+\s*$")
# the newsroom speaking about its own story: "Correction: An earlier version of this story said"
EDITORIAL_NOTE = re.compile(
    r"^(?:Corrections?|Clarification|Editor['’]s\s+[Nn]ote|Update|Updated?|CORRECTION|UPDATE)"
    r"\s*(?:\([^)]{0,40}\))?\s*:"
)
SIGNATURE = re.compile(r"^[–—-]\s*([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})\s*(?:,\s*(.+))?$")
WORD_RE = re.compile(r"[^\s—–]+|[—–]")  # (a dash glued between words is a word of its own)
# a wire dateline opening a story: "CEDAR RIDGE, Calif. (AP) — ", "(Reuters) - ", "LONDON — "
DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'-]{2,40}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s+)?"
    r"(?:\([A-Z][\w .&-]{0,30}\)\s*)?[—–-]+\s+(?=\S)"
)
# '"QUOTE," National Weather Service meteorologist': words describing the speaker after a quote
QUOTE_THEN_DESCRIPTOR = re.compile(r"(?:,[\"”]|[\"”],)\s+((?:[\w’'.&-]+\s+){0,5}[\w’'.&-]+)$")
DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
# ", Raj Mehta," or ", the finance director," right after a source
APPOSITIVE_AFTER = re.compile(r",\s*([^,;]{2,80}?),\s*(?=\S)")
# where reported content ends: a participle adding another statement, or a dash opening the
# writer's own aside ("... to help — but it is impossible to know whether ...")
# (or an appositive judging what was said: "..., a claim officials rejected")
CONTENT_CUT = re.compile(
    r"(?:,|(?<=[\"”]))\s*(?:saying|adding|telling|insisting|noting|arguing)\b"
    # (a comma just inside a closing quotation mark is masked with the quote: '"...," adding')
    # (and what the saying did: "..., ending months of speculation")
    r"|,\s*(?:ending|marking|prompting|sparking|triggering|drawing|fueling|fuelling)\s"
    r"|,\s*(?:a|an)\s+(?:claim|charge|accusation|assertion|allegation|contention|view)\s"
    # (or the speaker's next act after a closing quotation mark: 'said "we will win" and left')
    r"|(?<=[\"”])\s+and\s+(?:then\s+)?(?:[a-z]+ed|left|went|took|gave|made|told|said|ran)\b"
    # (or what the speaker would not say: "..., but declined to say how much")
    r"|,?\s+but\s+(?:declined|refused|would\s+not|did\s+not|gave\s+no|offered\s+no)\b"
    r"|\s[—–]\s*(?:but|and|though|although|while|yet)\b"
    # (or the writer's inference from it: "..., which would mean he crossed two borders")
    r"|,\s*which\s+(?:would\s+|could\s+|might\s+)?(?:mean|means|meant|suggest|suggests|"
    r"suggested|indicate|indicates|indicated)\b"
)
TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "pres": "president",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "prof": "professor",
    "dr": "doctor",
    "maj": "major",
    "cpl": "corporal",
    "pvt": "private",
    "cmdr": "commander",
    "det": "detective",
    "supt": "superintendent",
    "atty": "attorney",
    "msgr": "monsignor",
    "rev": "reverend",
}
# Trade nouns a business is called by ("the retailer said"); any "-maker" is one too, so
# COMPANY_NOUNS holds the ones in common use and company_noun() the rest.
COMPANY_NOUNS = frozenset(
    """company firm group carrier automaker carmaker retailer bank airline manufacturer maker
    startup chain conglomerate insurer lender chipmaker drugmaker supplier distributor
    producer operator publisher broadcaster developer utility brokerage exporter importer
    wholesaler refiner miner shipper railroad railway telecom""".split()
)


def company_noun(word: str) -> bool:
    """'the retailer', 'the toymaker', 'the steelmaker': a noun naming a business by its trade."""
    word = word.casefold()
    return word in COMPANY_NOUNS or (word.endswith("maker") and word.isalpha())


BY_SOURCE = re.compile(r"\bby\s+((?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|[A-Z][\w’'&.-]*))*)")
ADVERB_BEFORE_VERB = re.compile(r"\b(?:all|both|also|have|has|had|\w+ly|never|not)\s+$")
COORDINATED = re.compile(
    r"\b(?:and|but)(?:\s+(?:then|also|later|always|still|again|never|often|\w+ly))*$"
)
AUXILIARIES = frozenset(
    "is was are were has have had will would can could should may might must did does".split()
)
# "CLAUSE, a decision he disclosed in an interview": a noun summing up the clause before it,
# then the speaker and verb of a relative clause whose object is that noun
SUMMING_NOUN = re.compile(
    r",\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:decision|claim|point|view|position|assertion|"
    r"message|move|charge|accusation|allegation|argument|announcement|prediction|promise|"
    r"pledge|warning|statement|conclusion|assessment|finding)\s*$"
)
WINDOW_BEFORE = 400  # characters of a sentence examined before a speech verb
WINDOW_AFTER = 1500  # and after it (reported content longer than this is cut)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
LEADING_ADVERBIAL = re.compile(
    rf"\s*(?:(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:last|this|next)\s+(?:week|month|year|weekend|morning|night)|yesterday|today|"
    rf"in\s+(?:a|an)\s+(?:\w+\s+)?{_MEDIUM}"
    r"(?:\s+(?:to|with)\s+(?:(?:the|a|an|his|her|their|its)\s+)?[\w.’'-]+)?|"
    r"(?:after|before|during|at)\s+(?:the|a|an|his|her|their|its)\s+[a-z]+|"
    r"on\s+(?:Twitter|Facebook|Instagram|X|social media|television|TV|the radio)|"
    r"earlier|later|recently|publicly|privately)\s*,?\s+(?=\S)"
)
OBJECT_END = re.compile(
    r"[,;:]|\s(?:and|but|which|who|while|because|after|before|when|as|saying|in a statement)\s"
    r"|\s(?:announced|made|published|issued|released|posted|reported)\s"
)
# what a characterisation says ends like an object, but "as slow and careless" coordinates
# adjectives: only a verb after "and" starts a new predicate ("... as reckless and urged ...")
FRAME_END = re.compile(
    r"[,;:]|\s(?:but|while|because|after|before|when|saying|in a statement)\s"
    r"|\sand\s(?=(?:\w+ly\s+)?(?:[a-z]+ed|said|says|told|gave|made|took|went|won)\s+"
    r"(?:the|a|an|his|her|their|its|that|to|it|him|them|on|in)\b)"
)


# past tenses that do not end in -ed (a subject's verb: "Northwind began cutting power, saying")
IRREGULAR_PAST = frozenset(
    """began became came held met sent spent put set cut let lost paid sought brought built chose
    drew fell fought grew led rose spoke stood struck took threw broke shut hit kept left won
    ran saw knew thought felt found made gave went got told said wrote""".split()
)
LINKS = frozenset("of for the de del al and".split())
LIST_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*, )+$")


def is_boundary(word: str) -> bool:
    return word.endswith((",", ";", ":")) or any(c in word for c in '"“”—–') or "xxx" in word


def is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def word_spans(text: str, base: int) -> list[tuple[int, str]]:
    return [(base + m.start(), m.group()) for m in WORD_RE.finditer(text)]


def bare(word: str) -> str:
    return word.strip(',.;:!?"“”‘’()[]—–-').casefold()


def singular(word: str) -> str:
    """A plain English plural's singular ("companies" -> "company", "hospitals" -> "hospital")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]  # "witnesses", "churches", "boxes"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def is_cap(word: str) -> bool:
    w = word.lstrip('"“‘(')
    return bool(w) and (w[0].isupper() or (w[0].isdigit() and len(w) > 1 and w[-1].isalpha()))


# Words opening an adjunct after a speech verb ("..., Ruiz said outside the court", "said
# late Tuesday", "said hours before the vote"): where, when, how or to whom it was said.
ADJUNCT_OPENERS = frozenset(
    """in on at before after during last this earlier later to when while as from via through
    with by per according then yesterday today tonight overnight recently also again told
    outside inside near amid amidst following ahead under over behind beside among across
    around upon without within throughout late early shortly soon afterward afterwards moments
    minutes hours days weeks months years monday tuesday wednesday thursday friday saturday
    sunday""".split()
)


def is_adverbial(tail: str) -> bool:
    words = tail.split()
    if not words or len(words) > 14:
        return False
    first = words[0].casefold().strip(",.")
    if (
        first in ("this", "last")
        and len(words) > 2
        and re.match(
            r"(?:is|was|are|were|will|would|may|might|can|could|should|has|have|had)$",
            words[2].casefold(),
        )
    ):
        return False  # "says this model may overestimate ...": a clause, not "this week"
    if re.match(
        r"at\s+(?:least|most)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen)",
        tail.casefold(),
    ):
        return False  # "said at least 12 people were killed": a number opens the clause
    # ("said eventually this will be unnecessary": an adverb opening the clause said)
    if (
        first.endswith("ly")
        and len(words) > 2
        and re.match(r"(?:this|that|the|it|he|she|they|we|there)$", words[1].casefold())
    ):
        return False
    # "said flatly", "said two days later"
    numeral = first.isdigit() or first in ("one", "two", "three", "four", "five", "several")
    return (
        first in ADJUNCT_OPENERS
        or (first.endswith("ly") and len(first) > 4 and words[0][0].islower())
        or (numeral and len(words) > 1 and words[1].casefold().strip(",.") in ADJUNCT_OPENERS)
    )
