"""`make bench`: every module in this package measures one area and adds rows to one table.

A module defines `run(table: Table) -> None`; rows are (area, what, figure, budget); one without
`run` is a helper (servers.py). Benchmarks run against the development database named by
DATABASE_URL (never the test database; `manage.py bench` refuses with DEBUG off) and create what
they need with generate_data-style bulk inserts. They record what they create in a `Made` and
delete exactly that: never "every row above the id we started from", which on a shared database
takes colleagues' work with it.
"""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.management import call_command, load_command_class
from django.db import connection, transaction

from factcheck.models import Party


@dataclass
class Table:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, area: str, what: str, figure: str, budget: str = "") -> None:
        self.rows.append((area, what, figure, budget))
        print(f"  {area:<10} {what:<62} {figure:>16}  {budget}", flush=True)

    def render(self) -> str:
        head = ("area", "measure", "figure", "budget")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(4)]
        line = "-+-".join("-" * w for w in widths)
        out = [line, " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)), line]
        out += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in self.rows]
        return "\n".join([*out, line])


def median_ms(fn: Callable[[], object], repeat: int = 20, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2]


@contextmanager
def timed() -> Iterator[list[float]]:
    """`with timed() as t: ...` then t[0] is the elapsed seconds."""
    box: list[float] = []
    started = time.perf_counter()
    yield box
    box.append(time.perf_counter() - started)


def modules(only: list[str] | None = None) -> list:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if only and info.name not in only:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "run"):  # the rest are helpers (servers)
            found.append(module)
    return found


STATEMENT_TABLES = ("factcheck_verdict", "factcheck_comment", "factcheck_assignment_statements")


@dataclass
class Made:
    """The rows a benchmark created, by id, so that its clean-up deletes those and nothing else."""

    articles: set[int] = field(default_factory=set)
    parties: set[int] = field(default_factory=set)
    users: set[int] = field(default_factory=set)

    def add(self, *, articles=(), parties=(), users=()) -> None:
        self.articles.update(articles)
        self.parties.update(parties)
        self.users.update(users)

    def clean_up(self) -> None:
        """Delete the articles made (with what hangs off them), then the parties and users made
        that nothing else uses any more. SQL for the articles: the ORM's cascade would load
        every statement of a 100,000-statement run first."""
        articles = sorted(self.articles)
        with transaction.atomic(), connection.cursor() as cur:
            of_articles = "SELECT id FROM factcheck_statement WHERE article_id = ANY(%s)"
            for table in STATEMENT_TABLES:
                cur.execute(
                    f"DELETE FROM {table} WHERE statement_id IN ({of_articles})", [articles]
                )
            cur.execute(
                "DELETE FROM factcheck_assignment_statements WHERE assignment_id IN "
                "(SELECT id FROM factcheck_assignment WHERE article_id = ANY(%s))",
                [articles],
            )
            for table in ("factcheck_revision", "factcheck_assignment", "factcheck_statement"):
                cur.execute(f"DELETE FROM {table} WHERE article_id = ANY(%s)", [articles])
            cur.execute("DELETE FROM factcheck_article WHERE id = ANY(%s)", [articles])
            Party.objects.filter(pk__in=self.parties, statements=None).delete()
            get_user_model().objects.filter(pk__in=self.users).delete()
        self.articles.clear()
        self.parties.clear()
        self.users.clear()


def generate(made: Made, **options) -> None:
    """Run generate_data with `options`, recording in `made` what it created."""
    command = load_command_class("factcheck", "generate_data")
    try:
        call_command(command, **options)
    finally:
        created = getattr(command, "created", {})
        made.add(
            articles=created.get("articles", ()),
            parties=created.get("parties", ()),
            users=created.get("users", ()),
        )
