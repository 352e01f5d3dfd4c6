"""A batch of articles from files: a zip or folder of .txt, .html and .md files, or a CSV with
title, outlet, url, date and text columns. Each becomes an article through Article.objects.submit,
which cleans the text and finds its statements; the batch lands whole or not at all.

A list of web addresses (a .urls file, or a .txt holding nothing else, one a line) and CSV rows
with a url and no text are articles to fetch: each address is one draft, fetched on its own when
the draft is submitted (factcheck.ingest).
"""

from __future__ import annotations

import csv
import datetime
import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DataError, IntegrityError, transaction

from factcheck.extraction.clean import NotText, decode_text
from factcheck.ingest import IngestError, fetch_article
from factcheck.models import Article

TEXT_SUFFIXES = {".txt", ".html", ".htm", ".md"}
ADDRESS_SUFFIXES = {".urls", ".txt"}  # a .txt of addresses only is a list, else an article
MAX_FILES = 500
MAX_BATCH_BYTES = 100 * 1024 * 1024  # a batch, unpacked; larger ones go in parts
CSV_COLUMNS = ["title", "outlet", "url", "date", "text"]
_READ_SUFFIXES = TEXT_SUFFIXES | {".csv", ".urls"}


class BatchProblem(Exception):
    """A batch that can't be imported; the message names the file or row at fault."""


@dataclass
class Draft:
    source: str  # the file name, or "row 3 of feed.csv", for messages
    title: str
    raw_text: str
    outlet: str = ""
    url: str = ""
    published_on: datetime.date | None = None
    address: str = ""  # a web address to fetch the article from, instead of raw_text

    def article_fields(self) -> dict:
        """Keyword arguments for Article.objects.submit; a draft with an address fetches its
        page here, what the file gave (title, outlet, date) winning over what the page says."""
        given = {
            "raw_text": self.raw_text,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published_on": self.published_on,
        }
        if not self.address:
            return given
        try:
            fields = fetch_article(self.address).article_fields(**given)
        except IngestError as e:
            raise BatchProblem(f"{self.source}: {e}") from None
        fields["title"] = fields["title"] or _clip(self.address)
        return fields


@dataclass
class Batch:
    drafts: list[Draft] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _limit() -> int:
    return settings.ARTICLE_MAX_BYTES


def _decode(raw: bytes, source: str, limit: int | None = None) -> str:
    limit = limit or _limit()
    if len(raw) > limit:
        raise BatchProblem(f"{source} is larger than the {limit // 1024} KB an article may be.")
    try:
        return decode_text(raw)
    except NotText:
        raise BatchProblem(f"{source} is not a text file.") from None


