"""Krippendorff's alpha for nominal data: how far reviewers agree beyond chance.

Pure code (no Django) so it can be unit-tested against hand-computed values and reused by reports.
A unit is one statement; its values are the verdicts reviewers gave it. Units with fewer than two
values carry no information about agreement and are left out, as Krippendorff prescribes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    alpha: float | None  # None when undefined: too few values, or every value the same
    units: int  # statements with at least two verdicts, which the figure rests on
    values: int  # verdicts in those statements (Krippendorff's n)

    @property
    def unanimous(self) -> bool:
        """Every pairable verdict was the same one, so alpha is undefined but nobody disagreed."""
        return self.alpha is None and self.units > 0

    def __str__(self) -> str:
        if self.alpha is None:
            return "—"
        return f"{self.alpha:.2f}"


def krippendorff_alpha(units: Iterable[Sequence[Hashable]]) -> Agreement:
    """Nominal alpha = 1 - (n - 1) * sum(o_ck, c != k) / sum(n_c * n_k, c != k).

    `units` holds, per statement, the values given by its reviewers (missing ones left out).
    """
    disagreeing_pairs = 0.0  # sum of off-diagonal coincidences o_ck
    totals: Counter = Counter()  # n_c: how often each value occurs among pairable values
    unit_count = 0
    for values in units:
        m = len(values)
        if m < 2:
            continue
        unit_count += 1
        counts = Counter(values)
        totals.update(counts)
        # Ordered pairs of different values inside the unit, weighted 1 / (m - 1).
        same = sum(c * (c - 1) for c in counts.values())
        disagreeing_pairs += (m * (m - 1) - same) / (m - 1)
    n = sum(totals.values())
    expected = n * n - sum(c * c for c in totals.values())  # sum(n_c * n_k, c != k)
    if n < 2 or expected == 0:
        return Agreement(alpha=None, units=unit_count, values=n)
    return Agreement(alpha=1 - (n - 1) * disagreeing_pairs / expected, units=unit_count, values=n)
