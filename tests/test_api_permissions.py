"""Every API operation for every role: no token 401, a role that may not 403, else success.

The roles are the web app's, checked by the same helpers (factcheck.views.access)."""

from __future__ import annotations

import pytest

from factcheck.models import Article, Party, Revision, Statement, Verdict

ROLES = ["anonymous", "outsider", "viewer", "reviewer", "editor"]
RANK = {role: n for n, role in enumerate(ROLES)}

# (method, path, body, the least role that may, its success status)
OPERATIONS = [
    ("get", "/api/articles", None, "viewer", 200),
    (
        "post",
        "/api/articles",
        {"title": "New", "raw_text": 'She said: "Rents rose."'},
        "editor",
        201,
    ),
    ("get", "/api/articles/{article}", None, "viewer", 200),
    ("patch", "/api/articles/{article}", {"byline": "By A. Writer"}, "editor", 200),
    ("post", "/api/articles/{article}/statements", {"start": 0, "end": 9}, "editor", 201),
    ("post", "/api/articles/{article}/accept-proposals", None, "editor", 200),
    ("get", "/api/articles/{article}/export/md", None, "viewer", 200),
    ("get", "/api/statements/{statement}", None, "viewer", 200),
    ("patch", "/api/statements/{statement}", {"direct": False}, "editor", 200),
    ("delete", "/api/statements/{statement}", None, "editor", 204),
    ("post", "/api/statements/{proposal}/accept", None, "editor", 200),
    ("get", "/api/statements/{statement}/verdicts", None, "viewer", 200),
    ("put", "/api/statements/{statement}/verdict", {"value": "denied"}, "reviewer", 200),
    ("put", "/api/statements/{statement}/final-verdict", {"value": "denied"}, "editor", 200),
    ("get", "/api/parties", None, "viewer", 200),
    ("get", "/api/parties/{party}", None, "viewer", 200),
    ("post", "/api/parties/{party}/merge", {"duplicate_id": "{duplicate}"}, "editor", 200),
    ("get", "/api/search?q=budget", None, "viewer", 200),
    ("get", "/api/exports/csv", None, "editor", 200),
]


def _fill(value, ids: dict):
    if isinstance(value, str):
        return value.format(**ids)
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


def test_every_operation_in_the_schema_is_in_the_matrix(client):
    schema = client.get("/api/openapi.json").json()
    documented = {
        (method, path.replace("{pk}", "*").replace("{fmt}", "*"))
        for path, operations in schema["paths"].items()
        for method in operations
    }
    covered = set()
    for method, path, *_ in OPERATIONS:
        path = path.split("?")[0]
        for name in ("article", "statement", "proposal", "party"):
            path = path.replace("{" + name + "}", "*")
        covered.add((method, path.replace("/md", "/*").replace("/csv", "/*")))
    assert documented == covered


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "body", "least", "ok"), OPERATIONS)
def test_operation_answers_each_role(api_as, api_desk, role, method, path, body, least, ok):
    ids = {name: record.pk for name, record in api_desk.items()}
    client = api_as(role)
    url = _fill(path, ids)
    body = _fill(body, ids)
    if isinstance(body, dict) and "duplicate_id" in body:
        body["duplicate_id"] = int(body["duplicate_id"])
    kwargs = {"content_type": "application/json", "data": body} if body is not None else {}
    before = _state()
    response = getattr(client, method)(url, **kwargs)
    if role == "anonymous":
        expected = 401
    elif RANK[role] < RANK[least]:
        expected = 403
    else:
        expected = ok
    assert response.status_code == expected, response.content[:300]
    if expected != 204 and response["Content-Type"].startswith("application/json"):
        payload = response.json()
        if expected >= 400:
            assert payload["detail"]
    if expected >= 400:
        assert _state() == before, "a refused request changed the desk"


def _state() -> tuple:
    return (
        Article.objects.count(),
        Statement.objects.live().count(),
        Verdict.objects.count(),
        Party.objects.count(),
        Revision.objects.count(),
        list(Article.objects.values_list("byline", flat=True)),
    )
