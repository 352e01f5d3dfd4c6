"""Every page passes axe-core with no serious or critical violation, for every role that sees it.

axe-core comes from the npm registry (`make install` puts it under .venv/npm); it is evaluated in
the page through the DevTools protocol, so the Content-Security-Policy does not get in its way.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import ROOT
from search_support import party

from factcheck import jobs
from factcheck.models import Job, Party
from factcheck.reports import batch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(os.environ.get("AXE_CORE", ROOT / ".venv/npm/node_modules/axe-core/axe.min.js"))
SERIOUS = {"serious", "critical"}


def pages_for(
    role: str, article, statement, ruiz: Party, duplicate: Party, job: Job | None = None
) -> list[str]:
    a, s = article.pk, statement.pk
    every = [
        "/",
        "/articles/",
        f"/articles/{a}/",
        f"/articles/{a}/?state=unreviewed",
        f"/articles/{a}/history/",
        f"/articles/{a}/statements/{s}/history/",
        f"/articles/{a}/statements/{s}/comments/",
        f"/articles/{a}/statements/{s}/tools/",
        f"/articles/{a}/export/html/",
        "/search/",
        "/search/?q=water",
        "/parties/",
        f"/parties/{ruiz.pk}/",
        "/agreement/",
        "/accounts/tokens/",
        "/accounts/preferences/",
    ]
    if role in {"reviewer", "editor"}:
        every.append(f"/articles/{a}/statements/{s}/rationale/")
    if role == "editor":
        every += [
            "/articles/new/",
            f"/articles/{a}/statements/{s}/edit/",
            f"/articles/{a}/statements/{s}/final/",
            f"/parties/{ruiz.pk}/merge/?duplicate={quote(duplicate.name)}",
            "/exports/",
            "/exports/import/",
            "/parties/duplicates/",
            "/jobs/",
        ]
    if job is not None:
        every.append(job.get_absolute_url())
    return every


def serious_violations(page) -> list[str]:
    results = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations'], runOnly: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']})).violations"
    )
    found = []
    for violation in results:
        if violation["impact"] not in SERIOUS:
            continue
        for node in violation["nodes"][:3]:
            found.append(f"{violation['id']} ({violation['impact']}): {node['target']}")
    return found


@pytest.fixture
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(
            f"axe-core is missing at {AXE}: run `make install`, which installs it with npm."
        )
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("role", ["viewer", "reviewer", "editor"])
def test_every_page_passes_axe_for_each_role(
    role, request, page, live_server, login_as, axe_source, demo_article, editor, reviewer
):
    statement = demo_article.statements.order_by("position").first()
    ruiz = Party.objects.named("Daniel Ruiz") or statement.speaker
    duplicate = party("D. Ruiz")
    user = request.getfixturevalue(role)
    found = batch.Batch(drafts=[batch.Draft(source="a.txt", title="Queued", raw_text="Text.")])
    job = jobs.start_import(found, user, "A batch waiting for a worker")
    login_as(user)
    problems = []
    missing = []  # a favicon or stylesheet that 404s shows as an error in every console
    page.on("response", lambda r: r.status == 404 and missing.append(r.url))
    for path in pages_for(role, demo_article, statement, ruiz, duplicate, job):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status < 400, f"{path} answered {response.status} for the {role}"
        page.wait_for_load_state("networkidle")
        page.evaluate(axe_source)
        problems += [f"{path}: {v}" for v in serious_violations(page)]
    assert not problems, "axe-core found serious violations:\n" + "\n".join(problems)
    assert missing == []


def test_the_sign_in_page_passes_axe(page, live_server, axe_source):
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate(axe_source)
    assert serious_violations(page) == []


def test_the_favicon_is_served_to_browsers_that_ask_for_favicon_ico(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
    assert client.get(response["Location"]).status_code == 200
