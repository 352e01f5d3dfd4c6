"""The extraction result: parties, the statements they made, and the text it refers to."""

from __future__ import annotations

from dataclasses import dataclass

PARTY_KINDS = ("person", "organization", "government", "media", "anonymous")


@dataclass(frozen=True)
class Party:
    name: str
    kind: str  # one of PARTY_KINDS
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "affiliation": self.affiliation,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True)
class Statement:
    quote: str
    speaker: str | None  # a Party.name
    start: int
    end: int
    direct: bool

    def as_dict(self) -> dict:
        return {
            "quote": self.quote,
            "speaker": self.speaker,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
        }


@dataclass(frozen=True)
class Extraction:
    text: str  # the cleaned text; statement offsets index into it
    parties: tuple[Party, ...] = ()
    statements: tuple[Statement, ...] = ()

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "parties": [p.as_dict() for p in self.parties],
            "statements": [s.as_dict() for s in self.statements],
        }
