"""The JSON API on an article of 500 statements: reading it, and saving a verdict.

Measured like the review page (factcheck.benchmarks.review): the whole request through Django's
test client, token authentication and rate limit included, on the development database, with its
own long article and users, deleted afterwards.
"""

from __future__ import annotations

import itertools
import json
import os

from django.conf import settings
from django.db import transaction
from django.test import Client

from factcheck import roles
from factcheck.benchmarks import Made, Table, median_ms
from factcheck.benchmarks.review import (
    STATEMENTS,
    bench_user,
    build_long_article,
    count_statements,
    median_cpu_ms,
)
from factcheck.models import ApiToken

TAG = "bench-api"


def run(table: Table) -> None:
    roles.ensure_roles()
    made = Made()
    limit = settings.API_RATE_LIMIT
    try:
        editor = bench_user(f"{TAG}-editor", roles.EDITOR, made)
        reviewer = bench_user(f"{TAG}-reviewer", roles.REVIEWER, made)
        with transaction.atomic():
            article = build_long_article(STATEMENTS, reviewers=[editor, reviewer], made=made)
        _measure(table, article, reviewer)
    finally:
        settings.API_RATE_LIMIT = limit
        made.clean_up()


def _measure(table: Table, article, reviewer) -> None:
    _, secret = ApiToken.objects.issue(reviewer, "benchmark")
    client = Client(headers={"Authorization": f"Bearer {secret}"})
    load = os.getloadavg()[0]
    table.add("api", f"machine load average at start ({os.cpu_count()} CPUs)", f"{load:.1f}")
    # The budget, not the rate limiter, is measured here.
    settings.API_RATE_LIMIT = "1000000/min"
    url = f"/api/articles/{article.pk}"

    def read():
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    what = f"article read, {STATEMENTS} statements"
    table.add("api", f"{what}: queries", str(count_statements(read)), "")
    table.add("api", f"{what}: median ms", f"{median_ms(read, repeat=15):.1f}", "< 150")
    table.add("api", f"{what}: median CPU ms (Python)", f"{median_cpu_ms(read):.1f}", "")

    statement = article.statements.order_by("position")[1]
    verdict_url = f"/api/statements/{statement.pk}/verdict"
    values = itertools.cycle(["confirmed", "denied", "disputed"])

    def save():
        body = json.dumps({"value": next(values), "rationale": "Checked the filing log."})
        response = client.put(verdict_url, body, content_type="application/json")
        assert response.status_code == 200, response.status_code

    save()
    table.add("api", "verdict save (PUT): queries", str(count_statements(save)), "≤ 8")
    table.add("api", "verdict save (PUT): median ms", f"{median_ms(save, repeat=30):.1f}", "< 30")
    table.add("api", "verdict save (PUT): median CPU ms (Python)", f"{median_cpu_ms(save):.1f}", "")
