"""Every per-article format, read back the way its reader would: a browser, a PDF reader, a
spreadsheet, a JSON validator, a CMS and Google's ClaimReview checks."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from django.urls import reverse
from pypdf import PdfReader

from factcheck.demo import article as demo
from factcheck.models import Article, Party, Statement
from factcheck.reports import article as article_report
from factcheck.reports import markdown
from factcheck.reports.spreadsheet import neutralise
from tests.export_helpers import (
    FIRST_AFFILIATION,
    FIRST_QUOTE,
    FIRST_SPEAKER,
    REPORT_URL,
    SCHEMA,
    SECOND_QUOTE,
    TITLE,
    drop_unsafe_evidence,
    seed_article,
)


@pytest.fixture
def seed(db, editor, reviewer, second_reviewer):
    return seed_article(editor, reviewer, second_reviewer)


def url(article, fmt):
    return reverse("article_export", args=[article.pk, fmt])


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- Permissions --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "pdf", "csv", "json", "md", "claimreview"])
def test_signed_out_reader_is_sent_to_login(client, demo_article, fmt):
    response = client.get(url(demo_article, fmt))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("fmt", ["html", "csv", "json"])
def test_outsider_may_not_export(client, outsider, demo_article, fmt):
    client.force_login(outsider)
    assert client.get(url(demo_article, fmt)).status_code == 403
    assert client.get(url(demo_article, fmt), headers={"HX-Request": "true"}).status_code == 403


@pytest.mark.parametrize("fmt", ["html", "csv", "json", "md", "claimreview"])
def test_viewer_may_export_every_format(client, viewer, demo_article, fmt):
    client.force_login(viewer)
    response = client.get(url(demo_article, fmt))
    assert response.status_code == 200
    assert body(response)


def test_unknown_format_is_not_found(client, viewer, demo_article):
    client.force_login(viewer)
    assert client.get(url(demo_article, "docx")).status_code == 404


def test_blind_review_stays_blind_until_done_except_for_editors(
    client, viewer, reviewer, second_reviewer, editor, demo_article
):
    Article.objects.filter(pk=demo_article.pk).update(blind_review=True)
    for user in (viewer, second_reviewer):
        client.force_login(user)
        assert client.get(url(demo_article, "json")).status_code == 403
    # The demo's reviewer gave every verdict on it, so blind review hides nothing from them.
    client.force_login(reviewer)
    assert client.get(url(demo_article, "json")).status_code == 200
    client.force_login(editor)
    assert client.get(url(demo_article, "json")).status_code == 200
    # Done: every statement settled, so blind review hides nothing any more.
    for statement in Statement.objects.filter(article=demo_article, final_verdict=""):
        statement.set_final_verdict(editor, "disputed")
    client.force_login(viewer)
    assert client.get(url(demo_article, "json")).status_code == 200


# --- HTML ---------------------------------------------------------------------------------


def test_html_report_has_summary_numbered_highlights_and_table(client, viewer, seed):
    client.force_login(viewer)
    response = client.get(url(seed, "html"))
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "inline" in response["Content-Disposition"]
    assert seed.title.replace("'", "&#x27;") in html
    assert demo.OUTLET in html
    # Summary: 2 confirmed, 1 denied, 1 disputed, the rest open.
    for value, count in [("confirmed", 2), ("denied", 1), ("disputed", 1), ("none", 10)]:
        assert f'summary-{value}"><span class="summary-count">{count}<' in html
    # Every statement is numbered in the text and has a row in the table.
    for n in range(1, 15):
        assert f'id="ref-{n}"' in html
        assert f'id="statement-{n}"' in html
    assert "2 of 2 agree" in html  # statement 1: both reviewers confirmed
    assert "1 of 2 agree" in html  # statement 12: disputed and denied
    assert FIRST_SPEAKER in html and f", {FIRST_AFFILIATION}" in html
    assert f'href="{REPORT_URL}"' in html
    assert 'href="javascript:' not in html  # a bad evidence URL is shown, never linked
    # Served from the desk it links our stylesheet (no inline styles under the CSP) ...
    assert 'href="/static/factcheck/report.css"' in html and "<style>" not in html
    # ... and a saved copy carries it, so it opens anywhere; rows are not cut across pages.
    saved = client.get(f"/articles/{seed.pk}/export/html/?download=1").content.decode()
    assert "break-inside: avoid" in saved


def test_html_report_escapes_the_article_text(client, editor, viewer):
    text = '<script>alert("x")</script> said <b>nobody</b>'
    article = Article.objects.create(
        raw_text=text, text=text, title="<i>T</i>", url="javascript:alert(2)", created_by=editor
    )
    Statement.objects.create(article=article, start=0, end=29, quote=article.text[:29])
    client.force_login(viewer)
    html = client.get(url(article, "html")).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<i>T</i>" not in html
    assert 'href="javascript:' not in html


def test_report_costs_the_same_queries_for_any_number_of_statements(
    seed, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        report = article_report.build(seed)
        [(s.evidence, s.reviewers, s.affiliation, s.settled_by) for s in report.statements]
    assert len(report.statements) == 14


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_reads_back_with_title_header_page_numbers_and_verdicts(client, viewer, seed):
    client.force_login(viewer)
    response = client.get(url(seed, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = [p.extract_text() for p in reader.pages]
    text = "\n".join(pages)
    assert len(pages) >= 2
    assert "desalination plant missed safety tests" in text
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    # The running head carries the article's title from page 2 on.
    assert "Harbor Point desalination plant" in pages[1].split("\n")[0] + pages[1]
    for word in ("CONFIRMED", "DENIED", "DISPUTED", "Statements and verdicts"):
        assert word.lower() in text.lower()
    assert SECOND_QUOTE in text.replace("\n", " ")


# --- CSV ----------------------------------------------------------------------------------


def test_csv_has_one_row_per_statement_with_the_review(client, viewer, seed):
    client.force_login(viewer)
    response = client.get(url(seed, "csv"))
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))
    assert len(rows) == 14
    first = rows[0]
    assert first["number"] == "1"
    assert first["speaker"] == FIRST_SPEAKER
    assert first["speaker_affiliation"] == FIRST_AFFILIATION
    assert first["final_verdict"] == "Confirmed"
    assert first["reviewer_count"] == "2" and first["confirmed_count"] == "2"
    assert first["agreement"] == "2 of 2 agree"
    assert first["evidence_urls"] == REPORT_URL
    assert rows[11]["final_verdict"] == "Disputed"
    assert rows[11]["agreement"] == "1 of 2 agree"
    assert "javascript:alert(1)" in rows[11]["evidence_urls"]  # kept as data, as text
    assert rows[1]["final_verdict"] == ""
    assert [r["statement_id"] for r in rows] == [
        str(s.pk) for s in seed.statements.order_by("position")
    ]


def test_csv_neutralises_formulas_in_untrusted_cells(client, editor, viewer):
    text = '=HYPERLINK("http://evil") said +1 and -2 and @SUM(A1)'
    article = Article.objects.create(
        raw_text=text, text=text, title="=cmd|' /C calc'!A0", created_by=editor
    )
    party = Party.objects.create(name="@attacker")
    Statement.objects.create(article=article, speaker=party, start=0, end=25, quote=text[:25])
    client.force_login(viewer)
    rows = list(csv.reader(io.StringIO(body(client.get(url(article, "csv"))).decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    cells = dict(zip(header, row, strict=True))
    assert cells["article_title"] == "'=cmd|' /C calc'!A0"
    assert cells["quote"] == "'" + text[:25]
    assert cells["speaker"] == "'@attacker"
    assert all(not c.startswith(("=", "+", "-", "@")) for c in row)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("a=b", "a=b"), ("", "")],
)
def test_neutralise(cell, safe):
    assert neutralise(cell) == safe


# --- JSON ---------------------------------------------------------------------------------


def test_json_export_validates_against_its_schema_and_holds_everything(client, viewer, seed):
    drop_unsafe_evidence()
    client.force_login(viewer)
    data = json.loads(body(client.get(url(seed, "json"))))
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == 1
    assert data["filters"] == {"article": seed.pk}
    assert [a["id"] for a in data["articles"]] == [seed.pk]
    assert data["articles"][0]["text"] == seed.text
    assert len(data["statements"]) == 14
    assert len(data["verdicts"]) == 8
    assert {u["username"] for u in data["users"]} == {"editor", "reviewer", "reviewer2"}
    assert data["comments"][0]["body"] == "Ask the board for the June letter."
    assert {r["action"] for r in data["revisions"]} == {"verdict", "final_verdict"}
    names = {p["name"] for p in data["parties"]}
    assert {FIRST_SPEAKER, FIRST_AFFILIATION} <= names  # a speaker brings its affiliation along
    finals = {s["final_verdict"] for s in data["statements"]}
    assert finals == {"", "confirmed", "denied", "disputed"}


def test_schema_rejects_a_broken_export(client, viewer, seed):
    client.force_login(viewer)
    data = json.loads(body(client.get(url(seed, "json"))))
    data["verdicts"][0]["value"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_report_for_the_cms(client, viewer, seed):
    client.force_login(viewer)
    md = client.get(url(seed, "md")).content.decode()
    assert md.startswith(f"# {TITLE}")
    assert "**Confirmed:** 2 · **Denied:** 1 · **Disputed:** 1 · **Not yet settled:** 10" in md
    assert f"### 1. {FIRST_SPEAKER}, {FIRST_AFFILIATION}" in md
    assert f"> {FIRST_QUOTE}" in md
    assert f"[Board's report](<{REPORT_URL}>)" in md
    assert "](<javascript:" not in md
    assert "*2 of 2 agree*" in md


def test_markdown_escapes_untrusted_text():
    assert markdown.escape("*bold* [x](javascript:1) <b>") == (
        r"\*bold\* \[x\]\(javascript:1\) \<b\>"
    )
    assert markdown.escape("1. not a list") == r"1\. not a list"


# --- ClaimReview --------------------------------------------------------------------------


def test_claimreview_has_googles_required_and_recommended_fields(client, viewer, seed, settings):
    settings.FACTCHECK_ORGANIZATION = "Coastal Fact Desk"
    settings.FACTCHECK_ORGANIZATION_URL = "https://factdesk.example"
    client.force_login(viewer)
    response = client.get(url(seed, "claimreview"))
    assert response["Content-Type"].startswith("application/ld+json")
    reviews = json.loads(response.content)
    assert len(reviews) == 4  # only statements with a final verdict
    scale = {"Confirmed": 3, "Disputed": 2, "Denied": 1}
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        # Required by Google: claimReviewed, reviewRating (with alternateName), url.
        assert review["claimReviewed"]
        assert review["url"].startswith("http://testserver/articles/")
        assert "#statement-" in review["url"]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["ratingValue"] == scale[rating["alternateName"]]
        assert rating["worstRating"] == 1 and rating["bestRating"] == 3
        # Recommended: author, datePublished, itemReviewed as a Claim with author and appearance.
        assert review["author"] == {
            "@type": "Organization",
            "name": "Coastal Fact Desk",
            "url": "https://factdesk.example",
        }
        assert len(review["datePublished"]) == 10
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["author"]["@type"] in {"Person", "Organization"}
        assert claim["author"]["name"]
        assert claim["appearance"]["url"] == demo.URL
    first = reviews[0]
    assert first["claimReviewed"] == FIRST_QUOTE
    assert first["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": FIRST_SPEAKER,
        "affiliation": {"@type": "Organization", "name": FIRST_AFFILIATION},
    }
    town = reviews[1]["itemReviewed"]["author"]
    assert town["@type"] == "Organization"
    assert town["name"] == "Town of Harbor Point"


def test_an_article_without_statements_still_reports(client, editor, viewer):
    text = "A quiet day at the harbour."
    article = Article.objects.create(
        raw_text=text, text=text, title="Nothing said", created_by=editor
    )
    client.force_login(viewer)
    assert "No statements have been recorded" in client.get(url(article, "html")).content.decode()
    assert "No statements have been recorded" in client.get(url(article, "md")).content.decode()
    assert json.loads(client.get(url(article, "claimreview")).content) == []
    rows = list(csv.reader(io.StringIO(body(client.get(url(article, "csv"))).decode("utf-8-sig"))))
    assert len(rows) == 1  # the header alone
    assert client.get(url(article, "pdf")).content.startswith(b"%PDF")


def test_report_opened_from_the_desk_has_a_toolbar_and_the_saved_copy_does_not(
    client, viewer, demo_article
):
    client.force_login(viewer)
    shown = client.get(url(demo_article, "html"))
    assert 'class="report-tools"' in shown.content.decode()
    assert f'href="{demo_article.get_absolute_url()}"' in shown.content.decode()
    saved = client.get(url(demo_article, "html"), {"download": "1"})
    assert saved["Content-Disposition"].startswith("attachment;")
    assert 'class="report-tools"' not in saved.content.decode()


def test_export_menu_shows_where_the_reader_may_export(client, viewer, editor, demo_article):
    client.force_login(viewer)
    page = client.get(demo_article.get_absolute_url()).content.decode()
    assert url(demo_article, "pdf") in page
    Article.objects.filter(pk=demo_article.pk).update(blind_review=True)
    assert (
        url(demo_article, "pdf") not in client.get(demo_article.get_absolute_url()).content.decode()
    )
    client.force_login(editor)
    assert url(demo_article, "pdf") in client.get(demo_article.get_absolute_url()).content.decode()
