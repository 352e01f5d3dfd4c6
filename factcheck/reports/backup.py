"""The loss-less JSON archive: export it as a stream, and restore it all or nothing.

The file is a set of flat tables (users, parties, articles, statements, verdicts, comments,
assignments, revisions) so it can be written row by row from server-side cursors in flat memory,
and read back without guessing. Rows refer to each other by id, and to people by username, never by
a database's user id, so an archive restores into a desk whose accounts were made separately.
`exported_at` is the only value that differs between two exports of the same data.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connection, transaction
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
    normalise_name,
)
from factcheck.reports.selection import Selection, consistent_read, party_ids_with_affiliations

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
USER_COLUMNS = {  # columns holding a user, written as the username
    "articles": {"created_by"},
    "statements": {"final_by"},
    "verdicts": {"reviewer"},
    "comments": {"author"},
    "assignments": {"reviewer", "assigned_by"},
    "revisions": {"actor"},
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


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
            (self.statements, ["final_by"]),
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
                    f"{f}_id" if f in {"article", "speaker", "final_by"} else f
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
    with consistent_read():
        yield from _stream(selection or Selection(), indent)


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
    buffer = [_dumps(head)[:-1]]
    size = 0
    User = get_user_model()
    people = (
        User.objects.filter(pk__in=users)
        .order_by("username")
        .values_list("username", "first_name", "last_name")
    )
    for name, fields, rows, user_columns in [
        ("users", USER_FIELDS, people, set()),
        *[(t, f, tables.rows(t), USER_COLUMNS.get(t, set())) for t, f in TABLES],
    ]:
        buffer.append(f',"{name}":[' + ("\n" if indent else ""))
        user_positions = [i for i, f in enumerate(fields) if f in user_columns]
        first = True
        for row in rows.iterator(chunk_size=ARTICLE_CHUNK if name == "articles" else CHUNK):
            values = list(row)
            for i in user_positions:
                if values[i] is not None:
                    values[i] = users[values[i]]
            record = {f: _plain(v) for f, v in zip(fields, values, strict=True)}
            piece = _dumps(record)
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


# --- Restore --------------------------------------------------------------------------------


class ImportProblem(Exception):
    """An archive that can't be restored; the message names the problem for the person importing."""


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


def read(text: str | bytes) -> dict:
    """Parse and check an archive's shape; raises ImportProblem naming the first problem found."""
    try:
        data = json.loads(text)
    except UnicodeDecodeError:
        raise ImportProblem(
            "The file is not UTF-8 text, so it is not a factcheck export."
        ) from None
    except json.JSONDecodeError as e:
        raise ImportProblem(
            f"The file is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})."
        ) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ImportProblem(f'This is not a factcheck export (no "schema": "{SCHEMA}").')
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ImportProblem(
            f"Unknown schema version {version!r}: this desk reads version {SCHEMA_VERSION}."
        )
    for table, required in REQUIRED.items():
        rows = data.get(table, [])
        if not isinstance(rows, list):
            raise ImportProblem(f'"{table}" must be a list.')
        seen: set = set()
        key = "username" if table == "users" else "id"
        for n, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                raise ImportProblem(f"{table} row {n} is not an object.")
            missing = sorted(required - row.keys())
            if missing:
                raise ImportProblem(f"{table} row {n} lacks {', '.join(missing)}.")
            if row[key] in seen:
                raise ImportProblem(f"Duplicate in {table}: {key} {row[key]!r} appears twice.")
            seen.add(row[key])
        data[table] = rows
    return data


def restore(data: dict) -> dict[str, int]:
    """Write a checked archive into the database, all or nothing; returns counts per table.

    Ids are kept, so restoring an export into an empty desk and exporting again gives the same file.
    People are matched by username (missing ones are created without a password or a role, so an
    archive never grants access); parties by name, reusing a party the desk already has.
    """
    try:
        with transaction.atomic():
            return _restore(data)
    except ImportProblem:
        raise
    except (
        Exception
    ) as e:  # a constraint the checks above did not foresee: say which, change nothing
        cause = getattr(e, "__cause__", None) or e
        diag = getattr(cause, "diag", None)
        detail = getattr(diag, "message_primary", None) or str(cause).splitlines()[0]
        raise ImportProblem(f"The database refused the import: {detail}") from None


