"""Statement and speaker extraction for news articles: pure Python, rules only, no Django.

    result = extract(raw_bytes_or_text)
    s = result.statements[0]
    assert result.text[s.start : s.end] == s.quote

Layers, bottom up (each imports only the ones above it in this list):

- records: the Party / Statement / Extraction dataclasses;
- clean: bytes and HTML to paragraphs, entity debris ("& # 39;") to quote marks or
  apostrophes, duplicate paragraphs (captions printed several times);
- quotes: quotation marks paired per paragraph, quote interiors masked, sentences;
- speakers: names, titles, kinds and pronoun antecedents (generic cues, no name lists);
- lexicon: speech verbs by how their content follows, attribution patterns, word helpers;
- subjects, resolve: the noun phrase naming a speaker beside a verb, and its party;
- reported: speech verbs and "according to" read on the masked text, each giving a speaker
  and what was said; placement: quotes take the speaker next to them or of their paragraph;
- statements: the paragraph walk tying these together (find_statements).
"""

from __future__ import annotations

import logging
import re

from factcheck.extraction.clean import clean, duplicate_paragraphs
from factcheck.extraction.records import PARTY_KINDS, Extraction, Party, Statement

logger = logging.getLogger(__name__)


def _as_written(name: str | None, text: str) -> str | None:
    """A name read with its Arabic prefix capitalised ('Nur El-Din'), as the text wrote it."""
    from factcheck.extraction.speakers import CAPITAL_NAME_PREFIX

    if not name or not CAPITAL_NAME_PREFIX.search(name):
        return name
    lowered = CAPITAL_NAME_PREFIX.sub(lambda m: m.group(0).lower(), name)
    return lowered if lowered in text and name not in text else name


__all__ = [
    "PARTY_KINDS",
    "Extraction",
    "Party",
    "Statement",
    "clean",
    "duplicate_paragraphs",
    "extract",
    "extract_text",
]


_TRADEMARK = re.compile("[®™℠]")


def extract_text(text: str) -> Extraction:
    """Extract from text that is already clean (offsets refer to it unchanged)."""
    from factcheck.extraction.speakers import NAME_PREFIX
    from factcheck.extraction.statements import find_statements

    # the rules read names as runs of capitalised words, so they read the text with Arabic
    # prefixes capitalised (the same length), and the names come back as written
    read = NAME_PREFIX.sub(lambda m: m.group(0).capitalize(), text)
    # "Apple® today announced": a trademark sign is read as a space (the same length), so the
    # name ends where it should; the statements keep it
    read = _TRADEMARK.sub(" ", read)
    found, registry = find_statements(read)
    statements = []
    used: set[str] = set()
    for f in found:
        quote = text[f.start : f.end]
        if not quote.strip():
            continue
        statements.append(Statement(quote, _as_written(f.speaker, text), f.start, f.end, f.direct))
        if f.speaker:
            used.add(f.speaker)
    parties = registry.freeze(used)
    if read != text:
        parties = tuple(
            Party(
                _as_written(p.name, text),
                p.kind,
                _as_written(p.affiliation, text),
                tuple(_as_written(a, text) for a in p.aliases),
            )
            for p in parties
        )
    # parties in the order they first speak (the registry's own order follows sets, which
    # change with the hash seed from run to run)
    first = {}
    for st in statements:
        first.setdefault(st.speaker, st.start)
    parties = tuple(sorted(parties, key=lambda p: (first.get(p.name, len(text)), p.name)))
    return Extraction(text, parties, tuple(statements))


def extract(raw: str | bytes) -> Extraction:
    """Clean raw article text (bytes, HTML or plain text) and find its statements."""
    text = clean(raw)
    try:
        return extract_text(text)
    except (RecursionError, MemoryError):
        raise
    except Exception as exc:  # a bug on odd input must not lose the article; keep the text
        logger.error("statement extraction failed (%s: %s)", type(exc).__name__, exc)
        return Extraction(text, (), ())
