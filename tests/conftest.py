"""Named users for every role, the demo article, and a Chromium page for browser tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from factcheck import roles
from tests.api_support import api_as, api_desk  # noqa: F401  (the API tests' fixtures)

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# between browser steps are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASSWORD = "correct-horse-battery"


@pytest.fixture(scope="session", autouse=True)
def _close_stray_connections(django_db_setup, django_db_blocker):
    """Let the test database be dropped at the end: a live-server request cut off when its
    browser closed can leave an idle connection behind, and PostgreSQL refuses to drop a database
    that someone is connected to."""
    yield
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def make_user(django_user_model, username: str, role: str | None):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, first_name=username.title()
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "editor", roles.EDITOR)


@pytest.fixture
def reviewer(db, django_user_model):
    return make_user(django_user_model, "reviewer", roles.REVIEWER)


@pytest.fixture
def second_reviewer(db, django_user_model):
    return make_user(django_user_model, "reviewer2", roles.REVIEWER)


@pytest.fixture
def viewer(db, django_user_model):
    return make_user(django_user_model, "viewer", roles.VIEWER)


@pytest.fixture
def outsider(db, django_user_model):
    """Signed in, but in no group: may see nothing."""
    return make_user(django_user_model, "outsider", None)


@pytest.fixture
def as_role(client, outsider, viewer, reviewer, editor):
    """Sign the test client in as "anonymous", "outsider", "viewer", "reviewer" or "editor"."""
    users = {"outsider": outsider, "viewer": viewer, "reviewer": reviewer, "editor": editor}

    def sign_in(role: str):
        client.logout()
        if role != "anonymous":
            client.force_login(users[role])
        return client

    return sign_in


@pytest.fixture
def demo_article(db, editor, reviewer):
    from factcheck.management.commands.load_demo import Command

    return Command().load_article({"editor": editor, "reviewer": reviewer})


# Every browser context reports Content-Security-Policy violations here; a browser test that
# caused one fails at teardown (fixture `_fail_on_csp_violation`), whoever wrote it.
CSP_VIOLATIONS: list[str] = []
_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline")
    + " at " + e.sourceFile + ":" + e.lineNumber);
});
"""


def _watch_csp(context):
    context.add_init_script(_REPORT_VIOLATIONS)

    def on_console(message) -> None:
        text = message.text
        if text.startswith("CSP violation:") or "Content Security Policy" in text:
            CSP_VIOLATIONS.append(text)

    context.on("console", on_console)
    return context


class _WatchedBrowser:
    """Chromium, with every new context watched for CSP violations."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def new_context(self, **kwargs):
        return _watch_csp(self._browser.new_context(**kwargs))

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@pytest.fixture(autouse=True)
def _fail_on_csp_violation(request):
    if "browser" not in request.fixturenames:
        yield
        return
    CSP_VIOLATIONS.clear()
    yield
    found, CSP_VIOLATIONS[:] = list(CSP_VIOLATIONS), []
    if found:
        pytest.fail("Content-Security-Policy violations in the browser:\n" + "\n".join(found))


@pytest.fixture
def csp_violations(browser):
    """The violations seen so far in this test, for a test that provokes one on purpose."""
    return CSP_VIOLATIONS


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is needed for browser tests: {CHROMIUM} is missing.")
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield _WatchedBrowser(chromium)
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def login_as(page, live_server):
    """Sign `user` in through the login form; returns the page."""

    def sign_in(user, on_page=None):
        on_page = on_page or page
        on_page.goto(f"{live_server.url}/accounts/login/")
        on_page.get_by_label("Username").fill(user.username)
        on_page.get_by_label("Password").fill(PASSWORD)
        on_page.get_by_role("button", name="Sign in").click()
        on_page.wait_for_url(lambda url: "/accounts/login/" not in url)
        return on_page

    return sign_in


@pytest.fixture
def screenshot():
    """Save a full-page PNG under artifacts/ for a person to look at."""

    def take(page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def run_worker(db, monkeypatch):
    """Run django-tasks-db's worker in this process until the queue is empty (the real
    database backend, the same loop `manage.py db_worker` runs, without its signal handlers).
    Like Django's test client, it keeps the test's connection (and so its transaction) open."""
    from django_tasks_db.management.commands import db_worker

    from factcheck import jobs

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: jobs.worker(batch=True, interval=0).run()


@pytest.fixture(autouse=True)
def _job_files(settings, tmp_path):
    """Job results (export files) in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def worker_thread(transactional_db):
    """django-tasks-db's worker polling the queue in a thread while a browser test runs;
    `worker_thread()` starts it."""
    import threading

    from django.db import connections

    from factcheck import jobs

    worker = jobs.worker(batch=False, interval=0.1)

    def run() -> None:
        try:
            worker.run()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    yield thread.start
    worker.running = False
    if thread.is_alive():
        thread.join(30)
