"""The review page and a verdict save on an article of 500 statements: server ms and queries,
HTML weight, and the page-ready time in Chromium at 91 and 500 statements.

Runs against the development database (DATABASE_URL), builds its own long articles with bulk
inserts, measures through Django's test client (the whole request: middleware, view, template)
and through Debian's Chromium driven by Playwright against a production app server (gunicorn,
`servers.py`), and deletes what it made.
"""

from __future__ import annotations

import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import Client, override_settings

from factcheck import roles
from factcheck.benchmarks import Made, Table, median_ms, servers
from factcheck.models import Article, Party, Revision, Statement, Verdict

STATEMENTS = 500
BROWSER_SIZES = (91, 500)  # the seed article's statements, and a long one
BROWSER_BUDGETS = {91: "≤ 250", 500: "≤ 400"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
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
            small = build_long_article(BROWSER_SIZES[0], reviewers=[editor, reviewer], made=made)
        _measure(table, article, editor, reviewer)
        _measure_browser(table, {BROWSER_SIZES[0]: small, STATEMENTS: article}, editor)
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

    # A first verdict from the page's button (it also moves the progress line): on statements
    # the reviewer has not judged (build_long_article gives verdicts to every other one).
    fresh = iter(article.statements.order_by("position")[3::2])

    def first_verdict():
        response = client.post(
            f"{url}verdicts/",
            {"statement": next(fresh).pk, "value": "denied", "version": "0"},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200, response.status_code

    first_verdict()
    table.add(
        "review",
        "first verdict on a statement (htmx): queries",
        str(count_statements(first_verdict)),
        "≤ 8",
    )
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


# In the browser ----------------------------------------------------------------------------

# Set before the page's first byte: the moment (ms after navigation start) when every verdict
# button the server sent is in the DOM, which is when a reviewer can click any of them.
READY_PROBE = """
(() => {
  const want = %d;
  const buttons = document.getElementsByClassName("vbtn");
  const check = () => {
    if (window.__ready === undefined && buttons.length >= want) {
      window.__ready = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();
"""


def _measure_browser(table: Table, articles: dict[int, Article], user) -> None:
    """HTML bytes per statement, and Chromium's page-ready time, for an editor (the heaviest
    page: every row has the editor's tools)."""
    client = Client()
    client.force_login(user)
    for size, article in articles.items():
        html = client.get(article.get_absolute_url()).content
        table.add(
            "review",
            f"review page, {size} statements, editor: HTML bytes per statement",
            f"{len(html) / size:,.0f}",
            "< 1,000",
        )
    if not Path(CHROMIUM).exists():
        table.add("review", f"Chromium page-ready: skipped, {CHROMIUM} is missing", "", "")
        return
    from playwright.sync_api import sync_playwright

    # The page as production serves it (gunicorn, DEBUG off, hashed static files the browser
    # keeps), in a process of its own: an app thread inside this one shared the interpreter
    # with Playwright's driver, and the development server re-served every stylesheet.
    with override_settings(SECRET_KEY=servers.SECRET_KEY):
        production = Client()
        production.force_login(user)
    with tempfile.TemporaryDirectory() as scratch:
        env = servers.production_env(servers.collect_static(), Path(scratch) / "media")
        with servers.gunicorn(env) as server, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(
                viewport={"width": 1440, "height": 900}, extra_http_headers=servers.PROXY_HEADERS
            )
            session = production.cookies["sessionid"].value
            context.add_cookies([{"name": "sessionid", "value": session, "url": server.url}])
            for size, article in articles.items():
                _page_ready(table, context, server.url, article, size)
            browser.close()


def _page_ready(table: Table, context, base: str, article: Article, size: int) -> None:
    """Median of 8 navigations, after one to warm the caches. One tab, coming from another page
    of the desk, as a reviewer goes from article to article: a new tab each time adds
    Chromium's own tab set-up (some 400 loads of its omnibox pages here), the browser's cost."""
    times, after_first_byte = [], []
    page = context.new_page()
    page.set_default_timeout(120_000)  # a busy shared machine is slow, not broken
    page.add_init_script(READY_PROBE % (3 * size))
    for _ in range(9):
        page.goto(f"{base}/healthz")
        page.goto(base + article.get_absolute_url(), wait_until="load")
        page.wait_for_function("window.__ready !== undefined")
        ready, first_byte = page.evaluate(
            "[window.__ready, performance.getEntriesByType('navigation')[0].responseStart]"
        )
        times.append(ready)
        after_first_byte.append(ready - first_byte)
    page.close()
    table.add(
        "review",
        f"Chromium page-ready, {size} statements, editor: median ms",
        f"{statistics.median(times[1:]):.0f}",
        BROWSER_BUDGETS.get(size, ""),
    )
    table.add(
        "review",
        f"Chromium page-ready, {size} statements: of which after first byte, ms",
        f"{statistics.median(after_first_byte[1:]):.0f}",
        "",
    )
