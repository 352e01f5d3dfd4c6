"""'She' and 'he' go to a person of that gender, known from a given name or a title."""

from __future__ import annotations

from factcheck.extraction import extract
from factcheck.extraction.first_names import FEMININE, MASCULINE
from tests.test_extraction import speaker_of


def test_she_skips_a_man_named_in_between_for_the_woman_before_him():
    result = extract(
        "Margaret Osei, the town's treasurer, said the budget was balanced.\n\n"
        "Council member Robert Lindahl arrived late to the meeting.\n\n"
        '"Every figure is in the report," she said. "Nobody has asked to see it."'
    )
    assert speaker_of(result, "Every figure is in the report") == "Margaret Osei"
    assert speaker_of(result, "Nobody has asked") == "Margaret Osei"


def test_he_skips_a_woman_for_the_man_before_her():
    result = extract(
        "Thomas Varga, who runs the ferry line, said fares would rise in spring.\n\n"
        "Ellen Brooks, a commuter, was waiting at the pier.\n\n"
        '"We have no choice," he said.'
    )
    assert speaker_of(result, "We have no choice") == "Thomas Varga"


def test_first_lady_is_a_title_not_part_of_the_name():
    result = extract(
        "First Lady Helen Marsh spoke at the opening of the library.\n\n"
        '"Reading changed my life," Marsh said.'
    )
    assert speaker_of(result, "Reading changed my life") == "Helen Marsh"


def test_names_given_to_both_sexes_mark_neither():
    assert not ({"jordan", "taylor", "alex", "jean", "andrea", "sam"} & (FEMININE | MASCULINE))
    assert not FEMININE & MASCULINE
