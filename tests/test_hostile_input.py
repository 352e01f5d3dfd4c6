"""A corpus of hostile input through every URL, form, upload and import of the desk.

Every request must answer below 500; a refusal (4xx) must leave every table exactly as it was;
an HTML answer never carries a payload unescaped. The URLs are enumerated from the resolver and
the parameter names from the forms and views, so a new page or field is covered without editing
this file.
"""

from __future__ import annotations

import inspect
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import URLResolver, get_resolver, reverse

from factcheck.models import Article, Assignment, Party, Revision, Statement
from factcheck.reports import backup
from factcheck.reports.selection import Selection

ROOT = Path(__file__).resolve().parent.parent
XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'

# Values a form must refuse or ignore: a 4xx (nothing saved) or a page that changes nothing.
REFUSED: dict[str, object] = {
    "nul": "a\x00b",
    "huge": "x" * 6000,
    "negative": "-1",
    "huge-number": "9" * 30,
    "not-a-number": "1e309",
    "unknown-choice": "maybe",
    "empty": "",
    "several-values": ["1", "2", "<x>"],
}
# Values that may be stored as text: then they must come back escaped.
ODD_TEXT: dict[str, object] = {
    "control-chars": "\x01\x07\x1b[31mred\x7f\x9f",
    "xss": XSS,
    "javascript-url": "javascript:alert(1)",
    "unicode-tricks": "\u202eevil\u200b𝕏\ufeff\u2028",
}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif pattern.name:
            yield prefix + str(pattern.pattern), pattern.name


URLS = sorted(
    (route, name)
    for route, name in _walk(get_resolver().url_patterns)
    if not route.startswith("admin/") and name != "logout"
)


def _parameter_names() -> list[str]:
    """Every field a form of ours declares, and every GET/POST key a view or template reads."""
    names: set[str] = set()
    for module in ["factcheck.forms", "factcheck.reports.forms"]:
        for _, cls in inspect.getmembers(__import__(module, fromlist=["x"]), inspect.isclass):
            if issubclass(cls, forms.BaseForm):
                names |= set(cls.base_fields)
    for path in (ROOT / "factcheck" / "views").rglob("*.py"):
        names |= set(
            re.findall(r"request\.(?:GET|POST)\.get(?:list)?\(\"(\w+)\"", path.read_text())
        )
    for path in (ROOT / "templates").rglob("*.html"):
        names |= set(
            re.findall(r'<(?:input|select|textarea|button)[^>]*\bname="(\w+)"', path.read_text())
        )
    names -= {"csrfmiddlewaretoken", "upload", "files"}
    return sorted(names)


PARAMETERS = _parameter_names()


def _row_counts() -> tuple:
    tables = [m._meta.db_table for m in apps.get_app_config("factcheck").get_models()]
    tables += [get_user_model()._meta.db_table, Assignment.statements.through._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in tables))
        return cursor.fetchone()


@pytest.fixture
def world(demo_article, editor, reviewer, viewer):
    statement = demo_article.statements.order_by("position").first()
    party = statement.speaker or Party.objects.first()
    statement.set_verdict(reviewer, "confirmed", rationale="fine")
    Assignment.objects.create(article=demo_article, reviewer=reviewer, assigned_by=editor)
    revision = Revision.objects.filter(article=demo_article).first()
    return {
        "article": demo_article.pk,
        "statement": statement.pk,
        "party": party.pk,
        "revision": revision.pk,
        "reviewer": reviewer.pk,
    }


def _path(route: str, name: str, world: dict, fmt: str = "html") -> str:
    kwargs = {}
    for key in re.findall(r"<(?:\w+:)?(\w+)>", route):
        if key == "fmt":
            kwargs[key] = fmt
        elif key == "article_pk":
            kwargs[key] = world["article"]
        elif key == "reviewer_pk":
            kwargs[key] = world["reviewer"]
        elif route.startswith("parties/"):
            kwargs[key] = world["party"]
        elif "revisions/" in route:
            kwargs[key] = world["revision"]
        elif "statements/<int:pk>" in route:
            kwargs[key] = world["statement"]
        else:
            kwargs[key] = world["article"]
    return reverse(name, kwargs=kwargs)


