"""Quotation marks, quoted spans and sentences inside one paragraph.

Offsets are relative to the paragraph string; callers add the paragraph's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“„«"
CLOSERS = "”»"
MARKS = '"' + OPENERS + CLOSERS
_MARK_RE = re.compile(r'["“”„«»]')
_AFTER_CLOSE = set(",.;:!?)]—–-")
# a height in feet and inches ("6' 2\""): its second mark is no quotation mark
FEET_INCHES = re.compile(r"\b\d['’]\s?\d{1,2}(?:\.\d)?\"$")
# '"We will win, Ruiz said. "Nobody doubts it."': a quote whose closing mark was left out ends
# at the comma before its attribution, when the next mark opens another quote
# (the name may carry an appositive: ", Ana Ruiz, director of the agency, told the Ledger.")
_LOST_TAG = (
    r",\s+(?:(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'.-]*(?:,\s+[^,.!?“”\"]{{3,80}}?,?)?|he|she|they)"
    r"\s+(?:said|says|added|adds|asked|explained|wrote|told)(?:\s+[^\s.!?,]+){{0,4}}{end}"
    r"|,\s+(?:said|says|added|asked|explained|wrote)\s+(?:[A-Z][\w’'.-]*\s*){{1,4}}{end}"
)
_LOST_CLOSE = re.compile(_LOST_TAG.format(end=r"[.!?,:]\s*$"))
# '"We will win, Ruiz said. Others were less sure.': with no mark after it, a quote whose
# closing mark was left out ends at the comma before an attribution closing a sentence (a
# quote running on into the next paragraph carries no such tag)
_LOST_CLOSE_INSIDE = re.compile(_LOST_TAG.format(end=r"[.!?]\s+(?=\S)"))


@dataclass
class Quote:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or len(paragraph) when left open
    closed: bool
    start: int = 0  # interior, trimmed
    end: int = 0

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.closed else self.close


def _trim(p: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (p[start].isspace() or p[start] in "…"):
        start += 1
    while end > start and (p[end - 1].isspace() or p[end - 1] in ",;"):
        end -= 1
    return start, end


# Single quotation marks quote in British style and in headlines. A closing mark is also an
# apostrophe, so only one followed by a non-letter can close ("don’t" never does).
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–-]))(?:‘|'(?=[^\W\d_]))")
_SINGLE_CLOSE = re.compile(r"(?<=\S)[’'](?![^\W_])")


def _single_quotes(p: str) -> list[Quote]:
    """Quoted spans of a paragraph that has no double quotation marks."""
    quotes: list[Quote] = []
    pos = 0
    while True:
        o = _SINGLE_OPEN.search(p, pos)
        if not o:
            return quotes
        start = o.start()
        nxt = _SINGLE_OPEN.search(p, start + 1)
        limit = nxt.start() if nxt else len(p)
        closes = [c.start() for c in _SINGLE_CLOSE.finditer(p, start + 2, limit)]
        close = next((c for c in closes if _clearly_closes(p, c)), closes[-1] if closes else -1)
        if close >= 0:
            quotes.append(Quote(start, close, True))
            pos = close + 1
        elif p[start] == "‘" and not nxt and (start == 0 or p[start - 1].isspace()):
            quotes.append(Quote(start, len(p), False))  # it may go on in the next paragraph
            return quotes
        else:
            pos = start + 1


def _clearly_closes(p: str, i: int) -> bool:
    """A closing mark after punctuation, before punctuation or the end, or after a word that
    does not end in s (a plural possessive also ends in an apostrophe)."""
    after = p[i + 1 : i + 2]
    return (
        p[i - 1] in ",.!?…"
        or after in ("", ",", ".", ";", ":", "!", "?", ")", "—", "–")
        or (after.isspace() and p[i - 1].casefold() not in "sz")
    )


def find_quotes(p: str) -> list[Quote]:
    """Quoted spans of a paragraph. Straight marks alternate; curly marks say which they are.
    A quote still open at the end of the paragraph runs to its end (it may continue in the
    next paragraph). A closing mark with nothing open, followed by a comma, closes a quote
    whose opening mark was lost: it is taken to start after the previous quote."""
    last_mark = max(p.rfind(c) for c in MARKS)
    if last_mark < 0:
        quotes = _single_quotes(p) if ("‘" in p or "'" in p) else []
        for q in quotes:
            q.start, q.end = _trim(p, q.open + 1, q.close)
        return [q for q in quotes if q.end > q.start]
    quotes = []
    inside = False
    start = -1
    n = len(p)
    for m in _MARK_RE.finditer(p):
        i = m.start()
        ch = p[i]
        if ch == '"' and FEET_INCHES.search(p, max(0, i - 8), i + 1):
            continue  # 'a 6\' 2" centre': an inch mark, not a quotation mark
        before = p[i - 1] if i else " "
        after = p[i + 1] if i + 1 < n else " "
        if ch in OPENERS and not (
            # 'it,“ she says': an opening mark typed for a closing one, after the quote's last
            # word and its comma
            inside and before in ",.!?" and (after.isspace() or i + 1 == n)
        ):
            role = "open"
        elif ch in CLOSERS and not inside and before.isspace() and after.isalnum():
            # 'said the plan ”will fail”': a closing mark typed for an opening one, with
            # nothing open, after a space and before a word
            role = "open"
        elif (
            ch in CLOSERS
            or inside
            or (
                i > 0
                and not before.isspace()
                and before not in "([{—–-"
                and (after.isspace() or after in _AFTER_CLOSE or i + 1 == n)
            )
        ):
            role = "close"
        elif after.isspace() and i > 0 and i >= last_mark:
            role = "stray"
        else:
            role = "open"
        if role == "open":
            if inside and start >= 0:
                # ('“We will win, Ruiz told the Ledger. “Nobody doubts it.”': the lost close)
                lost = _LOST_CLOSE.search(p, start + 1, i)
                quotes.append(Quote(start, lost.start(), True) if lost else Quote(start, i, False))
            inside, start = True, i
        elif role == "close":
            lost = (
                _LOST_CLOSE.search(p, start + 1, i)
                if inside and before.isspace() and after.isalnum() and ch == '"'
                else None
            )
            if lost:
                quotes.append(Quote(start, lost.start(), True))
                start = i  # the mark opens the next quote
            elif inside:
                quotes.append(Quote(start, i, True))
                inside = False
            elif after == "," or (not quotes and before in ",.!?…"):
                # a lost opening mark: after the previous quote, or (the first mark of the
                # paragraph closing a sentence) at the paragraph's start, continuing a quote
                lost_start = quotes[-1].outer_end if quotes else 0
                if i - lost_start > 20:
                    quotes.append(Quote(lost_start - 1, i, True))
    if inside:
        lost = _LOST_CLOSE_INSIDE.search(p, start + 1) or _LOST_CLOSE.search(p, start + 1)
        quotes.append(Quote(start, lost.start(), True) if lost else Quote(start, n, False))
    for q in quotes:
        q.start, q.end = _trim(p, q.open + 1, q.close)
    return [q for q in quotes if q.end > q.start]


def mask(p: str, quotes: list[Quote]) -> str:
    """The paragraph with quote interiors blanked out ('x'), keeping their length and a final
    sentence mark, so sentence splitting and verb search only see the narrative around them."""
    if not quotes:
        return p
    chars = list(p)
    for q in quotes:
        # downstream rules look for double marks only
        if q.open >= 0 and chars[q.open] in "‘'”»":  # (a closing mark typed for the open)
            chars[q.open] = "“"
        if q.closed and chars[q.close] in "’'“":  # (an opening mark typed for the close)
            chars[q.close] = "”"
        lo, hi = q.open + 1, q.close
        last = hi - 1
        while last >= lo and chars[last].isspace():
            last -= 1
        for k in range(lo, hi):
            if k == last and p[k] in ".!?…":
                continue
            chars[k] = "x"
    return "".join(chars)


_BOUNDARY = re.compile(r"[.!?…]+[\"”’)\]]*\s+(?=[\"“‘(\[]|[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|vs|No|Gen|Gov|Sen|Rep|Lt|Col|Capt|Prof|"
    r"Sgt|Maj|Cpl|Pvt|Cmdr|Adm|Det|Supt|Atty|Msgr|Rev|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ave|Mt|Ft|[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])$"
)


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence spans of a (masked) paragraph."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(masked):
        head = masked[max(start, m.start() - 12) : m.start()]
        if masked[m.start()] == "." and _ABBREV.search(head):
            continue
        end = m.end()
        while end > start and masked[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        start = m.end()
    end = len(masked)
    if end > start:
        spans.append((start, end))
    return spans
