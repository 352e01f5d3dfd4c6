"""When two quotes are the same claim: the words a near-repeat keeps, and how alike is alike.

Pure Python: the statement queries in models.py turn these into full-text and trigram filters.
"""

from __future__ import annotations

import re


def telling_words_query(quote: str) -> str:
    """A raw tsquery: two groups of four of the longest words of `quote`, all of either group.

    Long words are the rare, specific ones; a near-repeat of a claim keeps most of them, so it
    keeps all of at least one group even when a word or two changed.
    """
    words = sorted(
        {w.lower() for w in re.findall(r"[^\W_]{4,}", quote)}, key=lambda w: (-len(w), w)
    )[:8]
    groups = [words[:4], words[4:8]]
    return " | ".join(f"({' & '.join(g)})" for g in groups if len(g) >= 2) or " & ".join(words)


# How alike two quotes must be (pg_trgm similarity, 0..1) to be shown as "checked before".
SIMILAR_STATEMENT_THRESHOLD = 0.45
