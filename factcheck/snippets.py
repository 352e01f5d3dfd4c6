"""Search snippets with the matched words marked, safe to put in a page.

PostgreSQL's ts_headline returns the untrusted article text with its own start/stop markers
around matches. We ask for two control characters as markers, escape everything, and only then
turn the markers into <mark> tags, so nothing from the text can become markup. Pure code.
"""

from __future__ import annotations

from html import escape

START, STOP = "\x02", "\x03"


class Marked(str):
    """Escaped text with <mark> tags we added ourselves; template engines honour __html__."""

    def __html__(self) -> str:
        return self


def marked(headline: str) -> Marked:
    out: list[str] = []
    is_open = False
    for char in headline:
        if char == START and not is_open:
            out.append("<mark>")
            is_open = True
        elif char == STOP and is_open:
            out.append("</mark>")
            is_open = False
        elif char not in (START, STOP):
            out.append(escape(char, quote=True))
    if is_open:
        out.append("</mark>")
    return Marked("".join(out))
