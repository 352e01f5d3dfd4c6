"""The desk as one product: a page of 500 proposals, accepting them, and the reviewer's queue.

Runs against the development database (DATABASE_URL), builds what it needs with the review
benchmark's bulk builder (its statements are automatic and not yet accepted: proposals), measures
through Django's test client, and deletes what it made.
"""

from __future__ import annotations

import datetime
import itertools

from django.db import transaction
from django.test import Client

from factcheck import roles
from factcheck.benchmarks import Made, Table, median_ms, timed
from factcheck.benchmarks.review import bench_user, build_long_article, count_statements
from factcheck.models import Article, Statement

STATEMENTS = 500
QUEUE = 50
TAG = "bench-integrate"
HTMX = {"HX-Request": "true"}


def run(table: Table) -> None:
    roles.ensure_roles()
    made = Made()
    try:
        editor = bench_user(f"{TAG}-editor", roles.EDITOR, made)
        reviewer = bench_user(f"{TAG}-reviewer", roles.REVIEWER, made)
        with transaction.atomic():
            article = build_long_article(STATEMENTS, title=f"{TAG} {STATEMENTS}", made=made)
        _proposals(table, article, editor)
        with transaction.atomic():
            for n in range(QUEUE):
                queued = build_long_article(
                    8, reviewers=[reviewer], title=f"{TAG} queue {n}", made=made
                )
                queued.assign(
                    editor, reviewer, due_on=datetime.date.today() + datetime.timedelta(days=n)
                )
        _queue(table, reviewer)
    finally:
        made.clean_up()


def _proposals(table: Table, article: Article, editor) -> None:
    client = Client()
    client.force_login(editor)
    url = article.get_absolute_url()

    def page():
        response = client.get(url)
        assert response.status_code == 200

    assert Statement.objects.proposals().filter(article=article).count() == STATEMENTS
    table.add(
        "integrate",
        f"review page, {STATEMENTS} proposals, editor: queries",
        str(count_statements(page)),
        "≤ 15",
    )
    table.add(
        "integrate",
        f"review page, {STATEMENTS} proposals, editor: median ms",
        f"{median_ms(page, repeat=10):.1f}",
        "< 150",
    )

    rows = iter(article.statements.order_by("position")[: STATEMENTS // 2])

    def accept_one():
        statement = next(rows)
        response = client.post(
            f"{url}statements/{statement.pk}/accept/", {"number": "1"}, headers=HTMX
        )
        assert response.status_code == 200

    table.add("integrate", "accept one proposal (htmx): queries", str(count_statements(accept_one)))
    table.add(
        "integrate",
        "accept one proposal (htmx): median ms",
        f"{median_ms(accept_one, repeat=30, warmup=2):.1f}",
        "< 30",
    )
    left = Statement.objects.proposals().filter(article=article).count()
    with timed() as took:
        queries = count_statements(lambda: client.post(f"{url}accept/").status_code == 302 or None)
    assert not Statement.objects.proposals().filter(article=article).exists()
    table.add("integrate", f"accept all ({left} proposals left): queries", str(queries))
    table.add("integrate", f"accept all ({left} proposals left): ms", f"{took[0] * 1000:.1f}")


def _queue(table: Table, reviewer) -> None:
    from factcheck.models import Assignment

    client = Client()
    client.force_login(reviewer)

    def home():
        response = client.get("/")
        assert response.status_code == 200

    table.add(
        "integrate",
        f"reviewer's front page, {QUEUE} assignments: queries",
        str(count_statements(home)),
    )
    table.add(
        "integrate",
        f"reviewer's front page, {QUEUE} assignments: median ms",
        f"{median_ms(home, repeat=10):.1f}",
    )
    queue = list(itertools.islice(Assignment.objects.queue_for(reviewer), 3))
    table.add(
        "integrate",
        "queue_for: first assignment's progress (done/total)",
        f"{queue[0].done}/{queue[0].total}",
        "4/8",
    )
