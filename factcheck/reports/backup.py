"""The loss-less JSON archive, exported as a stream (`restore` reads it back, all or nothing).

The file is a set of flat tables (users, parties, articles, statements, verdicts, comments,
assignments, revisions) so it can be written row by row from server-side cursors in flat memory,
and read back without guessing. Rows refer to each other by id, and to people by username, never by
a database's user id, so an archive restores into a desk whose accounts were made separately.
`exported_at` is the only value that differs between two exports of the same data.

PostgreSQL writes each record's JSON text (see KINDS); Python only joins records and frames the
tables, so the archive streams several times faster than building a dict per row.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.postgres.aggregates import ArrayAgg
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from factcheck.models import (
    Article,
    Assignment,
    Comment,
    Party,
    Revision,
    Statement,
    Verdict,
)
from factcheck.reports.selection import (
    Selection,
    consistent_read,
    party_ids_with_affiliations,
    planner_settings,
)

SCHEMA = "factcheck-export"
SCHEMA_VERSION = 1
CHUNK = 2000
ARTICLE_CHUNK = 20  # an article row carries its whole text twice: fetch few at a time
FLUSH_AT = 1 << 16  # characters buffered before a piece goes to the client

# Each table: the columns in file order. The schema file (export.schema.json) says the same.
USER_FIELDS = ["username", "first_name", "last_name"]
PARTY_FIELDS = ["id", "name", "kind", "affiliation", "aliases", "created_at"]
ARTICLE_FIELDS = [
    "id",
    "title",
    "outlet",
    "url",
    "byline",
    "published_on",
    "status",
    "blind_review",
    "created_by",
    "created_at",
    "updated_at",
    "raw_text",
    "text",
]
STATEMENT_FIELDS = [
    "id",
    "article",
    "speaker",
    "start",
    "end",
    "quote",
    "direct",
    "check_worthy",
    "origin",
    "position",
    "final_verdict",
    "final_note",
    "final_by",
    "final_at",
    "version",
    "deleted_at",
    "created_at",
    "updated_at",
    "accepted_at",
    "accepted_by",
]
VERDICT_FIELDS = [
    "id",
    "statement",
    "reviewer",
    "value",
    "rationale",
    "evidence",
    "created_at",
    "updated_at",
]
COMMENT_FIELDS = ["id", "statement", "author", "body", "created_at"]
ASSIGNMENT_FIELDS = [
    "id",
    "article",
    "reviewer",
    "statements",
    "due_on",
    "assigned_by",
    "created_at",
]
REVISION_FIELDS = [
    "id",
    "article",
    "statement",
    "party",
    "actor",
    "action",
    "before",
    "after",
    "created_at",
]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Tables:
    """The querysets of one export, each yielding tuples in the table's column order."""

    def __init__(self, selection: Selection) -> None:
        self.selection = selection
        everything = selection.everything
        self.articles = Article.objects.all() if everything else selection.articles()
        self.statements = Statement.objects.filter(article__in=self.articles.values("pk"))
        if selection.narrows_statements:
            self.statements = selection.statements(include_deleted=True)
        statement_ids = self.statements.values("pk")
        self.verdicts = Verdict.objects.filter(statement__in=statement_ids)
        self.comments = Comment.objects.filter(statement__in=statement_ids)
        self.assignments = Assignment.objects.filter(article__in=self.articles.values("pk"))
        if everything:
            self.revisions = Revision.objects.all()
        else:
            self.revisions = Revision.objects.filter(article__in=self.articles.values("pk")).filter(
                Q(statement__isnull=True) | Q(statement__in=statement_ids)
            )
        if everything:
            self.parties = Party.objects.all()
        else:
            used = set(
                self.statements.filter(speaker__isnull=False).values_list("speaker_id", flat=True)
            ) | set(self.revisions.filter(party__isnull=False).values_list("party_id", flat=True))
            self.parties = Party.objects.filter(pk__in=party_ids_with_affiliations(used))

    def users(self) -> dict[int, str]:
        """id -> username of every person the exported rows mention (a short list)."""
        User = get_user_model()
        ids: set[int] = set()
        for qs, columns in [
            (self.articles, ["created_by"]),
            (self.statements, ["final_by", "accepted_by"]),
            (self.verdicts, ["reviewer"]),
            (self.comments, ["author"]),
            (self.assignments, ["reviewer", "assigned_by"]),
            (self.revisions, ["actor"]),
        ]:
            for column in columns:
                ids.update(
                    qs.filter(**{f"{column}__isnull": False})
                    .order_by()
                    .values_list(f"{column}_id", flat=True)
                    .distinct()
                )
        return dict(User.objects.filter(pk__in=ids).values_list("pk", "username"))

    def rows(self, table: str) -> Iterable[tuple]:
        match table:
            case "parties":
                return self.parties.order_by("id").values_list(
                    "id", "name", "kind", "affiliation_id", "aliases", "created_at"
                )
            case "articles":
                return self.articles.order_by("id").values_list(
                    *[f"{f}_id" if f == "created_by" else f for f in ARTICLE_FIELDS]
                )
            case "statements":
                columns = [
                    f"{f}_id" if f in {"article", "speaker", "final_by", "accepted_by"} else f
                    for f in STATEMENT_FIELDS
                ]
                return self.statements.order_by("id").values_list(*columns)
            case "verdicts":
                return self.verdicts.order_by("id").values_list(
                    "id",
                    "statement_id",
                    "reviewer_id",
                    "value",
                    "rationale",
                    "evidence",
                    "created_at",
                    "updated_at",
                )
            case "comments":
                return self.comments.order_by("id").values_list(
                    "id", "statement_id", "author_id", "body", "created_at"
                )
            case "assignments":
                exported = self.statements.values("pk")
                members = (
                    Assignment.statements.through.objects.filter(
                        assignment_id=OuterRef("pk"), statement__in=exported
                    )
                    .order_by()
                    .values("assignment_id")
                    .annotate(ids=ArrayAgg("statement_id", order_by="statement_id"))
                    .values("ids")
                )
                return (
                    self.assignments.order_by("id")
                    .annotate(member_ids=Subquery(members))
                    .values_list(
                        "id",
                        "article_id",
                        "reviewer_id",
                        "member_ids",
                        "due_on",
                        "assigned_by_id",
                        "created_at",
                    )
                )
            case "revisions":
                return self.revisions.order_by("id").values_list(
                    "id",
                    "article_id",
                    "statement_id",
                    "party_id",
                    "actor_id",
                    "action",
                    "before",
                    "after",
                    "created_at",
                )
        raise ValueError(table)


