"""One URL-safety rule (factcheck.links.safe_href) for every link the desk shows or exports."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from factcheck.links import safe_href
from factcheck.models import Revision, Verdict
from factcheck.reports import claimreview
from factcheck.reports.article import build
from factcheck.views.review.page import evidence_of

HOSTILE = [
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "//evil.example/x",
    "https://",
    "https:evil",
    "http://[::1",
    "",
    None,
    42,
    ["https://e.org"],
]


@pytest.mark.parametrize("url", HOSTILE)
def test_anything_but_an_http_link_with_a_host_is_not_a_link(url):
    assert safe_href(url) == ""


@pytest.mark.parametrize("url", ["https://e.org/a?b=1#c", "http://e.org", "HTTPS://E.ORG/x"])
def test_http_links_stay_links(url):
    assert safe_href(url) == url


def _hostile_verdict(statement, reviewer) -> None:
    statement.set_verdict(
        reviewer,
        "denied",
        rationale="see links",
        evidence=[
            {"url": "javascript:alert(2)", "title": "bad link"},
            {"url": "https://e.org/ok", "title": "good link"},
        ],
    )


def test_history_shows_a_javascript_address_as_text(client, editor, reviewer, demo_article):
    statement = demo_article.statements.first()
    _hostile_verdict(statement, reviewer)
    assert Revision.objects.filter(statement=statement, action="verdict").exists()
    client.force_login(editor)
    for path in [
        f"/articles/{demo_article.pk}/statements/{statement.pk}/history/",
        f"/articles/{demo_article.pk}/history/",
    ]:
        html = client.get(path).content.decode()
        assert "bad link" in html
        assert 'href="javascript:' not in html
        assert 'href="https://e.org/ok"' in html


def test_the_conflict_message_shows_a_javascript_address_as_text(reviewer, demo_article):
    statement = demo_article.statements.first()
    _hostile_verdict(statement, reviewer)
    conflict = Verdict.objects.get(statement=statement)
    html = render_to_string(  # with the context the verdict view gives it
        "review/verdict_error.html",
        {
            "verdict_error": "Changed",
            "conflict": conflict,
            "conflict_evidence": evidence_of(conflict.evidence),
        },
    )
    assert "bad link" in html and 'href="javascript:' not in html
    assert 'href="https://e.org/ok"' in html


def test_claimreview_leaves_out_an_article_address_that_is_not_a_link(
    editor, reviewer, demo_article
):
    statement = demo_article.statements.first()
    statement.set_final_verdict(editor, "confirmed", note="")
    demo_article.url = "javascript:alert(1)"
    demo_article.save()
    reviews = claimreview.render(build(demo_article), report_url="https://d.example/r")
    assert reviews and "url" not in reviews[0]["itemReviewed"]["appearance"]
    demo_article.url = "https://news.example/story"
    demo_article.save()
    reviews = claimreview.render(build(demo_article), report_url="https://d.example/r")
    assert reviews[0]["itemReviewed"]["appearance"]["url"] == "https://news.example/story"


def test_more_than_twenty_evidence_links_are_refused(client, reviewer, demo_article):
    statement = demo_article.statements.first()
    Verdict.objects.filter(statement=statement).delete()
    client.force_login(reviewer)
    lines = "\n".join(f"https://e.org/{n} Source {n}" for n in range(21))
    response = client.post(
        f"/articles/{demo_article.pk}/statements/{statement.pk}/verdict/",
        {"value": "denied", "detailed": "on", "version": "0", "evidence": lines},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert "Give up to 20 evidence links (21 given)" in response.content.decode()
    assert not Verdict.objects.filter(statement=statement).exists()
