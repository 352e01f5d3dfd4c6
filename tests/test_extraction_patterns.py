"""Patterns of reported speech in English news, each on a short invented article.

Everything here is invented (people, places, companies); no test needs the shared corpus.
Pure tests: no database.
"""

from __future__ import annotations

from factcheck.extraction import Extraction, extract


def said(result: Extraction) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.quote) for s in result.statements]


def offsets_hold(result: Extraction) -> None:
    for s in result.statements:
        assert result.text[s.start : s.end] == s.quote


# -- quotes ------------------------------------------------------------------------------------


def test_quote_with_attribution_before_after_and_between():
    result = extract(
        'Mayor Ana Ruiz said: "The bridge will reopen in May."\n\n'
        '"We have the money," Ruiz told reporters. "We have the crews."\n\n'
        '"Nothing will stop us now," said Ruiz.'
    )
    assert said(result) == [
        ("Ana Ruiz", "The bridge will reopen in May."),
        ("Ana Ruiz", "We have the money"),
        ("Ana Ruiz", "We have the crews."),
        ("Ana Ruiz", "Nothing will stop us now"),
    ]
    assert all(s.direct for s in result.statements)


def test_question_in_quotes_with_an_inverted_asking_verb_and_a_short_follow_up():
    result = extract("“Why now?” asked Ana Ruiz, a parent at the school. “Nobody told us.”")
    assert said(result) == [("Ana Ruiz", "Why now?"), ("Ana Ruiz", "Nobody told us.")]


def test_quote_before_a_title_with_the_name_in_apposition():
    result = extract('"We will not back down," the minister, Oskar Lind, said on Monday.')
    assert said(result) == [("Oskar Lind", "We will not back down")]


def test_partial_quote_after_a_speakers_quote_goes_on_quoting_them():
    result = extract(
        "“The officer returned fire,” Captain Mara Holm said. The driver fled, "
        "“firing his weapon at passing cars.”"
    )
    assert said(result) == [
        ("Mara Holm", "The officer returned fire"),
        ("Mara Holm", "firing his weapon at passing cars."),
    ]


def test_short_scare_quotes_stay_narrative():
    result = extract('The so-called "green corridor" opened in May, and a "soft" launch followed.')
    assert result.statements == ()


def test_british_single_quotes_across_paragraphs():
    result = extract(
        "‘The first part of the plan is done,’ said Priya Raman, the council’s treasurer. "
        "‘The second part starts now.\n\n"
        "‘We expect it to finish before winter, and the students’ union agrees.’"
    )
    assert said(result) == [
        ("Priya Raman", "The first part of the plan is done"),
        ("Priya Raman", "The second part starts now."),
        ("Priya Raman", "We expect it to finish before winter, and the students’ union agrees."),
    ]
    offsets_hold(result)


def test_apostrophes_are_not_single_quotes():
    result = extract("The players’ union didn’t meet, and the club’s owner wasn’t there.")
    assert result.statements == ()


def test_a_name_and_a_colon_introduce_a_statement_but_a_place_and_a_subtitle_do_not():
    result = extract(
        'Mayor Ana Ruiz: "We will rebuild the bridge by spring."\n\n'
        "Harbor Point: a town divided over its water."
    )
    assert said(result) == [("Ana Ruiz", "We will rebuild the bridge by spring.")]


# -- reported speech ---------------------------------------------------------------------------


def test_said_in_a_statement_speech_or_email_and_said_that():
    result = extract(
        "Northwind Labs said in a statement that the plant was safe.\n\n"
        "In a speech on Tuesday, the governor said taxes would not rise.\n\n"
        "Oskar Lind said in an email that the school would reopen."
    )
    assert said(result) == [
        ("Northwind Labs", "the plant was safe."),
        ("the governor", "taxes would not rise."),
        ("Oskar Lind", "the school would reopen."),
    ]
    assert not any(s.direct for s in result.statements)


def test_content_told_to_someone_comes_before_the_attribution():
    result = extract(
        "The bridge will close for a year, an engineer told the Coastal Ledger.\n\n"
        "The repairs will cost $4 million, Ana Ruiz told reporters on Monday."
    )
    assert said(result) == [
        ("an engineer", "The bridge will close for a year"),
        ("Ana Ruiz", "The repairs will cost $4 million"),
    ]


def test_according_to_a_source():
    result = extract("The bridge is unsafe, according to a report by the city engineer.")
    assert said(result) == [("the city engineer", "The bridge is unsafe")]


def test_reporting_verbs_in_all_their_forms():
    result = extract(
        "Economists warn that prices will keep rising.\n\n"
        "Oskar Lind argued the tax was unfair, suggesting that it be repealed.\n\n"
        "Critics acknowledged that the plan had worked."
    )
    assert said(result) == [
        ("Economists", "prices will keep rising."),
        ("Oskar Lind", "the tax was unfair"),
        ("Oskar Lind", "it be repealed."),
        ("Critics", "the plan had worked."),
    ]


def test_catenative_and_perfect_frames_before_the_verb():
    result = extract(
        "The mayor continued to insist the budget was balanced.\n\n"
        "Nadia Ferreira has since said that she regrets the vote.\n\n"
        "Oskar Lind went on to suggest that the vote be delayed."
    )
    assert said(result) == [
        ("The mayor", "the budget was balanced."),
        ("Nadia Ferreira", "she regrets the vote."),
        ("Oskar Lind", "the vote be delayed."),
    ]


def test_an_infinitive_with_a_mere_object_is_no_statement():
    assert extract("The city has yet to explain the delay.").statements == ()


def test_subject_with_a_restrictive_relative_clause():
    result = extract(
        "Analysts who have studied the plan say they cannot see how it would work.\n\n"
        "The plan was backed by the Harbor Trust, a local group which said in a release that "
        "its board had met at dawn."
    )
    assert said(result) == [
        ("Analysts", "they cannot see how it would work."),
        ("Harbor Trust", "its board had met at dawn."),
    ]


def test_present_tense_headline_reports_speech_but_a_plain_heading_does_not():
    result = extract(
        "Northwind says it will close the Harbor Point plant\n\n"
        "Water and power\n\n"
        "The plant has run since 1998."
    )
    assert said(result) == [("Northwind", "it will close the Harbor Point plant")]


def test_announcing_an_event_is_not_a_claim():
    result = extract(
        "Oskar Lind announced his retirement on Monday.\n\n"
        "Northwind announced that the plant would close."
    )
    assert said(result) == [("Northwind", "the plant would close.")]


def test_the_that_clause_of_a_speech_noun_belongs_to_its_possessor():
    result = extract(
        "Despite Mr. Lind’s announcement that the two sides had reached a deal, signing it has "
        "proved elusive."
    )
    assert said(result) == [("Lind", "the two sides had reached a deal")]


def test_a_number_with_a_thousands_comma_stays_inside_the_appositive():
    result = extract(
        "Jenna Park, who organized a petition signed by more than 2,000 residents, told the "
        "Ledger she was disappointed."
    )
    assert said(result) == [("Jenna Park", "she was disappointed.")]


def test_according_to_a_title_and_the_name_in_apposition():
    result = extract(
        "According to the city's finance director, Raj Mehta, property taxes will rise.\n\n"
        "The plan failed, according to the mayor."
    )
    assert said(result) == [
        ("Raj Mehta", "property taxes will rise."),
        ("the mayor", "The plan failed"),
    ]


def test_a_second_verb_after_a_quoted_phrase_has_its_own_content():
    result = extract(
        'The group said the cuts were "the worst in a decade" and warned that older people '
        "would be cut off."
    )
    assert said(result) == [
        ("The group", 'the cuts were "the worst in a decade"'),
        ("The group", "older people would be cut off."),
    ]


def test_accused_of_without_an_object_is_a_participle():
    result = extract(
        "Ministers accused of 'betraying' rural bus users as routes cut\n\n"
        "The union accused the company of lying."
    )
    assert said(result) == [("The union", "accused the company of lying.")]


def test_wire_story_dateline_descriptor_titles_and_declared_events():
    result = extract(
        "CEDAR RIDGE, Calif. (AP) — A wildfire forced 3,000 people from their homes, "
        "officials said.\n\n"
        '"It jumped the highway," said fire Capt. Rosa Delgado.\n\n'
        "Governor Elena Ward declared a state of emergency, saying more crews would come.\n\n"
        '"Tomorrow could be worse," weather service meteorologist Dana Kim said in an interview.'
    )
    assert said(result) == [
        ("officials", "A wildfire forced 3,000 people from their homes"),
        ("Rosa Delgado", "It jumped the highway"),
        ("Elena Ward", "more crews would come."),
        ("Dana Kim", "Tomorrow could be worse"),
    ]


def test_described_as_a_conjunction_is_no_characterisation():
    assert extract("Residents described chaotic scenes as they fled.").statements == ()


def test_an_appositive_participle_phrase_and_a_letter_to_someone():
    result = extract(
        "Ana Ruiz, speaking to reporters on Monday, said the vote was rigged.\n\n"
        "Ruiz wrote in a letter to the board that she would resign.\n\n"
        "Marsh's lawyer said in a statement after the hearing that the testimony proves nothing."
    )
    assert said(result) == [
        ("Ana Ruiz", "the vote was rigged."),
        ("Ana Ruiz", "she would resign."),
        ("Marsh's lawyer", "the testimony proves nothing."),
    ]


def test_negated_and_declined_speech_is_not_a_statement():
    result = extract(
        "Ana Ruiz did not say whether she would run.\n\n"
        "Oskar Lind declined to say how much the plan cost.\n\n"
        "Ruiz said she did not know."
    )
    assert said(result) == [("Ana Ruiz", "she did not know.")]


def test_quoted_as_saying_and_claims_made_in_a_filing():
    result = extract(
        "Ana Ruiz was quoted by the Ledger as saying that the talks had failed.\n\n"
        "The families alleged in a lawsuit filed Monday that the company hid the risks."
    )
    assert said(result) == [
        ("Ana Ruiz", "the talks had failed."),
        ("The families", "the company hid the risks."),
    ]


def test_a_quote_running_into_a_paragraph_that_omits_the_opening_mark():
    result = extract(
        "The mayor spoke first.\n\n"
        "“We will win this fight.\n\n"
        "And we will fix the roads,” said Ana Ruiz."
    )
    assert said(result) == [
        ("Ana Ruiz", "We will win this fight."),
        ("Ana Ruiz", "And we will fix the roads"),
    ]
    assert all(s.direct for s in result.statements)


def test_a_headline_surname_and_colon_before_a_quote_but_not_a_kicker():
    result = extract(
        "Ruiz: ‘We will win the seat back’\n\n"
        "Exclusive: ‘We were lied to by the board’\n\n"
        "Ana Ruiz spoke to supporters on Monday."
    )
    assert said(result) == [("Ana Ruiz", "We will win the seat back")]


def test_a_question_ending_its_own_sentence_before_the_attribution():
    result = extract(
        "“What is the incentive?” Wen Lin, the former director of the fund, said at an event "
        "in Washington.\n\n"
        "Bennett declined to be interviewed and asked if questions could be sent by email."
    )
    assert said(result) == [("Wen Lin", "What is the incentive?")]


def test_a_quote_given_by_according_to_and_a_participle_after_a_named_subject():
    result = extract(
        '"The bridge is unsafe," according to a report by the city engineer.\n\n'
        'Ruiz defended the plan, adding: "It will save lives."'
    )
    assert said(result) == [
        ("the city engineer", "The bridge is unsafe"),
        ("Ruiz", "It will save lives."),
    ]
    assert all(s.direct for s in result.statements)


def test_an_inverted_attribution_naming_a_described_person():
    result = extract(
        '"Best night of my life," said season-ticket holder Lucy Grant, 34. "Well, after my '
        'wedding."'
    )
    assert said(result) == [
        ("Lucy Grant", "Best night of my life"),
        ("Lucy Grant", "Well, after my wedding."),
    ]


def test_what_a_study_found_comes_before_it_at_the_end_of_a_sentence():
    result = extract(
        "Shaded streets saw fewer heat visits last summer, a new study by Lakeshore University "
        "found.\n\n"
        "After the storm, police found a body."
    )
    assert said(result) == [
        ("Lakeshore University", "Shaded streets saw fewer heat visits last summer")
    ]


def test_a_joint_statement_of_a_list_of_common_noun_phrases():
    result = extract(
        "The mayor, the police chief and the fire marshal all said the fire was under control."
    )
    assert [s.speaker for s in result.statements] == [
        "The mayor",
        "the police chief",
        "the fire marshal",
    ]
    assert len({(s.start, s.end) for s in result.statements}) == 1


# -- speakers: names, hearers, joint subjects, unnamed sources ------------------------------------


def test_a_name_with_a_middle_initial_and_a_party_state_tag_stays_whole():
    result = extract(
        '"This is a sad day," said Sen. Jane Q. Public, R-Texas.\n\n'
        "Rep. Tomas B. Varga, D-Ohio, said the bill would pass."
    )
    assert [s.speaker for s in result.statements] == ["Jane Q. Public", "Tomas B. Varga"]
    assert {p.kind for p in result.parties} == {"person"}


def test_a_plural_anaphor_takes_up_the_parties_coordinated_before_it():
    result = extract(
        "Northwind Airlines and Contoso Air cancelled dozens of flights on Monday.\n\n"
        '"We regret the delays," the two carriers said in a joint statement.\n\n'
        "Ana Ruiz and Tomas Varga left the council in May. Both women said the budget was "
        "never balanced.\n\n"
        "Both sides said talks would go on."
    )
    assert said(result) == [
        ("Northwind Airlines", "We regret the delays"),
        ("Contoso Air", "We regret the delays"),
        ("Ana Ruiz", "the budget was never balanced."),
        ("Tomas Varga", "the budget was never balanced."),
        ("Both sides", "talks would go on."),  # no telling which sides
    ]
    kinds = {p.name: p.kind for p in result.parties}
    assert kinds["Contoso Air"] == kinds["Northwind Airlines"] == "organization"


def test_the_named_holder_of_a_role_on_someones_behalf_speaks_not_the_one_he_speaks_for():
    result = extract(
        "Derek Vance owns the team.\n\n"
        "A spokesman for Vance, Paul Ng, said the team had paid for a study."
    )
    assert said(result) == [("Paul Ng", "the team had paid for a study.")]


def test_the_hearer_of_an_interview_is_not_the_speaker():
    result = extract(
        "Jane Holm runs the shelter.\n\n"
        "In an interview with the Daily Ledger, Holm said the shelter was out of beds.\n\n"
        "Speaking to the Evening Star on Sunday, she said the city had not helped.\n\n"
        '"We are full," Holm told the Portville Courier.'
    )
    assert [s.speaker for s in result.statements] == ["Jane Holm"] * 3


def test_a_company_whose_name_looks_like_a_persons_is_typed_by_how_the_text_treats_it():
    result = extract(
        "Harbor Freight Lines said on Tuesday that it would cut 400 jobs.\n\n"
        "The company said the cuts would save $40 million a year.\n\n"
        '"The cuts are overdue," said Priya Raman, an analyst at Westbrook Securities.\n\n'
        "Westbrook Securities said its forecast was unchanged."
    )
    assert [s.speaker for s in result.statements] == [
        "Harbor Freight Lines",
        "Harbor Freight Lines",
        "Priya Raman",
        "Westbrook Securities",
    ]
    kinds = {p.name: p.kind for p in result.parties}
    assert kinds == {
        "Harbor Freight Lines": "organization",
        "Priya Raman": "person",
        "Westbrook Securities": "organization",
    }