def _check(response, before: tuple, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code}"
    if response.status_code >= 400:
        assert _row_counts() == before, f"{what}: refused ({response.status_code}) but changed rows"
    kind = response.get("Content-Type", "")
    if kind.startswith("text/html") and not getattr(response, "streaming", False):
        html = response.content.decode("utf-8", "replace")
        assert "<script>alert(1)" not in html, f"{what}: payload unescaped"
        assert "<img src=x" not in html, f"{what}: payload unescaped"
        assert 'href="javascript:' not in html, f"{what}: a javascript: link"


def _send(client, method: str, path: str, value) -> object:
    data = {} if value is None else {name: value for name in PARAMETERS}
    if method == "GET":
        return client.get(path, data)
    return client.post(path, data)


@pytest.mark.parametrize(("route", "name"), URLS, ids=[n for _, n in URLS])
def test_every_url_survives_the_corpus_for_every_role_that_may_use_it(
    client, world, editor, reviewer, viewer, route, name
):
    formats = ["html", "json", "nope"] if "<str:fmt>" in route else ["html"]
    values = {**REFUSED, **ODD_TEXT, "missing": None}
    for fmt in formats:
        path = _path(route, name, world, fmt)
        # A reviewer sees every page a viewer does; editors and reviewers are the ones who post.
        for user, methods in [(reviewer, ["GET", "POST"]), (editor, ["POST"])]:
            client.force_login(user)
            for label, value in values.items():
                for method in methods:
                    before = _row_counts()
                    response = _send(client, method, path, value)
                    _check(response, before, f"{method} {path} as {user.username}: {label}")
            # Bytes that are not UTF-8, in the query string and in a form body.
            before = _row_counts()
            response = client.generic(
                "GET", f"{path}?{'&'.join(f'{p}=%FF%FE' for p in PARAMETERS)}"
            )
            _check(response, before, f"GET {path} as {user.username}: invalid UTF-8")
            before = _row_counts()
            body = "&".join(f"{p}=%C3%28%FF" for p in PARAMETERS)
            response = client.generic(
                "POST", path, body, content_type="application/x-www-form-urlencoded"
            )
            _check(response, before, f"POST {path} as {user.username}: invalid UTF-8")


def test_a_form_body_over_the_upload_limit_is_a_400(client, editor, settings):
    client.force_login(editor)
    before = _row_counts()
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)
    response = client.post("/articles/new/", {"title": "Big", "raw_text": big})
    assert response.status_code == 400
    assert _row_counts() == before


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


