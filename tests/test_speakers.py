"""Speakers and parties: chains, spokespeople, documents, merges, and the learned ranker.

Invented articles only, so these pass in a bare clone; the corpus figures are checked in
test_extraction.py (skipped when ../shared is absent).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import Extraction, clean, extract, ranker, train_speakers
from factcheck.extraction.parties import clean_name
from factcheck.extraction.ranker import FEATURES, candidates_for, rerank, weak_speaker
from tests.test_extraction import speaker_of


def party(result: Extraction, name: str):
    found = [p for p in result.parties if p.name == name]
    assert found, f"no party {name!r} in {[p.name for p in result.parties]}"
    return found[0]


# -- chains --------------------------------------------------------------------------------------


def test_the_spokeswoman_and_she_take_up_the_named_spokeswoman():
    result = extract(
        "Harbor Authority spokeswoman Dana Whitfield defended the new fees on Tuesday.\n\n"
        "The spokeswoman said the money would repair the docks. She added that prices had "
        "not risen in a decade."
    )
    assert speaker_of(result, "repair the docks") == "Dana Whitfield"
    assert speaker_of(result, "not risen in a decade") == "Dana Whitfield"
    assert [p.name for p in result.parties] == ["Dana Whitfield"]


def test_a_pronoun_two_sentences_on_keeps_the_senator():
    result = extract(
        "Senator Alma Reyes voted against the bill.\n\n"
        '"It is a giveaway," she said. "Nobody asked for it."'
    )
    assert speaker_of(result, "giveaway") == "Alma Reyes"
    assert speaker_of(result, "Nobody asked") == "Alma Reyes"


def test_the_senator_is_the_person_introduced_as_sen():
    result = extract(
        "Sen. Alma Reyes opposed the measure.\n\n“This bill is a giveaway,” the senator said."
    )
    assert speaker_of(result, "giveaway") == "Alma Reyes"
    assert "the senator" in party(result, "Alma Reyes").aliases


def test_he_and_she_follow_the_gender_the_text_gives():
    result = extract(
        "Ana Ruiz, a spokeswoman for the port, met Tom Hale on Monday. She said the fees "
        "would rise. He said they would not.\n\n"
        "Ms. Lind and Mr. Berg spoke next. Ms. Lind was calm. He said the vote was rigged."
    )
    assert speaker_of(result, "fees would rise") == "Ana Ruiz"
    assert speaker_of(result, "they would not") == "Tom Hale"
    assert speaker_of(result, "vote was rigged") == "Berg"


def test_a_quote_running_over_three_paragraphs_belongs_to_its_speaker():
    result = extract(
        "Coach Ray Tillman was blunt after the loss.\n\n"
        "“We were not ready. We played scared.\n\n"
        "“I take the blame for that,” Tillman said."
    )
    assert speaker_of(result, "played scared") == "Ray Tillman"
    assert speaker_of(result, "take the blame") == "Ray Tillman"


def test_the_company_is_the_organisation_named_just_before():
    result = extract(
        "Northwind Shipping Co. raised its prices in May.\n\n"
        "The company said fuel costs had doubled."
    )
    assert speaker_of(result, "fuel costs had doubled") == "Northwind Shipping Co"
    assert party(result, "Northwind Shipping Co").kind == "organization"
    assert "The company" in party(result, "Northwind Shipping Co").aliases


# -- organisations and their spokespeople ----------------------------------------------------------


def test_unnamed_spokesperson_is_an_anonymous_source_of_the_body():
    result = extract('"The fees will rise in March," said a spokesman for the Harbor Authority.')
    spokesman = party(result, "a spokesman for the Harbor Authority")
    assert spokesman.kind == "anonymous"
    assert spokesman.affiliation == "Harbor Authority"


def test_spokesperson_name_loses_a_machine_translation_fragment():
    result = extract(
        '"The fees will rise in March," said a spokesman for the Harbor Authority. from '
        "Portland.\n\nDock workers were angry."
    )
    assert speaker_of(result, "fees will rise") == "a spokesman for the Harbor Authority"
    assert all(not p.name.endswith((".", ",")) and ". " not in p.name for p in result.parties)


def test_spokeswoman_with_the_body_before_her_title_is_affiliated_with_it():
    result = extract("A Harbor Authority spokeswoman said the fees would rise in March.")
    assert party(result, "A Harbor Authority spokeswoman").affiliation == "Harbor Authority"


def test_said_a_white_house_official_is_the_official_not_the_white_house():
    result = extract(
        '"We will not comment," said a White House official.\n\n'
        '"The deal is dead," said one Republican operative in the state.'
    )
    assert speaker_of(result, "not comment") == "a White House official"
    assert speaker_of(result, "deal is dead") == "one Republican operative"
    assert {p.kind for p in result.parties} == {"anonymous"}
    assert party(result, "a White House official").affiliation == "White House"
    assert party(result, "one Republican operative").affiliation == "Republican"


def test_named_spokesman_is_the_speaker_not_his_company():
    result = extract(
        '"We never sold those parts," Lumen Corp spokesman Idris Khan told the newspaper.'
    )
    assert speaker_of(result, "never sold") == "Idris Khan"
    assert party(result, "Idris Khan").affiliation == "Lumen Corp"


def test_a_body_whose_name_starts_with_a_title_word_stays_a_body():
    result = extract("The Justice Department said the company broke the law.")
    assert speaker_of(result, "broke the law") == "Justice Department"
    assert party(result, "Justice Department").kind == "government"


def test_a_capitalised_job_title_is_not_an_employer():
    result = extract("Press secretary Jen Hall said the bill was dead on arrival.")
    assert party(result, "Jen Hall").affiliation is None


def test_joint_speakers_each_get_the_statement():
    result = extract("Lumen, Orion and Vesta all denied the claims.")
    assert [s.speaker for s in result.statements] == ["Lumen", "Orion", "Vesta"]
    assert len({(s.start, s.end) for s in result.statements}) == 1


# -- documents -------------------------------------------------------------------------------------


def test_a_document_without_an_issuer_leaves_the_statement_for_the_reviewer():
    result = extract("Trade at the port fell sharply last year, the report said.")
    assert speaker_of(result, "fell sharply") is None
    assert result.parties == ()


def test_a_report_by_a_body_is_the_bodys_statement():
    result = extract("A report by the Coastal Research Institute found that the docks were unsafe.")
    assert speaker_of(result, "docks were unsafe") == "Coastal Research Institute"


def test_the_report_goes_to_the_outlet_named_with_it_earlier():
    result = extract(
        "The Daily Ledger report appeared on Monday.\n\n"
        "Fish stocks collapsed in the bay, according to the report."
    )
    assert speaker_of(result, "Fish stocks collapsed") == "Daily Ledger"
    assert not any("report" in p.name.casefold() for p in result.parties)


def test_a_document_obtained_by_an_outlet_is_not_the_outlets():
    result = extract(
        "The mayor will attend the gala, according to an invitation obtained by the Ledger."
    )
    assert speaker_of(result, "attend the gala") is None
    assert result.parties == ()


def test_the_statement_is_the_party_that_issued_it():
    result = extract(
        "In a statement, Lumen Corp said it had found no flaw.\n\n"
        "The statement added that customers were safe."
    )
    assert speaker_of(result, "customers were safe") == "Lumen Corp"
    assert [p.name for p in result.parties] == ["Lumen Corp"]


# -- names and merges ------------------------------------------------------------------------------


def test_party_names_lose_a_parenthesis_and_keep_it_as_an_alias():
    result = extract("Rep. Tom Adler (R-Tex.) said the bill would pass.")
    adler = party(result, "Tom Adler")
    assert adler.kind == "person"
    assert "Tom Adler (R-Tex.)" in adler.aliases


def test_a_name_with_a_middle_initial_is_one_person():
    result = extract(
        "The committee chairman, William J. Hardy, said the vote would be delayed. "
        "Hardy said nothing more."
    )
    assert {s.speaker for s in result.statements} == {"William J. Hardy"}
    assert party(result, "William J. Hardy").kind == "person"


def test_the_official_takes_up_one_senior_official_said_before():
    result = extract(
        "One senior official said the talks had stalled.\n\n"
        "The official said a deal was unlikely before May."
    )
    assert speaker_of(result, "deal was unlikely") == "One senior official"
    assert [p.name for p in result.parties] == ["One senior official"]
    assert party(result, "One senior official").kind == "anonymous"


def test_quantified_and_described_people_are_anonymous():
    result = extract(
        "Both sides said the deal would hold.\n\n"
        "People familiar with the talks said a signing was close."
    )
    assert {p.kind for p in result.parties} == {"anonymous"}


def test_roles_and_common_nouns_are_anonymous_sources():
    result = extract(
        "Tom Hale was charged on Monday. His lawyer said Hale would plead not guilty.\n\n"
        "Neighbors were shocked. The neighbors said he was quiet.\n\n"
        "Those close to the mayor said he would not resign."
    )
    assert party(result, "His lawyer").kind == "anonymous"
    assert party(result, "Those close to the mayor").kind == "anonymous"


def test_a_spokeswoman_for_the_authority_is_affiliated_with_the_authority_named_before():
    result = extract(
        "Officials at the Harbor Authority said the docks would reopen. A spokeswoman for the "
        "authority said repairs were done."
    )
    spokeswoman = party(result, "A spokeswoman for the authority")
    assert spokeswoman.kind == "anonymous"
    assert spokeswoman.affiliation == "Harbor Authority"


def test_the_ceo_is_the_chief_executive_named_before():
    result = extract(
        "Acme Inc. chief executive Ravi Nair said sales rose.\n\n"
        "“We had a great year,” the CEO said."
    )
    assert speaker_of(result, "great year") == "Ravi Nair"


def test_clean_name_keeps_initials_and_abbreviations():
    assert clean_name("William F. Sweeney") == "William F. Sweeney"
    assert clean_name("Acme Holdings Inc.") == "Acme Holdings Inc."
    assert clean_name("the Ministry of Transport. from Lisbon") == "the Ministry of Transport"
    assert clean_name("Ann Vale (D-Ore.),") == "Ann Vale"


# -- the learned ranker ----------------------------------------------------------------------------


def test_shipped_weights_name_every_feature():
    data = json.loads(ranker.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    assert ranker.load_weights() is not None


def test_weak_speakers_are_gaps_and_fragments_only():
    assert weak_speaker(None)
    assert weak_speaker("Some") and weak_speaker("Long-awaited")
    assert not weak_speaker("WHO") and not weak_speaker("Sui-Lee Wee")
    assert not weak_speaker("the associate") and not weak_speaker("Ana Ruiz")


def test_ranker_fills_a_missing_speaker_with_the_person_speaking_in_the_paragraph():
    text = (
        "Dock workers gathered at the gate on Monday.\n\n"
        "Union leader Marta Ruiz said the strike would go on. "
        "The owners had offered nothing new, the union leader said."
    )
    ctx = train_speakers.rules_context(text)
    target = next(f for f in ctx.found if "offered nothing new" in text[f.start : f.end])
    target.speaker = None  # as if the rules had found no speaker
    names = [c.name for c in candidates_for(ctx, ctx.found.index(target))]
    assert "Marta Ruiz" in names
    assert rerank(ctx) == 1
    assert target.speaker == "Marta Ruiz"


def test_the_ranker_marks_who_speaks_next_in_the_paragraph():
    text = (
        "Tom Hale runs the depot.\n\n"
        "Ana Ruiz said the depot would close. “We have no choice,” she said."
    )
    ctx = train_speakers.rules_context(text)
    first = next(i for i, f in enumerate(ctx.found) if "would close" in text[f.start : f.end])
    column = FEATURES.index("next_speaker")
    marked = {c.name: c.features[column] for c in candidates_for(ctx, first)}
    assert marked == {"Tom Hale": 0.0, "Ana Ruiz": 1.0}


def test_a_quote_opening_a_paragraph_goes_to_the_person_not_the_outlet_she_spoke_to():
    result = extract(
        "Ana Ruiz has run the shelter for a decade. She spoke to The Daily Ledger.\n\n"
        "“We turn people away every night.”"
    )
    assert speaker_of(result, "turn people away") == "Ana Ruiz"
    assert party(result, "Ana Ruiz").kind == "person"


def test_ranker_leaves_an_attributed_speaker_alone():
    text = 'Ana Ruiz spoke first. "We will appeal," said Tomas Berg.'
    ctx = train_speakers.rules_context(text)
    before = [f.speaker for f in ctx.found]
    assert rerank(ctx) == 0
    assert [f.speaker for f in ctx.found] == before == ["Tomas Berg"]


def test_fitting_learns_which_feature_marks_the_speaker():
    near = FEATURES.index("same_sentence_before")
    far = FEATURES.index("previous_paragraph")

    def vector(k: int) -> list[float]:
        return [1.0 if i == k else 0.0 for i in range(len(FEATURES))]

    examples = [([vector(near), vector(far)], [True, False])] * 20
    weights = train_speakers.fit(examples)
    assert weights[near] > weights[far]


def test_training_command_reports_leave_one_article_out_on_invented_articles(tmp_path, capsys):
    articles = {
        "invented-docks": (
            "Union leader Marta Ruiz said the strike would go on.\n\n"
            "“We are not moving,” Ruiz said.",
            ["Marta Ruiz", "Marta Ruiz"],
            ["the strike would go on", "We are not moving"],
        ),
        "invented-budget": (
            "Mayor Tomas Berg said the budget was balanced.\n\n“Nobody will pay more,” Berg said.",
            ["Tomas Berg", "Tomas Berg"],
            ["the budget was balanced", "Nobody will pay more"],
        ),
    }
    for name, (text, speakers, quotes) in articles.items():
        gold = {
            "id": name,
            "text": text,
            "parties": [{"name": speakers[0], "kind": "person", "aliases": []}],
            "statements": [
                {"quote": q, "speaker": s, "direct": False}
                for q, s in zip(quotes, speakers, strict=True)
            ],
        }
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    output = tmp_path / "weights.json"
    assert train_speakers.main([str(tmp_path), "--write", "--output", str(output)]) == 0
    out = capsys.readouterr().out
    assert "rules + ranker, leave-one-article-out: statements P 1.000 R 1.000" in out
    assert "speaker accuracy 1.000" in out
    assert set(json.loads(output.read_text())["weights"]) == set(FEATURES)


def test_training_command_refuses_an_empty_folder(tmp_path, capsys):
    assert train_speakers.main([str(tmp_path)]) == 1
    assert "no *.gold.json files" in capsys.readouterr().err


# -- never crashes -------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        *'"“”,.:\n\n',
        *["said", "she", "he", "they", "the spokeswoman", "the company", "the report"],
        *["Ana Ruiz", "Ruiz", "Mr.", "Lumen Corp", "according to", "a spokesman for", "Ms."],
        *["one official", "the official", "(D-Ore.)", "Both", "told", "J.", "from", "by"],
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=50).map(" ".join), st.integers(min_value=0, max_value=5))
def test_ranker_and_party_tidying_never_fail_and_name_only_known_parties(text, gap):
    ctx = train_speakers.rules_context(clean(text))
    if ctx.found:
        ctx.found[gap % len(ctx.found)].speaker = None
    rerank(ctx)
    for f in ctx.found:
        assert f.speaker is None or f.speaker in ctx.registry.parties
    result = extract(text)
    names = {p.name for p in result.parties}
    for s in result.statements:
        assert s.speaker is None or s.speaker in names
        assert result.text[s.start : s.end] == s.quote


def test_weights_file_is_small():
    assert Path(ranker.WEIGHTS_PATH).stat().st_size < 4096
