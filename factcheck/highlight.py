"""Cut an article's text into paragraphs of plain and highlighted runs, for rendering.

Pure code: the template escapes every run, so untrusted article text never becomes markup.
Statements may overlap (a joint denial is one span with several speakers), so each run carries
every statement that covers it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Run:
    text: str
    marks: list[Any] = field(default_factory=list)

    @property
    def first(self) -> Any:
        return self.marks[0] if self.marks else None


def paragraphs(text: str, spans: Iterable[tuple[int, int, Any]]) -> list[list[Run]]:
    """Split `text` at blank lines and at every span boundary.

    `spans` are (start, end, payload) with 0 <= start < end <= len(text); the payloads covering a
    run are listed on it in the order the spans were given.
    """
    spans = [(s, e, p) for s, e, p in spans if 0 <= s < e <= len(text)]
    cuts = {0, len(text)}
    for start, end, _ in spans:
        cuts.add(start)
        cuts.add(end)
    pos = 0
    while (brk := text.find("\n\n", pos)) != -1:
        end = brk
        while end < len(text) and text[end] == "\n":
            end += 1
        cuts.update((brk, end))
        pos = end
    points = sorted(cuts)

    # Sweep the boundaries once; `active` holds the spans open at the current point.
    by_start: dict[int, list[tuple[int, Any]]] = {}
    for order, (start, end, payload) in enumerate(spans):
        by_start.setdefault(start, []).append((order, end, payload))
    active: list[tuple[int, int, Any]] = []
    out: list[list[Run]] = [[]]
    for left, right in itertools.pairwise(points):
        active = [a for a in active if a[1] > left]
        active.extend(by_start.get(left, ()))
        active.sort(key=lambda a: a[0])
        chunk = text[left:right]
        if not chunk.strip("\n") and "\n\n" in chunk:
            if out[-1]:
                out.append([])
            continue
        out[-1].append(Run(chunk, [a[2] for a in active]))
    return [p for p in out if p]