def test_a_country_whose_peoples_adjective_the_text_uses_speaks_as_a_government():
    result = extract(
        "Kenya said it would send two ships. Kenyan officials gave no date.\n\n"
        "Contoso said it would build the ships."
    )
    kinds = {p.name: p.kind for p in result.parties}
    assert kinds == {"Kenya": "government", "Contoso": "organization"}


def test_a_business_called_by_its_trade_is_the_company_named_before():
    result = extract(
        "Tailspin Toys cut its forecast on Monday.\n\n"
        "The struggling toymaker said sales fell.\n\n"
        "Fabrikam shares fell 4 percent.\n\n"
        "The Dutch chipmaker said demand was weak."
    )
    assert said(result) == [
        ("Tailspin Toys", "sales fell."),
        ("Fabrikam", "demand was weak."),
    ]
    assert {p.kind for p in result.parties} == {"organization"}


def test_the_ranker_never_fills_a_gap_with_someone_only_ever_spoken_to():
    result = extract(
        'Union members spoke to Tom Hale, the mayor, on Monday.\n\n"We will strike if we must."'
    )
    assert [s.speaker for s in result.statements] == [None]


def test_they_takes_up_the_plural_source_of_the_sentence_before_in_its_paragraph():
    result = extract(
        '"This is a slap on the wrist," said Mark Olsen, who heads a consumer group.\n\n'
        "Officials at the agency said more fines could follow. They said the inquiry was "
        "continuing."
    )
    assert [s.speaker for s in result.statements] == [
        "Mark Olsen",
        "Officials at the agency",
        "Officials at the agency",
    ]


def test_a_body_taken_up_by_the_common_noun_its_name_ends_with():
    result = extract(
        "The Harbor Safety Agency fined Northwind Shipping on Thursday.\n\n"
        "The agency said the company had ignored repeated warnings."
    )
    assert [s.speaker for s in result.statements] == ["Harbor Safety Agency"]
    (party,) = result.parties
    assert "The agency" in party.aliases


def test_an_inverted_speech_verb_opening_a_sentence_is_not_part_of_the_name():
    result = extract(
        "Coach Ilse Varga met her players on Monday. “We were slow,” said Ilse.\n\n"
        "Replied Ilse, after a pause: “Only if we start today.”"
    )
    assert [p.name for p in result.parties] == ["Ilse Varga"]
    assert said(result)[0] == ("Ilse Varga", "We were slow")


def test_a_longer_name_ending_in_someone_elses_full_name_is_another_person():
    # "Van Holm" in "Mara Van Holm" is her surname, but "Ana Ruiz" in "Lena Ana Ruiz" opens
    # with a given name: the mother and her namesake daughter are two people.
    result = extract(
        "Mayor Ana Ruiz opened the bridge on Monday. “It took ten years,” said Ana Ruiz.\n\n"
        "Her daughter Lena Ana Ruiz, 19, cut the ribbon.\n\n"
        "“We are proud of her,” says Ana Ruiz."
    )
    assert [s.speaker for s in result.statements] == ["Ana Ruiz", "Ana Ruiz"]
    multi = extract("“We will appeal,” said Mara Van Holm, the lawyer. Van Holm said little else.")
    assert [p.name for p in multi.parties] == ["Mara Van Holm"]


def test_a_name_the_text_puts_in_quotation_marks_is_a_thing_not_a_person():
    result = extract(
        'One diner, Kim Sato was sick after eating the "Red Comet" on Friday.\n\n'
        "The owner, Mr Berg, said he would change the recipe.\n\n"
        "He added that ten diners had given up.\n\n"
        "Last year the diner's Red Comet dish sent a man to hospital.\n\n"
        'Kim, 24, a student, finished second, but she said the prize "was not worth it".'
    )
    assert "Red Comet" not in [p.name for p in result.parties]
    assert said(result)[-1] == ("Kim Sato", 'the prize "was not worth it".')


def test_she_never_lands_on_a_man_when_an_earlier_person_of_open_gender_is_there():
    result = extract(
        "Kim Sato was sick after the race on Friday.\n\n"
        "The organiser, Mr Berg, said he would shorten the course.\n\n"
        "He added that ten runners had given up.\n\n"
        "The course was the hardest in years, but she said she would race again."
    )
    assert [s.speaker for s in result.statements] == ["Berg", "Berg", "Kim Sato"]


def test_a_plural_anaphor_takes_up_names_that_carry_a_ticker_in_parentheses():
    result = extract(
        "The port serves Northwind Airlines (NWA) and Contoso Air (CTA). Both airlines said "
        "they had hired extra staff."
    )
    assert [s.speaker for s in result.statements] == ["Northwind Airlines", "Contoso Air"]


def test_a_spokeswoman_for_a_named_body_speaks_not_the_body_when_her_words_come_first():
    result = extract(
        "Fares will not rise this year, a spokeswoman for the Harbor Transit Authority said "
        'at a briefing last week.\n\n"We have the money," she said.'
    )
    speaker = "a spokeswoman for the Harbor Transit Authority"
    assert said(result) == [
        (speaker, "Fares will not rise this year"),
        (speaker, "We have the money"),
    ]
    (party,) = result.parties
    assert (party.kind, party.affiliation) == ("anonymous", "Harbor Transit Authority")


def test_the_coach_is_the_paragraphs_person_whom_a_sentence_already_called_a_coach():
    result = extract(
        "When coach Tom Hale left the club in 2001, the players were relieved. Hale rarely "
        "spoke to them.\n\n"
        "Later the owners brought in another coach when they hired Rui Mendes, 44, in 2004.\n\n"
        "The new style came from Mendes, who cut the squad at once. “Half of these players are "
        "passengers,” the coach said."
    )
    assert [s.speaker for s in result.statements] == ["Rui Mendes"]


def test_the_mayor_stays_the_mayor_when_the_paragraph_names_someone_else():
    result = extract(
        "Mayor Ana Ruiz opened the bridge in May.\n\n"
        "The contract went to Rui Mendes, 44, who runs a small firm. “He was the cheapest "
        "bidder,” the mayor said."
    )
    assert [s.speaker for s in result.statements] == ["Ana Ruiz"]


def test_a_title_word_after_a_given_name_is_a_surname():
    result = extract(
        "The budget was a secret, so Ruth Judge, the council’s finance director, learned of it "
        "late. She said she was told on a Friday.\n\n"
        "“Nobody asked us,” said Judge."
    )
    assert [s.speaker for s in result.statements] == ["Ruth Judge", "Ruth Judge"]
    assert [(p.name, p.kind) for p in result.parties] == [("Ruth Judge", "person")]


def test_a_title_or_honorific_before_a_lone_surname_makes_a_person():
    result = extract(
        "Talks stalled in May.\n\n"
        "The deal collapsed when President Lind walked out, citing Norlandic delays. Mr. Lind "
        "has since met the envoy twice.\n\n"
        "“We are close,” the president said on Friday."
    )
    assert [s.speaker for s in result.statements] == ["Lind", "Lind"]
    assert [(p.name, p.kind) for p in result.parties] == [("Lind", "person")]


def test_a_sentence_adverb_before_a_described_speaker_is_not_part_of_the_party():
    result = extract("“We lost,” said Ana Ruiz. Later the old man added: “We would have to wait.”")
    assert said(result) == [("Ana Ruiz", "We lost"), ("the old man", "We would have to wait.")]


def test_a_word_that_only_sometimes_titles_someone_opens_the_name_of_a_thing():
    result = extract("General Dynamo said profits fell.\n\nMayor Lind said the bridge would open.")
    assert {(p.name, p.kind) for p in result.parties} == {
        ("General Dynamo", "organization"),
        ("Lind", "person"),
    }


def test_the_president_is_the_one_called_so_outright_not_a_president_of_some_body():
    result = extract(
        "President Lind raised tariffs again on Monday. Mr. Lind called it a fair fight.\n\n"
        "“Growth is slowing,” Ana Ruiz, the president of the Harbor Bank, said on Monday.\n\n"
        "The president says the tariffs are working."
    )
    assert said(result)[-1] == ("Lind", "the tariffs are working.")


def test_people_around_a_named_person_speak_not_the_person_they_are_close_to():
    result = extract(
        "Those around Lind admit he has not read the plan.\n\n"
        "People close to Ana Ruiz say she will sign the bill."
    )
    assert [s.speaker for s in result.statements] == [
        "Those around Lind",
        "People close to Ana Ruiz",
    ]
    assert {p.kind for p in result.parties} == {"anonymous"}


def test_a_belief_reported_inside_someones_statement_is_part_of_what_they_said():
    result = extract(
        "Days later, the mayor’s chief of staff Tom Hale said Ana Ruiz still believes the "
        "bridge is “safe.”\n\n"
        "Ana Ruiz thinks the tunnel is too costly, Hale said.\n\n"
        "Ana Ruiz believes the vote was fair."
    )
    assert said(result) == [
        ("Tom Hale", "Ana Ruiz still believes the bridge is “safe.”"),
        ("Tom Hale", "Ana Ruiz thinks the tunnel is too costly"),
        ("Ana Ruiz", "the vote was fair."),
    ]


# -- what follows a speech verb is not always what was said ------------------------------------


def test_an_adjunct_after_a_trailing_speech_verb_is_not_the_content():
    for adjunct in (
        "outside the court",
        "late Tuesday",
        "amid protests in the capital",
        "hours before the vote",
        "under questioning from lawmakers",
        "two days later",
        "of the ruling",
    ):
        result = extract(f"The bridge will reopen in May, Ana Ruiz said {adjunct}.")
        assert said(result) == [("Ana Ruiz", "The bridge will reopen in May")], adjunct


def test_what_a_warning_is_of_is_its_content():
    result = extract("Oskar Lind, the harbour master, warned of a flood within days.")
    assert said(result) == [("Oskar Lind", "of a flood within days.")]


def test_a_quote_after_said_of_someone_is_what_was_said():
    result = extract('In an interview, Ana Ruiz said of the mayor, "He is too old to lead."')
    assert said(result) == [("Ana Ruiz", "He is too old to lead.")]


def test_deciding_on_a_request_is_an_action_but_rejecting_a_claim_is_a_statement():
    for action in (
        "Harbour director Priya Raman rejected the request.",
        "The judge denied the motion to dismiss the case.",
        "The court dismissed the lawsuit on Friday.",
        "The consulate denied him entry last year.",
    ):
        assert extract(action).statements == (), action
    result = extract("Oskar Lind rejected the accusations on Monday.")
    assert said(result) == [("Oskar Lind", "rejected the accusations on Monday.")]


def test_praise_is_a_reaction_unless_it_says_what_the_thing_is():
    assert extract("The minister welcomed the decision.").statements == ()
    result = extract("The minister praised the firefighters, saying they had saved the town.")
    assert said(result) == [("The minister", "they had saved the town.")]
    result = extract("The minister hailed the ruling as a victory for families.")
    assert said(result) == [("The minister", "the ruling as a victory for families.")]


def test_an_object_verb_closing_a_relative_clause_reports_nothing_new():
    result = extract("Oskar Lind said the vote was rigged, a claim election officials rejected.")
    assert said(result) == [("Oskar Lind", "the vote was rigged")]


def test_speech_reported_inside_reported_speech_belongs_to_the_outer_speaker():
    result = extract("The spokesman said Oskar Lind still believes the bridge is unsafe.")
    assert said(result) == [("The spokesman", "Oskar Lind still believes the bridge is unsafe.")]
    result = extract("Ana Ruiz said the bridge was safe, but Oskar Lind said it was not.")
    assert said(result) == [("Ana Ruiz", "the bridge was safe"), ("Oskar Lind", "it was not.")]


def test_a_characterisation_runs_past_abbreviations_and_coordinated_adjectives():
    result = extract("Oskar Lind described the leaders of the U.S. Navy as slow and careless.")
    assert said(result) == [("Oskar Lind", "the leaders of the U.S. Navy as slow and careless.")]
    result = extract("Oskar Lind described the plan as reckless and said it would fail.")
    assert said(result) == [
        ("Oskar Lind", "the plan as reckless"),
        ("Oskar Lind", "it would fail."),
    ]


def test_a_quoted_phrase_in_the_narrative_before_the_verb_leaves_the_content_after_it():
    result = extract(
        'In a letter to the board and the "town community," Ana Ruiz said she would resign.'
    )
    assert said(result) == [("Ana Ruiz", "she would resign.")]
    result = extract('Asked whether the plan was "dead," Ana Ruiz said the council would vote.')
    assert said(result) == [("Ana Ruiz", "the council would vote.")]
    result = extract('"We will win," Oskar Lind told the Ledger in a telephone interview.')
    assert said(result) == [("Oskar Lind", "We will win")]


def test_a_speakers_view_or_position_is_that_clause():
    result = extract("Priya Raman's view is that the port should never have closed.")
    assert said(result) == [("Priya Raman", "the port should never have closed.")]
    result = extract("The union's response was that the offer came too late.")
    assert said(result) == [("The union", "the offer came too late.")]
    # a view without a copula may be the subject of the sentence: nothing is cut out of it
    assert extract("The company's message that it would not sell surprised us.").statements == ()


def test_a_bare_plural_naming_a_group_of_people_speaks():
    result = extract("Local farmers said the new rules would ruin them.")
    assert said(result) == [("Local farmers", "the new rules would ruin them.")]
    result = extract(
        "Dairy farmers, who form part of the mayor's base, said the change paved the way for it."
    )
    assert said(result) == [("Dairy farmers", "the change paved the way for it.")]
    assert extract("Prices fell. New tests showed that the water was clean.").statements == ()


def test_a_quote_after_one_whose_speaker_is_unknown_is_still_a_statement():
    result = extract('"It is over," she said. "We lost."')
    assert [s.quote for s in result.statements] == ["It is over", "We lost."]


def test_how_much_was_said_is_not_what_was_said():
    assert extract("Officials have said little about the cause of the fire.").statements == ()
    assert extract("It said a lot about the town that nobody came.").statements == ()


def test_an_adverb_like_long_between_auxiliary_and_verb():
    result = extract("Ana Ruiz has long argued that the bridge is unsafe.")
    assert said(result) == [("Ana Ruiz", "the bridge is unsafe.")]


def test_a_speech_verb_inside_a_that_clause_does_not_take_the_clause_over():
    result = extract("Oskar Lind said that while he respected the court, he disagreed with it.")
    assert said(result) == [("Oskar Lind", "while he respected the court, he disagreed with it.")]


def test_what_the_announcement_did_is_not_part_of_it():
    result = extract("Ana Ruiz said Monday she would seek a second term, ending months of doubt.")
    assert said(result) == [("Ana Ruiz", "she would seek a second term")]


def test_a_sentence_in_quotes_presented_by_a_colon_is_a_statement_without_a_speech_verb():
    result = extract('The letter reads, in part: "We can no longer support this policy."')
    assert [s.quote for s in result.statements] == ["We can no longer support this policy."]


