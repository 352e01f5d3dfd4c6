"""Search, a party's page and the dashboard at newsroom scale: full requests, server time.

Needs the scale data set (100,000 articles, 5,000,000 statements by default, or
SEARCH_BENCH_STATEMENTS); if the database has fewer statements it tops them up once with
generate_data, which takes minutes, and keeps them for the next run. What it changes to measure
(a party made 50,000 statements strong, a reviewer's assignments, two users) it puts back.
"""

from __future__ import annotations

import os
import random

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client

from factcheck import roles
from factcheck.benchmarks import Made, Table, median_ms, timed
from factcheck.benchmarks.review import bench_user
from factcheck.models import Article, Assignment, Party, Statement
from factcheck.views.search import PAGE_SIZE

ARTICLES = int(os.environ.get("SEARCH_BENCH_ARTICLES", "100000"))
STATEMENTS = int(os.environ.get("SEARCH_BENCH_STATEMENTS", "5000000"))
PARTY_STATEMENTS = 50_000
SEARCHES = ["water", "budget deficit", '"safety audit"', "fraud -bribes", "housing or rent"]


def _ensure_data(table: Table) -> int:
    have = Statement.objects.count()
    if have < STATEMENTS:
        missing_articles = max(1, ARTICLES - Article.objects.count())
        with timed() as took:
            call_command(
                "generate_data",
                articles=missing_articles,
                statements=STATEMENTS - have,
                seed=6,
                verbosity=0,
            )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        table.add("search", f"generate_data to {STATEMENTS:,} statements", f"{took[0]:.0f} s")
    return Statement.objects.count()


def _measure(client: Client, url: str) -> tuple[float, int]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = []
    # Counted by a wrapper: the request_started signal empties connection.queries mid-capture.
    with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
        client.get(url)
    return median_ms(lambda: client.get(url), repeat=15, warmup=2), len(queries)


def _page_cursor(words: str, page: int) -> int:
    """The keyset cursor that opens page `page` of a search, found the slow way (OFFSET) once."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT id FROM factcheck_statement
            WHERE search @@ websearch_to_tsquery('english', %s) AND deleted_at IS NULL
            ORDER BY id DESC OFFSET %s LIMIT 1
            """,
            [words, (page - 1) * PAGE_SIZE - 1],
        )
        row = cursor.fetchone()
    return row[0] if row else 0


def _big_party() -> tuple[Party, list[tuple[int, int]]]:
    """The party with the most statements, topped up to 50,000; returns what to put back."""
    party_id = (
        Statement.objects.values_list("speaker")
        .annotate(n=Count("*"))
        .order_by("-n")
        .values_list("speaker", flat=True)
        .first()
    )
    party = Party.objects.get(pk=party_id)
    have = Statement.objects.filter(speaker=party).count()
    moved: list[tuple[int, int]] = []
    if have < PARTY_STATEMENTS:
        with connection.cursor() as cursor:
            cursor.execute(
                """
                UPDATE factcheck_statement s SET speaker_id = %s
                FROM (SELECT id, speaker_id FROM factcheck_statement
                      WHERE speaker_id <> %s AND speaker_id IS NOT NULL
                      ORDER BY id LIMIT %s) old
                WHERE s.id = old.id
                RETURNING s.id, old.speaker_id
                """,
                [party.pk, party.pk, PARTY_STATEMENTS - have],
            )
            moved = cursor.fetchall()
            cursor.execute("ANALYZE factcheck_statement")
    return party, moved


def _put_back(moved: list[tuple[int, int]]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE factcheck_statement SET speaker_id = %s WHERE id = %s",
            [(speaker, pk) for pk, speaker in moved],
        )


def run(table: Table) -> None:
    total = _ensure_data(table)
    made = Made()
    try:
        _measure_all(table, total, made)
    finally:
        made.clean_up()


def _measure_all(table: Table, total: int, made: Made) -> None:
    editor = bench_user("bench-search-editor", roles.EDITOR, made)
    reviewer = bench_user("bench-search-reviewer", roles.REVIEWER, made)
    client = Client()
    client.force_login(editor)

    times = []
    for words in SEARCHES:
        ms, queries = _measure(client, f"/search/?q={words}")
        times.append(ms)
        table.add("search", f"search “{words}” ({queries} queries)", f"{ms:.1f} ms")
    times.sort()
    table.add(
        "search",
        f"search median over {len(SEARCHES)} queries, {total:,} statements",
        f"{times[len(times) // 2]:.1f} ms",
        "< 50 ms",
    )
    for words in ("water", '"safety audit"'):
        cursor = _page_cursor(words, 1000)
        if cursor:
            ms, _ = _measure(client, f"/search/?q={words}&after={cursor}")
            table.add("search", f"search “{words}”, page 1,000 (keyset)", f"{ms:.1f} ms", "< 50 ms")
    ms, _ = _measure(client, "/search/?q=water&sort=best")
    table.add("search", "search “water”, best match (newest 1,000 ranked)", f"{ms:.1f} ms")
    ms, _ = _measure(client, "/search/?verdict=denied&status=in_review")
    table.add("search", "filters only: denied, in review", f"{ms:.1f} ms", "< 50 ms")

    quote = Statement.objects.order_by("-id").values_list("quote", flat=True).first()
    ms = median_ms(lambda: list(Statement.objects.similar_to(quote)), repeat=7, warmup=1)
    table.add("search", "similar statements (full-text candidates, pg_trgm rank)", f"{ms:.1f} ms")

    party, moved = _big_party()
    try:
        count = Statement.objects.filter(speaker=party).count()
        ms, queries = _measure(client, f"/parties/{party.pk}/")
        table.add(
            "search",
            f"party page, {count:,} statements ({queries} queries)",
            f"{ms:.1f} ms",
            "< 100 ms",
        )
        ms, _ = _measure(client, "/parties/")
        table.add("search", "party directory, first 50 with counts", f"{ms:.1f} ms")
    finally:
        _put_back(moved)

    ms, queries = _measure(client, "/")
    table.add("search", f"dashboard, editor ({queries} queries)", f"{ms:.1f} ms", "< 150 ms")

    rng = random.Random(6)
    article_ids = list(Article.objects.order_by("-id").values_list("id", flat=True)[:400])
    assigned = []
    with transaction.atomic():
        for article_id in rng.sample(article_ids, 25):
            assignment, created = Assignment.objects.get_or_create(
                article_id=article_id, reviewer=reviewer, defaults={"assigned_by": editor}
            )
            if created:
                assigned.append(assignment.pk)
    try:
        client.force_login(reviewer)
        ms, queries = _measure(client, "/")
        table.add(
            "search",
            f"dashboard, reviewer with 25 assignments ({queries} queries)",
            f"{ms:.1f} ms",
            "< 150 ms",
        )
    finally:
        Assignment.objects.filter(pk__in=assigned).delete()