TABLES = [
    ("parties", PARTY_FIELDS),
    ("articles", ARTICLE_FIELDS),
    ("statements", STATEMENT_FIELDS),
    ("verdicts", VERDICT_FIELDS),
    ("comments", COMMENT_FIELDS),
    ("assignments", ASSIGNMENT_FIELDS),
    ("revisions", REVISION_FIELDS),
]


def stream(selection: Selection | None = None, *, indent: bool = False) -> Iterator[str]:
    """The archive as pieces of text, one table at a time, each read through a server-side cursor.

    Memory stays flat: a piece is yielded every FLUSH_AT characters, and rows are fetched CHUNK at a
    time. `indent` puts one row per line, which diffs well and costs nothing.
    """
    # JIT compiling the records' wide expressions costs more than it saves on plain scans.
    with consistent_read(), planner_settings(jit="off"):
        yield from _stream(selection or Selection(), indent)


# How each column is written. PostgreSQL turns each value into the JSON text json.dumps(
# ensure_ascii=False) gave in Python: to_json escapes strings exactly as json.dumps does, times are
# isoformat in UTC, and a "user" column is the person's username.
KINDS = {
    "parties": ["int", "text", "text", "int", "array", "time"],
    "articles": [
        *["int", "text", "text", "text", "text", "date", "text", "bool", "user", "time", "time"],
        *["text", "text"],
    ],
    "statements": [
        *["int", "int", "int", "int", "int", "text", "bool", "bool", "text", "int", "text"],
        *["text", "user", "time", "int", "time", "time", "time", "time", "user"],
    ],
    "verdicts": ["int", "int", "user", "text", "text", "json", "time", "time"],
    "comments": ["int", "int", "user", "text", "time"],
    "assignments": ["int", "int", "user", "array", "date", "user", "time"],
    "revisions": ["int", "int", "int", "int", "user", "text", "json", "json", "time"],
}