def test_a_person_heard_speaking_is_the_speaker():
    result = extract("Witnesses heard the gunman shout that he wanted his money back.")
    assert said(result) == [("the gunman", "he wanted his money back.")]


def test_a_participle_after_a_subordinate_clause_speaks_for_that_clauses_subject():
    result = extract(
        "They were close to a deal when Mayor Lind ended the talks in May, citing union violence."
    )
    assert said(result) == [("Lind", "union violence.")]


def test_an_embedded_post_is_its_authors_statement():
    result = extract(
        "Mayor Ana Ruiz said the bridge would reopen in May.\n\n"
        "The bridge is finally fixed! We are so proud of our crews. pic.twitter.com/abc123\n\n"
        "— Ana Ruiz (@anaruiz) March 3, 2025"
    )
    assert said(result) == [
        ("Ana Ruiz", "the bridge would reopen in May."),
        ("Ana Ruiz", "The bridge is finally fixed! We are so proud of our crews."),
    ]
    offsets_hold(result)


def test_the_newsrooms_corrections_and_notes_are_not_statements():
    result = extract(
        "Mayor Ana Ruiz said the bridge would reopen in May.\n\n"
        "Correction: An earlier version of this story said the bridge would reopen in April.\n\n"
        "Editor's note: This story has been updated to say that the council voted 5-2."
    )
    assert said(result) == [("Ana Ruiz", "the bridge would reopen in May.")]


def test_a_participle_after_a_closing_quotation_mark_adds_a_statement():
    result = extract(
        'Oskar Lind said the deal was "a disaster" and "the worst in years," adding that he '
        "would vote against it."
    )
    assert said(result) == [
        ("Oskar Lind", 'the deal was "a disaster" and "the worst in years,"'),
        ("Oskar Lind", "he would vote against it."),
    ]


def test_a_photographers_credit_is_no_antecedent_for_he_or_she():
    for credit in (
        "Photograph: Sam Lee/Reuters",
        "(Photo by Sam Lee/Getty Images)",
        "(Sam Lee/The Ledger)",
        "Sam Lee/AP Photo",
        "Sam Lee for The Ledger",
    ):
        result = extract(
            "Chief Oskar Lind met the protesters on Monday.\n\n"
            f"Police officers at the camp on Monday. {credit}\n\n"
            '"Nobody will be arrested today," he said.'
        )
        assert said(result) == [("Oskar Lind", "Nobody will be arrested today")], credit
        assert [p.name for p in result.parties] == ["Oskar Lind"], credit


def test_in_someones_words_or_by_their_account_gives_their_words():
    result = extract('In Ana Ruiz\'s words, the plan is "dead on arrival."')
    assert said(result) == [("Ana Ruiz", 'the plan is "dead on arrival."')]
    result = extract("By the mayor's own account, the city has run out of money.")
    assert said(result) == [("the mayor", "the city has run out of money.")]
    result = extract("Oskar Lind spoke on Monday. In his view, the plan is dead.")
    assert said(result) == [("Oskar Lind", "the plan is dead.")]


def test_it_said_keeps_the_statement_of_an_organisation_named_by_a_common_noun():
    result = extract(
        "The company said in a statement that safety was its priority. "
        "It added that inspections had been done."
    )
    assert [s.quote for s in result.statements] == [
        "safety was its priority.",
        "inspections had been done.",
    ]


def test_a_second_that_clause_does_not_swallow_the_first():
    result = extract("Oskar Lind said he was tired and that he would rest.")
    assert said(result) == [("Oskar Lind", "he was tired and that he would rest.")]
    result = extract(
        "Oskar Lind told the committee he did not recall the meeting and that he never met her."
    )
    assert said(result) == [
        ("Oskar Lind", "he did not recall the meeting and that he never met her.")
    ]


def test_the_medium_and_its_addressee_come_before_the_that_clause():
    result = extract('Oskar Lind said in a text message to a colleague that the deal was "crazy."')
    assert said(result) == [("Oskar Lind", 'the deal was "crazy."')]


def test_a_noun_summing_up_a_clause_then_its_speaker():
    result = extract(
        "Mayor Ana Ruiz met staff on Friday.\n\n"
        "Ruiz will leave office in May, a decision she disclosed in an interview with the "
        "Easton Ledger that was published on Monday."
    )
    assert said(result) == [("Ana Ruiz", "Ruiz will leave office in May")]


def test_a_speech_verb_closing_an_aside_between_dashes_has_no_content_after_it():
    result = extract(
        "Shortly after midnight — about five hours before Oskar Lind announced — Ana Ruiz "
        "posted photos of the two of them online."
    )
    assert result.statements == ()


def test_speech_words_as_nouns_idioms_and_free_relatives_report_nothing():
    for sentence in (
        "Oskar Lind has a say in the matter.",
        "Having said that, the council still has options.",
        "What the mayor said next surprised everyone.",
        "The court ruled in favour of the city.",
        "Oskar Lind agreed to pay a fine of $5,000.",
    ):
        assert extract(sentence).statements == (), sentence


def test_an_as_aside_inside_or_after_the_sentence_it_attributes():
    result = extract("The bridge, as Ana Ruiz noted, is nearly a century old.")
    assert said(result) == [("Ana Ruiz", "The bridge, as Ana Ruiz noted, is nearly a century old.")]
    result = extract("The bridge is nearly a century old, as Ana Ruiz noted on Monday.")
    assert said(result) == [("Ana Ruiz", "The bridge is nearly a century old")]
    result = extract("The bridge is old, and as Ana Ruiz noted, the money is gone.")
    assert said(result) == [("Ana Ruiz", "the money is gone.")]


def test_an_aside_between_the_verb_and_its_that_clause():
    result = extract("Ana Ruiz said, however, that the city would keep the libraries open.")
    assert said(result) == [("Ana Ruiz", "the city would keep the libraries open.")]
    result = extract("Ana Ruiz said that, despite the cuts, the libraries would stay open.")
    assert said(result) == [("Ana Ruiz", "despite the cuts, the libraries would stay open.")]


def test_verbs_that_only_tag_a_quotation_and_verbs_that_need_a_that_clause():
    result = extract('"We are ready," Ana Ruiz said. "The crews are in place," she continued.')
    assert said(result) == [("Ana Ruiz", "We are ready"), ("Ana Ruiz", "The crews are in place")]
    assert extract("The talks continued for hours after the vote.").statements == ()
    assert extract("Residents protested outside city hall on Monday.").statements == ()
    result = extract("Oskar Lind indicated that he would run again.")
    assert said(result) == [("Oskar Lind", "he would run again.")]


def test_a_participle_after_a_dateline_and_an_irregular_verb_speaks_for_the_subject():
    result = extract(
        "EASTON, Maine (AP) — Northwind Power began cutting electricity on Wednesday, saying "
        "strong winds could knock down power lines."
    )
    assert said(result) == [("Northwind Power", "strong winds could knock down power lines.")]


def test_questioning_a_person_and_believing_in_something_are_not_claims():
    for sentence in (
        "Police questioned the suspect for six hours.",
        "Detectives questioned Oskar Lind about the fire on Monday.",
        "She believes in ghosts.",
        "Oskar Lind thinks about the accident every day.",
    ):
        assert extract(sentence).statements == (), sentence
    result = extract("Oskar Lind questioned the need for a new bridge.")
    assert said(result) == [("Oskar Lind", "the need for a new bridge.")]


def test_records_show_and_the_agent_of_a_participle_is_not_the_speaker():
    result = extract("Documents show that police monitored the camp for months.")
    assert said(result) == [("Documents", "police monitored the camp for months.")]
    result = extract("Voters interviewed by the Ledger said they were tired of the fighting.")
    assert said(result) == [("Voters", "they were tired of the fighting.")]


def test_when_and_where_something_was_said_is_not_what_was_said():
    for sentence in (
        "Former envoy Kurt Lind testified on Tuesday.",
        "Kurt Lind testified on Tuesday before the committee, which is led by Dana Kim.",
    ):
        assert extract(sentence).statements == (), sentence
    result = extract("Kurt Lind insisted on a recount.")
    assert said(result) == [("Kurt Lind", "on a recount.")]


def test_a_transcript_labels_each_turn_with_the_speakers_surname_in_capitals():
    result = extract(
        "Former envoy Kurt Lind testified before the committee led by Rep. Dana Kim.\n\n"
        "KIM: Did you ever discuss the investigation with the president?\n\n"
        "LIND: I did not. I was not aware of any link between the aid and the inquiry."
    )
    assert said(result) == [
        ("Dana Kim", "Did you ever discuss the investigation with the president?"),
        ("Kurt Lind", "I did not. I was not aware of any link between the aid and the inquiry."),
    ]


def test_a_gerund_of_manner_says_and_a_gerund_of_omission_does_not():
    result = extract('Oskar Lind spoke for an hour and ended by saying, "We will be back."')
    assert said(result) == [("Oskar Lind", "We will be back.")]
    assert extract("Ana Ruiz left the meeting without saying a word.").statements == ()
    result = extract('The show closed with a promise, followed by saying: "We will be back."')
    assert [s.quote for s in result.statements] == ["We will be back."]


def test_a_whole_sentence_in_quotation_marks_is_a_statement_but_a_signs_text_is_not():
    result = extract(
        "The town was quiet on Monday. A neighbour shook her head. "
        '"Nobody here will forget this day."'
    )
    assert [s.quote for s in result.statements] == ["Nobody here will forget this day."]
    result = extract('Protesters carried signs reading "No more tolls on our bridge." It ended.')
    assert result.statements == ()


def test_according_to_a_common_noun_source_but_not_to_plan():
    result = extract("The fire started in the kitchen, according to the fire marshal.")
    assert said(result) == [("the fire marshal", "The fire started in the kitchen")]
    assert extract("The work went according to plan.").statements == ()
    assert extract("Everything was done according to the rules.").statements == ()


def test_a_relative_clause_with_a_speech_verb_and_a_clause_speaks_for_its_antecedent():
    result = extract("The case was brought by Oskar Lind, who said he had been fired unfairly.")
    assert said(result) == [("Oskar Lind", "he had been fired unfairly.")]
    result = extract(
        "The fire started in the kitchen, according to fire marshal Dana Kim, who said the "
        "cause was a faulty stove."
    )
    assert said(result) == [
        ("Dana Kim", "The fire started in the kitchen"),
        ("Dana Kim", "the cause was a faulty stove."),
    ]
    result = extract("Oskar Lind, who joked about the coach's habits, could see the frustration.")
    assert result.statements == ()


def test_a_quantified_or_relative_subject_opening_the_sentence_speaks():
    for subject in (
        "Each of the candidates",
        "Those who attended",
        "Prosecutors and defense lawyers",
    ):
        result = extract(f"{subject} said the hearing should be delayed.")
        assert said(result) == [(subject, "the hearing should be delayed.")], subject


def test_an_inverted_attribution_splitting_the_sentence():
    result = extract("The bridge, said Ana Ruiz, will reopen in May.")
    assert said(result) == [("Ana Ruiz", "The bridge, said Ana Ruiz, will reopen in May.")]
    result = extract("The bridge will reopen in May, said Ana Ruiz, who has led the city.")
    assert said(result) == [("Ana Ruiz", "The bridge will reopen in May")]


def test_hearsay_about_a_speaker_still_names_them():
    result = extract("Oskar Lind is said to have told aides that he would resign.")
    assert said(result) == [("Oskar Lind", "he would resign.")]
    assert extract("The deal is said to be worth $2 billion.").statements == ()


def test_a_title_in_quotation_marks_is_not_a_statement():
    result = extract('The town was quiet. His book, "Who Killed the Mill Street Bridge?", is out.')
    assert result.statements == ()


def test_a_second_speaker_in_the_sentence_ends_the_first_ones_content():
    result = extract(
        "Ana Ruiz said the bridge was safe; Oskar Lind disagreed, saying it should close."
    )
    assert said(result) == [("Ana Ruiz", "the bridge was safe"), ("Oskar Lind", "it should close.")]
    result = extract(
        "Ana Ruiz said the bridge was safe, but engineers who inspected it last week said it "
        "was not."
    )
    assert said(result) == [("Ana Ruiz", "the bridge was safe"), ("engineers", "it was not.")]


def test_a_sentence_after_a_quote_can_name_who_said_it():
    for naming in (
        "Those were the words of Oskar Lind, the union leader, at a rally on Sunday.",
        "Oskar Lind made the remarks at a rally on Sunday.",
    ):
        result = extract(f'The council met on Monday.\n\n"We will not back down."\n\n{naming}')
        assert said(result) == [("Oskar Lind", "We will not back down.")], naming


def test_the_speakers_next_act_after_a_closing_quotation_mark_ends_the_content():
    result = extract('Oskar Lind said the plan was "dead on arrival" and walked out of the room.')
    assert said(result) == [("Oskar Lind", 'the plan was "dead on arrival"')]


def test_told_someone_a_clause_without_that_and_adverbials_before_the_verb():
    for sentence in (
        "Ana Ruiz told The Associated Press the bridge would reopen in May.",
        "Ana Ruiz told a local radio station on Sunday the bridge would reopen in May.",
        "Ana Ruiz late Monday said the bridge would reopen in May.",
        "Ana Ruiz on Twitter said the bridge would reopen in May.",
    ):
        assert said(extract(sentence)) == [("Ana Ruiz", "the bridge would reopen in May.")], (
            sentence
        )
    assert extract("Ana Ruiz told the story of the bridge at the meeting.").statements == ()


def test_narrative_with_look_alike_verbs_has_no_statements():
    result = extract(
        "Police questioned two men and released them without charge.\n\n"
        "The plan, which costs $2 million, was welcomed by aid groups.\n\n"
        "Figures released on Monday show a sharp rise in unemployment."
    )
    assert result.statements == ()


def test_speech_words_as_nouns_before_their_verb_and_people_admitted_to_hospital():
    result = extract(
        "Insurance claims rose by 20 percent after the storm.\n\n"
        "The hospital admitted 40 people overnight."
    )
    assert result.statements == ()
    result = extract("Oskar Lind admitted mistakes had been made.")
    assert said(result) == [("Oskar Lind", "mistakes had been made.")]


def test_announcing_a_number_of_things_is_an_event():
    assert extract("Northwind announced 200 layoffs on Monday.").statements == ()
    result = extract("Northwind announced that 200 workers would lose their jobs.")
    assert said(result) == [("Northwind", "200 workers would lose their jobs.")]


def test_a_clause_after_the_medium_is_the_content_even_after_an_appositive_subject():
    result = extract(
        "The drug's maker, Northwind Pharma, which funded the study, said in a statement it "
        "would seek approval this year."
    )
    assert said(result) == [("Northwind Pharma", "it would seek approval this year.")]


def test_a_conclusion_reported_inside_a_that_clause_stays_with_the_reporter():
    result = extract(
        "Oskar Lind said that after a long review the city had concluded the bridge was unsafe, "
        "saying he trusted the engineers."
    )
    assert said(result) == [
        ("Oskar Lind", "after a long review the city had concluded the bridge was unsafe"),
        ("Oskar Lind", "he trusted the engineers."),
    ]
    result = extract("The authors concluded the drug was safe for adults.")
    assert said(result) == [("The authors", "the drug was safe for adults.")]


