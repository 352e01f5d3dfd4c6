"""Restore a JSON export, all or nothing, reading it as a stream.

The archive is read one row at a time (a small incremental parser over the file), checked, and
copied into PostgreSQL with COPY inside one transaction, so a desk of a million statements restores
without holding the file in memory, and any problem (malformed JSON, an unknown schema version, a
dangling reference, a duplicate) rolls everything back with a message that names it.

Ids are kept, so restoring an export into an empty desk and exporting again gives the same file.
People are matched by username (missing ones are created without a password or a role, so an
archive never grants access); parties by name, reusing a party the desk already has.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from psycopg.errors import UniqueViolation
from psycopg.types.json import Jsonb

from factcheck.links import safe_href
from factcheck.models import (
    Article,
    Assignment,
    Comment,
    Party,
    Revision,
    Statement,
    Verdict,
    Verdicts,
    normalise_name,
)
from factcheck.reports.backup import (
    ARTICLE_FIELDS,
    SCHEMA,
    SCHEMA_VERSION,
    STATEMENT_FIELDS,
    TABLES,
    VERDICT_FIELDS,
)


class ImportProblem(Exception):
    """An archive that can't be restored; the message names the problem for the person importing."""


ORDER = ["users", *[t for t, _ in TABLES]]
REQUIRED = {
    "users": {"username"},
    "parties": {"id", "name"},
    "articles": {"id", "title", "text"},
    "statements": {"id", "article", "start", "end", "quote"},
    "verdicts": {"id", "statement", "reviewer", "value"},
    "comments": {"id", "statement", "body"},
    "assignments": {"id", "article", "reviewer"},
    "revisions": {"id", "action"},
}
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
BLOCK = 1 << 20


