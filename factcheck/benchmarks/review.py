"""The review page and a verdict save on an article of 500 statements: server ms and queries.

Runs against the development database (DATABASE_URL), builds its own long article with bulk
inserts, measures through Django's test client (the whole request: middleware, view, template),
and deletes what it made.
"""

from __future__ import annotations

import itertools
import os
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import Client

from factcheck import roles
from factcheck.benchmarks import Made, Table, median_ms
from factcheck.models import Article, Party, Revision, Statement, Verdict

STATEMENTS = 500
TAG = "bench-review"


def build_long_article(
    statements: int = STATEMENTS, reviewers=(), title: str = "", made: Made | None = None
) -> Article:
    """An article with `statements` statements from 20 parties, half with verdicts from each of
    `reviewers`, built with a handful of bulk inserts. Spans match the text, as the trigger wants.
    What it creates is recorded in `made`.
    """
    made = made if made is not None else Made()
    parties = []
    for i in range(20):  # few enough to create one by one
        party, created = Party.objects.get_or_create(name=f"{TAG} party {i}")
        parties.append(party)
        if created:
            made.add(parties=[party.pk])
    sentences, spans = [], []
    offset = 0
    for i in range(statements):
        quote = f"figure {i} rose by {i % 97} per cent in the year to March"
        lead = f"Party {i % 20} said that "
        sentence = f"{lead}{quote}. "
        spans.append((offset + len(lead), offset + len(lead) + len(quote), quote))
        offset += len(sentence)
        if i % 8 == 7:
            sentence += "\n\n"
            offset += 2
        sentences.append(sentence)
    text = "".join(sentences).strip()
    # Not Article.objects.submit: that runs extraction, and these spans are the statements.
    article = Article.objects.create(raw_text=text, text=text, title=title or f"{TAG} {statements}")
    made.add(articles=[article.pk])
    rows = Statement.objects.bulk_create(
        Statement(
            article=article,
            speaker=parties[i % 20],
            start=start,
            end=end,
            quote=quote,
            direct=i % 3 == 0,
            position=i,
        )
        for i, (start, end, quote) in enumerate(spans)
    )
    values = itertools.cycle(["confirmed", "denied", "disputed", "confirmed"])
    Verdict.objects.bulk_create(
        Verdict(statement=s, reviewer=r, value=next(values), rationale="Checked the filing log.")
        for r in reviewers
        for s in rows[::2]
    )
    return article


def median_cpu_ms(fn, repeat: int = 15) -> float:
    """Median CPU time of this process (Python's share, without the database's): a figure
    that other people's jobs on the shared machine do not inflate the way wall time is."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        fn()
        times.append((time.process_time() - started) * 1000)
    times.sort()
    return times[len(times) // 2]


def count_statements(fn) -> int:
    """SQL statements `fn` sends (transaction control such as BEGIN and COMMIT not included)."""
    sent = []

    def counter(execute, sql, params, many, context):
        sent.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        fn()
    return len(sent)


def bench_user(username: str, role: str, made: Made):
    """A user in `role` to measure as; one the benchmark creates is recorded in `made`."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": username}
    )
    if created:
        made.add(users=[user.pk])
    user.groups.set([Group.objects.get(name=role)])
    return user


def run(table: Table) -> None:
    load = os.getloadavg()[0]
    table.add("review", f"machine load average at start ({os.cpu_count()} CPUs)", f"{load:.1f}")
    roles.ensure_roles()
    made = Made()
    try:
        editor = bench_user(f"{TAG}-editor", roles.EDITOR, made)
        reviewer = bench_user(f"{TAG}-reviewer", roles.REVIEWER, made)
        with transaction.atomic():
            article = build_long_article(STATEMENTS, reviewers=[editor, reviewer], made=made)
        _measure(table, article, editor, reviewer)
    finally:
        made.clean_up()


def _measure(table: Table, article: Article, editor, reviewer) -> None:
    url = article.get_absolute_url()
    for who, user in (("reviewer", reviewer), ("editor", editor)):
        client = Client()
        client.force_login(user)

        def page(client=client):
            response = client.get(url)
            assert response.status_code == 200

        queries = count_statements(page)
        ms = median_ms(page, repeat=15)
        table.add(
            "review",
            f"review page, {STATEMENTS} statements, {who}: queries",
            str(queries),
            "≤ 15",
        )
        table.add(
            "review",
            f"review page, {STATEMENTS} statements, {who}: median ms",
            f"{ms:.1f}",
            "< 150",
        )
        table.add(
            "review",
            f"review page, {STATEMENTS} statements, {who}: median CPU ms (Python)",
            f"{median_cpu_ms(page):.1f}",
            "",
        )

    client = Client()
    client.force_login(reviewer)
    statement = article.statements.order_by("position")[1]
    verdict_url = f"{url}statements/{statement.pk}/verdict/"
    values = itertools.cycle(["confirmed", "denied", "disputed"])
    # The version the page would send: none yet, then one more with every (changed) save.
    versions = itertools.count(0)

    def save():
        response = client.post(
            verdict_url,
            {"value": next(values), "number": "2", "version": next(versions)},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200, response.status_code

    save()
    table.add("review", "verdict save (htmx): queries", str(count_statements(save)), "≤ 8")
    table.add(
        "review", "verdict save (htmx): median ms", f"{median_ms(save, repeat=30):.1f}", "< 30"
    )

    since = Revision.objects.filter(article=article).order_by("-id").values_list("id", flat=True)[0]
    changes_url = f"{url}changes/?since={since}"

    def poll():
        response = client.get(changes_url)
        assert response.status_code in (200, 204), response.status_code

    table.add("review", "live poll, nothing new (204): queries", str(count_statements(poll)), "")
    table.add(
        "review", "live poll, nothing new (204): median ms", f"{median_ms(poll, repeat=50):.2f}", ""
    )