def test_a_characterisation_in_a_relative_clause_ends_with_its_quote():
    result = extract(
        'The decision, which Mayor Ana Ruiz called "painful but unavoidable," follows a report '
        "that found severe corrosion."
    )
    assert said(result) == [("Ana Ruiz", "painful but unavoidable")]


def test_what_the_speaker_declined_to_say_is_not_part_of_what_they_said():
    result = extract(
        "Ana Ruiz said the city would offer small grants but declined to say how much."
    )
    assert said(result) == [("Ana Ruiz", "the city would offer small grants")]


def test_a_relative_aside_between_the_subject_and_the_verb_is_neither_speaker_nor_content():
    result = extract(
        "Relatives of the victims, many of whom sat through every day of the trial, said they "
        "were relieved."
    )
    assert said(result) == [("Relatives of the victims", "they were relieved.")]


def test_denying_that_a_budget_was_cut_is_a_claim_not_a_decision_on_a_budget():
    result = extract("Ana Ruiz denied that the inspection budget had been reduced.")
    assert said(result) == [("Ana Ruiz", "the inspection budget had been reduced.")]
    result = extract("Oskar Lind rejected claims the budget was cut.")
    assert said(result) == [("Oskar Lind", "rejected claims the budget was cut.")]


def test_a_document_phrase_after_a_quote_tags_it_even_with_an_ambiguous_verb():
    # "states" and "concludes" are also nouns or need a that-clause elsewhere; between a closing
    # quote and the end of the sentence they tag the quote. An unnamed issuer speaks for no one,
    # so the quote does not fall to the person named before it.
    for verb in ("states", "concludes"):
        result = extract(
            "Tom Reyes, a neighbour, listened from the back. "
            f'"The roads are a disgrace," the audit report {verb}. '
            '"The city ignored every warning."'
        )
        assert said(result) == [
            (None, "The roads are a disgrace"),
            (None, "The city ignored every warning."),
        ]


def test_a_named_issuer_of_a_document_after_a_quote_speaks_for_it():
    result = extract(
        "Mayor Lena Ortiz ordered an audit. Tom Reyes, a neighbour, listened.\n\n"
        '"The roads are a disgrace," the Ortiz report states.'
    )
    assert said(result) == [("Lena Ortiz", "The roads are a disgrace")]


def test_a_speech_verb_opening_the_sentence_gives_the_quote_after_its_speaker():
    result = extract(
        "Mayor Lena Ortiz met residents at the library.\n\n"
        '"We will win," said a longtime organizer from the valley.\n\n'
        'Added the mayor: "Nobody should wait another year for a safe street."\n\n'
        'Replied Tom Reyes, after a pause, "The roads are worse than ever."'
    )
    assert said(result) == [
        ("a longtime organizer from the valley", "We will win"),
        ("Lena Ortiz", "Nobody should wait another year for a safe street."),
        ("Tom Reyes", "The roads are worse than ever."),
    ]


def test_a_quote_missing_its_closing_mark_ends_at_the_comma_before_its_attribution():
    result = extract(
        '"We will win, Ana Ruiz said. "Nobody doubts it."\n\n"It is close," Tom Lind said.'
    )
    assert said(result) == [
        ("Ana Ruiz", "We will win"),
        ("Ana Ruiz", "Nobody doubts it."),
        ("Tom Lind", "It is close"),
    ]
    offsets_hold(result)


def test_an_inch_mark_in_a_height_is_not_a_quotation_mark():
    result = extract(
        'Ana Ruiz was 5\' 11" and fast. "I got him down," Ruiz recalls, "and held him." '
        "Tom Lind was 6'2\" tall."
    )
    assert said(result) == [("Ana Ruiz", "I got him down"), ("Ana Ruiz", "and held him.")]
    offsets_hold(result)


def test_branding_something_with_a_quoted_word_characterises_it_like_calling_it():
    result = extract('Councillor Tom Lind branded the fair a "shambles".')
    assert said(result) == [("Tom Lind", 'the fair a "shambles"')]


def test_a_named_person_the_speaker_is_likened_to_says_it_too():
    result = extract(
        "Mayor Lena Ortiz opposed the fees.\n\n"
        "Like council member Tom Lind, Ortiz has spoken out about the rising cost of parking.\n\n"
        "Like his father, Ana Ruiz said the fees were unfair."
    )
    assert said(result) == [
        ("Lena Ortiz", "about the rising cost of parking."),
        ("Tom Lind", "about the rising cost of parking."),
        ("Ana Ruiz", "the fees were unfair."),
    ]


def test_an_opening_mark_typed_for_a_closing_one_still_closes_the_quote():
    result = extract(
        "Ana Ruiz coached the team for years. “I thought I was doing it for them,“ Ruiz says "
        "now. “I later learned that I got the most out of it.”"
    )
    assert said(result) == [
        ("Ana Ruiz", "I thought I was doing it for them"),
        ("Ana Ruiz", "I later learned that I got the most out of it."),
    ]
    offsets_hold(result)


def test_a_closing_mark_typed_for_an_opening_one_opens_the_quote():
    result = extract(
        "Ana Ruiz said the plan ”will fail within a year.” Tom Lind, the treasurer, said the "
        "money was gone.\n\n”It is over,” Lind said."
    )
    assert said(result) == [
        ("Ana Ruiz", "the plan ”will fail within a year.”"),
        ("Tom Lind", "the money was gone."),
        ("Tom Lind", "It is over"),
    ]
    offsets_hold(result)


def test_a_quote_left_open_ends_at_its_tag_and_the_paragraph_reads_on():
    result = extract(
        '"We will win, Ana Ruiz said. Tom Lind said the vote was close. Police said the count '
        "was fair.\n\n“Nobody doubts it, Lind said.\n\nThe count ended at noon."
    )
    assert said(result) == [
        ("Ana Ruiz", "We will win"),
        ("Tom Lind", "the vote was close."),
        ("Police", "the count was fair."),
        ("Tom Lind", "Nobody doubts it"),
    ]
    offsets_hold(result)


def test_a_clause_setting_the_scene_before_a_quote_is_not_part_of_what_was_said():
    result = extract(
        "When the coach left the club after the final, “things were tense between [him and "
        "me],” says Ana Ruiz in a rare understatement. But the players liked her.\n\n"
        "While the old coach is known as the dreamer—“She sees around corners,” says former "
        "league official Tom Lind—Ruiz is the planner."
    )
    assert said(result) == [
        ("Ana Ruiz", "things were tense between [him and me]"),
        ("Tom Lind", "She sees around corners"),
    ]


def test_an_acronym_spelled_out_only_inside_a_quotation():
    # the name scan skips quotations, but the spelled-out form there still names the body
    result = extract(
        'The mayor said the plan "has the backing of the Coastal Water Board."\n\n'
        "The CWB welcomed the plan, saying the reservoir was safe."
    )
    assert ("Coastal Water Board", "the reservoir was safe.") in said(result)


def test_a_clipped_name_stands_for_the_longer_name_it_clips():
    result = extract(
        "The Metropolitan Ballet Company will tour next spring.\n\n"
        "The Met said the tour would visit nine cities."
    )
    assert said(result) == [("Metropolitan Ballet Company", "the tour would visit nine cities.")]
    # two longer names it could clip: no telling which
    result = extract(
        "The Metropolitan Ballet Company and the Metroline Bus Group signed a deal.\n\n"
        "The Met said the deal would last a year."
    )
    assert said(result) == [("Met", "the deal would last a year.")]
    # a longer word that only inflects it is no clipping
    result = extract("The Bankers Association met on Monday.\n\nThe Bank said rates would rise.")
    assert [s.speaker for s in result.statements] == ["Bank"]


def test_the_name_in_apposition_to_a_role_after_the_verb_speaks():
    result = extract(
        "Northwind is expanding. The fleet will double by 2030, said its president, Tom Hale."
    )
    assert said(result) == [("Tom Hale", "The fleet will double by 2030")]
    # a relative clause after the comma names nobody
    result = extract("The fleet will double, said a spokesman, who declined to be named.")
    assert said(result) == [("a spokesman", "The fleet will double")]


def test_a_group_noun_with_a_place_after_it_is_an_anonymous_group_not_the_place():
    result = extract("Owners on Mill Street said the water had been brown for weeks.")
    assert said(result) == [("Owners on Mill Street", "the water had been brown for weeks.")]
    result = extract("Residents near the Lakeshore Plant said the smell was worse at night.")
    assert said(result) == [("Residents near the Lakeshore Plant", "the smell was worse at night.")]
    assert [p.kind for p in result.parties] == ["anonymous"]


def test_letters_after_a_name_are_her_office_not_part_of_her_name():
    result = extract(
        "The rules are unfair, said Dana Kim MP.\n\nKim added that she would vote against them."
    )
    assert [s.speaker for s in result.statements] == ["Dana Kim", "Dana Kim"]
    assert [p.name for p in result.parties] == ["Dana Kim"]


def test_they_takes_up_a_plural_group_named_after_the_last_person():
    result = extract("Tom Hale met the residents on Monday. They said the gate was locked.")
    assert said(result) == [("the residents", "the gate was locked.")]
    # with no group in between, a singular 'they' still goes to the person
    result = extract("Tom Hale spoke on Monday. They said the gate was locked.")
    assert said(result) == [("Tom Hale", "the gate was locked.")]


def test_an_outlet_that_obtained_documents_did_not_say_what_they_show():
    for text in (
        "Internal emails obtained by the Ledger show that the board knew of the leak.",
        "A memo seen by the Ledger says the board knew of the leak.",
    ):
        result = extract(text)
        assert said(result) == [(None, "the board knew of the leak.")]
        assert not result.parties
    # a body the emails come from is their writer
    result = extract("Internal emails from the Harbor Authority show that the board knew.")
    assert said(result) == [("Harbor Authority", "the board knew.")]


def test_their_takes_up_those_described_by_a_relative_clause():
    result = extract(
        "Those who have worked with Tom Hale are not surprised. Though he plays the lone "
        "chief, Hale remains, by their telling, open to outside influence."
    )
    assert [s.speaker for s in result.statements] == ["Those who have worked with Tom Hale"]


def test_a_passive_characterisation_by_an_agent_makes_no_speaker_of_the_masked_quote():
    result = extract(
        "Ana Ruiz chairs the board.\n\n"
        'Hale was described by staff as "a manager who never listens to anyone on the crew."'
    )
    assert all("xxx" not in (s.speaker or "") for s in result.statements)
    assert ("staff", "Hale was described") not in said(result)
    assert all("xxx" not in p.name for p in result.parties)


def test_an_article_cut_off_from_its_noun_is_no_speaker():
    result = extract("A report says the board knew of the leak.")
    assert said(result) == [(None, "the board knew of the leak.")]


def test_a_clause_on_why_a_source_goes_unnamed_is_neither_speech_nor_part_of_the_subject():
    result = extract(
        "A nurse who asked not to be named said the ward had been short of staff for weeks.\n\n"
        "Two engineers who declined to be identified told reporters the pumps had failed "
        "twice.\n\n"
        "An aide who was not authorized to speak publicly said the vote would slip."
    )
    assert said(result) == [
        ("A nurse", "the ward had been short of staff for weeks."),
        ("Two engineers", "the pumps had failed twice."),
        ("An aide", "the vote would slip."),
    ]
    assert all(p.kind == "anonymous" for p in result.parties)
    offsets_hold(result)


# -- epithets: a named person described on second mention --------------------------------------


def test_an_age_describes_the_person_named_before():
    result = extract(
        "Nora Quinn won the 400 meters on Saturday.\n\n"
        "“It's been a long road,” the 24-year-old sprinter said.\n\n"
        "Police arrested Tom Reed on Monday. The 31-year-old told officers he was innocent."
    )
    assert said(result) == [
        ("Nora Quinn", "It's been a long road"),
        ("Tom Reed", "he was innocent."),
    ]


def test_a_described_party_member_is_the_politician_named_before():
    result = extract(
        "Senator Ed Marsh announced his retirement on Friday.\n\n"
        "“It's time,” the four-term Republican said."
    )
    assert said(result) == [("Ed Marsh", "It's time")]


def test_a_described_title_is_the_person_named_before_but_not_someone_else_in_that_role():
    result = extract(
        "Ana Ruiz led the school board for a decade before she stepped down in May.\n\n"
        "“We left it in good shape,” the longtime trustee said.\n\n"
        "A veteran officer at the scene disagreed. “It was chaos,” the veteran officer said."
    )
    speakers = [speaker for speaker, _ in said(result)]
    assert speakers[0] == "Ana Ruiz"
    assert speakers[1] != "Ana Ruiz"


def test_an_age_with_no_one_named_stays_an_unnamed_person():
    result = extract(
        "A 24-year-old man was arrested on Monday.\n\n"
        "The 24-year-old told officers he had been at home."
    )
    assert [s for s, _ in said(result)] != ["Monday"]
    assert all(s is None or "Monday" not in s for s, _ in said(result))


def test_the_other_party_member_is_someone_else():
    result = extract(
        "Senator Ed Marsh backed the bill.\n\n“It's a bad bill,” the other Republican said."
    )
    assert said(result) != [("Ed Marsh", "It's a bad bill")]


def test_a_family_speaks_though_its_noun_ends_like_an_adverb():
    result = extract(
        "“We are devastated,” the family said in a statement.\n\n"
        "In a statement, the Okafor family said they would appeal.\n\n"
        "Ruiz quickly said she was innocent."
    )
    assert said(result) == [
        ("the family", "We are devastated"),
        ("the Okafor family", "they would appeal."),
        ("Ruiz", "she was innocent."),
    ]


def test_a_speech_noun_before_the_sentences_own_verb_speaks_once():
    result = extract("Initial reports said the gunman had arrived on a train from the coast.")
    assert said(result) == [
        ("Initial reports", "the gunman had arrived on a train from the coast.")
    ]


def test_made_it_clear_reports_what_was_made_clear():
    result = extract(
        "Mayor Ana Ruiz had made it very clear that she would veto the bill.\n\n"
        "Ruiz made it clear the council would not get a second vote."
    )
    assert said(result) == [
        ("Ana Ruiz", "she would veto the bill."),
        ("Ana Ruiz", "the council would not get a second vote."),
    ]


def test_a_time_after_a_passive_agent_is_not_part_of_its_name():
    result = extract("The plan was criticized by Northwind during the campaign for its loopholes.")
    assert said(result) == [("Northwind", "The plan was criticized")]


def test_a_filing_or_letter_speaks_for_whoever_it_belongs_to():
    result = extract(
        "The Harbor Arts Foundation’s tax filing also shows that it paid the fines.\n\n"
        "Mayor Ana Ruiz wrote to the council. Ruiz’s letter says the budget is short."
    )
    assert said(result) == [
        ("Harbor Arts Foundation", "it paid the fines."),
        ("Ana Ruiz", "the budget is short."),
    ]


