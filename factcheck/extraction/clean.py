"""Turn whatever reached the newsroom (bytes, HTML, entity debris) into clean paragraphs.

The cleaned text is what every offset refers to: paragraphs separated by one blank line,
single spaces inside a paragraph, no control characters. Curly quotation marks are kept
(they are what the reader sees); the statement finder treats straight and curly marks alike.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

from factcheck.extraction.quotes import FEET_INCHES

# "& # 39;", "& #39;", "&#39 ;" ... : entities broken by machine translation or re-encoding.
_DEBRIS = re.compile(r"&\s*#\s*(x[0-9a-fA-F]{1,6}|\d{1,7})\s*;")
_HTML_HINT = re.compile(
    r"<\s*(?:html|body|p|div|br|article|section|span|a\s|h[1-6]|li|ul|table|script|style)\b",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ufffe]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n")

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
# Page furniture rather than article text.
_SKIP_TAGS = frozenset(
    "script style noscript template svg head iframe object nav footer form button select".split()
)


def decode(raw: str | bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252;
    never raises."""
    if isinstance(raw, str):
        return raw
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        return str(raw)
    data = bytes(raw)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; "replace" keeps the rest readable.
    return data.decode("cp1252", errors="replace")


class NotText(ValueError):
    """Bytes that are not an article's text: an image, a document, a program."""


# Characters typed text never holds: C0 controls other than tab, newlines, vertical tab and form
# feed, DEL, and the replacement mark left where a byte decoded to nothing.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_SAMPLE = 64 * 1024


def decode_text(raw: bytes) -> str:
    """Bytes of an uploaded or imported article to text, as `decode` reads them; raises NotText
    for a binary file (a NUL byte, or more than 1 % of characters no text contains)."""
    text = decode(raw)
    sample = text[:_SAMPLE]
    odd = len(_BINARY.findall(sample))
    if "\x00" in sample or odd > max(4, len(sample) // 100):
        raise NotText("not text")
    return text


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # Inside HTML a newline is only whitespace; blocks make the paragraphs.
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; this is a last-resort guard for odd input
        return re.sub(r"<[^>]*>", " ", markup)
    return "".join(parser.parts)


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:20000])) >= 2 or text.lstrip()[:15].lower().startswith(
        ("<!doctype", "<html")
    )


def _fix_debris(text: str) -> str:
    """Decode broken numeric entities; a broken &#39; between words is an apostrophe,
    anywhere else it stands for a quotation mark."""
    if "&" not in text:
        return text
    out: list[str] = []
    pos = 0
    for m in _DEBRIS.finditer(text):
        code = m.group(1)
        try:
            value = int(code[1:], 16) if code[0] in "xX" else int(code)
            char = chr(value) if 0 < value < 0x110000 else ""
        except (ValueError, OverflowError):
            char = ""
        chunk = text[pos : m.start()]
        if char in ("'", "\u2019", "\u2018", '"'):
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end() : m.end() + 2]
            if before.isalnum() and after[:1].isalnum():
                char = "'"
            elif after[:1] == "s" and not after[1:].isalnum() and chunk.rstrip()[-1:].isalnum():
                # A possessive split off its noun ("the Herald & # 39;s editor"): a quotation
                # mark is never followed by a lone "s".
                char, chunk = "'", chunk.rstrip()
            else:
                char = '"'
        out.append(chunk)
        out.append(char)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


_ANY_MARK = re.compile(r'["“„«”»]')


def _tighten_quote_marks(paragraph: str) -> str:
    """Glue loose straight quotation marks to the words they enclose ('" word "' -> '"word"')
    so opening and closing marks can be told apart later. Straight marks alternate; a mark
    that can only close (followed by punctuation) but has nothing open is left as an orphan."""
    if '"' not in paragraph:
        return paragraph
    n = len(paragraph)
    last_mark = max(paragraph.rfind('"'), paragraph.rfind("\u201d"))
    out: list[str] = []
    pos = 0  # paragraph[pos:] is not yet copied to out
    inside = False
    for m in _ANY_MARK.finditer(paragraph):
        i = m.start()
        if i < pos:
            continue
        ch = paragraph[i]
        if ch == '"' and FEET_INCHES.search(paragraph, max(0, i - 8), i + 1):
            continue
        if ch in "“„«":
            inside = True
            continue
        if ch in "”»":
            inside = False
            continue
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < n else " "
        if inside or after in ",.;:!?)":
            if before == " " and after in " ,.;:!?)":
                out.append(paragraph[pos:i].rstrip(" "))
                out.append('"')
                pos = i + 1
            inside = False
        elif after == " ":
            if i == 0 or i < last_mark:
                out.append(paragraph[pos : i + 1])
                pos = i + 1
                while pos < n and paragraph[pos] == " ":
                    pos += 1
                inside = True
        else:
            inside = True
    out.append(paragraph[pos:])
    return "".join(out)


def clean(raw: str | bytes) -> str:
    """Decoded, de-HTML-ed, normalised text with paragraphs separated by a blank line."""
    text = decode(raw)
    if not text:
        return ""
    if looks_like_html(text):
        text = html_to_text(text)
    text = _fix_debris(text)
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    if _BLANK_LINES.search(text):
        blocks = _BLANK_LINES.split(text)
        # With blank lines present, a single newline is a hard wrap inside a paragraph.
        blocks = [" ".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks]
    else:
        blocks = [line.strip() for line in text.split("\n")]
    paragraphs = []
    for block in blocks:
        block = _SPACES.sub(" ", block).strip()
        if block:
            paragraphs.append(_tighten_quote_marks(block))
    return "\n\n".join(paragraphs)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a cleaned text."""
    spans = []
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n\n", start)
        if end == -1:
            end = n
        if end > start:
            spans.append((start, end))
        start = end + 2
    return spans


def duplicate_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs that repeat an earlier paragraph verbatim (captions printed
    several times), so each is annotated once."""
    seen: set[str] = set()
    duplicates = []
    for start, end in paragraph_spans(text):
        key = " ".join(text[start:end].split()).casefold()
        if len(key) < 2:
            continue
        if key in seen:
            duplicates.append((start, end))
        else:
            seen.add(key)
    return duplicates
