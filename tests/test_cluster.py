"""Two production app servers (gunicorn, DEBUG off) on one database: nothing lives in one process.

A reviewer works on one server and editors on the other; each sees the other's changes through
the article page's live updates, concurrent saves lose nothing, and a stale edit is refused.
"""

from __future__ import annotations

import http.client
import re
import secrets
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client

from factcheck import roles
from factcheck.benchmarks import servers
from factcheck.models import Statement, Verdict
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)


class Desk:
    """One person's browser against one server: their session cookie, a CSRF token, and the
    headers the TLS-terminating proxy would add in production."""

    def __init__(self, base: str, session: str) -> None:
        parts = urlsplit(base)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
        self.origin = f"https://{parts.netloc}"
        self.csrf = secrets.token_hex(16)  # Django accepts any 32-character secret as the cookie
        self.cookies = {"sessionid": session, "csrftoken": self.csrf}

    def request(self, method: str, path: str, data: dict | None = None, htmx: bool = True):
        headers = {
            **servers.PROXY_HEADERS,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Origin": self.origin,
            "X-CSRFToken": self.csrf,
        }
        if htmx:
            headers["HX-Request"] = "true"
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, text

    def since(self, article) -> str:
        status, page = self.request("GET", article.get_absolute_url(), htmx=False)
        assert status == 200, page[:500]
        return re.search(r"changes/\?since=(\d+)", page).group(1)


def signed_in(user, settings) -> str:
    """A database session for `user`, valid on servers sharing the SECRET_KEY."""
    settings.SECRET_KEY = servers.SECRET_KEY
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


@pytest.fixture
def two_servers(tmp_path):
    env = servers.production_env(servers.collect_static(), tmp_path / "media")
    with servers.gunicorns(2, env, workers=1, threads=4) as both:
        yield [server.url for server in both]


def test_a_reviewer_and_an_editor_on_two_servers_see_each_other(
    two_servers, demo_article, reviewer, editor, settings, django_user_model
):
    one, two = two_servers
    desk_a = Desk(one, signed_in(reviewer, settings))
    desk_b = Desk(two, signed_in(editor, settings))
    statements = list(demo_article.statements.live().order_by("position")[:6])
    first = statements[0]
    base = f"/articles/{demo_article.pk}/statements"

    def my_version(statement) -> int:
        """What the reviewer's page shows and sends: their verdict's version, 0 for none."""
        had = Verdict.objects.filter(statement=statement, reviewer=reviewer).first()
        return had.version if had else 0

    had = Verdict.objects.filter(statement=first, reviewer=reviewer).first()
    value = "denied" if had and had.value == "disputed" else "disputed"
    since_b = desk_b.since(demo_article)
    status, _ = desk_a.request(
        "POST", f"{base}/{first.pk}/verdict/", {"value": value, "version": my_version(first)}
    )
    assert status == 200
    # The editor's page, polling server two, is told of the verdict given on server one.
    status, changes = desk_b.request("GET", f"/articles/{demo_article.pk}/changes/?since={since_b}")
    assert status == 200
    assert f"outerHTML:#s{first.pk} .others" in changes and value.title() in changes

    since_a = desk_a.since(demo_article)
    first.refresh_from_db()
    status, _ = desk_b.request(
        "POST",
        f"{base}/{first.pk}/final/",
        {
            "final_verdict": "denied",
            "final_note": "The log says otherwise.",
            "version": first.final_version,
        },
    )
    assert status == 200
    status, changes = desk_a.request("GET", f"/articles/{demo_article.pk}/changes/?since={since_a}")
    # The row's settled verdict travels with the colleagues' verdicts, in the row's .others block.
    assert status == 200 and f"outerHTML:#s{first.pk} .others" in changes
    assert "Final</span> Denied" in changes

    # A second editor on server one, working from the version before that change, is refused.
    other_editor = make_user(django_user_model, "editor2", roles.EDITOR)
    desk_c = Desk(one, signed_in(other_editor, settings))
    status, refused = desk_c.request(
        "POST",
        f"{base}/{first.pk}/final/",
        {"final_verdict": "confirmed", "final_note": "", "version": first.final_version},
    )
    assert status == 409 and "Denied" in refused
    first.refresh_from_db()
    assert (first.final_verdict, first.final_by) == ("denied", editor)

    # Verdicts on one server and final verdicts on the other, at once: every save is kept.
    rest = statements[1:]
    session_a, session_b = desk_a.cookies["sessionid"], desk_b.cookies["sessionid"]

    def review(statement):
        return Desk(one, session_a).request(
            "POST",
            f"{base}/{statement.pk}/verdict/",
            {"value": "disputed", "version": my_version(statement)},
        )

    def settle(statement):
        return Desk(two, session_b).request(
            "POST",
            f"{base}/{statement.pk}/final/",
            {"final_verdict": "confirmed", "final_note": "", "version": statement.final_version},
        )

    with ThreadPoolExecutor(10) as pool:
        futures = [pool.submit(review, s) for s in rest] + [pool.submit(settle, s) for s in rest]
        results = [future.result() for future in futures]
    assert [status for status, _ in results] == [200] * (2 * len(rest))
    for statement in Statement.objects.filter(pk__in=[s.pk for s in rest]):
        assert statement.final_verdict == "confirmed"
        assert Verdict.objects.get(statement=statement, reviewer=reviewer).value == "disputed"
