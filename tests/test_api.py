"""The API's behaviour: tokens, articles, statements, verdicts under blind review, parties,
exports, errors and the rate limit, through the test client against the real database."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from ingest_support import HEADLINE, serving_news_site

from factcheck.benchmarks.review import build_long_article
from factcheck.models import ApiToken, Article, Party, Revision, Statement, Verdict
from factcheck.reports import FORMATS
from tests.api_support import token_client

JSON = "application/json"


def put(client, url: str, body: dict):
    return client.put(url, body, content_type=JSON)


# Tokens -----------------------------------------------------------------------------------------


def test_only_a_hash_of_the_token_is_stored_and_it_names_its_user(api_desk, reviewer):
    token, secret = ApiToken.objects.issue(reviewer, "CMS")
    assert secret.startswith("fct_") and len(secret) > 40
    assert token.prefix == secret[:12]
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert ApiToken.objects.authenticate(secret) == token
    assert ApiToken.objects.authenticate(secret + "x") is None


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer fct_not-a-token", "Token {secret}", "Basic {secret}", "Bearer  "],
)
def test_a_missing_or_wrong_token_is_401_with_a_json_message(client, reviewer, header):
    _, secret = ApiToken.objects.issue(reviewer)
    headers = {"Authorization": header.format(secret=secret)} if header else {}
    response = client.get("/api/articles", headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "Bearer <token>" in response.json()["detail"]


def test_a_revoked_token_or_a_deactivated_user_is_refused(reviewer):
    client = token_client(reviewer)
    assert client.get("/api/articles").status_code == 200
    reviewer.is_active = False
    reviewer.save()
    assert client.get("/api/articles").status_code == 401
    reviewer.is_active = True
    reviewer.save()
    ApiToken.objects.filter(user=reviewer).delete()
    assert client.get("/api/articles").status_code == 401


def test_token_use_is_noted_in_the_same_single_write_as_the_rate_count(reviewer):
    client = token_client(reviewer)
    client.get("/api/articles")
    token = ApiToken.objects.get(user=reviewer)
    assert token.last_used_at is not None and token.window_requests == 1
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/articles")
    assert sum("UPDATE" in q["sql"] and "apitoken" in q["sql"] for q in queries) == 1


def test_token_requests_do_not_go_through_password_backends(reviewer, settings):
    # A backend that refuses everyone: token auth must not ask it (lockouts count its failures).
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "tests.test_api.RefusingBackend",
    ]
    assert token_client(reviewer).get("/api/articles").status_code == 200
    assert RefusingBackend.asked == 0


class RefusingBackend:
    asked = 0

    def authenticate(self, request, **credentials):
        RefusingBackend.asked += 1
        return None


def test_each_token_has_a_rate_limit_answered_with_429_and_retry_after(reviewer, settings):
    settings.API_RATE_LIMIT = "3/min"
    client, other = token_client(reviewer), token_client(reviewer)
    assert [client.get("/api/parties").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/api/parties")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "Too many requests" in refused.json()["detail"]
    assert other.get("/api/parties").status_code == 200  # another token, its own budget


def test_the_rate_limit_is_one_budget_whatever_process_counts_it(reviewer, settings):
    """The count is on the token's row, not in a process's memory: a request answered by another
    app server (here: a fresh token object, as another process would load) counts against it."""
    settings.API_RATE_LIMIT = "2/min"
    token, secret = ApiToken.objects.issue(reviewer, "script")
    assert token.count_request(60) == 1
    assert ApiToken.objects.get(pk=token.pk).count_request(60) == 2
    client = Client(headers={"Authorization": f"Bearer {secret}"})
    assert client.get("/api/parties").status_code == 429
    assert ApiToken.objects.get(pk=token.pk).window_requests == 3
    ApiToken.objects.filter(pk=token.pk).update(window_start=0)  # as when the minute turns
    assert client.get("/api/parties").status_code == 200


# Articles ---------------------------------------------------------------------------------------


def test_creating_an_article_runs_the_extraction_and_answers_201(api_as, editor):
    text = 'The minister said: "Unemployment fell to 3 per cent in May." Nobody else spoke.'
    response = api_as("editor").post(
        "/api/articles",
        {"title": "  Jobs   report ", "raw_text": text, "published_on": "2026-05-02"},
        content_type=JSON,
    )
    assert response.status_code == 201
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert (article.title, article.created_by, body["published_on"]) == (
        "Jobs report",
        editor,
        "2026-05-02",
    )
    assert body["statements"] and all(s["proposal"] for s in body["statements"])
    first = body["statements"][0]
    assert body["text"][first["start"] : first["end"]] == first["quote"]
    assert body["counts"]["proposals"] == len(body["statements"])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"title": "x", "raw_text": "   "}, "The article is empty"),
        ({"title": " ", "raw_text": "Text."}, "Give the article a title"),
        ({"title": "x"}, "The article is empty"),
        ({"title": "x", "raw_text": "T", "published_on": "2026-13-01"}, "published_on"),
    ],
)
def test_a_bad_new_article_is_422_with_a_message_and_saves_nothing(api_as, body, message):
    response = api_as("editor").post("/api/articles", body, content_type=JSON)
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not Article.objects.exists()


def test_an_article_from_its_url_is_fetched_and_a_bad_page_is_422(api_as, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    with serving_news_site() as site:
        response = api_as("editor").post(
            "/api/articles",
            {"url": site.url("/news/council-vote"), "outlet": "Typed outlet"},
            content_type=JSON,
        )
        assert response.status_code == 201, response.content
        article = Article.objects.defer(None).get(pk=response.json()["id"])
        assert (article.title, article.outlet) == (HEADLINE, "Typed outlet")  # given wins
        assert article.fetched_url == site.url("/news/council-vote")
        assert "<nav" in article.fetched_html and article.statements.exists()
        refused = api_as("editor").post(
            "/api/articles", {"url": site.url("/paywall")}, content_type=JSON
        )
    assert refused.status_code == 422
    assert "behind a paywall" in refused.json()["detail"]
    assert refused.json()["errors"][0]["field"] == "url"
    assert Article.objects.count() == 1


def test_an_article_too_large_is_refused(api_as, settings):
    settings.ARTICLE_MAX_BYTES = 100
    response = api_as("editor").post(
        "/api/articles", {"title": "Long", "raw_text": "word " * 50}, content_type=JSON
    )
    assert response.status_code == 422
    assert "longer than the desk accepts" in response.json()["detail"]


def test_article_read_has_statements_with_speaker_party_and_verdicts(api_as, api_desk, reviewer):
    api_desk["statement"].set_verdict(reviewer, "denied", rationale="Borrowing rose in 2019.")
    api_desk["statement"].set_final_verdict(reviewer, "denied", "Records show more in 2019.")
    body = api_as("reviewer").get(f"/api/articles/{api_desk['article'].pk}").json()
    assert body["text"] == api_desk["article"].text
    proposal, statement = body["statements"]
    assert proposal["proposal"] and not proposal["accepted"]
    assert statement["speaker"] == {
        "id": api_desk["party"].pk,
        "name": "Rita Okafor",
        "kind": "person",
    }
    assert statement["direct"] and not statement["proposal"]
    assert statement["my_verdict"]["value"] == "denied"
    assert statement["my_verdict"]["rationale"] == "Borrowing rose in 2019."
    assert statement["final_verdict"]["value"] == "denied"
    assert statement["verdicts"] == {"confirmed": 0, "denied": 1, "disputed": 0}
    assert body["counts"] == {
        "statements": 2,
        "proposals": 1,
        "settled": 1,
        "reviewed_by_me": 1,
        "verdicts": {"confirmed": 0, "denied": 1, "disputed": 0},
    }


def test_article_list_filters_like_the_search_page_and_pages_by_keyset(api_as, api_desk, reviewer):
    client = api_as("viewer")
    others = [
        Article.objects.create(title=f"Other {n}", raw_text="Text.", text="Text.") for n in range(3)
    ]
    api_desk["statement"].set_verdict(reviewer, "confirmed")
    seen, after = [], ""
    while True:
        page = client.get(f"/api/articles?limit=2{after}").json()
        seen += [a["id"] for a in page["items"]]
        if page["next_after"] is None:
            break
        after = f"&after={page['next_after']}"
    assert seen == sorted([api_desk["article"].pk, *(a.pk for a in others)], reverse=True)

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/articles?{query}")
        assert response.status_code == 200, response.content
        return [a["id"] for a in response.json()["items"]]

    assert ids("q=borrowed") == [api_desk["article"].pk]
    assert ids("party=rita okafor") == [api_desk["article"].pk]
    assert ids(f"reviewer={reviewer.pk}") == [api_desk["article"].pk]
    assert ids("status=in_review") == [api_desk["article"].pk]
    assert ids("verdict=unsettled") == [api_desk["article"].pk]
    assert ids("verdict=denied") == []
    listed = client.get("/api/articles?q=borrowed").json()["items"][0]
    assert listed["counts"] == {"statements": 2, "proposals": 1, "settled": 0}
    unknown = client.get("/api/articles?party=Nobody Known")
    assert unknown.status_code == 422
    assert "No party is called" in unknown.json()["detail"]
    backwards = client.get("/api/articles?published_from=2026-02-01&published_to=2026-01-01")
    assert backwards.status_code == 422


def test_editing_details_records_a_revision_and_keeps_the_text(api_as, api_desk):
    article = api_desk["article"]
    text = article.text
    response = api_as("editor").patch(
        f"/api/articles/{article.pk}",
        {"title": "Budget row, revisited", "published_on": "2026-03-04", "blind_review": True},
        content_type=JSON,
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert (article.title, article.published_on, article.blind_review, article.text) == (
        "Budget row, revisited",
        datetime.date(2026, 3, 4),
        True,
        text,
    )
    revision = Revision.objects.get(article=article, action=Revision.Action.ARTICLE_EDITED)
    assert revision.before == {"title": "Budget row", "published_on": None, "blind_review": False}
    bad = api_as("editor").patch(
        f"/api/articles/{article.pk}", {"url": "not a url"}, content_type=JSON
    )
    assert bad.status_code == 422 and "URL" in bad.json()["detail"]


def test_reading_an_article_of_500_statements_takes_a_fixed_number_of_queries(
    api_as, editor, reviewer
):
    client = api_as("reviewer")
    small = build_long_article(5, reviewers=[editor, reviewer], title="small")
    large = build_long_article(500, reviewers=[editor, reviewer], title="large")
    counts = []
    for article in (small, large):
        client.get(f"/api/articles/{article.pk}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/articles/{article.pk}")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 7
    assert len(response.json()["statements"]) == 500


# Statements -------------------------------------------------------------------------------------


def test_adding_a_statement_by_offsets_with_a_new_speaker(api_as, api_desk):
    client = api_as("editor")
    url = f"/api/articles/{api_desk['article'].pk}/statements"
    start = api_desk["article"].text.index("Reporting on budget row")
    body = {"start": start, "end": start + 23, "speaker_name": "The critics"}
    response = client.post(url, body, content_type=JSON)
    assert response.status_code == 201
    added = response.json()
    assert added["quote"] == "Reporting on budget row" and added["speaker"]["name"] == "The critics"
    assert not added["proposal"]
    again = client.post(url, body, content_type=JSON)
    assert again.status_code == 200 and again.json()["id"] == added["id"]
    outside = client.post(url, {"start": 5, "end": 100_000}, content_type=JSON)
    assert outside.status_code == 400
    assert "Select some text" in outside.json()["detail"]
    backwards = client.post(url, {"start": 9, "end": 3}, content_type=JSON)
    assert backwards.status_code == 422


def test_editing_a_statement_with_a_stale_version_is_409_with_the_current_one(api_as, api_desk):
    client = api_as("editor")
    statement = api_desk["statement"]
    url = f"/api/statements/{statement.pk}"
    first = client.patch(url, {"direct": False, "version": statement.version}, content_type=JSON)
    assert first.status_code == 200 and first.json()["version"] == statement.version + 1
    stale = client.patch(url, {"speaker_id": None, "version": statement.version}, content_type=JSON)
    assert stale.status_code == 409
    assert stale.json()["current"]["direct"] is False
    assert Statement.objects.get(pk=statement.pk).speaker == api_desk["party"]
    cleared = client.patch(url, {"speaker_id": None}, content_type=JSON)
    assert cleared.status_code == 200 and cleared.json()["speaker"] is None
    gone = client.patch(url, {"speaker_id": 999_999}, content_type=JSON)
    assert gone.status_code == 400 and "no longer exists" in gone.json()["detail"]


def test_accepting_and_deleting_statements(api_as, api_desk):
    client = api_as("editor")
    accepted = client.post(f"/api/statements/{api_desk['proposal'].pk}/accept")
    assert accepted.status_code == 200 and accepted.json()["accepted"]
    assert client.delete(f"/api/statements/{api_desk['statement'].pk}").status_code == 204
    assert client.delete(f"/api/statements/{api_desk['statement'].pk}").status_code == 204
    assert client.get(f"/api/statements/{api_desk['statement'].pk}").status_code == 404
    body = client.get(f"/api/articles/{api_desk['article'].pk}").json()
    assert [s["id"] for s in body["statements"]] == [api_desk["proposal"].pk]
    assert Revision.objects.filter(action=Revision.Action.STATEMENT_DELETED).count() == 1
    assert client.post(f"/api/articles/{api_desk['article'].pk}/accept-proposals").json() == {
        "accepted": 0
    }


# Verdicts ---------------------------------------------------------------------------------------


def test_a_verdict_with_rationale_and_evidence_then_a_guarded_change(api_as, api_desk, reviewer):
    client = api_as("reviewer")
    url = f"/api/statements/{api_desk['statement'].pk}/verdict"
    evidence = [{"url": "https://example.org/debt", "title": "Debt report"}]
    body = {"value": "denied", "rationale": " Debt rose. ", "evidence": evidence, "version": 0}
    saved = put(client, url, body)
    assert saved.status_code == 200
    assert saved.json() | {"updated_at": None} == {
        "statement_id": api_desk["statement"].pk,
        "reviewer": {"id": reviewer.pk, "name": "Reviewer"},
        "value": "denied",
        "rationale": "Debt rose.",
        "evidence": evidence,
        "version": 1,
        "updated_at": None,
    }
    assert put(client, url, {"value": "disputed", "version": 1}).status_code == 200
    stale = put(client, url, {"value": "confirmed", "version": 1})
    assert stale.status_code == 409
    assert stale.json()["current"]["value"] == "disputed"
    assert "changed in another window" in stale.json()["detail"]
    verdict = Verdict.objects.get(reviewer=reviewer)
    assert (verdict.value, verdict.rationale, verdict.version) == ("disputed", "Debt rose.", 2)


@pytest.mark.parametrize(
    "body",
    [
        {"value": "true"},
        {"value": ""},
        {},
        {"value": "denied", "evidence": [{"url": "javascript:alert(1)"}]},
        {"value": "denied", "evidence": "https://example.org"},
        {"value": "denied", "rationale": "x" * 5001},
        {"value": "denied", "version": -1},
    ],
)
def test_a_bad_verdict_is_422_and_saves_nothing(api_as, api_desk, body):
    response = put(api_as("reviewer"), f"/api/statements/{api_desk['statement'].pk}/verdict", body)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Invalid input.")
    assert not Verdict.objects.exists()


def test_a_version_for_a_verdict_never_given_is_a_conflict(api_as, api_desk):
    response = put(
        api_as("reviewer"),
        f"/api/statements/{api_desk['statement'].pk}/verdict",
        {"value": "denied", "version": 3},
    )
    assert response.status_code == 409 and response.json()["current"] is None
    assert not Verdict.objects.exists()


def test_blind_review_hides_colleagues_verdicts_until_you_give_yours(
    api_as, api_desk, reviewer, second_reviewer, editor
):
    article, statement = api_desk["article"], api_desk["statement"]
    article.set_blind_review(editor, True)
    statement.set_verdict(reviewer, "denied", rationale="Secret reasoning.")
    second = token_client(second_reviewer)

    row = second.get(f"/api/articles/{article.pk}").json()["statements"][1]
    assert (row["verdicts"], row["hidden_verdicts"], row["my_verdict"]) == (None, 1, None)
    listed = second.get(f"/api/statements/{statement.pk}/verdicts").json()
    assert listed == {"items": [], "hidden": 1}
    assert second.get(f"/api/articles?reviewer={reviewer.pk}").json()["items"] == []
    assert second.get(f"/api/articles/{article.pk}").json()["counts"]["verdicts"]["denied"] == 0
    assert "Secret reasoning" not in second.get(f"/api/articles/{article.pk}").content.decode()

    put(second, f"/api/statements/{statement.pk}/verdict", {"value": "confirmed"})
    row = second.get(f"/api/articles/{article.pk}").json()["statements"][1]
    assert row["verdicts"] == {"confirmed": 1, "denied": 1, "disputed": 0}
    listed = second.get(f"/api/statements/{statement.pk}/verdicts").json()
    assert [v["value"] for v in listed["items"]] == ["denied", "confirmed"] and not listed["hidden"]

    as_editor = api_as("editor").get(f"/api/statements/{statement.pk}/verdicts").json()
    assert len(as_editor["items"]) == 2
    # The reports would tell too: a viewer may not export a blind article before it is done.
    refused = api_as("viewer").get(f"/api/articles/{article.pk}/export/json")
    assert refused.status_code == 403 and "blind review" in refused.json()["detail"]


def test_final_verdict_settles_and_a_stale_version_is_409(api_as, api_desk):
    client = api_as("editor")
    statement = api_desk["statement"]
    url = f"/api/statements/{statement.pk}/final-verdict"
    settled = put(
        client, url, {"value": "denied", "note": "Per records.", "version": statement.final_version}
    )
    assert settled.status_code == 200
    assert settled.json()["final_verdict"]["value"] == "denied"
    assert settled.json()["final_verdict"]["note"] == "Per records."
    assert settled.json()["final_version"] == statement.final_version + 1
    stale = put(client, url, {"value": "confirmed", "version": statement.final_version})
    assert (
        stale.status_code == 409 and stale.json()["current"]["final_verdict"]["value"] == "denied"
    )
    assert put(client, url, {"value": ""}).json()["final_verdict"] is None
    assert put(client, url, {"value": "maybe"}).status_code == 422


@pytest.mark.django_db(transaction=True)  # a real transaction, as in production: no savepoints
def test_a_verdict_save_takes_at_most_8_queries(reviewer, editor):
    article = build_long_article(20, reviewers=[editor, reviewer])
    statement = article.statements.order_by("position")[1]
    client = token_client(reviewer)
    url = f"/api/statements/{statement.pk}/verdict"
    assert put(client, url, {"value": "denied"}).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = put(client, url, {"value": "confirmed", "rationale": "Checked."})
    assert response.status_code == 200
    statements = [q["sql"] for q in queries if q["sql"] not in ("BEGIN", "COMMIT")]
    assert len(statements) <= 8, "\n".join(statements)


# Parties, search, exports, errors -----------------------------------------------------------------


def test_party_track_record_and_merging_a_duplicate(api_as, api_desk, editor):
    api_desk["statement"].set_final_verdict(editor, "denied")
    duplicate = api_desk["duplicate"]
    start = api_desk["article"].text.index("Reporting")
    api_desk["article"].add_statement(editor, start=start, end=start + 9, speaker=duplicate)
    client = api_as("editor")
    record = client.get(f"/api/parties/{api_desk['party'].pk}").json()
    assert record["counts"] == {"confirmed": 0, "denied": 1, "disputed": 0}
    assert record["by_month"][0]["denied"] == 1
    assert record["recent_statements"][0]["quote"] == "We have never borrowed more"
    merged = client.post(
        f"/api/parties/{api_desk['party'].pk}/merge",
        {"duplicate_id": duplicate.pk},
        content_type=JSON,
    )
    assert merged.status_code == 200
    assert merged.json()["moved_statements"] == 1
    assert "R. Okafor" in merged.json()["party"]["aliases"]
    assert not Party.objects.filter(pk=duplicate.pk).exists()
    again = client.post(
        f"/api/parties/{api_desk['party'].pk}/merge",
        {"duplicate_id": duplicate.pk},
        content_type=JSON,
    )
    assert again.status_code == 422 and "does not exist" in again.json()["detail"]
    itself = client.post(
        f"/api/parties/{api_desk['party'].pk}/merge",
        {"duplicate_id": api_desk["party"].pk},
        content_type=JSON,
    )
    assert itself.status_code == 422


def test_party_directory_and_search(api_as, api_desk):
    client = api_as("viewer")
    names = [p["name"] for p in client.get("/api/parties?limit=2").json()["items"]]
    assert names == ["Jane Mayor", "R. Okafor"]
    page = client.get("/api/parties?limit=2&after=r. okafor").json()
    assert [p["name"] for p in page["items"]] == ["Rita Okafor"] and page["next_after"] is None
    assert [p["name"] for p in client.get("/api/parties?q=okafor").json()["items"]] == [
        "R. Okafor",
        "Rita Okafor",
    ]
    found = client.get("/api/search?q=borrowed").json()
    assert [s["id"] for s in found["statements"]] == [api_desk["statement"].pk]
    assert found["statements"][0]["article"]["title"] == "Budget row"
    assert client.get("/api/search?party=Nobody").status_code == 422


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_article_export_format_through_the_api(api_as, api_desk, fmt):
    response = api_as("viewer").get(f"/api/articles/{api_desk['article'].pk}/export/{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS[fmt].content_type
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body


def test_desk_export_streams_and_refuses_bad_filters(api_as, api_desk):
    client = api_as("editor")
    response = client.get("/api/exports/csv?party=Rita Okafor")
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "We have never borrowed more" in text and "The budget grew" not in text
    archive = client.get("/api/exports/json?status=draft")
    assert archive.status_code == 200 and archive.streaming
    bad = client.get("/api/exports/csv?published_from=2026-02-01&published_to=2026-01-01")
    assert bad.status_code == 422 and "end date is before the start date" in bad.json()["detail"]
    assert client.get("/api/exports/pdf").status_code == 422


def test_unknown_records_are_404_json(api_as):
    response = api_as("viewer").get("/api/articles/999999")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_the_schema_and_the_docs_page_are_served_from_our_own_files(client):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    assert schema.json()["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    docs = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "http://" not in docs and "https://" not in docs  # no CDN
    # The only inline <script> holds JSON settings, which a CSP without 'unsafe-inline' allows.
    import re

    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", docs)
    assert inline == [' type="application/json" id="swagger-settings"']
