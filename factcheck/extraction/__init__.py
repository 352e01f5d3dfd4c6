"""Statement and speaker extraction for news articles: pure Python, no Django.

>>> result = extract(raw_bytes_or_text)
>>> result.statements[0].quote == result.text[result.statements[0].start:result.statements[0].end]
True
"""

from __future__ import annotations

from factcheck.extraction.clean import clean, duplicate_paragraphs
from factcheck.extraction.records import PARTY_KINDS, Extraction, Party, Statement

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


def extract_text(text: str) -> Extraction:
    """Extract from text that is already clean (offsets refer to it unchanged)."""
    from factcheck.extraction.statements import find_statements

    found, registry = find_statements(text)
    statements = []
    used: set[str] = set()
    for f in found:
        quote = text[f.start : f.end]
        if not quote.strip():
            continue
        statements.append(Statement(quote, f.speaker, f.start, f.end, f.direct))
        if f.speaker:
            used.add(f.speaker)
    return Extraction(text, registry.freeze(used), tuple(statements))


def extract(raw: str | bytes) -> Extraction:
    """Clean raw article text (bytes, HTML or plain text) and find its statements."""
    text = clean(raw)
    try:
        return extract_text(text)
    except (RecursionError, MemoryError):
        raise
    except Exception:  # a bug on odd input must not lose the article; keep the text
        return Extraction(text, (), ())
