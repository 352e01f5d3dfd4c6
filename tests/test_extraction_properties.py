"""Property tests: cleaning and extraction never fail and always return consistent offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import clean, duplicate_paragraphs, extract
from factcheck.extraction.statements import find_statements

QUOTEY = st.lists(
    st.sampled_from(
        [
            *"\"“”„«»‘’'&#39; ,.:;!?-—\n\nabcXYZ",
            *["said", "told", "according to", "Mr. Smith", "officials", "he", "The", "and"],
            *["& # 39;", "<p>", "</p>", "Ana Ruiz", "denied", "saying", "As", "that"],
            *["Ruiz:", "a study by", "found", "— but", "who", "asked", "(AP) —", "2,000"],
            *["quoted as saying", "the mayor,", "all", "didn't", "described", "called", "‘", "’"],
        ]
    ),
    max_size=60,
).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), QUOTEY)


def check(result):
    n = len(result.text)
    previous = -1
    for s in result.statements:
        assert 0 <= s.start < s.end <= n
        assert result.text[s.start : s.end] == s.quote
        assert s.start >= previous
        previous = s.start
        assert s.speaker is None or s.speaker in {p.name for p in result.parties}


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_extract_never_fails_and_offsets_hold(text):
    check(extract(text))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_extract_accepts_any_bytes(raw):
    check(extract(raw))


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_statement_finder_itself_does_not_raise(text):
    # extract() guards against bugs; the finder underneath should not need the guard
    cleaned = clean(text)
    for f in find_statements(cleaned)[0]:
        assert 0 <= f.start < f.end <= len(cleaned)


def test_statement_finder_handles_a_pronoun_opening_the_sentence():
    for text in ["He said the plan failed.", "It said so.", "They said: no.", "she told"]:
        find_statements(text)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_clean_is_stable_and_paragraphs_are_separated_by_one_blank_line(text):
    cleaned = clean(text)
    assert "\n\n\n" not in cleaned
    assert cleaned == cleaned.strip()
    assert clean(cleaned) == cleaned or '"' in cleaned
    for start, end in duplicate_paragraphs(cleaned):
        assert 0 <= start < end <= len(cleaned)


def test_the_parties_come_in_the_order_they_first_speak_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    article = (
        "Norcorp said sales rose. Ana Ruiz, a lawyer, said the deal was off. "
        "The Harbor Bank said it would appeal. Tom Lind told reporters the plan was dead."
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = (
            "from factcheck.extraction import extract; import sys; "
            "print([p.name for p in extract(sys.argv[1]).parties])"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, article], capture_output=True, text=True, env=env
        )
        outputs.add(done.stdout.strip())
    assert outputs == {"['Norcorp', 'Ana Ruiz', 'Harbor Bank', 'Tom Lind']"}