def test_a_one_word_quote_that_is_a_whole_sentence_goes_on_quoting_the_speaker_before_it():
    result = extract(
        '"There is no sign of that," said Dr. Ken Obi of Harbor General Hospital. "None."'
    )
    assert said(result) == [
        ("Ken Obi", "There is no sign of that"),
        ("Ken Obi", "None."),
    ]
    result = extract('"We lost," said Ana Ruiz. "Again!" She left the hall.')
    assert ("Ana Ruiz", "Again!") in said(result)


def test_a_one_word_quote_inside_a_narrative_sentence_stays_a_scare_quote():
    result = extract(
        '"We lost," said Ana Ruiz. The crew named its new boat "Resolve." The race is in May.'
    )
    assert said(result) == [("Ana Ruiz", "We lost")]
    # nor does a lone quoted word with no attributed quote before it speak for anyone
    assert extract('Ana Ruiz resigned on Monday. "Finally."').statements == ()


def test_a_body_speaking_in_a_relative_clause_after_a_passive_agent():
    result = extract(
        "The decision was criticised by the dock workers' union, which said it would strike."
    )
    assert ("the dock workers' union", "it would strike.") in said(result)
    result = extract(
        "The plan was drafted by the Harbor Trust, which said it would cost $5 million."
    )
    assert said(result) == [("Harbor Trust", "it would cost $5 million.")]


def test_a_relative_clause_naming_no_speaker_says_nothing():
    assert extract("The board approved the plan, which said fees would rise.").statements == ()
    assert extract("The plan, which said nothing about fees, was approved.").statements == ()


def test_what_a_speaker_said_in_a_relative_clause_inside_the_subject_ends_with_the_clause():
    result = extract("The mayor, who said last year that taxes would fall, has now raised them.")
    assert said(result) == [("The mayor", "taxes would fall")]
    result = extract("The union, which said it would strike, has now called off the walkout.")
    assert said(result) == [("The union", "it would strike")]
    # an appositive inside what was said is no end of the clause
    result = extract("The mayor said Ana Ruiz, the treasurer, had lied.")
    assert said(result) == [("The mayor", "Ana Ruiz, the treasurer, had lied.")]


def test_a_relative_aside_on_the_speaker_leaves_the_main_clause_what_was_said():
    result = extract("Ana Ruiz, who chairs the board, said the vote would go ahead.")
    assert said(result) == [("Ana Ruiz", "the vote would go ahead.")]


def test_an_attribution_with_adverbials_splitting_what_was_said():
    result = extract(
        "Oskar Lind, the state's attorney general, did not immediately respond.\n\n"
        'The state, he said in a post on Monday, "will not back down."'
    )
    assert said(result) == [
        ("Oskar Lind", 'The state, he said in a post on Monday, "will not back down."')
    ]
    result = extract('The plan, Ana Ruiz told reporters, "is dead."')
    assert said(result) == [("Ana Ruiz", 'The plan, Ana Ruiz told reporters, "is dead."')]
    result = extract("Ana Ruiz spoke on Monday. The plan, she said on Monday, is dead.")
    assert ("Ana Ruiz", "The plan, she said on Monday, is dead.") in said(result)


def test_adverbials_then_a_new_clause_or_a_participle_end_the_attribution():
    result = extract("The plan is dead, Ana Ruiz said on Monday, citing costs.")
    assert said(result) == [("Ana Ruiz", "The plan is dead")]
    result = extract('Asked about the toll, Ana Ruiz said on Monday, "It is dead."')
    assert ("Ana Ruiz", "It is dead.") in said(result)


def test_he_after_a_sentence_opening_with_a_persons_office_is_that_person():
    result = extract(
        "Ana Ruiz is the mayor.\n\n"
        "Governor Oskar Lind's office did not immediately respond. "
        "He said later that the state would appeal."
    )
    assert said(result) == [("Oskar Lind", "the state would appeal.")]


def test_a_possessor_inside_the_sentence_does_not_outrank_its_subject():
    result = extract(
        "Governor Oskar Lind is in Harbor City. He spoke after Mayor Ana Ruiz's speech. "
        "He said the plan was dead."
    )
    assert said(result) == [("Oskar Lind", "the plan was dead.")]


# -- descriptors and titles before a name --------------------------------------------------------


def test_a_formal_title_before_a_name_is_the_role_not_part_of_the_name():
    result = extract(
        "The levee held overnight, said Marshal Dana Okafor.\n\n"
        "The road stays shut, Assemblywoman Rita Solberg said.\n\n"
        "“Stay home,” said Sgt. Omar Haddad.\n\n"
        "Pastor Lena Voss said the shelter had room for forty families."
    )
    assert [s.speaker for s in result.statements] == [
        "Dana Okafor",
        "Rita Solberg",
        "Omar Haddad",
        "Lena Voss",
    ]
    assert all(p.kind == "person" for p in result.parties)
    okafor = next(p for p in result.parties if p.name == "Dana Okafor")
    assert "Marshal Dana Okafor" in okafor.aliases


def test_an_organisation_opening_with_a_title_like_word_keeps_its_name():
    result = extract(
        "General Dynamo said profits fell.\n\n"
        "Chief Executives Forum said the levy was too high.\n\n"
        "Cardinal Pumps said orders rose."
    )
    assert [(p.name, p.kind) for p in result.parties] == [
        ("General Dynamo", "organization"),
        ("Chief Executives Forum", "organization"),
        ("Cardinal Pumps", "organization"),
    ]


def test_a_chain_of_descriptors_before_the_name_of_a_speaker_after_the_content():
    result = extract(
        "Crews had contained the blaze by noon, former state fire marshal Dana Okafor said.\n\n"
        "The levee held, veteran Norland firefighter Omar Haddad said.\n\n"
        "Sales had doubled, Contoso’s chief financial officer Rita Solberg said.\n\n"
        "“We lost the barn,” longtime Elm Street resident Jo Banks said."
    )
    assert said(result) == [
        ("Dana Okafor", "Crews had contained the blaze by noon"),
        ("Omar Haddad", "The levee held"),
        ("Rita Solberg", "Sales had doubled"),
        ("Jo Banks", "We lost the barn"),
    ]
    assert all(p.kind == "person" for p in result.parties)
    solberg = next(p for p in result.parties if p.name == "Rita Solberg")
    assert solberg.affiliation == "Contoso"


def test_a_chain_of_descriptors_before_a_name_opening_the_sentence():
    result = extract(
        "Former state fire marshal Dana Okafor said crews had contained the blaze.\n\n"
        "Veteran Norland firefighter Omar Haddad told reporters the levee had held.\n\n"
        "Dutch pump maker Contoso said orders had doubled."
    )
    assert said(result) == [
        ("Dana Okafor", "crews had contained the blaze."),
        ("Omar Haddad", "the levee had held."),
        ("Contoso", "orders had doubled."),
    ]


def test_a_verb_before_a_name_makes_it_an_object_not_a_described_speaker():
    result = extract(
        "Amid the outcry, dropping the fee allowed Lind to claim that the budget was balanced."
    )
    assert [s.speaker for s in result.statements] == ["Lind"]
    assert [p.name for p in result.parties] == ["Lind"]


def test_a_chain_of_descriptors_after_an_inverted_speech_verb():
    result = extract(
        "Crews had contained the blaze by noon, said former state fire marshal Dana Okafor.\n\n"
        "The levee held, says veteran Norland firefighter Omar Haddad.\n\n"
        "The league had changed, says former NHL general manager Tom Briar.\n\n"
        "“We lost the barn,” said longtime Elm Street resident Jo Banks.\n\n"
        "Orders had doubled, said Dutch pump maker Contoso."
    )
    assert said(result) == [
        ("Dana Okafor", "Crews had contained the blaze by noon"),
        ("Omar Haddad", "The levee held"),
        ("Tom Briar", "The league had changed"),
        ("Jo Banks", "We lost the barn"),
        ("Contoso", "Orders had doubled"),
    ]


def test_the_role_of_a_described_speaker_names_him_later():
    result = extract(
        "“It spread fast,” said former state fire marshal Dana Okafor.\n\n"
        "The marshal added that the barn was a total loss."
    )
    assert [s.speaker for s in result.statements] == ["Dana Okafor", "Dana Okafor"]


def test_a_described_speaker_without_a_name_and_an_organisation_before_its_staff():
    result = extract(
        "Crews had contained the blaze by noon, said the former state fire marshal.\n\n"
        "Sales had doubled, said Contoso officials on Monday.\n\n"
        "The bridge is safe, said a City Hall official."
    )
    assert [s.speaker for s in result.statements] == [
        "the former state fire marshal",
        "Contoso",
        "a City Hall official",
    ]


def test_an_inverted_verb_with_a_body_and_its_described_officer_gives_both_speakers():
    result = extract("Orders had doubled, said Contoso and its chief executive Dana Okafor.")
    assert said(result) == [
        ("Contoso", "Orders had doubled"),
        ("Dana Okafor", "Orders had doubled"),
    ]
    result = extract("Orders had doubled, said Contoso and its staff.")
    assert said(result) == [("Contoso", "Orders had doubled")]


def test_a_name_closing_a_relative_clause_is_not_the_subject():
    result = extract(
        "Residents who spoke to the Harbor Ledger said the water smelled.\n\n"
        "The donors who met with Ana Ruiz also say the campaign is broke."
    )
    assert said(result) == [
        ("Residents", "the water smelled."),
        ("The donors", "the campaign is broke."),
    ]


def test_the_counted_people_named_before_are_the_ones_a_definite_phrase_takes_up():
    result = extract(
        "Two Ruiz donors tell the Harbor Ledger that she made the claim on Thursday.\n\n"
        "The donors also say there is growing anger in the campaign."
    )
    assert said(result) == [
        ("Two Ruiz donors", "she made the claim on Thursday."),
        ("Two Ruiz donors", "there is growing anger in the campaign."),
    ]


def test_a_speech_verb_with_an_object_inside_a_tagged_account_is_part_of_it():
    result = extract(
        "Ruiz was standing alone on a square when officers asked him for identification, "
        "said Dana Okafor, director of the city police.\n\n"
        "The fire spread quickly after a neighbor warned residents, the chief said.\n\n"
        "Mayor Lena Berg said investigators had found nothing, she said."
    )
    assert said(result)[:2] == [
        (
            "Dana Okafor",
            "Ruiz was standing alone on a square when officers asked him for identification",
        ),
        ("the chief", "The fire spread quickly after a neighbor warned residents"),
    ]
    # a verb with a clause of its own keeps it, though a tag repeats the speaker
    assert said(result)[2][0] == "Lena Berg"
    assert said(result)[2][1].startswith("investigators had found nothing")


def test_an_opening_subordinate_clause_bounds_what_its_verb_reports():
    result = extract(
        "After Ruiz said the plan was dead, the council voted it down.\n\n"
        "Initial reports said the driver had arrived on a train from the coast, which would "
        "mean he crossed two borders."
    )
    assert said(result) == [
        ("Ruiz", "the plan was dead"),
        ("Initial reports", "the driver had arrived on a train from the coast"),
    ]


def test_plural_subjects_report_with_the_plain_present_form():
    result = extract(
        "But officials caution that the new rules could break federal law.\n\n"
        "Residents complain the bus is always late.\n\n"
        "The state must confirm the results by Friday."
    )
    assert said(result) == [
        ("officials", "the new rules could break federal law."),
        ("Residents", "the bus is always late."),
    ]


def test_a_speech_verb_in_a_relative_clause_on_its_object_reports_nothing():
    result = extract(
        "Ana Ruiz said the city had achieved the goal it promised — jobs — because residents "
        "felt the difference.\n\nLena Berg said the mayor delivered what he promised."
    )
    assert said(result) == [
        (
            "Ana Ruiz",
            "the city had achieved the goal it promised — jobs — because residents felt "
            "the difference.",
        ),
        ("Lena Berg", "the mayor delivered what he promised."),
    ]


def test_declining_to_comment_other_than_to_say_still_says_it():
    result = extract(
        "A spokesman for Mayor Lena Berg declined to comment, other than to say “our review "
        "is ongoing.”\n\nNorthwind declined to comment on the lawsuit except to say that it "
        "would fight it.\n\nNorthwind declined to comment."
    )
    assert said(result) == [
        ("A spokesman for Mayor Lena Berg", "our review is ongoing."),
        ("Northwind", "it would fight it."),
    ]


def test_implying_that_reports_a_claim_but_a_result_implies_nothing():
    result = extract(
        "Mayor Ana Ruiz tore into the council, insinuating that it had wasted a year.\n\n"
        "Ruiz implied that the treasurer had lied.\n\nThe results implied higher costs."
    )
    assert said(result) == [
        ("Ana Ruiz", "it had wasted a year."),
        ("Ana Ruiz", "the treasurer had lied."),
    ]


def test_an_outlet_reporting_a_tagged_quote_does_not_take_it_over():
    result = extract(
        "“Lind publicly blamed me for the outrage,” Ruiz said, the Harbor Ledger reported.\n\n"
        "The plan is dead, Ruiz said, the Harbor Ledger reported.\n\n"
        "The vote is over, Ruiz said, adding that the council had lost."
    )
    assert said(result) == [
        ("Ruiz", "Lind publicly blamed me for the outrage"),
        ("Ruiz", "The plan is dead"),
        ("Ruiz", "The vote is over"),
        ("Ruiz", "the council had lost."),
    ]


def test_someone_heard_saying_something_said_it():
    result = extract(
        "In a recording obtained by the Harbor Ledger, Ana Ruiz can be heard saying that the "
        "attacks were ordered by Lind.\n\nRuiz was overheard telling aides that the deal was "
        "dead.\n\nRuiz was heard from on Monday."
    )
    assert said(result) == [
        ("Ana Ruiz", "the attacks were ordered by Lind."),
        ("Ana Ruiz", "the deal was dead."),
    ]


def test_a_capital_the_inside_a_sentence_belongs_to_the_title_and_the_short_form_to_the_body():
    result = extract(
        "The plan is dead, Ruiz told The Harbor Herald.\n\n"
        "The Herald said the plan was dead, and The Harbor Herald reported that it was over."
    )
    assert said(result)[1:] == [
        ("The Harbor Herald", "the plan was dead"),
        ("The Harbor Herald", "it was over."),
    ]
    plain = extract(
        "The plan is dead, Ruiz told the Harbor Herald.\n\nThe Herald said the plan was dead."
    )
    assert said(plain)[1:] == [("Harbor Herald", "the plan was dead.")]


def test_a_word_capitalised_only_to_open_a_sentence_is_no_part_of_the_name_after_it():
    result = extract(
        "Ask most people what matters, and they say money. Ask Dana Okafor, the director "
        "behind the film, and she will say it is the traffic.\n\n“I loved the idea,” Okafor said."
    )
    assert said(result) == [
        ("Dana Okafor", "it is the traffic."),
        ("Dana Okafor", "I loved the idea"),
    ]
    titled = extract("President Joe Biden said the bill would pass.")
    assert said(titled) == [("Joe Biden", "the bill would pass.")]


# -- interviews --------------------------------------------------------------------------------


