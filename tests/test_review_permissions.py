"""Every review-desk URL and method against every role: 302 to login, 403, or success.

HTMX fragment requests are checked as well, since a client can ask for a fragment directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group

from factcheck.models import Revision, Statement, Verdict

ROLES = ["anonymous", "outsider", "viewer", "reviewer", "editor"]
RANK = {role: i for i, role in enumerate(ROLES)}


@dataclass
class Route:
    name: str
    method: str
    path: str  # formatted with a=article pk, s=statement pk, r=revision pk, u=reviewer pk
    least: str  # the least role allowed
    data: dict[str, Any] | None = None
    target: str = ""  # the HX-Target an htmx request names
    fragment: bool = True  # asked by htmx, answers a fragment rather than a page


ROUTES = [
    Route("review page", "get", "/articles/{a}/", "viewer", fragment=False),
    Route("filtered statements", "get", "/articles/{a}/?state=unsettled", "viewer",
          target="statement-panel"),
    Route("verdict form", "get", "/articles/{a}/statements/{s}/rationale/", "reviewer"),
    Route("verdict", "post", "/articles/{a}/statements/{s}/verdict/", "reviewer",
          {"value": "confirmed", "version": "{mv}"}),
    Route("final verdict form", "get", "/articles/{a}/statements/{s}/final/", "editor"),
    Route("final verdict", "post", "/articles/{a}/statements/{s}/final/", "editor",
          {"final_verdict": "denied", "final_note": "", "version": "{fv}"}),
    Route("add statement", "post", "/articles/{a}/statements/new/", "editor",
          {"start": "0", "end": "12", "new_speaker": "State Water Quality Board"}),
    Route("edit form", "get", "/articles/{a}/statements/{s}/edit/", "editor"),
    Route("edit", "post", "/articles/{a}/statements/{s}/edit/", "editor",
          {"start": "{start}", "end": "{end}", "speaker": "", "new_speaker": "", "version": "{v}"}),
    Route("delete", "post", "/articles/{a}/statements/{s}/delete/", "editor"),
    Route("restore", "post", "/articles/{a}/statements/{s}/restore/", "editor"),
    Route("comments", "get", "/articles/{a}/statements/{s}/comments/", "viewer"),
    Route("comment", "post", "/articles/{a}/statements/{s}/comments/", "reviewer",
          {"body": "Checked the board's site."}),
    Route("statement history", "get", "/articles/{a}/statements/{s}/history/", "viewer"),
    Route("article history", "get", "/articles/{a}/history/", "viewer"),
    Route("restore revision", "post", "/articles/{a}/revisions/{r}/restore/", "editor"),
    Route("speaker search", "get", "/articles/{a}/speakers/?q=board", "viewer"),
    Route("assign", "post", "/articles/{a}/assignments/", "editor",
          {"reviewers": "{u}", "due_on": "2026-12-01", "statements": "1-3"}),
    Route("unassign", "post", "/articles/{a}/assignments/{u}/delete/", "editor"),
    Route("blind review", "post", "/articles/{a}/blind/", "editor", {"blind": "on"}),
    Route("live changes", "get", "/articles/{a}/changes/?since=0", "viewer"),
    Route("desk agreement", "get", "/agreement/", "viewer"),
]  # fmt: skip


@pytest.fixture
def people(editor, reviewer, viewer, outsider):
    return {"editor": editor, "reviewer": reviewer, "viewer": viewer, "outsider": outsider}


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=[r.name for r in ROUTES])
def test_access(client, demo_article, people, route, role, htmx):
    statement = Statement.objects.filter(article=demo_article).order_by("position").first()
    revision = Revision.objects.filter(statement=statement, action="final_verdict").first()
    if revision is None:
        statement.set_final_verdict(people["editor"], "confirmed", "Seen the log.")
        revision = Revision.objects.filter(statement=statement).first()
    statement.refresh_from_db()
    values = {
        "a": demo_article.pk,
        "s": statement.pk,
        "r": revision.pk,
        "u": people["reviewer"].pk,
        "v": statement.version,
        "fv": statement.final_version,
        # The version of the signed-in user's own verdict the page would show (0: none yet).
        "mv": Verdict.objects.filter(statement=statement, reviewer=people.get(role))
        .values_list("version", flat=True)
        .first()
        or 0,
        "start": statement.start,
        "end": statement.end,
    }
    if role != "anonymous":
        client.force_login(people[role])
    headers = {"HX-Request": "true", "HX-Target": route.target} if htmx else {}
    data = {k: str(v).format(**values) for k, v in (route.data or {}).items()}
    response = getattr(client, route.method)(route.path.format(**values), data, headers=headers)

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    elif RANK[role] < RANK[route.least]:
        assert response.status_code == 403
    else:
        assert response.status_code in (200, 204, 302), response.content[:500]
        if response.status_code == 302:
            assert not response["Location"].startswith("/accounts/login/")
        if htmx and response.status_code == 200 and route.method == "get" and route.fragment:
            assert b"<html" not in response.content


def test_a_user_with_no_group_sees_no_statement_text(client, demo_article, outsider):
    client.force_login(outsider)
    statement = demo_article.statements.first()
    for path in (
        f"/articles/{demo_article.pk}/",
        f"/articles/{demo_article.pk}/statements/{statement.pk}/history/",
        f"/articles/{demo_article.pk}/changes/?since=0",
    ):
        response = client.get(path, headers={"HX-Request": "true"})
        assert response.status_code == 403
        assert statement.quote.encode() not in response.content


def test_groups_exist_for_the_matrix(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editor", "Reviewer", "Viewer"}
