"""Entity debris from machine translation: apostrophes and quotation marks told apart."""

from __future__ import annotations

from factcheck.extraction import clean


def test_a_possessive_split_off_its_noun_by_entity_debris_is_an_apostrophe():
    assert clean("said the Herald & # 39;s editor, & # 39;so be it & # 39;") == (
        'said the Herald\'s editor, "so be it"'
    )


def test_debris_between_letters_is_an_apostrophe():
    assert clean("Apple& # 39;s chips") == "Apple's chips"