UPLOADS: dict[str, tuple[str, bytes]] = {
    "empty": ("a.txt", b""),
    "nul": ("a.txt", b"Story\x00text"),
    "utf16-without-bom": ("a.txt", "Story text".encode("utf-16-le")),
    "png": ("a.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40),
    "invalid-utf8-html": ("a.html", b"<p>\xff\xfe\xc3\x28</p>"),
    "over-the-limit": ("a.txt", b"word " * 500_000),
    "zip-of-binary": ("a.zip", _zip({"a.txt": bytes(range(1, 256)) * 100})),
    "zip-bomb": ("a.zip", _zip({"a.txt": b"a" * (20 * 1024 * 1024)})),
    "zip-in-zip": ("a.zip", _zip({"b.zip": _zip({"c.txt": b"x"})})),
    "zip-traversal": ("a.zip", _zip({"../../etc/passwd.txt": b""})),
    "csv-no-header": ("a.csv", b""),
    "csv-wrong-columns": ("a.csv", b"name,body\nA,B\n"),
    "csv-bad-date": ("a.csv", b"title,text,date\nA,Some text,31/31/2026\n"),
    "csv-js-url": ("a.csv", b"title,text,url\nA,Some text,javascript:alert(1)\n"),
    "csv-unclosed-quote": ("a.csv", b'title,text\nA,"never closed\n'),
    "not-a-zip": ("a.zip", b"PK\x03\x04garbage"),
}


# Damaged but readable: invalid bytes become U+FFFD, and the csv module reads an unclosed quote
# to the end of the file, as spreadsheet programs do.
READABLE_UPLOADS = {"invalid-utf8-html", "csv-unclosed-quote"}


@pytest.mark.parametrize("label", list(UPLOADS))
def test_hostile_uploads_are_refused_and_save_nothing(client, editor, label):
    name, content = UPLOADS[label]
    client.force_login(editor)
    before = _row_counts()
    article = client.post(
        "/articles/new/",
        {"title": "Upload", "upload": SimpleUploadedFile(name, content, "text/plain")},
    )
    _check(article, before, f"article upload {label}")
    before = _row_counts()
    batch = client.post(
        "/exports/import/", {"files": [SimpleUploadedFile(name, content, "text/plain")]}
    )
    _check(batch, before, f"batch import {label}")
    if label not in READABLE_UPLOADS:
        assert batch.status_code == 400, label


# manage.py import: each field of an archive replaced by each hostile value.
ARCHIVE_VALUES = ["a\x00b", -5, 10**20, [], {}, None, True, "javascript:alert(1)", XSS]


@pytest.fixture
def archive(world, tmp_path) -> dict:
    data = json.loads("".join(backup.stream(Selection(article=world["article"]))))
    shift = 1_000_000  # new ids, so the archive doesn't collide with the desk it came from
    for table in ["articles", "statements", "verdicts", "comments", "assignments", "revisions"]:
        for row in data[table]:
            row["id"] += shift
            for key in ["article", "statement"]:
                if isinstance(row.get(key), int):
                    row[key] += shift
            if table == "assignments" and row.get("statements"):
                row["statements"] = [s + shift for s in row["statements"]]
    return data


TABLE_FIELDS = [
    ("articles", ["title", "url", "status", "text", "blind_review", "published_on"]),
    ("statements", ["start", "end", "quote", "direct", "final_verdict", "speaker", "version"]),
    ("verdicts", ["value", "evidence", "rationale", "reviewer"]),
    ("revisions", ["action", "before", "after", "actor"]),
    ("parties", ["name", "kind", "aliases"]),
]


@pytest.mark.parametrize(("table", "fields"), TABLE_FIELDS, ids=[t for t, _ in TABLE_FIELDS])
def test_hostile_archives_are_refused_or_stored_safely(
    client, editor, archive, tmp_path, table, fields
):
    client.force_login(editor)
    path = tmp_path / "hostile.json"
    for field in fields:
        for value in ARCHIVE_VALUES:
            data = json.loads(json.dumps(archive))
            if not data[table]:
                continue
            data[table][0][field] = value
            path.write_text(json.dumps(data), encoding="utf-8")
            before = _row_counts()
            try:
                call_command("import", str(path), verbosity=0)
            except CommandError as e:
                assert str(e).startswith("Nothing was imported"), e
                assert _row_counts() == before, f"{table}.{field}={value!r} half-imported"
                continue
            # Accepted: every page showing it must still work, escaped.
            restored = Article.objects.order_by("-pk").first()
            for url in [
                restored.get_absolute_url(),
                f"/articles/{restored.pk}/history/",
                f"/articles/{restored.pk}/export/html/",
                f"/articles/{restored.pk}/export/claimreview/",
                "/search/?q=alert",
                "/parties/",
            ]:
                _check(client.get(url), _row_counts(), f"{url} after {table}.{field}={value!r}")
            Revision.objects.filter(article__pk__gte=1_000_000).delete()
            Statement.objects.filter(pk__gte=1_000_000).delete()
            Article.objects.filter(pk__gte=1_000_000).delete()