class _Title(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.where: str | None = None
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in {"title", "h1"} and tag not in self.found:
            self.where = tag
            self.found[tag] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == self.where:
            self.where = None

    def handle_data(self, data: str) -> None:
        if self.where:
            self.found[self.where] += data


def _clip(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= 300 else title[:297].rsplit(" ", 1)[0] + "…"


def title_for(name: str, text: str) -> str:
    """The headline a file carries (<title>, <h1>, # heading, short first line), else its name."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in {".html", ".htm"}:
        parser = _Title()
        parser.feed(text[:200_000])
        for tag in ("title", "h1"):
            if parser.found.get(tag, "").strip():
                return _clip(parser.found[tag])
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines:
        first = lines[0]
        if suffix == ".md" and first.startswith("#"):
            return _clip(first.lstrip("#").strip())
        if suffix != ".md" and len(first) <= 160 and not first.endswith((".", ",", ":", ";")):
            return _clip(first)
    stem = re.sub(r"[_-]+", " ", PurePosixPath(name).stem).strip()
    return _clip(stem[:1].upper() + stem[1:]) or "Untitled article"


def from_files(files: Iterable[tuple[str, bytes]]) -> Batch:
    """Drafts from (name, content) pairs; a .zip is opened, a .csv read row by row."""
    batch = Batch()
    for name, raw in files:
        suffix = PurePosixPath(name).suffix.lower()
        base = PurePosixPath(name).name
        if base.startswith(".") or "__MACOSX" in name:
            continue
        if suffix == ".zip":
            _from_zip(name, raw, batch)
        elif suffix == ".csv":
            batch.drafts.extend(from_csv(_decode_csv(raw, name), name))
        elif suffix in ADDRESS_SUFFIXES and (listed := from_addresses(_decode(raw, name), name)):
            batch.drafts.extend(listed)
        elif suffix == ".urls":
            raise BatchProblem(f"{name} holds no web addresses.")
        elif suffix in TEXT_SUFFIXES:
            text = _decode(raw, name)
            if not text.strip():
                raise BatchProblem(f"{name} is empty.")
            batch.drafts.append(Draft(source=name, title=title_for(name, text), raw_text=text))
        else:
            batch.skipped.append(name)
        if len(batch.drafts) > MAX_FILES:
            raise BatchProblem(f"A batch may hold up to {MAX_FILES} articles; split it.")
    if not batch.drafts:
        raise BatchProblem(
            "No articles found: give .txt, .html or .md files, a zip, a CSV, or a list of web "
            "addresses."
        )
    return batch


def from_folder(path: Path) -> Batch:
    files = sorted(p for p in path.rglob("*") if p.is_file())
    return from_files((str(p.relative_to(path)), p.read_bytes()) for p in files)


# What the zip module can inflate; anything else (or a newer method) is refused by name.
_ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_CHUNK = 64 * 1024


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, limit: int) -> bytes:
    """The member's bytes, inflated a chunk at a time and refused as soon as they pass `limit`:
    the declared size may lie, and a bomb must never be inflated whole in memory."""
    where = f"{member.filename} in {name}"
    if member.flag_bits & 0x1:
        raise BatchProblem(f"{where} is encrypted; send the files without a password.")
    if member.compress_type not in _ZIP_METHODS:
        raise BatchProblem(
            f"{where} is compressed with a method the desk cannot read "
            f"(method {member.compress_type}); zip it again with ordinary compression."
        )
    chunks, size = [], 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise BatchProblem(f"{where} is larger than an article may be.")
                chunks.append(chunk)
    except BatchProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, OSError, EOFError, RuntimeError) as e:
        # Bad CRC, a corrupt deflate or bzip2 stream, a truncated member.
        raise BatchProblem(f"{where} is damaged and cannot be read ({e}).") from None
    return b"".join(chunks)


def _from_zip(name: str, raw: bytes, batch: Batch) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError):
        raise BatchProblem(f"{name} is not a readable zip file.") from None
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > MAX_FILES:
        raise BatchProblem(f"{name} holds {len(members)} files; a batch may hold {MAX_FILES}.")
    if sum(m.file_size for m in members) > MAX_BATCH_BYTES:
        raise BatchProblem(
            f"{name} unpacks to more than {MAX_BATCH_BYTES // 1024**2} MB; split it."
        )
    inner, total = [], 0
    for member in sorted(members, key=lambda m: m.filename):
        lowered = member.filename.lower()
        if PurePosixPath(lowered).name.startswith(".") or "__macosx" in lowered:
            continue  # the Mac's resource forks: not articles, and never reported
        if lowered.endswith(".zip") or PurePosixPath(lowered).suffix not in _READ_SUFFIXES:
            if not lowered.endswith(".zip"):
                inner.append((member.filename, b""))  # reported as skipped, never inflated
            continue
        # A CSV holds many articles; any other file is one.
        limit = MAX_BATCH_BYTES - total if lowered.endswith(".csv") else _limit()
        content = _read_member(archive, member, name, limit)
        total += len(content)
        if total > MAX_BATCH_BYTES:
            raise BatchProblem(
                f"{name} unpacks to more than {MAX_BATCH_BYTES // 1024**2} MB; split it."
            )
        inner.append((member.filename, content))
    nested = from_files(inner)
    batch.drafts.extend(nested.drafts)
    batch.skipped.extend(nested.skipped)


def from_addresses(text: str, name: str) -> list[Draft]:
    """A draft per web address, one a line (blank lines and # comments aside); none if the file
    holds anything else, except in a .urls file, where a line that isn't an address is an error."""
    validate_url = URLValidator(schemes=["http", "https"])
    drafts = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            validate_url(line)
        except ValidationError:
            if name.lower().endswith(".urls"):
                raise BatchProblem(
                    f"line {n} of {name} is not a web address (https://…)."
                ) from None
            return []
        drafts.append(
            Draft(source=f"line {n} of {name} ({line})", title="", raw_text="", address=line)
        )
    return drafts


def _decode_csv(raw: bytes, name: str) -> str:
    return _decode(raw, name, limit=MAX_BATCH_BYTES)


def from_csv(text: str, name: str = "the CSV") -> list[Draft]:
    # The csv module refuses cells over 131,072 characters by default: allow an article's worth
    # (the length check below names the row when a cell is longer still).
    csv.field_size_limit(max(csv.field_size_limit(), _limit() + 1))
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _csv_drafts(reader, name)
    except csv.Error as e:
        raise BatchProblem(f"Line {reader.line_num} of {name} is not valid CSV ({e}).") from None


def _csv_drafts(reader: csv.DictReader, name: str) -> list[Draft]:
    header = [h.strip().lower() for h in reader.fieldnames or []]
    # A url column without text lists articles to fetch; their titles come from the pages.
    missing = [c for c in ("title", "text") if c not in header and "url" not in header]
    if missing:
        raise BatchProblem(
            f"{name} needs the columns {', '.join(CSV_COLUMNS)}; it lacks {', '.join(missing)}."
        )
    reader.fieldnames = header
    validate_url = URLValidator(schemes=["http", "https"])
    drafts = []
    for n, row in enumerate(reader, 2):  # row 1 is the header
        where = f"row {n} of {name}"
        title = _clip(row.get("title") or "")
        text = row.get("text") or ""
        url = (row.get("url") or "").strip()
        fetch = bool(url) and not text.strip()
        if not title and not fetch:
            raise BatchProblem(f"{where} has no title.")
        if not text.strip() and not fetch:
            raise BatchProblem(
                f"{where} has no text" + (" and no url." if "url" in header else ".")
            )
        if len(text.encode("utf-8")) > _limit():
            raise BatchProblem(f"The text in {where} is longer than an article may be.")
        if url:
            try:
                validate_url(url)
            except ValidationError:
                raise BatchProblem(f"{where}: {url!r} is not a web address.") from None
        date = (row.get("date") or "").strip()
        published_on = None
        if date:
            try:
                published_on = datetime.date.fromisoformat(date)
            except ValueError:
                raise BatchProblem(f"{where}: the date {date!r} is not like 2026-11-18.") from None
        drafts.append(
            Draft(
                source=where,
                title=title,
                raw_text=text,
                outlet=" ".join((row.get("outlet") or "").split())[:200],
                url="" if fetch else url,
                published_on=published_on,
                address=url if fetch else "",
            )
        )
    return drafts


def submit(batch: Batch, created_by) -> list[Article]:
    """Every draft onto the desk, or none of them."""
    articles = []
    # Pages are fetched before the transaction opens: no connection held while a site answers.
    prepared = [(draft, draft.article_fields()) for draft in batch.drafts]
    with transaction.atomic():
        for draft, fields in prepared:
            try:
                with transaction.atomic():
                    articles.append(Article.objects.submit(created_by=created_by, **fields))
            except (IntegrityError, DataError) as e:
                raise BatchProblem(
                    f"{draft.source} could not be stored ({str(e).splitlines()[0]})."
                ) from None
    return articles
