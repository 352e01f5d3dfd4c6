"""A learned second opinion on who said each statement.

The rules pick a speaker from the grammar of the attribution. Here every statement also gets
a small set of candidates: the rules' choice, the parties mentioned in its paragraph and the
two before it, and the speakers of the statements around it. Each candidate is described by
general features (how far away and on which side it is mentioned, whether a speech verb sits
next to it, whether it opens a sentence, its kind, whether it spoke just before, whether a
"he"/"she" cue agrees with its honorific or title, whether an "I"/"we" in the statement suits
one person or a body) and scored by a conditional logit whose weights are learned from the
annotated corpus (`train_speakers.py`) and shipped in `speaker_weights.json`. The model knows
nothing of the rules' choice: it is a second opinion, used only where the rules have no
usable speaker (see `rerank`).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from factcheck.extraction.speakers import (
    FUNCTION_WORDS,
    HONORIFICS,
    SOURCE_NOUNS,
    TITLE_WORDS,
    Registry,
    norm_key,
)

WEIGHTS_PATH = Path(__file__).with_name("speaker_weights.json")

FEATURES = (
    "kind_person",
    "kind_organization",
    "kind_government",
    "kind_media",
    "kind_anonymous",
    "near_before",
    "near_after",
    "has_before",
    "has_after_para",
    "inside",
    "same_sentence_before",
    "same_sentence_after",
    "same_paragraph",
    "previous_paragraph",
    "speech_adjacent",
    "speech_adjacent_near",
    "sentence_subject",
    "previous_speaker",
    "previous_speaker_direct",
    "spoke_in_previous_paragraph",
    "spoke_before",
    "mentions",
    "gender_agrees",
    "gender_clashes",
    "pronoun_cue_person",
    "shape_ok",
    "first_singular_person",
    "first_singular_group",
    "first_plural_group",
    "next_speaker",
)

_SPEECH = (
    r"said|says|say|told|tells|added|adds|wrote|writes|explained|noted|argued|stated|"
    r"insisted|asked|warned|replied|responded|recalled|declared|acknowledged|claimed|"
    r"denied|confirmed|announced|continued|tweeted|testified"
)
_SPEECH_AFTER_NAME = re.compile(
    rf"^(?:[A-Z][\w’'.-]*\s+)*?[A-Z][\w’'.-]*,?\s+(?:\w+ly\s+|also\s+|has\s+|had\s+)?(?:{_SPEECH})\b"
)
_SPEECH_BEFORE_NAME = re.compile(rf"\b(?:{_SPEECH})\s+(?:[\w.]+\s+){{0,3}}$")
# "told the Ledger", "in an interview with Reuters", "speaking to the Courier": the one spoken
# to, not the speaker; "emails obtained by the Ledger": the one who came by them
_HEARER_BEFORE = re.compile(
    r"\b(?:told|tells|asked\s+by|(?:obtained|seen|reviewed|viewed|acquired)\s+by|interviews?\s+with|(?:speaking|talking|spoke|talked)\s+"
    r"(?:to|with)|comments?\s+to|remarks\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s")
_CUE_AFTER = re.compile(
    rf"^[\s,\"”’]*(he|she)\s+(?:\w+ly\s+|also\s+)?(?:{_SPEECH})\b", re.IGNORECASE
)
_CUE_BEFORE = re.compile(
    rf"\b(he|she)\s+(?:\w+ly\s+|also\s+|has\s+|had\s+)?(?:{_SPEECH})\b[^.!?]*$", re.IGNORECASE
)
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|I['’]m|I['’]ve|I['’]d|I['’]ll)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|we['’]re|we['’]ve)\b", re.IGNORECASE)
_WINDOW_PARAGRAPHS = 2  # paragraphs before the statement's own that may hold its speaker
_MAX_CANDIDATES = 14
# Fixed a priori, not tuned: fill a gap when a candidate is more likely than not.
FILL_PROBABILITY = 0.5


class _Found(Protocol):
    start: int
    end: int
    speaker: str | None
    direct: bool
    guessed: bool


@dataclass
class Candidate:
    name: str
    mentions: list[int] = field(default_factory=list)
    features: list[float] = field(default_factory=list)


def load_weights(path: Path = WEIGHTS_PATH) -> list[float] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    weights = data.get("weights", {})
    return [float(weights.get(name, 0.0)) for name in FEATURES]


_WEIGHTS = load_weights()


def score(features: list[float], weights: list[float]) -> float:
    return sum(x * w for x, w in zip(features, weights, strict=True))


class SpeakerContext:
    """What the resolver reads of an extraction: its texts, paragraphs, parties, statements."""

    def __init__(
        self,
        text: str,
        masked: str,
        paragraphs: list[tuple[int, int]],
        registry: Registry,
        found: list[_Found],
    ) -> None:
        self.text = text
        self.masked = masked
        self.paragraphs = paragraphs
        self.para_starts = [s for s, _ in paragraphs]
        self.registry = registry
        self.found = sorted(found, key=lambda f: (f.start, f.end))
        self.found_starts = [f.start for f in self.found]
        self.spans: dict[tuple[int, int], int] = {}
        for f in self.found:
            self.spans[(f.start, f.end)] = self.spans.get((f.start, f.end), 0) + 1
        self.unfiled: dict[str, str] = {}
        self.mentions = self._party_mentions()
        self.mention_counts: dict[str, int] = {}
        for _, name in self.mentions:
            self.mention_counts[name] = self.mention_counts.get(name, 0) + 1

    def _party_mentions(self) -> list[tuple[int, str]]:
        reg = self.registry
        out = list(reg.person_mentions)
        namelike = set(reg.namelike_mentions)
        for offset, raw in reg.namelike_mentions + reg.other_mentions:
            bare = re.sub(r"^(?:the|The)\s+", "", raw)
            name = reg.by_key.get(norm_key(bare)) or reg.lookup_person(bare, offset)
            if name:
                out.append((offset, name))
            elif (offset, raw) in namelike:
                # 'Ana Ruiz has run the shelter': a person by the look of the name only
                self.unfiled[raw] = "person"
                out.append((offset, raw))
        out.sort()
        return out

    def kind(self, name: str) -> str:
        info = self.registry.parties.get(name)
        return info.kind if info else self.unfiled.get(name, "anonymous")

    def file(self, name: str) -> str:
        """The party's name, adding a candidate seen only as a mention to the registry."""
        if name in self.registry.parties:
            return name
        return self.registry.add(name, self.unfiled.get(name, "anonymous")).name

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def sentence_bounds(self, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        ends = [m.end() for m in _SENTENCE_END.finditer(self.masked, max(lo, start - 400), start)]
        s_lo = ends[-1] if ends else lo
        after = _SENTENCE_END.search(self.masked, end, min(hi, end + 400))
        return s_lo, after.end() if after else hi

    def gender(self, name: str) -> str | None:
        return self.registry.gender(name, self.masked)


def candidates_for(ctx: SpeakerContext, index: int) -> list[Candidate]:
    """The candidates for statement ctx.found[index], each with its feature vector."""
    f = ctx.found[index]
    pi = ctx.paragraph_of(f.start)
    lo = ctx.paragraphs[max(0, pi - _WINDOW_PARAGRAPHS)][0] if ctx.paragraphs else 0
    p_lo, hi = ctx.paragraphs[pi] if ctx.paragraphs else (0, len(ctx.text))
    hi = max(hi, f.end)
    prev_p_lo = ctx.paragraphs[pi - 1][0] if pi > 0 else p_lo
    by_name: dict[str, Candidate] = {}
    i = bisect.bisect_left(ctx.mentions, (lo, ""))
    while i < len(ctx.mentions) and ctx.mentions[i][0] < hi:
        offset, name = ctx.mentions[i]
        by_name.setdefault(name, Candidate(name)).mentions.append(offset)
        i += 1
    previous = [g for g in ctx.found[max(0, index - 8) : index] if g.speaker]
    for g in previous:
        if g.start >= lo:
            by_name.setdefault(g.speaker, Candidate(g.speaker))
    if f.speaker:
        by_name.setdefault(f.speaker, Candidate(f.speaker))
    if len(by_name) > _MAX_CANDIDATES:
        keep = sorted(
            by_name.values(),
            key=lambda c: (
                c.name != f.speaker,
                min((abs(o - f.start) for o in c.mentions), default=10**6),
            ),
        )[:_MAX_CANDIDATES]
        by_name = {c.name: c for c in keep}

    s_lo, s_hi = ctx.sentence_bounds(f.start, f.end, p_lo, hi)
    last = previous[-1] if previous else None
    last_direct = next((g for g in reversed(previous) if g.direct), None)
    spoke_prev_para = {g.speaker for g in previous if prev_p_lo <= g.start < p_lo}
    spoke_count: dict[str, int] = {}
    for g in ctx.found[:index]:
        if g.speaker:
            spoke_count[g.speaker] = spoke_count.get(g.speaker, 0) + 1
    cue = _CUE_AFTER.match(ctx.masked, f.end, min(len(ctx.masked), f.end + 40))
    if not cue:
        cue = _CUE_BEFORE.search(ctx.masked, s_lo, f.start)
    cue_gender = None
    if cue:
        cue_gender = "m" if cue.group(1).casefold() == "he" else "f"

    # the one who speaks next in the paragraph often began speaking here, unattributed
    following = next(
        (g for g in ctx.found[index + 1 : index + 4] if g.start >= f.end and g.speaker), None
    )
    next_speaker = following.speaker if following and following.start < hi else None

    said = ctx.text[f.start : f.end]
    singular = bool(_FIRST_SINGULAR.search(said))
    plural = bool(_FIRST_PLURAL.search(said))

    def inside_at(offset: int) -> bool:
        return f.start <= offset < f.end

    out = []
    for cand in by_name.values():
        kind = ctx.kind(cand.name)
        before = [o for o in cand.mentions if o < f.start]
        after = [o for o in cand.mentions if f.end <= o < hi and o >= p_lo]
        inside = any(f.start <= o < f.end for o in cand.mentions)
        near_before = f.start - max(before) if before else None
        near_after = min(after) - f.end if after else None
        speech = [o for o in cand.mentions if _speech_adjacent(ctx.masked, o)]
        near_speech = [o for o in speech if s_lo <= o < s_hi or p_lo <= o < hi]
        subject = any(_starts_sentence(ctx.masked, o, lo) for o in cand.mentions)
        gender = ctx.gender(cand.name) if cue_gender else None
        x = {
            "kind_" + kind: True,
            "near_before": _closeness(near_before),
            "near_after": _closeness(near_after),
            "has_before": bool(before),
            "has_after_para": bool(after),
            "inside": inside,
            "same_sentence_before": any(s_lo <= o < f.start for o in before),
            "same_sentence_after": any(o < s_hi for o in after),
            "same_paragraph": any(p_lo <= o < hi and not inside_at(o) for o in cand.mentions),
            "previous_paragraph": any(prev_p_lo <= o < p_lo for o in cand.mentions),
            "speech_adjacent": bool(speech),
            "speech_adjacent_near": bool(near_speech),
            "sentence_subject": subject,
            "previous_speaker": bool(last and last.speaker == cand.name),
            "previous_speaker_direct": bool(
                f.direct and last_direct and last_direct.speaker == cand.name
            ),
            "spoke_in_previous_paragraph": cand.name in spoke_prev_para,
            "spoke_before": math.log1p(spoke_count.get(cand.name, 0)) / 3,
            "mentions": math.log1p(ctx.mention_counts.get(cand.name, 0)) / 3,
            "gender_agrees": bool(gender and gender == cue_gender),
            "gender_clashes": bool(gender and gender != cue_gender),
            "pronoun_cue_person": bool(cue_gender and kind == "person"),
            "shape_ok": _shape_ok(cand.name),
            "first_singular_person": singular and kind == "person",
            "first_singular_group": singular and _group(cand.name, kind),
            "first_plural_group": plural and kind != "person",
            "next_speaker": cand.name == next_speaker,
        }
        cand.features = [float(x.get(name, 0.0)) for name in FEATURES]
        out.append(cand)
    return out


def _closeness(distance: int | None) -> float:
    """1 next to the statement, falling towards 0 a few paragraphs away."""
    if distance is None:
        return 0.0
    return 1.0 / (1.0 + distance / 150.0)


def _speech_adjacent(masked: str, offset: int) -> bool:
    """'Ana Ruiz said', 'Ruiz, also speaking, added' or 'said Ana Ruiz'."""
    if _SPEECH_AFTER_NAME.match(masked, offset, offset + 90):
        return True
    return bool(_SPEECH_BEFORE_NAME.search(masked, max(0, offset - 40), offset))


def _hearer(masked: str, offset: int) -> bool:
    return bool(_HEARER_BEFORE.search(masked, max(0, offset - 30), offset))


def _only_hearer(masked: str, cand: Candidate) -> bool:
    return bool(cand.mentions) and all(_hearer(masked, o) for o in cand.mentions)


def _starts_sentence(masked: str, offset: int, lo: int) -> bool:
    k = offset
    while k > lo and masked[k - 1] == " ":
        k -= 1
    head = masked[max(lo, k - 12) : k].split()
    if k <= lo or masked[k - 1] in ".!?\n":
        return True
    return (
        bool(head) and head[-1].casefold() in ("the",) and (k - 5 <= lo or masked[k - 5] in ".!?\n")
    )


def _group(name: str, kind: str) -> bool:
    """'officials', 'the company's advisers': many people or a body, not one speaker."""
    head = name.split()[-1].casefold() if name.split() else ""
    return kind != "person" and (kind != "anonymous" or head.endswith("s"))


def _shape_ok(name: str) -> bool:
    """A name a desk could file: capitalised words, or a phrase headed by a source noun."""
    words = name.split()
    if not words:
        return False
    low = [w.casefold().strip(".,;:") for w in words]
    if len(words) == 1 and (low[0] in FUNCTION_WORDS or low[0] in HONORIFICS):
        return False
    if name[:1].isupper() and not any(c in name for c in ".;:") and "-" not in words[0][1:]:
        return True
    return any(w in SOURCE_NOUNS or w in TITLE_WORDS for w in low)


def probabilities(cands: list[Candidate], weights: list[float]) -> list[float]:
    scores = [score(c.features, weights) for c in cands]
    top = max(scores)
    exp = [math.exp(x - top) for x in scores]
    z = sum(exp)
    return [e / z for e in exp]


_COMPOUND_MODIFIER = re.compile(r"^[A-Z]?[a-z]+(?:-[a-z]+)+$")


def weak_speaker(name: str | None) -> bool:
    """No speaker, or a fragment no desk would file as a party: a lone quantifier or
    determiner ('Some', 'Many') or a hyphenated modifier ('Long-awaited')."""
    if name is None:
        return True
    words = name.split()
    if len(words) != 1:
        return False
    word = words[0].strip(".,;:")
    if word.isupper():
        return False  # an acronym
    return word.casefold() in FUNCTION_WORDS or bool(_COMPOUND_MODIFIER.match(word))


def rerank(ctx: SpeakerContext, weights: list[float] | None = None) -> int:
    """Fill the rules' gaps; returns how many speakers changed.

    A statement whose rule speaker is missing or a fragment, or a quote the rules gave to a
    news outlet only by guessing from the paragraph, takes the ranker's best other candidate
    when that one is more likely than not. A speaker the rules chose is never
    overruled (overruling even their guesses lost accuracy, leave-one-article-out), and a span
    shared by several statements (a joint statement) keeps the rules' list."""
    weights = weights if weights is not None else _WEIGHTS
    if not weights:
        return 0
    changes = []
    for index, f in enumerate(ctx.found):
        quoted_outlet = f.direct and f.guessed and ctx.kind(f.speaker or "") == "media"
        if not (weak_speaker(f.speaker) or quoted_outlet) or ctx.spans[(f.start, f.end)] > 1:
            continue
        cands = [c for c in candidates_for(ctx, index) if c.name != f.speaker]
        if f.direct:
            # reporters quote people and bodies; an outlet is quoted only when named so
            cands = [c for c in cands if ctx.kind(c.name) != "media"]
        # one only ever spoken to ("told the Ledger", "in an interview with Reuters") is the
        # hearer of what was said, not its speaker
        cands = [c for c in cands if not _only_hearer(ctx.masked, c)]
        if not cands:
            continue
        probs = probabilities(cands, weights)
        best = max(range(len(cands)), key=probs.__getitem__)
        if probs[best] >= FILL_PROBABILITY:
            changes.append((f, cands[best].name))
    # decided on the rules' speakers throughout, then applied together
    for f, name in changes:
        f.speaker = ctx.file(name)
    return len(changes)