def _restore(data: dict) -> dict[str, int]:
    User = get_user_model()
    users: dict[str, int] = {}
    for n, row in enumerate(data["users"], 1):
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
        users[username] = user.pk

    def person(value: Any, where: str) -> int | None:
        if value is None:
            return None
        if value not in users:
            raise ImportProblem(f"{where} refers to user {value!r}, who is not in the file.")
        return users[value]

    # Parties: reuse one of the same name; otherwise keep the id if it is free.
    party_rows = data["parties"]
    party_ids: dict[int, int] = {}
    keys: dict[str, Any] = {}
    taken = set(Party.objects.values_list("pk", flat=True))
    created: list[tuple[Party, Any]] = []
    for row in party_rows:
        key = normalise_name(str(row["name"]))
        if not key:
            raise ImportProblem(f"Party {row['id']} has no name.")
        if key in keys:
            raise ImportProblem(
                f"Duplicate party: {row['name']!r} (id {row['id']}) and id {keys[key]} "
                "have the same name."
            )
        keys[key] = row["id"]
        existing = Party.objects.named(row["name"])
        if existing is not None and existing.name_key == key:
            party_ids[row["id"]] = existing.pk
            continue
        party = Party(
            name=row["name"],
            kind=row.get("kind") or Party.Kind.PERSON,
            aliases=row.get("aliases") or [],
            created_at=_when(row.get("created_at"), f"party {row['id']}") or timezone.now(),
        )
        if isinstance(row["id"], int) and row["id"] not in taken:
            party.pk = row["id"]
        party.save(force_insert=True)
        party_ids[row["id"]] = party.pk
        created.append((party, row.get("affiliation")))
    for party, affiliation in created:
        if affiliation is not None:
            if affiliation not in party_ids:
                raise ImportProblem(
                    f"Party {party.name!r} is affiliated to party {affiliation}, "
                    "which is not in the file."
                )
            Party.objects.filter(pk=party.pk).update(affiliation_id=party_ids[affiliation])

    existing_articles = dict(
        Article.objects.filter(pk__in=[r["id"] for r in data["articles"]]).values_list(
            "pk", "title"
        )
    )
    if existing_articles:
        pk, title = next(iter(sorted(existing_articles.items())))
        raise ImportProblem(
            f"Duplicate: article {pk} is already on the desk ({title!r}). "
            "Nothing was imported; restore into an empty desk or delete it first."
        )
    article_ids = {r["id"] for r in data["articles"]}
    statement_ids = {r["id"] for r in data["statements"]}
    known_parties = set(party_ids)

    def ref(value: Any, known: set, what: str, where: str, optional: bool = False) -> Any:
        if value is None and optional:
            return None
        if value not in known:
            raise ImportProblem(f"{where} refers to {what} {value!r}, which is not in the file.")
        return value

    for table, model in [
        ("statements", Statement),
        ("verdicts", Verdict),
        ("comments", Comment),
        ("assignments", Assignment),
        ("revisions", Revision),
    ]:
        ids = [r["id"] for r in data[table]]
        clash = model.objects.filter(pk__in=ids).values_list("pk", flat=True).first()
        if clash is not None:
            raise ImportProblem(
                f"Duplicate: {model._meta.verbose_name} {clash} already exists on the desk. "
                "Nothing was imported."
            )

    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY: fast, and it keeps every timestamp

        def copy(table: str, columns: list[str], rows: Iterable[tuple]) -> None:
            cols = ", ".join(f'"{c}"' for c in columns)
            with raw.copy(f"COPY {table} ({cols}) FROM STDIN") as pipe:
                for row in rows:
                    pipe.write_row(row)

        from psycopg.types.json import Jsonb

        now = timezone.now()
        copy(
            Article._meta.db_table,
            [
                "id",
                "title",
                "outlet",
                "url",
                "byline",
                "published_on",
                "status",
                "blind_review",
                "created_by_id",
                "created_at",
                "updated_at",
                "raw_text",
                "text",
            ],
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
                    person(r.get("created_by"), f"article {r['id']}"),
                    _when(r.get("created_at"), f"article {r['id']}") or now,
                    _when(r.get("updated_at"), f"article {r['id']}") or now,
                    r.get("raw_text", r["text"]),
                    r["text"],
                )
                for r in data["articles"]
            ),
        )
        copy(
            Statement._meta.db_table,
            [
                "id",
                "article_id",
                "speaker_id",
                "start",
                "end",
                "quote",
                "direct",
                "check_worthy",
                "origin",
                "position",
                "final_verdict",
                "final_note",
                "final_by_id",
                "final_at",
                "version",
                "deleted_at",
                "created_at",
                "updated_at",
            ],
            (
                (
                    r["id"],
                    ref(r["article"], article_ids, "article", f"statement {r['id']}"),
                    party_ids[ref(r.get("speaker"), known_parties, "party", f"statement {r['id']}")]
                    if r.get("speaker") is not None
                    else None,
                    r["start"],
                    r["end"],
                    r["quote"],
                    bool(r.get("direct")),
                    bool(r.get("check_worthy", True)),
                    r.get("origin") or "automatic",
                    r.get("position") or 0,
                    r.get("final_verdict") or "",
                    r.get("final_note") or "",
                    person(r.get("final_by"), f"statement {r['id']}"),
                    _when(r.get("final_at"), f"statement {r['id']}"),
                    r.get("version") or 1,
                    _when(r.get("deleted_at"), f"statement {r['id']}"),
                    _when(r.get("created_at"), f"statement {r['id']}") or now,
                    _when(r.get("updated_at"), f"statement {r['id']}") or now,
                )
                for r in data["statements"]
            ),
        )
        copy(
            Verdict._meta.db_table,
            [
                "id",
                "statement_id",
                "reviewer_id",
                "value",
                "rationale",
                "evidence",
                "created_at",
                "updated_at",
            ],
            (
                (
                    r["id"],
                    ref(r["statement"], statement_ids, "statement", f"verdict {r['id']}"),
                    person(r["reviewer"], f"verdict {r['id']}"),
                    r["value"],
                    r.get("rationale") or "",
                    Jsonb(r.get("evidence") or []),
                    _when(r.get("created_at"), f"verdict {r['id']}") or now,
                    _when(r.get("updated_at"), f"verdict {r['id']}") or now,
                )
                for r in data["verdicts"]
            ),
        )
        copy(
            Comment._meta.db_table,
            ["id", "statement_id", "author_id", "body", "created_at"],
            (
                (
                    r["id"],
                    ref(r["statement"], statement_ids, "statement", f"comment {r['id']}"),
                    person(r.get("author"), f"comment {r['id']}"),
                    r["body"],
                    _when(r.get("created_at"), f"comment {r['id']}") or now,
                )
                for r in data["comments"]
            ),
        )
        copy(
            Assignment._meta.db_table,
            ["id", "article_id", "reviewer_id", "due_on", "assigned_by_id", "created_at"],
            (
                (
                    r["id"],
                    ref(r["article"], article_ids, "article", f"assignment {r['id']}"),
                    person(r["reviewer"], f"assignment {r['id']}"),
                    _day(r.get("due_on"), f"assignment {r['id']}"),
                    person(r.get("assigned_by"), f"assignment {r['id']}"),
                    _when(r.get("created_at"), f"assignment {r['id']}") or now,
                )
                for r in data["assignments"]
            ),
        )
        copy(
            Assignment.statements.through._meta.db_table,
            ["assignment_id", "statement_id"],
            (
                (
                    r["id"],
                    ref(s, statement_ids, "statement", f"assignment {r['id']}"),
                )
                for r in data["assignments"]
                for s in (r.get("statements") or [])
            ),
        )
        copy(
            Revision._meta.db_table,
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
            (
                (
                    r["id"],
                    ref(r.get("article"), article_ids, "article", f"revision {r['id']}", True),
                    ref(
                        r.get("statement"), statement_ids, "statement", f"revision {r['id']}", True
                    ),
                    party_ids[ref(r.get("party"), known_parties, "party", f"revision {r['id']}")]
                    if r.get("party") is not None
                    else None,
                    person(r.get("actor"), f"revision {r['id']}"),
                    r["action"],
                    None if r.get("before") is None else Jsonb(r["before"]),
                    None if r.get("after") is None else Jsonb(r["after"]),
                    _when(r.get("created_at"), f"revision {r['id']}") or now,
                )
                for r in data["revisions"]
            ),
        )
        # New rows after a restore must not collide with restored ids.
        from django.core.management.color import no_style

        models = [Party, Article, Statement, Verdict, Comment, Assignment, Revision]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
        # Deferred foreign keys and the rest are checked now, inside the transaction.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    return {table: len(data[table]) for table in ["users", *[t for t, _ in TABLES]]}
