"""Giving a verdict: the HTMX fragment, the plain-form fallback, and bad input."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from factcheck.models import Article, Statement, Verdict

pytestmark = pytest.mark.django_db


def test_an_htmx_verdict_returns_the_statements_verdict_block_only(client, reviewer, demo_article):
    # The review desk (issue 4) answers with the row's verdict block, not the whole row, so
    # whatever else is open in the row (comments, a final-verdict form) keeps its state.
    statement = demo_article.statements.order_by("position")[3]
    client.force_login(reviewer)
    response = client.post(
        reverse("statement_verdict", args=[demo_article.pk, statement.pk]),
        {"value": "disputed", "number": "4", "version": "0"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    version = Verdict.objects.get(statement=statement, reviewer=reviewer).version
    # The row's buttons (drawn from this by review.js) and what others decided, out of band.
    assert body.lstrip().startswith(
        f'<div class="verdict-buttons" data-version="{version}" data-mine="disputed" '
        f'hx-swap-oob="outerHTML:#s{statement.pk} .verdict-buttons"></div>'
        f'<div class="others" hx-swap-oob="outerHTML:#s{statement.pk} .others">'
    )
    assert body.count("data-mine=") == 1
    event = json.loads(response["HX-Trigger"])["verdict-saved"]
    assert (event["statement"], event["value"]) == (statement.pk, "disputed")
    assert Verdict.objects.get(statement=statement, reviewer=reviewer).value == "disputed"


def test_without_javascript_a_verdict_posts_and_redirects_to_the_statement(
    client, reviewer, demo_article
):
    statement = demo_article.statements.order_by("position")[4]
    client.force_login(reviewer)
    response = client.post(
        reverse("statement_verdict", args=[demo_article.pk, statement.pk]),
        {"value": "denied", "version": "0"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/articles/{demo_article.pk}/#s{statement.pk}"
    assert Verdict.objects.get(statement=statement, reviewer=reviewer).value == "denied"


@pytest.mark.parametrize("value", ["", "true", "confirmed'; drop table", None])
def test_an_unknown_verdict_changes_nothing(client, reviewer, demo_article, value):
    statement = demo_article.statements.order_by("position")[4]
    client.force_login(reviewer)
    data = {} if value is None else {"value": value}
    response = client.post(
        reverse("statement_verdict", args=[demo_article.pk, statement.pk]),
        data,
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert not Verdict.objects.filter(statement=statement, reviewer=reviewer).exists()


def test_a_deleted_statement_takes_no_verdict(client, reviewer, demo_article):
    from django.utils import timezone

    statement = demo_article.statements.order_by("position")[4]
    Statement.objects.filter(pk=statement.pk).update(deleted_at=timezone.now())
    client.force_login(reviewer)
    url = reverse("statement_verdict", args=[demo_article.pk, statement.pk])
    assert client.post(url, {"value": "denied"}).status_code == 404


def test_the_article_page_takes_the_same_queries_for_few_or_many_statements(
    client, reviewer, demo_article, django_assert_max_num_queries, settings
):
    from factcheck.management.commands.generate_data import Command

    settings.DEBUG = True  # generate_data refuses to run on a production desk

    client.force_login(reviewer)
    client.get(demo_article.get_absolute_url())  # warm the permission cache of the session
    # The review desk's page budget (issue 4) is 15 queries whatever the number of statements.
    with django_assert_max_num_queries(15):
        small = client.get(demo_article.get_absolute_url())
    Command().handle(articles=1, statements=300, parties=20, reviewers=2, seed=3)
    from factcheck.models import Article

    big = Article.objects.order_by("-id").first()
    with django_assert_max_num_queries(15):
        response = client.get(big.get_absolute_url())
    assert small.status_code == response.status_code == 200
    assert response.content.decode().count('class="statement ') == 300


def test_article_text_is_escaped_not_rendered(client, editor):
    from factcheck.models import Article

    article = Article.objects.submit(
        raw_text='<script>alert("x")</script> The minister said <b>nothing</b>.',
        title="<i>Tricky</i>",
        created_by=editor,
    )
    start = article.text.index("<b>")
    Statement.objects.create(article=article, start=start, end=start + 14, quote="<b>nothing</b>")
    client.force_login(editor)
    body = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body
    assert "<b>nothing</b>" not in body
    assert "<i>Tricky</i>" not in body


def test_a_highlight_shows_the_final_verdict_else_the_viewers_own_never_a_colleagues(
    client, editor, reviewer, second_reviewer
):
    text = "The mayor said the bridge would open in June. The council said it would not."
    article = Article.objects.create(title="Bridge", raw_text=text, text=text, blind_review=True)
    first, second = (
        Statement.objects.create(article=article, start=a, end=b, quote=text[a:b], position=n)
        for n, (a, b) in enumerate([(0, 45), (46, len(text))])
    )
    assert first.shade_for() == "none" and first.shade_for("denied") == "denied"
    first.set_verdict(second_reviewer, "confirmed")  # a colleague's, hidden from the reviewer
    second.set_verdict(reviewer, "disputed")
    second.set_final_verdict(editor, "denied")
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.shade_for("disputed") == "denied"  # the final verdict wins

    client.force_login(reviewer)
    html = client.get(article.get_absolute_url()).content.decode()
    marks = re.findall(r'<mark class="hl v-(\w+)[^"]*" data-s="(\d+)"', html)
    rows = re.findall(r'<li class="statement v-(\w+)[^"]*" id="s(\d+)"', html)
    assert (
        {pk: v for v, pk in marks}
        == {pk: v for v, pk in rows}
        == {
            str(first.pk): "none",
            str(second.pk): "denied",
        }
    )
    first.set_verdict(reviewer, "denied")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'v-denied hl-proposed" data-s="{first.pk}"' in html  # now the reviewer's own