class _Reader:
    """Just enough of a streaming JSON reader for the archive: an object of values and arrays."""

    def __init__(self, source: IO[str]) -> None:
        self.source = source
        self.buf = ""
        self.pos = 0
        self.read_before = 0  # characters dropped from the buffer, for error positions
        self.eof = False

    def _more(self) -> bool:
        if self.eof:
            return False
        block = self.source.read(BLOCK)
        if not block:
            self.eof = True
            return False
        self.read_before += self.pos
        self.buf = self.buf[self.pos :] + block
        self.pos = 0
        return True

    def _bad(self, what: str) -> ImportProblem:
        at = self.read_before + self.pos
        return ImportProblem(f"The file is not valid JSON ({what} at character {at:,}).")

    def peek(self) -> str:
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def take(self, char: str) -> None:
        if self.peek() != char:
            found = self.peek() or "the end of the file"
            raise self._bad(f"expected {char!r}, found {found!r}")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                if self._more():
                    continue
                raise self._bad(e.msg) from None
            # A number may run on past the buffer: read on before trusting it.
            if end == len(self.buf) and not isinstance(value, dict | list | str) and self._more():
                continue
            self.pos = end
            return value

    def items(self) -> Iterator[Any]:
        self.take("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.peek() == ",":
                self.pos += 1
                continue
            self.take("]")
            return


def tables(source: IO[str]) -> Iterator[tuple[str, Iterator[dict]]]:
    """(table, rows) in file order, after checking the header; rows are checked as they come."""
    reader = _Reader(source)
    if reader.peek() != "{":
        raise ImportProblem(f'This is not a factcheck export (no "schema": "{SCHEMA}").')
    reader.take("{")
    header: dict[str, Any] = {}
    seen_tables: list[str] = []
    while reader.peek() != "}":
        key = reader.value()
        reader.take(":")
        if key in REQUIRED and reader.peek() == "[":
            _check_header(header)
            if key in seen_tables or (
                seen_tables and ORDER.index(key) < ORDER.index(seen_tables[-1])
            ):
                raise ImportProblem(f'"{key}" is out of place: tables must be in export order.')
            seen_tables.append(key)
            rows = _checked(key, reader.items())
            yield key, rows
            for _ in rows:  # the consumer stopped early: still read past the table
                pass
        elif key in REQUIRED:
            raise ImportProblem(f'"{key}" must be a list.')
        else:
            header[key] = reader.value()
        if reader.peek() == ",":
            reader.pos += 1
    reader.take("}")
    _check_header(header)
    if reader.peek():
        raise reader._bad("more data after the export")


def _check_header(header: dict) -> None:
    if header.get("schema") != SCHEMA:
        raise ImportProblem(f'This is not a factcheck export (no "schema": "{SCHEMA}").')
    version = header.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ImportProblem(
            f"Unknown schema version {version!r}: this desk reads version {SCHEMA_VERSION}."
        )


# What each field of a row may hold, as export.schema.json says: (test, what it must be). Checked
# row by row as the file streams past, so a malformed archive is refused by name before any of it
# reaches a page.
Rule = tuple[Callable[[Any], bool], str]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_evidence(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(link, dict)
        and set(link) <= {"url", "title"}
        and safe_href(link.get("url")) == link.get("url")
        and isinstance(link.get("title", ""), str)
        for link in value
    )


def _one_of(choices: Iterable[str]) -> Rule:
    allowed = sorted(choices)
    return (lambda v: isinstance(v, str) and v in allowed), "one of " + ", ".join(
        repr(c) for c in allowed
    )


STR: Rule = (lambda v: isinstance(v, str), "text")
TEXT: Rule = (lambda v: isinstance(v, str) and bool(v.strip()), "non-empty text")
ID: Rule = (lambda v: _is_int(v) and v >= 1, "a positive whole number")
REF: Rule = (lambda v: v is None or (_is_int(v) and v >= 1), "a positive whole number or null")
COUNT: Rule = (lambda v: _is_int(v) and v >= 0, "a whole number, 0 or more")
BOOL: Rule = (lambda v: isinstance(v, bool), "true or false")
PERSON: Rule = (lambda v: v is None or (isinstance(v, str) and bool(v)), "a username or null")
EVIDENCE: Rule = (_is_evidence, 'a list of {"url": "http(s)://…", "title": "…"}')
RECORD: Rule = (
    # A revision's before/after: an object or nothing; evidence inside it is evidence.
    lambda v: v is None or (isinstance(v, dict) and _is_evidence(v.get("evidence", []))),
    "an object (with any evidence as a list of http(s) links) or null",
)
NAMES: Rule = (
    lambda v: isinstance(v, list) and all(isinstance(a, str) for a in v),
    "a list of text",
)
IDS: Rule = (
    lambda v: v is None or (isinstance(v, list) and all(ID[0](s) for s in v)),
    "a list of ids or null",
)

FIELDS: dict[str, dict[str, Rule]] = {
    "users": {"username": TEXT, "first_name": STR, "last_name": STR},
    "parties": {
        "id": ID,
        "name": TEXT,
        "kind": _one_of(Party.Kind.values),
        "affiliation": REF,
        "aliases": NAMES,
    },
    "articles": {
        "id": ID,
        "title": TEXT,
        "outlet": STR,
        "url": STR,
        "byline": STR,
        "status": _one_of(Article.Status.values),
        "blind_review": BOOL,
        "created_by": PERSON,
        "raw_text": STR,
        "text": TEXT,
    },
    "statements": {
        "id": ID,
        "article": ID,
        "speaker": REF,
        "start": COUNT,
        "end": COUNT,
        "quote": TEXT,
        "direct": BOOL,
        "check_worthy": BOOL,
        "origin": _one_of(Statement.Origin.values),
        "position": COUNT,
        "final_verdict": _one_of(["", *Verdicts.values]),
        "final_note": STR,
        "final_by": PERSON,
        "version": ID,
        "accepted_by": PERSON,
    },
    "verdicts": {
        "id": ID,
        "statement": ID,
        "reviewer": TEXT,
        "value": _one_of(Verdicts.values),
        "rationale": STR,
        "evidence": EVIDENCE,
    },
    "comments": {"id": ID, "statement": ID, "author": PERSON, "body": TEXT},
    "assignments": {
        "id": ID,
        "article": ID,
        "reviewer": TEXT,
        "assigned_by": PERSON,
        "statements": IDS,
    },
    "revisions": {
        "id": ID,
        "article": REF,
        "statement": REF,
        "party": REF,
        "actor": PERSON,
        "action": _one_of(Revision.Action.values),
        "before": RECORD,
        "after": RECORD,
    },
}


def _check_fields(table: str, row: dict, n: int) -> None:
    where = f"{table} row {n}" + (f" (id {row['id']})" if _is_int(row.get("id")) else "")
    for field, (test, expected) in FIELDS[table].items():
        if field in row and not test(row[field]):
            raise ImportProblem(f"{where}: {field} must be {expected}, not {_shorten(row[field])}.")
    if table == "statements" and row["end"] <= row["start"]:
        raise ImportProblem(f"{where}: end must come after start.")


def _shorten(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _checked(table: str, rows: Iterable[Any]) -> Iterator[dict]:
    required = REQUIRED[table]
    key = "username" if table == "users" else "id"
    seen: set = set()
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise ImportProblem(f"{table} row {n} is not an object.")
        missing = sorted(required - row.keys())
        if missing:
            raise ImportProblem(f"{table} row {n} lacks {', '.join(missing)}.")
        _check_fields(table, row, n)
        if row[key] in seen:
            raise ImportProblem(f"Duplicate in {table}: {key} {row[key]!r} appears twice.")
        seen.add(row[key])
        yield row


def _when(value: Any, where: str) -> datetime.datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ImportProblem(f"{where}: {value!r} is not a date and time.") from None
    if parsed.tzinfo is None:
        raise ImportProblem(f"{where}: {value!r} has no time zone.")
    return parsed


def _day(value: Any, where: str) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ImportProblem(f"{where}: {value!r} is not a date.") from None


def restore_file(path: str) -> dict[str, int]:
    """Restore the export at `path`, all or nothing; returns the rows restored per table."""
    try:
        with open(path, encoding="utf-8") as source, transaction.atomic():
            return _restore(tables(source))
    except ImportProblem:
        raise
    except UnicodeDecodeError:
        raise ImportProblem(
            "The file is not UTF-8 text, so it is not a factcheck export."
        ) from None
    except Exception as e:  # a constraint no check above foresaw: say which, change nothing
        cause = getattr(e, "__cause__", None) or e
        diag = getattr(cause, "diag", None)
        detail = getattr(diag, "message_primary", None) or str(cause).splitlines()[0]
        raise ImportProblem(f"The database refused the import: {detail}") from None


class _Restore:
    def __init__(self) -> None:
        self.users: dict[str, int] = {}
        self.parties: dict[Any, int] = {}
        self.ids: dict[str, set] = {"articles": set(), "statements": set()}
        self.counts = {table: 0 for table in ORDER}
        self.now = timezone.now()

    def person(self, value: Any, where: str) -> int | None:
        if value is None:
            return None
        if value not in self.users:
            raise ImportProblem(f"{where} refers to user {value!r}, who is not in the file.")
        return self.users[value]

    def ref(self, value: Any, table: str, what: str, where: str, optional: bool = False) -> Any:
        if value is None and optional:
            return None
        if value not in self.ids[table]:
            raise ImportProblem(f"{where} refers to {what} {value!r}, which is not in the file.")
        return value

    def party(self, value: Any, where: str) -> int | None:
        if value is None:
            return None
        if value not in self.parties:
            raise ImportProblem(f"{where} refers to party {value!r}, which is not in the file.")
        return self.parties[value]

    def load_users(self, rows: Iterable[dict]) -> None:
        User = get_user_model()
        for n, row in enumerate(rows, 1):
            username = row["username"]
            if not isinstance(username, str) or not username.strip():
                raise ImportProblem(f"users row {n} has no username.")
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    first_name=row.get("first_name") or "",
                    last_name=row.get("last_name") or "",
                )
                user.set_unusable_password()
                user.save()
            self.users[username] = user.pk
            self.counts["users"] += 1

    def load_parties(self, rows: Iterable[dict]) -> None:
        """Reuse a party of the same name; otherwise create it, keeping its id if that is free."""
        keys: dict[str, Any] = {}
        taken = set(Party.objects.values_list("pk", flat=True))
        created: list[tuple[Party, Any]] = []
        for row in rows:
            key = normalise_name(str(row["name"]))
            if not key:
                raise ImportProblem(f"Party {row['id']} has no name.")
            if key in keys:
                raise ImportProblem(
                    f"Duplicate party: {row['name']!r} (id {row['id']}) and id {keys[key]} "
                    "have the same name."
                )
            keys[key] = row["id"]
            self.counts["parties"] += 1
            existing = Party.objects.named(row["name"])
            if existing is not None and existing.name_key == key:
                self.parties[row["id"]] = existing.pk
                continue
            party = Party(
                name=row["name"],
                kind=row.get("kind") or Party.Kind.PERSON,
                aliases=row.get("aliases") or [],
                created_at=_when(row.get("created_at"), f"party {row['id']}") or self.now,
            )
            if isinstance(row["id"], int) and row["id"] not in taken:
                party.pk = row["id"]
            party.save(force_insert=True)
            self.parties[row["id"]] = party.pk
            created.append((party, row.get("affiliation")))
        for party, affiliation in created:
            if affiliation is not None:
                target = self.party(affiliation, f"Party {party.name!r}'s affiliation")
                Party.objects.filter(pk=party.pk).update(affiliation_id=target)


def _new_ids(model, rows: Iterable[dict], table: str, known: set | None) -> Iterator[dict]:
    """The rows, remembering their ids for the tables that refer to them."""
    for row in rows:
        if known is not None:
            known.add(row["id"])
        yield row


def _copy(cursor, model, columns: list[str], rows: Iterable[tuple]) -> None:
    cols = ", ".join(f'"{c}"' for c in columns)
    try:
        with cursor.copy(f"COPY {model._meta.db_table} ({cols}) FROM STDIN") as pipe:
            for row in rows:
                pipe.write_row(row)
    except UniqueViolation as e:
        # The desk already has a row with this id: name it (the detail reads "Key (id)=(5) ...").
        found = re.search(r"\(id\)=\((\d+)\)", e.diag.message_detail or "")
        which = f" {found.group(1)}" if found else ""
        raise ImportProblem(
            f"Duplicate: {model._meta.verbose_name}{which} is already on the desk. "
            "Restore into an empty desk, or delete it first."
        ) from None


def _restore(found: Iterator[tuple[str, Iterator[dict]]]) -> dict[str, int]:
    state = _Restore()
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor  # psycopg's own cursor, for COPY: fast, and it keeps timestamps
        loaders: dict[str, Callable[[Iterator[dict]], None]] = {
            "users": state.load_users,
            "parties": state.load_parties,
            "articles": lambda rows: _copy_articles(cursor, state, rows),
            "statements": lambda rows: _copy_statements(cursor, state, rows),
            "verdicts": lambda rows: _copy_verdicts(cursor, state, rows),
            "comments": lambda rows: _copy_comments(cursor, state, rows),
            "assignments": lambda rows: _copy_assignments(cursor, state, rows),
            "revisions": lambda rows: _copy_revisions(cursor, state, rows),
        }
        for table, rows in found:
            loaders[table](_counted(state, table, rows))
        # New rows after a restore must not collide with restored ids.
        models = [Party, Article, Statement, Verdict, Comment, Assignment, Revision]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            wrapper.execute(sql)
        # Deferred foreign keys and the rest are checked now, inside the transaction.
        wrapper.execute("SET CONSTRAINTS ALL IMMEDIATE")
    return state.counts


def _counted(state: _Restore, table: str, rows: Iterator[dict]) -> Iterator[dict]:
    if table in {"users", "parties"}:
        return rows  # their loaders count, since parties may be matched rather than created
    return _counting(state, table, rows)


def _counting(state: _Restore, table: str, rows: Iterator[dict]) -> Iterator[dict]:
    for row in rows:
        state.counts[table] += 1
        yield row


def _columns(model, fields: list[str]) -> list[str]:
    """The table's columns in the archive's field order, so COPY and the export agree."""
    return [model._meta.get_field(field).column for field in fields]


def _copy_articles(cursor, state: _Restore, rows: Iterator[dict]) -> None:
    columns = _columns(Article, ARTICLE_FIELDS)
    _copy(
        cursor,
        Article,
        columns,
        (
            (
                r["id"],
                r["title"],
                r.get("outlet") or "",
                r.get("url") or "",
                r.get("byline") or "",
                _day(r.get("published_on"), f"article {r['id']}"),
                r.get("status") or "draft",
                bool(r.get("blind_review")),
                state.person(r.get("created_by"), f"article {r['id']}"),
                _when(r.get("created_at"), f"article {r['id']}") or state.now,
                _when(r.get("updated_at"), f"article {r['id']}") or state.now,
                r.get("raw_text", r["text"]),
                r["text"],
            )
            for r in _new_ids(Article, rows, "articles", state.ids["articles"])
        ),
    )


def _copy_statements(cursor, state: _Restore, rows: Iterator[dict]) -> None:
    columns = _columns(Statement, STATEMENT_FIELDS)
    _copy(
        cursor,
        Statement,
        columns,
        (
            (
                r["id"],
                state.ref(r["article"], "articles", "article", f"statement {r['id']}"),
                state.party(r.get("speaker"), f"statement {r['id']}"),
                r["start"],
                r["end"],
                r["quote"],
                bool(r.get("direct")),
                bool(r.get("check_worthy", True)),
                r.get("origin") or "automatic",
                r.get("position") or 0,
                r.get("final_verdict") or "",
                r.get("final_note") or "",
                state.person(r.get("final_by"), f"statement {r['id']}"),
                _when(r.get("final_at"), f"statement {r['id']}"),
                r.get("version") or 1,
                _when(r.get("deleted_at"), f"statement {r['id']}"),
                _when(r.get("created_at"), f"statement {r['id']}") or state.now,
                _when(r.get("updated_at"), f"statement {r['id']}") or state.now,
                # Archives from before acceptance existed have neither: proposals stay proposed.
                _when(r.get("accepted_at"), f"statement {r['id']}"),
                state.person(r.get("accepted_by"), f"statement {r['id']}"),
            )
            for r in _new_ids(Statement, rows, "statements", state.ids["statements"])
        ),
    )


def _copy_verdicts(cursor, state: _Restore, rows: Iterator[dict]) -> None:
    columns = _columns(Verdict, VERDICT_FIELDS)
    _copy(
        cursor,
        Verdict,
        columns,
        (
            (
                r["id"],
                state.ref(r["statement"], "statements", "statement", f"verdict {r['id']}"),
                state.person(r["reviewer"], f"verdict {r['id']}"),
                r["value"],
                r.get("rationale") or "",
                Jsonb(r.get("evidence") or []),
                _when(r.get("created_at"), f"verdict {r['id']}") or state.now,
                _when(r.get("updated_at"), f"verdict {r['id']}") or state.now,
            )
            for r in _new_ids(Verdict, rows, "verdicts", None)
        ),
    )


def _copy_comments(cursor, state: _Restore, rows: Iterator[dict]) -> None:
    _copy(
        cursor,
        Comment,
        ["id", "statement_id", "author_id", "body", "created_at"],
        (
            (
                r["id"],
                state.ref(r["statement"], "statements", "statement", f"comment {r['id']}"),
                state.person(r.get("author"), f"comment {r['id']}"),
                r["body"],
                _when(r.get("created_at"), f"comment {r['id']}") or state.now,
            )
            for r in _new_ids(Comment, rows, "comments", None)
        ),
    )


def _copy_assignments(cursor, state: _Restore, rows: Iterator[dict]) -> None:
    members: list[tuple[int, int]] = []  # few: one list per assignment

    def assignment(r: dict) -> tuple:
        where = f"assignment {r['id']}"
        for s in r.get("statements") or []:
            members.append((r["id"], state.ref(s, "statements", "statement", where)))
        return (
            r["id"],
            state.ref(r["article"], "articles", "article", where),
            state.person(r["reviewer"], where),
            _day(r.get("due_on"), where),
            state.person(r.get("assigned_by"), where),
            _when(r.get("created_at"), where) or state.now,
        )

    _copy(
        cursor,
        Assignment,
        ["id", "article_id", "reviewer_id", "due_on", "assigned_by_id", "created_at"],
        (assignment(r) for r in _new_ids(Assignment, rows, "assignments", None)),
    )
    _copy(cursor, Assignment.statements.through, ["assignment_id", "statement_id"], members)


def _copy_revisions(cursor, state: _Restore, rows: Iterator[dict]) -> None:
    def revision(r: dict) -> tuple:
        where = f"revision {r['id']}"
        return (
            r["id"],
            state.ref(r.get("article"), "articles", "article", where, optional=True),
            state.ref(r.get("statement"), "statements", "statement", where, optional=True),
            state.party(r.get("party"), where),
            state.person(r.get("actor"), where),
            r["action"],
            None if r.get("before") is None else Jsonb(r["before"]),
            None if r.get("after") is None else Jsonb(r["after"]),
            _when(r.get("created_at"), where) or state.now,
        )

    _copy(
        cursor,
        Revision,
        [
            "id",
            "article_id",
            "statement_id",
            "party_id",
            "actor_id",
            "action",
            "before",
            "after",
            "created_at",
        ],
        (revision(r) for r in _new_ids(Revision, rows, "revisions", None)),
    )