def test_the_answers_of_a_question_and_answer_interview_are_the_interviewees():
    result = extract(
        "The Quiet Builder\n\n"
        "Dana Okafor has built more bridges than anyone in the state. Okafor, 58, spoke about "
        "her work.\n\n"
        "Critics have said your bridges cost too much.\n\n"
        "I have heard that for thirty years. We build them to last a century.\n\n"
        "What was your first bridge?\n\n"
        "A footbridge over the Elm River. I was twenty-four and terrified.\n\n"
        "Do you still visit it?\n\n"
        "Every spring. My children learned to fish under it.\n\n"
        "What comes next?\n\n"
        "We are bidding on the harbor crossing, and I think we will win it."
    )
    answers = [(s, q) for s, q in said(result) if s == "Dana Okafor"]
    assert [q[:20] for _, q in answers] == [
        "I have heard that fo",
        "A footbridge over th",
        "Every spring. My chi",
        "We are bidding on th",
    ]
    assert not any(q.endswith("?") for _, q in said(result))


def test_rhetorical_questions_in_a_story_make_no_interview():
    result = extract(
        "How did the town get here? The mill closed in 1990.\n\n"
        "Why does it matter? Jobs left with it.\n\n"
        "Mayor Ana Ruiz said the town would recover."
    )
    assert said(result) == [("Ana Ruiz", "the town would recover.")]


def test_according_to_a_persons_work_gives_its_author():
    result = extract(
        "The plan was nuts, according to “Feeling Lucky,” Dana Okafor’s inside view of the "
        "firm’s early years.\n\nThe plan was late, according to Ana Ruiz’s history of the "
        "firm.\n\nThe plan was dead, according to Ana Ruiz’s lawyer."
    )
    found = said(result)
    assert ("Dana Okafor", "The plan was nuts") in found
    assert ("Ana Ruiz", "The plan was late") in found
    assert found[-1] == ("Ana Ruiz’s lawyer", "The plan was dead")


def test_a_body_named_with_of_can_open_a_chain_of_descriptors():
    result = extract(
        "“It’s not just hot, it’s so humid, too,” said University of Harbor tropical weather "
        "expert Dana Okafor. “It’s as if winter never happened.”\n\n"
        "“We are ready,” said University of Harbor."
    )
    assert said(result) == [
        ("Dana Okafor", "It’s not just hot, it’s so humid, too"),
        ("Dana Okafor", "It’s as if winter never happened."),
        ("University of Harbor", "We are ready"),
    ]


def test_a_sentence_led_by_he_keeps_its_person_for_the_next_he():
    result = extract(
        "Dana Okafor founded the company in 2009 with Omar Haddad, who had helped launch a "
        "bank. Haddad later ran the firm.\n\n"
        "“It took everything we had,” Okafor told the Harbor Herald.\n\n"
        "The company now employs 900 people in four countries.\n\n"
        "He decided to return to St. Louis, the city where he and Haddad grew up. Over the "
        "years, he has started several programs there.\n\n"
        "“The biggest challenge is the talent shortage,” he says."
    )
    assert said(result)[-1] == ("Dana Okafor", "The biggest challenge is the talent shortage")


def test_where_a_speaker_is_in_ap_commas_is_no_appositive():
    result = extract(
        "One student at Harbor University in Durham, North Carolina, said he disliked the "
        "rules.\n\nLena Berg, a nurse in Dayton, Ohio, said the ward was full."
    )
    assert said(result) == [
        ("One student at Harbor University", "he disliked the rules."),
        ("Lena Berg", "the ward was full."),
    ]


def test_a_generational_suffix_keeps_the_surname_for_later_mentions():
    result = extract(
        "James Holt Jr., the grandson of the founder, said the plan was sound.\n\n"
        "Holt said the fund was safe."
    )
    assert said(result) == [
        ("James Holt Jr.", "the plan was sound."),
        ("James Holt Jr.", "the fund was safe."),
    ]


def test_a_quotation_run_on_after_a_name_is_no_part_of_it():
    result = extract(
        '"We oppose it," said committee chairman Tim Kaine."So that is the theme," he said.'
    )
    assert said(result) == [("Tim Kaine", "We oppose it"), ("Tim Kaine", "So that is the theme")]


def test_a_name_with_a_particle_is_a_person_the_next_he_can_mean():
    result = extract(
        "Boris Kingma led the study. He proposes a new model.\n\n"
        "“These findings could be significant,” Joost van Hoof of the Netherlands’ Fontys "
        "University writes in an accompanying article. He says the savings will grow."
    )
    assert said(result) == [
        ("Joost van Hoof", "These findings could be significant"),
        ("Joost van Hoof", "the savings will grow."),
    ]


def test_someone_named_by_one_name_with_a_person_appositive_is_a_person():
    result = extract(
        "“It’s the new counterculture,” said Jared, an undergraduate who wore a suit. "
        "“It’s like the sixties,” he said.\n\n"
        "Another Harbor student, Brittany, said her class held a poll. “The silent majority "
        "was very real,” she said.\n\n"
        "He joined Six Thirty, a financial technology accelerator, last year."
    )
    assert said(result) == [
        ("Jared", "It’s the new counterculture"),
        ("Jared", "It’s like the sixties"),
        ("Brittany", "her class held a poll."),
        ("Brittany", "The silent majority was very real"),
    ]
    assert "Thirty" not in [p.name for p in result.parties]


def test_a_headline_with_a_present_verb_of_saying_or_believing_is_a_statement():
    result = extract("Ana Ruiz suggests the budget will fall short\n\nThe mayor spoke on Monday.")
    assert said(result) == [("Ana Ruiz", "the budget will fall short")]


def test_being_told_to_do_something_reports_the_instruction():
    result = extract(
        "Okafor told him to stop hiring managers.\n\n"
        "Inspectors told Lind to fix the fence within 20 days.\n\n"
        "She walked him to the door."
    )
    assert said(result) == [
        ("Okafor", "to stop hiring managers."),
        ("Inspectors", "to fix the fence within 20 days."),
    ]


def test_a_name_only_looking_like_a_persons_as_an_object_is_no_antecedent():
    result = extract(
        "Sharron Lindqvist, a candidate running against Sen. Harry Reid, released an ad "
        "saying that she wants to save Social Security.\n\n"
        "“We have a contract with our seniors,” She said in the ad."
    )
    assert said(result)[-1] == ("Sharron Lindqvist", "We have a contract with our seniors")


def test_a_transcripts_upper_case_labels_give_the_guests_lines_not_the_hosts():
    result = extract(
        "MARK HOLT: The swimming team has lost its funding. Dana Okafor reports.\n\n"
        "DANA OKAFOR: The cut came on Monday.\n\n"
        "JOHN BERTRAND: We are devastated. This is a disaster for the sport.\n\n"
        "MARK HOLT: Will you appeal?\n\n"
        "JOHN BERTRAND: Yes, we will appeal to the minister.\n\n"
        "REPORTER: The minister was not available."
    )
    assert said(result) == [
        ("John Bertrand", "We are devastated. This is a disaster for the sport."),
        ("John Bertrand", "Yes, we will appeal to the minister."),
    ]


def test_a_participle_of_saying_opening_the_sentence_is_its_subjects():
    result = extract(
        "Declaring that the soul of the corps is at stake, Defense Secretary Dana Okafor has "
        "ordered a review.\n\nSaying the vote was rigged, Ana Ruiz left the room.\n\n"
        "Citing safety concerns, the city closed the road."
    )
    assert said(result) == [
        ("Dana Okafor", "the soul of the corps is at stake"),
        ("Ana Ruiz", "the vote was rigged"),
    ]


def test_a_name_that_extends_a_person_named_earlier_is_named_after_them():
    result = extract(
        "Dana Hale, the first woman of her country in space, died Monday, her foundation, "
        "Dana Hale Science, said.\n\n"
        '"The moment of ignition, there is nothing like it," Hale said in 2008.\n\n'
        '"It was fun," she said.'
    )
    assert [speaker for speaker, _ in said(result)] == [
        "Dana Hale Science",
        "Dana Hale",
        "Dana Hale",
    ]
    kinds = {p.name: p.kind for p in result.parties}
    assert kinds == {"Dana Hale": "person", "Dana Hale Science": "organization"}


def test_a_dateline_with_a_colon_is_not_a_speakers_label():
    result = extract(
        "Lawmaker files complaint\n\n"
        "NEW HARBOR: In a setback to opposition leader Ravi Menon, the commission on Tuesday "
        "rejected his plea. The commission said his complaint was baseless."
    )
    assert said(result) == [("The commission", "his complaint was baseless.")]


def test_a_body_introduced_by_its_name_is_no_he():
    result = extract(
        "Opposition leader Ravi Menon filed a complaint on Friday.\n\n"
        "Menon told the media that two ministers floated a company called Young Harbor. "
        "Young Harbor, he said, acquired the newspaper.\n\n"
        '"This is in violation of law," he said.'
    )
    assert {speaker for speaker, _ in said(result)} == {"Ravi Menon"}


def test_arabic_name_prefixes_in_lower_case_stay_in_the_name():
    result = extract(
        "Sheik Abdel Moneim el-Shahat, a spokesman for the movement, said the statues would "
        'stay.\n\n"I will do something," Sheik Shahat said.'
    )
    assert said(result) == [
        ("Abdel Moneim el-Shahat", "the statues would stay."),
        ("Abdel Moneim el-Shahat", "I will do something"),
    ]
    offsets_hold(result)


def test_a_relative_clause_after_an_appositive_with_a_state_abbreviation():
    result = extract(
        "Dr. Mara Bowers, a gynecologist in San Mateo, Calif., who has performed 1,100 "
        "operations, noted that only five surgeons perform it regularly.\n\n"
        "Transit chief Omar Haddad, who is now suspended by the mayor, pledged in July that "
        "the buses would run."
    )
    assert [speaker for speaker, _ in said(result)] == ["Mara Bowers", "Omar Haddad"]


def test_a_body_that_puts_out_a_document_says_what_its_participle_reports():
    result = extract(
        "The Harbor Red Cross issued a statement Tuesday calling the situation in the capital "
        '"tense and volatile."\n\n'
        "The commission gave a four-page reply stating it could act only on a violation.\n\n"
        "The ministry released a statement saying the talks would resume next week."
    )
    assert [speaker for speaker, _ in said(result)] == [
        "Harbor Red Cross",
        "The commission",
        "The ministry",
    ]


def test_what_someone_called_something_is_theirs():
    result = extract('She was arrested at what police called a "pumping party" in a home.')
    assert said(result) == [("police", 'a "pumping party" in a home.')]


def test_a_report_cited_in_the_lead_takes_the_issuer_named_after_it():
    result = extract(
        "The dispute over the bay has become so intense that conflict is more likely, a new "
        "report says.\n\n"
        "The talks have reached an impasse, according to the report, by the Harbor Crisis "
        "Group, a research organization.\n\n"
        "Fishing fleets have raised the stakes, the report said."
    )
    assert {speaker for speaker, _ in said(result)} == {"Harbor Crisis Group"}


def test_an_and_between_common_nouns_stays_inside_a_bodys_name():
    result = extract(
        "The Lords Science and Technology Committee calls for action to boost numbers in "
        "science and technology.\n\n"
        "Northwind and Contoso Group said they would merge.\n\n"
        "Sina published a message on its official account suggesting it was a technical error."
    )
    assert [speaker for speaker, _ in said(result)] == [
        "Lords Science and Technology Committee",
        "Northwind",
        "Contoso Group",
        "Sina",
    ]


def test_recommending_and_bragging_report_speech_and_even_is_no_part_of_a_name():
    result = extract(
        "The Harbor Committee said students were weak. It recommends that maths should be "
        "compulsory.\n\n"
        "Umar Khan, a second grader, bragged that he is not afraid of drones.\n\n"
        "Even critics of the vaccines agree that serious complications are rare.\n\n"
        "Health officials say studies show that older people who get the shot live longer."
    )
    assert said(result) == [
        ("Harbor Committee", "students were weak."),
        ("Harbor Committee", "maths should be compulsory."),
        ("Umar Khan", "he is not afraid of drones."),
        ("critics of the vaccines", "serious complications are rare."),
        ("Health officials", "older people who get the shot live longer."),
    ]


def test_a_relation_of_someone_then_the_name_speaks_as_the_name():
    result = extract(
        "Dana Okafor's son, Chaz Okafor, told a radio host that he hoped to come home.\n\n"
        "The company's founder, Omar Haddad, said the plan was dead."
    )
    assert said(result) == [
        ("Chaz Okafor", "he hoped to come home."),
        ("Omar Haddad", "the plan was dead."),
    ]


def test_headlines_a_source_label_an_owned_surname_and_more_verbs():
    result = extract("Analysts: Harbor will be the big loser\n\nThe war goes on.")
    assert said(result) == [("analysts", "Harbor will be the big loser")]
    result = extract(
        "Norland acknowledges it has chemical weapons\n\nThe war goes on, officials said."
    )
    assert said(result)[0] == ("Norland", "it has chemical weapons")
    result = extract(
        "NBC's Costas says he plans to honor the athletes\n\n"
        "Bob Costas will speak at the opening, he said on Monday."
    )
    assert [speaker for speaker, _ in said(result)] == ["Bob Costas", "Bob Costas"]


def test_added_with_a_clause_of_its_own_reports_it():
    result = extract(
        "Ravi Menon said the rules were weak. He added the company would appeal the ruling."
    )
    assert said(result) == [
        ("Ravi Menon", "the rules were weak."),
        ("Ravi Menon", "the company would appeal the ruling."),
    ]


def test_a_report_without_issuer_belongs_to_the_body_speaking_next():
    result = extract(
        "Universities are not producing enough science graduates, a report says.\n\n"
        "The Harbor Science Committee calls for action to boost student numbers.\n\n"
        "The report notes that the government attached great importance to education."
    )
    assert {speaker for speaker, _ in said(result)} == {"Harbor Science Committee"}
    # a body named only later, after other speakers, is no issuer
    result = extract(
        "Crime fell last year, a report says.\n\n"
        '"It is good news," said Mayor Ana Ruiz.\n\n'
        "The Harbor Police Department said it would hire more officers."
    )
    assert said(result)[0] == (None, "Crime fell last year")


def test_a_verb_inside_a_relative_clause_reports_up_to_its_closing_comma():
    result = extract(
        "Padge Wilder, who police said uses multiple aliases, was arraigned Tuesday on charges."
    )
    assert said(result) == [("police", "uses multiple aliases")]


def test_an_abbreviation_with_points_inside_an_inverted_subject():
    result = extract('"The gym is closed," lamented one U.S. official.')
    assert said(result) == [("one U.S. official", "The gym is closed")]
    result = extract('"It is over," said U.S. Ambassador Ana Ruiz.')
    assert said(result) == [("Ana Ruiz", "It is over")]


def test_a_person_after_the_comma_of_a_role_of_a_body_is_no_place():
    result = extract(
        "The chief executive of Norcorp, Nick Bale, has acknowledged that his company had "
        "embarrassed the nation."
    )
    assert said(result) == [("Nick Bale", "his company had embarrassed the nation.")]


def test_a_person_noun_right_before_one_name_makes_a_one_name_person():
    result = extract(
        "Drones fly over the town since President Obama took office.\n\n"
        "Another schoolboy, first-grader Saeed, spoke of his plans. "
        "“I want to become a doctor,” he said."
    )
    assert said(result) == [("Saeed", "I want to become a doctor")]


