"""Krippendorff's alpha (nominal) against values computed by hand and published ones."""

from __future__ import annotations

import pytest

from factcheck.agreement import krippendorff_alpha


def test_two_reviewers_one_disagreement_in_three_statements():
    # o_aa = 2, o_bb = 2, o_ab = o_ba = 1; n_a = n_b = 3, n = 6.
    # alpha = 1 - 5 * 2 / (2 * 3 * 3) = 1 - 10/18 = 4/9
    result = krippendorff_alpha([["a", "a"], ["a", "b"], ["b", "b"]])
    assert result.alpha == pytest.approx(4 / 9)
    assert (result.units, result.values) == (3, 6)


def test_krippendorffs_published_example_with_missing_values():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal alpha = 0.743.
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
    c = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
    units = [[v for v in column if v is not None] for column in zip(a, b, c, d, strict=True)]
    result = krippendorff_alpha(units)
    assert result.alpha == pytest.approx(0.743, abs=0.0005)
    assert result.units == 11  # the last unit has one value and is left out
    assert result.values == 40


def test_perfect_agreement_on_two_values_is_one():
    result = krippendorff_alpha([["confirmed", "confirmed"], ["denied", "denied", "denied"]])
    assert result.alpha == pytest.approx(1.0)


def test_systematic_disagreement_is_below_zero():
    # Two reviewers who always disagree: o_ab = o_ba = 2, n_a = n_b = 2, n = 4.
    # alpha = 1 - 3 * 4 / (2 * 2 * 2) = -0.5
    result = krippendorff_alpha([["a", "b"], ["b", "a"]])
    assert result.alpha == pytest.approx(-0.5)


def test_statements_with_one_verdict_do_not_count():
    result = krippendorff_alpha([["a"], ["b"], []])
    assert result.alpha is None
    assert (result.units, result.values) == (0, 0)
    assert not result.unanimous


def test_everyone_giving_the_same_verdict_is_undefined_but_unanimous():
    result = krippendorff_alpha([["a", "a"], ["a", "a", "a"]])
    assert result.alpha is None
    assert result.unanimous
    assert str(result) == "—"
