"""Which articles and statements an export covers: one article, or all of them narrowed by filters.

Article filters (publication dates, status) choose articles; statement filters (party, verdict)
choose statements, and then only the articles that have one. Both the CSV and the JSON export read
the same selection, so a filtered spreadsheet and a filtered archive hold the same statements.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from django.db import connection, transaction
from django.db.models import QuerySet

from factcheck.models import VERDICT_VALUES, Article, Party, Statement

UNSETTLED = "none"


@dataclass(frozen=True)
class Selection:
    article: int | None = None
    published_from: datetime.date | None = None
    published_to: datetime.date | None = None
    status: str = ""
    party: int | None = None
    verdict: str = ""  # confirmed, denied, disputed, or "none" for not yet settled

    def __post_init__(self) -> None:
        if self.status and self.status not in Article.Status.values:
            raise ValueError(f"Unknown status {self.status!r}: use one of {Article.Status.values}.")
        if self.verdict and self.verdict not in [*VERDICT_VALUES, UNSETTLED]:
            raise ValueError(
                f"Unknown verdict {self.verdict!r}: use confirmed, denied, disputed or none."
            )
        if self.published_from and self.published_to and self.published_from > self.published_to:
            raise ValueError("The date range ends before it starts.")

    @property
    def narrows_statements(self) -> bool:
        return self.party is not None or bool(self.verdict)

    def describe(self) -> dict:
        """The filters as JSON-ready values, recorded in the archive so a reader knows its scope."""
        out = {}
        for key, value in asdict(self).items():
            if value not in (None, ""):
                out[key] = value.isoformat() if isinstance(value, datetime.date) else value
        return out

    def articles(self) -> QuerySet[Article]:
        qs = Article.objects.all()
        if self.article is not None:
            qs = qs.filter(pk=self.article)
        if self.published_from:
            qs = qs.filter(published_on__gte=self.published_from)
        if self.published_to:
            qs = qs.filter(published_on__lte=self.published_to)
        if self.status:
            qs = qs.filter(status=self.status)
        if self.narrows_statements:
            qs = qs.filter(pk__in=self._statement_filter(Statement.objects.all()).values("article"))
        return qs.order_by("id")

    def statements(self, *, include_deleted: bool = False) -> QuerySet[Statement]:
        qs = Statement.objects.all() if include_deleted else Statement.objects.live()
        article_filtered = (
            self.article is not None or self.published_from or self.published_to or self.status
        )
        if article_filtered:
            qs = qs.filter(article__in=self.articles().values("pk"))
        return self._statement_filter(qs)

    def _statement_filter(self, qs: QuerySet[Statement]) -> QuerySet[Statement]:
        if self.party is not None:
            qs = qs.filter(speaker_id=self.party)
        if self.verdict == UNSETTLED:
            qs = qs.filter(final_verdict="")
        elif self.verdict:
            qs = qs.filter(final_verdict=self.verdict)
        return qs

    @property
    def everything(self) -> bool:
        return self == Selection()


def parse_date(value: str | None, name: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{name} must be a date like 2026-11-18, not {value!r}.") from None


def party_by_name_or_id(value: str | None) -> int | None:
    """A party given as its id or its name (or an alias), as editors type it."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit() and Party.objects.filter(pk=int(value)).exists():
        return int(value)
    party = Party.objects.named(value)
    if party is None:
        raise ValueError(f"No party is called {value!r}.")
    return party.pk


def party_ids_with_affiliations(ids: set[int]) -> set[int]:
    """`ids` and every party they are affiliated to, however deep, so references resolve."""
    found = set(ids)
    frontier = set(ids)
    while frontier:
        parents = set(
            Party.objects.filter(pk__in=frontier, affiliation__isnull=False).values_list(
                "affiliation_id", flat=True
            )
        )
        frontier = parents - found
        found |= frontier
    return found


@contextmanager
def consistent_read() -> Iterator[None]:
    """One snapshot of the desk for a whole export, read through cursors that really stream.

    Outside a transaction Django declares its server-side cursors WITH HOLD, so PostgreSQL computes
    the entire result before the first row arrives; inside one, rows flow at once. Repeatable read
    keeps every table of the export at the same moment while the desk goes on working.
    """
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


@contextmanager
def planner_settings(**values: str) -> Iterator[None]:
    """PostgreSQL settings for an export's own queries: set for the transaction, then put back, so
    a caller's transaction (a test's, say) keeps its own. After an error the transaction is rolled
    back, which undoes them anyway."""
    with connection.cursor() as cursor:
        old = {}
        for name, value in values.items():
            cursor.execute(
                "SELECT current_setting(%s), set_config(%s, %s, true)", [name] * 2 + [value]
            )
            old[name] = cursor.fetchone()[0]
    yield
    with connection.cursor() as cursor:
        for name, value in old.items():
            cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