def test_a_quotation_introduced_by_an_inner_verb_and_a_colon_is_the_inner_speakers():
    result = extract(
        'Deputies were called after moviegoers said Clark Tabor shouted: "I should go off." '
        'They said he then asked: "Does anybody have a gun?"'
    )
    assert said(result) == [
        ("Clark Tabor", "I should go off."),
        ("Clark Tabor", "Does anybody have a gun?"),
    ]


def test_according_to_a_possessed_source_with_a_role_or_a_body_named():
    result = extract(
        "According to her NASA biography, Ride became an astronaut candidate in 1978.\n\n"
        "According to his lawyer, Ruiz studied law.\n\n"
        "According to his account, the plant employs 300 people.\n\n"
        "Northwind Ltd. opened a plant. According to the company's website, it employs 300 "
        "people."
    )
    assert said(result) == [
        ("NASA", "Ride became an astronaut candidate in 1978."),
        ("his lawyer", "Ruiz studied law."),
        ("Northwind Ltd", "it employs 300 people."),
    ]


def test_a_plural_subject_believing_or_suspecting_a_clause_states_it():
    result = extract(
        "Harbor news\n\n"
        "Many analysts believe the deal is only a first step.\n\n"
        "Police suspect that he died in the fire.\n\n"
        "The suspects were arrested on Monday."
    )
    assert said(result) == [
        ("Many analysts", "the deal is only a first step."),
        ("Police", "he died in the fire."),
    ]


def test_reminding_someone_of_a_clause_reports_it():
    result = extract(
        "Governor Ana Ruiz reminded residents that the roads would stay closed. "
        "The song reminded her of home."
    )
    assert said(result) == [("Ana Ruiz", "the roads would stay closed.")]


def test_kinds_of_groups_possessed_roles_and_plural_bodies():
    result = extract(
        "Sociologists say the change came slowly.\n\n"
        "His friend said the trial would be short.\n\n"
        "The Local Coordination Committees said the shelling went on.\n\n"
        "Warner Bros. said the film would open in May.\n\n"
        "Tom Banks said he would appeal."
    )
    kinds = {p.name: p.kind for p in result.parties}
    assert kinds["Sociologists"] == "anonymous"
    assert kinds["His friend"] == "anonymous"
    assert kinds["Local Coordination Committees"] == "organization"
    assert kinds["Warner Bros."] == "organization"
    assert kinds["Tom Banks"] == "person"


def test_a_name_ending_in_a_trade_word_is_a_company_its_descriptors_take_up():
    result = extract(
        "Norland Wireless is closing its app store, it said in a notice.\n\n"
        "The operator said it will remove the app from all devices in May. Final billing "
        "will be done in November, according to a timeline from Norland Wireless.\n\n"
        "Dana Hale Energy will cut 400 jobs, the company said on Monday. Sales fell sharply "
        "last year, according to figures from Dana Hale Energy."
    )
    assert said(result) == [
        ("Norland Wireless", "Norland Wireless is closing its app store"),
        ("Norland Wireless", "it will remove the app from all devices in May."),
        ("Norland Wireless", "Final billing will be done in November"),
        ("Dana Hale Energy", "Dana Hale Energy will cut 400 jobs"),
        ("Dana Hale Energy", "Sales fell sharply last year"),
    ]
    assert {p.name: p.kind for p in result.parties} == {
        "Norland Wireless": "organization",
        "Dana Hale Energy": "organization",
    }


def test_a_clause_after_a_quotes_tag_and_a_conjunction_goes_on_with_what_was_said():
    result = extract(
        "“The tolls are popular,” Ana Ruiz said, and because the county leans left, a small "
        "shift tipped the vote.\n\n"
        "“The bridge was built in 1910,” Tom Lind said, but in the last ten years the traffic "
        "has doubled.\n\n"
        "“We were friendly,” Ana Ruiz said, and then she left the hall with her aides.\n\n"
        "“We were friendly,” Tom Lind said, and walked out of the hall with his aides."
    )
    assert said(result) == [
        ("Ana Ruiz", "The tolls are popular"),
        ("Ana Ruiz", "because the county leans left, a small shift tipped the vote."),
        ("Tom Lind", "The bridge was built in 1910"),
        ("Tom Lind", "in the last ten years the traffic has doubled."),
        ("Ana Ruiz", "We were friendly"),
        ("Tom Lind", "We were friendly"),
    ]
    assert [s.direct for s in result.statements] == [True, False, True, False, True, True]


def test_an_estimate_without_that_and_a_forecast_named_for_its_issuer():
    result = extract(
        "The transport agency estimates there is a 40 percent chance of delays in May.\n\n"
        "The bridge will reopen in June, according to the current Norland Ledger forecast. "
        "It will reopen on time, according to plan.\n\n"
        "The agency estimated the damage at $4 million."
    )
    assert said(result) == [
        ("The transport agency", "there is a 40 percent chance of delays in May."),
        ("Norland Ledger", "The bridge will reopen in June"),
    ]


def test_he_after_a_tagged_sentence_is_its_speaker_not_a_name_inside_it():
    result = extract(
        "Tom Okafor, head of the growers' association, said Dana Point could have had 125 "
        "more workers.\n\n"
        "Crews that could have come to Dana Point went instead to Norland, Okafor said. "
        "“We could have been there on Wednesday,” he said."
    )
    assert said(result) == [
        ("Tom Okafor", "Dana Point could have had 125 more workers."),
        ("Tom Okafor", "Crews that could have come to Dana Point went instead to Norland"),
        ("Tom Okafor", "We could have been there on Wednesday"),
    ]


def test_he_after_an_unnamed_source_in_the_paragraph_is_that_source():
    result = extract(
        "Tom Lind runs the depot for the county.\n\n"
        "A spokesman for the agency said the crews were idle. He said they had no orders.\n\n"
        "Only three crews went out on Sunday, according to the source. Crews, he said, are "
        "usually two-man teams.\n\n"
        "Two officials said the depot was full. He said the trucks were late."
    )
    assert said(result) == [
        ("A spokesman for the agency", "the crews were idle."),
        ("A spokesman for the agency", "they had no orders."),
        ("the source", "Only three crews went out on Sunday"),
        ("the source", "Crews, he said, are usually two-man teams."),
        ("Two officials", "the depot was full."),
        ("Tom Lind", "the trucks were late."),
    ]


def test_a_conjunction_opening_the_sentence_is_no_part_of_a_plural_subject():
    result = extract(
        "The ward is full. And administrators say the delays affect care. Yet critics say "
        "the ward is well run.\n\n"
        "Ten patients remained in hospital on Monday, according to hospitals. The ward will "
        "reopen in May, according to local engineers. It will stay busy, according to rumours."
    )
    assert said(result) == [
        ("administrators", "the delays affect care."),
        ("critics", "the ward is well run."),
        ("hospitals", "Ten patients remained in hospital on Monday"),
        ("local engineers", "The ward will reopen in May"),
    ]


def test_an_aside_in_brackets_and_a_long_affiliation_leave_the_source_whole():
    result = extract(
        "Over the weekend, a source (who asked not to be named) reported that the crews were "
        "idle.\n\n"
        "The cuts have become a “spiral of decline”, according to Ana Ruiz of the Norland "
        "Institute of Economic and Social Research, which this week measured their cost."
    )
    assert said(result) == [
        ("a source", "the crews were idle."),
        ("Ana Ruiz", "The cuts have become a “spiral of decline”"),
    ]


def test_an_ampersand_inside_a_company_name_keeps_the_name_whole():
    result = extract(
        "Ruiz & Lind said sales rose. Okafor & Sons said it would appeal. The company said it "
        "was confident."
    )
    assert said(result) == [
        ("Ruiz & Lind", "sales rose."),
        ("Okafor & Sons", "it would appeal."),
        ("Okafor & Sons", "it was confident."),
    ]


def test_subjects_of_closing_tags_found_in_unannotated_news():
    result = extract(
        "As a result, research has lagged, said Ana Ruiz.\n\n"
        "The talks will go on, Tom Lind said.\n\n"
        "The donor was not in the theater, hospital and transplant officials said.\n\n"
        "The first power has been generated, the companies behind the scheme said on Monday.\n\n"
        "By Wednesday, the state's largest power provider, Norgas Corp., said it had restored "
        "power."
    )
    assert said(result) == [
        ("Ana Ruiz", "As a result, research has lagged"),
        ("Tom Lind", "The talks will go on"),
        ("hospital and transplant officials", "The donor was not in the theater"),
        ("the companies behind the scheme", "The first power has been generated"),
        ("Norgas Corp.", "it had restored power."),
    ]


def test_a_phrase_of_time_or_place_after_the_verb_then_a_clause_is_what_was_said():
    result = extract(
        "Tom Lind spoke to the board.\n\n"
        "He said in February the firm was sold to a rival. He also said in his first 100 "
        "days he would cut taxes. He testified on Tuesday. He said in a statement that was "
        "released on Monday."
    )
    assert said(result) == [
        ("Tom Lind", "in February the firm was sold to a rival."),
        ("Tom Lind", "in his first 100 days he would cut taxes."),
    ]


def test_a_closing_finding_tags_the_sentence_and_the_company_is_the_body_named_last():
    result = extract(
        "Lind would need 52 percent of the ballots, a Norland Ledger analysis found.\n\n"
        "Norgas Corp. will cut 400 jobs, the company said.\n\n"
        "Sales rose 4 percent, the company reports.\n\n"
        "Turnout fell, a new study found."
    )
    assert said(result) == [
        ("Norland Ledger", "Lind would need 52 percent of the ballots"),
        ("Norgas Corp", "Norgas Corp. will cut 400 jobs"),
        ("Norgas Corp", "Sales rose 4 percent"),
        (None, "Turnout fell"),
    ]


def test_a_share_of_a_group_speaks_as_the_group():
    result = extract(
        "Nearly six in 10 Norland voters said they backed the bailout. About 40 percent of "
        "residents said the tolls were too high. Two out of three doctors say the drug is safe."
    )
    assert said(result) == [
        ("Norland voters", "they backed the bailout."),
        ("residents", "the tolls were too high."),
        ("doctors", "the drug is safe."),
    ]


def test_possessed_roles_media_outlets_and_a_long_phrase_before_that():
    result = extract(
        "Mr Lind's barrister said the actor had undergone counselling. Norland media outlets "
        "have reported that the dogs were killed. Team owner Ana Ruiz said in a statement on "
        "the team's website that she is looking forward to the move. By Monday, Norland's "
        "largest power provider, Norgas, said it had restored power.\n\n"
        "(It's worth noting that the report said so.)"
    )
    assert said(result) == [
        ("Lind's barrister", "the actor had undergone counselling."),
        ("Norland media outlets", "the dogs were killed."),
        ("Ana Ruiz", "she is looking forward to the move."),
        ("Norgas", "it had restored power."),
    ]


def test_the_role_at_a_body_is_the_person_the_article_names_with_it():
    result = extract(
        "The CIO of Norcorp says big data is a turning point.\n\n"
        "We are entering an inflection point, according to Norcorp CIO Dana Kim. She should "
        "know."
    )
    assert said(result) == [
        ("Dana Kim", "big data is a turning point."),
        ("Dana Kim", "We are entering an inflection point"),
    ]


def test_a_lost_closing_mark_before_a_told_tag_and_an_unclosed_appositive():
    result = extract(
        "“On the Moon, shadowed craters hold water, Jean-Claude Roux, director of research at "
        "the Norland Space Agency told the Ledger. “These craters have steep slopes.”\n\n"
        "The bridge is safe, Ana Ruiz, director of the Norland Transit Agency, said."
    )
    assert said(result) == [
        ("Jean-Claude Roux", "On the Moon, shadowed craters hold water"),
        ("Jean-Claude Roux", "These craters have steep slopes."),
        ("Ana Ruiz", "The bridge is safe"),
    ]
    offsets_hold(result)


def test_the_paper_is_the_newspaper_named_last():
    result = extract(
        "The Norland Times spent a year investigating the homes.\n\n"
        "In a long report, the paper says that the exemption allowed abuse.\n\n"
        "Researchers published a paper on sleep. The paper says that rats dream."
    )
    assert said(result) == [
        ("Norland Times", "the exemption allowed abuse."),
        ("Researchers", "rats dream."),
    ]


def test_speaker_names_without_the_words_around_them():
    result = extract(
        "The army restricts news outlets, making it difficult to verify many reports from "
        "the city.\n\n"
        "Then, in February 2011 a federal judge ruled that the takeover was unconstitutional.\n\n"
        "“They are large products,” said agricultural economist Tom Lind of Norland State "
        "University.\n\n"
        "As for the state, the embassy has offered help to the family, said Ana Ruiz, a "
        "spokeswoman for the embassy."
    )
    assert said(result) == [
        ("a federal judge", "the takeover was unconstitutional."),
        ("Tom Lind", "They are large products"),
        ("Ana Ruiz", "As for the state, the embassy has offered help to the family"),
    ]


def test_news_reports_are_a_noun_and_statistics_a_document_of_their_issuer():
    result = extract(
        "In Norland, 143 such operations were performed in 2009, according to local news "
        "reports.\n\n"
        "Donations rose 5 percent, according to statistics from the Norland Transplant Network."
        "\n\nNorland News reports that the deal is off."
    )
    assert said(result) == [
        (None, "In Norland, 143 such operations were performed in 2009"),
        ("Norland Transplant Network", "Donations rose 5 percent"),
        ("Norland News", "the deal is off."),
    ]


def test_a_share_of_those_asked_speaks_for_the_survey_that_asked_them():
    result = extract(
        "A new Norland Institute survey found that young adults are moving home.\n\n"
        "Among 18- to 24-year-olds, 53% said they live at home. Among those aged 25 to 34, "
        "another 17 percent say they moved back home. Sales rose 5% in May."
    )
    assert said(result) == [
        ("Norland Institute", "young adults are moving home."),
        ("Norland Institute", "they live at home."),
        ("Norland Institute", "they moved back home."),
    ]


def test_a_progressive_speaks_for_the_subject_before_its_auxiliary():
    result = extract(
        "At this time, the Norland Food Agency is also recommending that doctors stop using "
        "the drug.\n\nThe mayor is now saying that the road will close in May."
    )
    assert said(result) == [
        ("Norland Food Agency", "doctors stop using the drug."),
        ("The mayor", "the road will close in May."),
    ]


def test_a_wish_a_plan_and_a_hyphenated_compound_report_nothing():
    result = extract(
        "The league wanted to believe it was headed in the right direction. The council hopes "
        "to show that the budget is balanced.\n\n"
        "Gu and her co-accused were charged with poisoning a family friend."
    )
    assert said(result) == []


def test_a_capitalised_role_of_a_body_is_its_unnamed_holder_or_the_person_before_it():
    result = extract(
        "The CEO of Norcorp said that the company is on track.\n\n"
        "Dana Okafor, CEO of Harbor Mills said that sales rose.\n\n"
        "Secretary of State Tom Lind said the talks would go on."
    )
    assert said(result) == [
        ("The CEO of Norcorp", "the company is on track."),
        ("Dana Okafor", "sales rose."),
        ("Tom Lind", "the talks would go on."),
    ]
    kinds = {p.name: p.kind for p in result.parties}
    assert kinds["The CEO of Norcorp"] == "anonymous"