def _value_sql(kind: str, column: str) -> str:
    match kind:
        case "int":
            return f"COALESCE({column}::text, 'null')"
        case "text":
            return f"COALESCE(to_json({column})::text, 'null')"
        case "bool":
            return f"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' ELSE 'null' END"
        case "date":
            return f"COALESCE('\"' || to_char({column}, 'YYYY-MM-DD') || '\"', 'null')"
        case "time":
            # As isoformat() in UTC: microseconds only when there are some.
            utc = f"({column} AT TIME ZONE 'UTC')"
            return (
                f"COALESCE('\"' || to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || "
                f"CASE WHEN date_trunc('second', {utc}) = {utc} THEN '' "
                f"ELSE to_char({utc}, '.US') END || '+00:00\"', 'null')"
            )
        case "array":
            return f"COALESCE(array_to_json({column})::text, 'null')"
    raise ValueError(kind)


def _rows_sql(table: str, fields: list[str], source: str) -> str:
    """SQL giving each record of `source` (the table's queryset) as JSON text, in pieces split
    where a jsonb column goes: jsonb's own text has spaces, so Python re-encodes those few."""
    users = get_user_model()._meta.db_table
    joins = []
    segments: list[list[str]] = [[]]  # text, jsonb, text, jsonb, ..., text
    for i, (field, kind) in enumerate(zip(fields, KINDS[table], strict=True)):
        segments[-1].append("'" + ("{" if i == 0 else ",") + _dumps(field) + ":'")
        column = f"t.c{i}"
        if kind == "json":
            segments += [[f"{column}::text"], []]
            continue
        if kind == "user":
            joins.append(f"LEFT JOIN {users} u{i} ON u{i}.id = {column}")
            column, kind = f"u{i}.username", "text"
        segments[-1].append(_value_sql(kind, column))
    segments[-1].append("'}'")
    columns = ", ".join(f"c{i}" for i in range(len(fields)))
    return (
        f"SELECT {', '.join(' || '.join(s) for s in segments)} "
        f"FROM ({source}) AS t({columns}) {' '.join(joins)} ORDER BY t.c0"
    )


def _compact(jsonb: str | None) -> str:
    """A jsonb value as json.dumps wrote it after Django had read it."""
    if jsonb is None:
        return "null"
    if jsonb == "[]":
        return jsonb
    return _dumps(json.loads(jsonb))


def _records(table: str, fields: list[str], rows) -> Iterator[list[str]]:
    """Lists of records' JSON text, fetched a chunk at a time from a server-side cursor."""
    try:
        source, params = rows.query.sql_with_params()
    except EmptyResultSet:  # e.g. parties of no statements: Django knows without asking
        return
    with connection.connection.cursor(name=f"backup_{table}") as cursor:
        cursor.execute(_rows_sql(table, fields, source), params)
        size = ARTICLE_CHUNK if table == "articles" else CHUNK
        plain = "json" not in KINDS[table]
        while batch := cursor.fetchmany(size):
            if plain:
                yield [row[0] for row in batch]
            else:
                yield [
                    "".join(p if n % 2 == 0 else _compact(p) for n, p in enumerate(row))
                    for row in batch
                ]


def _stream(selection: Selection, indent: bool) -> Iterator[str]:
    tables = _Tables(selection)
    users = tables.users()
    row_sep = ",\n" if indent else ","
    head = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "exported_at": timezone.now().astimezone(datetime.UTC).isoformat(),
        "filters": selection.describe(),
    }
    User = get_user_model()
    people = (
        User.objects.filter(pk__in=users)
        .order_by("username")
        .values_list("username", "first_name", "last_name")
    )
    buffer = [_dumps(head)[:-1], ',"users":[' + ("\n" if indent else "")]
    buffer.append(
        row_sep.join(_dumps(dict(zip(USER_FIELDS, person, strict=True))) for person in people)
    )
    buffer.append(("\n" if indent else "") + "]")
    size = 0
    for name, fields in TABLES:
        buffer.append(f',"{name}":[' + ("\n" if indent else ""))
        first = True
        for records in _records(name, fields, tables.rows(name)):
            piece = row_sep.join(records)
            buffer.append(piece if first else row_sep + piece)
            first = False
            size += len(piece)
            if size >= FLUSH_AT:
                yield "".join(buffer)
                buffer.clear()
                size = 0
        buffer.append(("\n" if indent else "") + "]")
    buffer.append("}\n")
    yield "".join(buffer)


def dump(selection: Selection | None = None) -> dict:
    """The whole archive as one dict (for small exports and tests)."""
    return json.loads("".join(stream(selection)))