def test_told_by_an_agent_that_a_clause_gives_the_clause_to_the_agent():
    result = extract(
        "The judges were told by Norcorp on Monday that it would take 14 days to update its "
        "website."
    )
    assert said(result) == [("Norcorp", "it would take 14 days to update its website.")]


def test_a_dateline_after_a_long_headline_and_a_byline_is_no_speakers_label():
    result = extract(
        "Harbor Mills will close if it does not find capital by November 30: bank Business, "
        "Posted on Nov 06, 2012 at 07:20pm\nNorland Press Agency\n\n"
        'Port Vesk: The Harbor Bank on Tuesday warned the mill that it "will close" without '
        'fresh capital. "We have done everything possible," bank chairman Tom Lind told the '
        "agency.\n\nHe further said the mill would not find investors."
    )
    assert [s for s, _ in said(result)] == ["The Harbor Bank", "Tom Lind", "Tom Lind"]


def test_the_company_is_the_body_an_appositive_calls_one_not_a_modifier_or_a_time_zone():
    result = extract(
        "by Dana Tam\nJuly 24, 2012 7:00 AM PDT\n\n"
        "Vesko, a company that makes tools for app developers, has received $12 million in "
        "funding, the company announced today.\n\n"
        "Hale Resources, a Utah firm, said profits rose. The company said it would hire.\n\n"
        "Tom Lind, a developer at Norcorp, said the game would ship in May."
    )
    assert [s for s, _ in said(result)] == ["Vesko", "Hale Resources", "Hale Resources", "Tom Lind"]
    kinds = {p.name: p.kind for p in result.parties}
    assert kinds["Tom Lind"] == "person" and "Utah" not in kinds and "AM PDT" not in kinds


def test_told_an_outlet_then_a_clause_without_that():
    result = extract(
        "A Norcorp spokesman told ABC News Lind was no longer the company's chief executive. "
        "He said Ruiz was a former housekeeper.\n\n"
        "Ana Ruiz told the Ledger the plant would close."
    )
    assert said(result) == [
        ("A Norcorp spokesman", "Lind was no longer the company's chief executive."),
        ("A Norcorp spokesman", "Ruiz was a former housekeeper."),
        ("Ana Ruiz", "the plant would close."),
    ]


def test_clauses_after_a_number_an_aside_an_adverb_of_frequency_and_an_addressee():
    result = extract(
        "Police said at least 12 people were killed. The mayor spoke at least twice.\n\n"
        "Mr Hor added that, as a rule, some employees may not wish to take part.\n\n"
        "Tom Lind resigned, but always insisted he was kept in the dark.\n\n"
        "Gunships attacked the city, the Local Coordination Committees, a network of "
        "activists, told NBC News."
    )
    assert said(result) == [
        ("Police", "at least 12 people were killed."),
        ("Hor", "as a rule, some employees may not wish to take part."),
        ("Tom Lind", "he was kept in the dark."),
        ("Local Coordination Committees", "Gunships attacked the city"),
    ]


def test_shares_written_in_words_or_of_a_group_drawn_by_the_survey_speak_for_it():
    result = extract(
        "A new Norland Institute survey found that young adults are moving home. 39% of "
        "adults ages 18 to 34 say they live with their parents. Sixty-three percent of "
        "voters 50 or older said the candidates had not explained their plans. Fifty-nine per "
        "cent said they liked the mayor.\n\n"
        "About 40 percent of the money went to schools, the mayor said."
    )
    assert said(result) == [
        ("Norland Institute", "young adults are moving home."),
        ("Norland Institute", "they live with their parents."),
        ("Norland Institute", "the candidates had not explained their plans."),
        ("Norland Institute", "they liked the mayor."),
        ("the mayor", "About 40 percent of the money went to schools"),
    ]


def test_names_ending_like_a_possessor_and_first_in_a_title():
    result = extract(
        "In addition, Moody’s noted that the rise of smartphones hurt demand.\n\n"
        "Sales fell, McDonald's said on Monday.\n\n"
        "A review will be carried out, First Minister Alex Salmond has announced.\n\n"
        "Trump may agree to Beijing's demands to roll back tariffs."
    )
    assert said(result) == [
        ("Moody’s", "the rise of smartphones hurt demand."),
        ("McDonald's", "Sales fell"),
        ("Alex Salmond", "A review will be carried out"),
    ]


def test_a_record_names_the_person_and_people_turned_away_say_nothing():
    result = extract(
        "Us Weekly reported that Mariah Carey would join the show -- and the five-time Grammy "
        "winner confirmed Monday that it was a done deal.\n\n"
        "Some voters who were originally rejected by the likely voter models that surveys "
        "apply may now be included."
    )
    assert said(result) == [
        ("Us Weekly", "Mariah Carey would join the show"),
        ("Mariah Carey", "it was a done deal."),
    ]


def test_a_speaker_after_a_phrase_of_time_an_as_clause_with_a_possessor_and_a_long_source():
    result = extract(
        "At 3:30 p.m. Pacific, Norcorp updated its support site and said that all services "
        "were working again.\n\n"
        "As Norcorp Online’s Neil Black explained, the goal is to simplify the service.\n\n"
        "Last week the company behind the directory announced it is stopping payments.\n\n"
        "The two are likely to marry this week, according to eyewitnesses who saw them holding "
        "hands at the license office in Beverly Hills last week."
    )
    assert said(result) == [
        ("Norcorp", "all services were working again."),
        ("Neil Black", "the goal is to simplify the service."),
        ("the company behind the directory", "it is stopping payments."),
        ("eyewitnesses", "The two are likely to marry this week"),
    ]


def test_a_participle_describing_the_subject_of_the_closing_tag_reports_nothing():
    result = extract(
        "The cover shows his face: “the hardest job in the world will take its toll,” a blog "
        "post explaining the cover says."
    )
    assert all(not quote.startswith("the cover says") for _, quote in said(result))


def test_sources_named_with_their_medium_roles_a_bare_initial_and_relative_clauses():
    result = extract(
        '"It\'s OK to just say thank you," according to mental health therapist Dana R. Kim '
        "in an interview.\n\n"
        'According to author and psychologist Patricia A Okafor, "The struggle is real."\n\n'
        "I spoke with another Norcorp administrative assistant who said Lind invited her to "
        "lunch.\n\n"
        "Residents who talked to a reporter said the road would close.\n\n"
        "Markets and the Fed appeared to be close. Risks remain balanced, the Fed said."
    )
    assert said(result) == [
        ("Dana R. Kim", "It's OK to just say thank you"),
        ("Patricia A Okafor", "The struggle is real."),
        ("another Norcorp administrative assistant", "Lind invited her to lunch."),
        ("Residents", "the road would close."),
        ("Fed", "Risks remain balanced"),
    ]


def test_clauses_after_this_a_degree_adverb_and_a_colon_inside_the_clause():
    result = extract(
        "Dr. Boris Kingma works at the university. Kingma says this model may overestimate "
        "the rate by up to 35 percent. Kingma spoke this morning.\n\n"
        "Dana Lind more recently has said she has an open mind about the plan.\n\n"
        "From representation to disability policy, she says there’s a common theme: courage."
    )
    assert said(result) == [
        ("Boris Kingma", "this model may overestimate the rate by up to 35 percent."),
        ("Dana Lind", "she has an open mind about the plan."),
        ("Dana Lind", "there’s a common theme: courage."),
    ]


def test_told_an_outlet_then_but_continues_as_said_does():
    result = extract(
        "Kiffin was thought to be the leader, sources told the Ledger as late as Thursday, "
        "but the board went with an internal candidate."
    )
    assert [s for s, _ in said(result)] == ["sources"]
    assert said(result)[0][1].startswith("Kiffin was thought to be the leader")


def test_an_inverted_tag_with_a_bare_plural_of_sources():
    result = extract(
        "This absenteeism is perplexing, noted experts.\n\n"
        "The road will close in May, said local residents."
    )
    assert said(result) == [
        ("experts", "This absenteeism is perplexing"),
        ("local residents", "The road will close in May"),
    ]


def test_a_gerund_complementing_a_noun_and_is_to_say_report_nothing():
    result = extract(
        "Ana Ruiz joined the troupe. Standing on stage was less scary to her than the notion "
        "of saying lines.\n\n"
        "None of this is to say Lind ever stopped reviewing the products."
    )
    assert said(result) == []


def test_an_adverb_opening_the_clause_a_reason_for_anonymity_and_those_surveyed():
    result = extract(
        "John Kheradpir runs the unit. Kheradpir said eventually this will be unnecessary. "
        "He spoke briefly.\n\n"
        "A resident who didn't want to be identified out of fear of the law said people are "
        "afraid to go out.\n\n"
        "Sixty-six percent of those surveyed said they had doubts about the plan."
    )
    assert said(result) == [
        ("John Kheradpir", "eventually this will be unnecessary."),
        ("A resident", "people are afraid to go out."),
        (None, "they had doubts about the plan."),
    ]


def test_a_name_opening_the_sentence_before_an_appositive_with_commas_of_its_own():
    result = extract(
        "Bank President Tom Hoenig spoke on Monday. Hoenig, the longest-serving policymaker "
        "and one of 10 people who decide what borrowers pay on mortgages, loans and other "
        "products, said that the policy was risky.\n\n"
        "In Paris, London and Rome, officials said the talks would go on."
    )
    assert said(result) == [
        ("Tom Hoenig", "the policy was risky."),
        ("officials", "the talks would go on."),
    ]


def test_a_closing_tag_naming_a_document_a_passive_ruled_and_a_reason_at_the_end():
    result = extract(
        "Platforms like Hotstar, Amazon Prime and Netflix have seen an 82 per cent increase "
        "in time spent, said the report.\n\n"
        "Singapore is ruled by what is essentially one-party government.\n\n"
        "The rebels regained some ground, according to three residents who spoke on condition "
        "of anonymity for fear of reprisals."
    )
    assert said(result) == [
        (
            None,
            "Platforms like Hotstar, Amazon Prime and Netflix have seen an 82 per cent "
            "increase in time spent",
        ),
        ("three residents", "The rebels regained some ground"),
    ]


def test_an_epithet_of_fame_takes_up_the_person_of_the_paragraph():
    result = extract(
        'Ryan Seacrest has built a media empire. "I felt I should never take a day off," says '
        'the Emmy winner.\n\nAna Ruiz won gold on Sunday. "It was hard," the Olympic champion '
        "said."
    )
    assert [s for s, _ in said(result)] == ["Ryan Seacrest", "Ana Ruiz"]


def test_a_press_release_dateline_a_trademark_sign_and_today_before_the_verb():
    result = extract(
        "CUPERTINO, California—April 27, 2015—Norcorp® today announced that its board has "
        "authorized a larger buyback.\n\nHarbor Mills yesterday said it would cut 400 jobs."
    )
    assert said(result) == [
        ("Norcorp", "its board has authorized a larger buyback."),
        ("Harbor Mills", "it would cut 400 jobs."),
    ]
    assert "®" in result.statements[0].quote or "®" in result.text


def test_a_document_compiled_by_its_issuer_after_several_modifiers():
    result = extract(
        "Earnings will increase 35 percent in 2010, according to more than 8,000 analyst "
        "estimates compiled by Harbor Data.\n\n"
        "Factory output fell in March, according to provisional purchasing managers' index "
        "(PMI) survey data from Norland Markit."
    )
    assert said(result) == [
        ("Harbor Data", "Earnings will increase 35 percent in 2010"),
        ("Norland Markit", "Factory output fell in March"),
    ]


def test_a_share_after_a_subordinator_a_pronoun_clause_with_and_and_a_possessed_mr():
    result = extract(
        "Confidence has slipped since July, when 48% of respondents said the plan was "
        "helping.\n\n"
        "Ana Ruiz adopted a girl. She was 43 and says she had made peace with it.\n\n"
        "Mr. Lind's approach has not yet produced a deal. He has threatened partners, "
        "suggesting he might leave some of them behind."
    )
    assert said(result) == [
        (None, "the plan was helping."),
        ("Ana Ruiz", "she had made peace with it."),
        ("Lind", "he might leave some of them behind."),
    ]


def test_added_then_a_bare_noun_phrase_and_a_modal_is_a_clause_said():
    result = extract(
        "Mat Keep, product manager at Norcorp, added certain machines will be connected within "
        "five years.\n\nThe Dow added 256 points to close at a record."
    )
    assert said(result) == [("Mat Keep", "certain machines will be connected within five years.")]


def test_according_to_a_named_owners_forecast_cites_the_owner():
    result = extract(
        "Demand will double by 2014, according to Harbor Group’s forecast. The plant was built "
        "according to the rules, and the talks went according to plan."
    )
    assert said(result) == [("Harbor Group", "Demand will double by 2014")]


def test_a_name_ending_in_s_keeps_it_before_a_possessive_apostrophe():
    result = extract("Demand will double by 2014, according to Harbor Metals’ forecast.")
    assert said(result) == [("Harbor Metals", "Demand will double by 2014")]


def test_a_clause_of_place_closes_the_subject_and_a_report_out_friday_from_its_issuer():
    result = extract(
        "The mayor of the village where both men lived says he expects an update soon.\n\n"
        "A victory would most benefit the incumbents, according to a report out Friday from "
        "Harbor Nicolaus, an investment bank."
    )
    assert said(result) == [
        ("The mayor of the village", "he expects an update soon."),
        ("Harbor Nicolaus", "A victory would most benefit the incumbents"),
    ]


def test_doubted_that_reports_a_belief_as_believed_that_does():
    result = extract(
        "Kirsten Powers doubted that the president would address the ad. Few doubted her talent."
    )
    assert said(result) == [("Kirsten Powers", "the president would address the ad.")]


def test_a_quantifier_saying_inside_a_contact_clause_is_the_speaker():
    result = extract(
        "Budget concerns have made it hard to approve the subsidies many say are required."
    )
    assert [s for s, _ in said(result)] == ["many"]


def test_he_or_she_with_no_one_named_is_the_person_described_in_the_paragraph():
    result = extract(
        "A Maine man was arrested when he told officers that he was on his way to a former "
        "employer.\n\nPolice found a woman in the car. She said the driver had fled.\n\n"
        "A man and a woman left the shop. He said the shop would close."
    )
    assert [s for s, _ in said(result)] == ["A Maine man", "a woman", "A man"]


def test_told_me_or_us_then_a_clause_a_clock_time_and_a_possessor_before_a_full_name():
    result = extract(
        "Foursquare’s Dennis Crowley told us the company needs to play with the API for a few "
        "weeks.\n\n"
        "Coach Jeff Fisher said he doesn’t love the 5:30 am start, but said the team would "
        "manage.\n\nNorcorp's Board Chairman said the deal was off."
    )
    assert said(result) == [
        ("Dennis Crowley", "the company needs to play with the API for a few weeks."),
        ("Jeff Fisher", "he doesn’t love the 5:30 am start"),
        ("Jeff Fisher", "the team would manage."),
        ("Norcorp's Board Chairman", "the deal was off."),
    ]
