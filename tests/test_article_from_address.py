"""An editor gives only a web address: the desk fetches the page and the article lands on the desk
with its metadata and proposed statements; a failed fetch is a form error and saves nothing."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from ingest_support import BYLINE, CANONICAL, HEADLINE, OUTLET, serving_news_site

from factcheck.forms import ArticleForm
from factcheck.models import Article, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_site(settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    with serving_news_site() as site:
        yield site


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def post(client, **data):
    return client.post(reverse("article_new"), {"raw_text": "", **data})


def test_an_address_alone_puts_the_article_on_the_desk(editor_client, editor, news_site):
    response = post(editor_client, address=news_site.url("/short-link"))
    article = Article.objects.defer(None).get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert (article.title, article.outlet, article.byline) == (HEADLINE, OUTLET, BYLINE)
    assert article.published_on == datetime.date(2026, 11, 17)
    assert article.url == CANONICAL
    assert article.fetched_url == news_site.url("/news/council-vote")
    assert "<nav" in article.fetched_html and "Subscribe for 1 euro" in article.fetched_html
    assert article.text.startswith("The city council voted 7 to 4")
    assert "Subscribe" not in article.text and "Most read" not in article.text
    assert article.created_by == editor
    quotes = list(Statement.objects.filter(article=article).values_list("quote", flat=True))
    assert any("We will not raise the levy" in q for q in quotes)
    page = editor_client.get(response["Location"])
    assert "fetched from 127.0.0.1" in page.content.decode()


def test_what_the_editor_typed_wins_over_the_page(editor_client, news_site):
    post(
        editor_client,
        address=news_site.url("/news/council-vote"),
        title="Levy frozen",
        byline="M. Keane and staff",
        published_on="2026-11-18",
    )
    article = Article.objects.get()
    assert (article.title, article.byline) == ("Levy frozen", "M. Keane and staff")
    assert article.published_on == datetime.date(2026, 11, 18)
    assert article.outlet == OUTLET


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/empty", "has no article text the desk could find"),
        ("/report.pdf", "not a web page"),
        ("/paywall", "behind a paywall"),
        ("/gone", "has no page at that address"),
    ],
)
def test_a_failed_fetch_is_a_form_error_and_saves_nothing(editor_client, news_site, path, message):
    response = post(editor_client, address=news_site.url(path), title="Kept as typed")
    assert response.status_code != 302
    body = response.content.decode()
    assert message in body
    assert 'value="Kept as typed"' in body
    assert not Article.objects.exists()


def test_a_loopback_address_is_refused_by_default(editor_client, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    with serving_news_site() as site:
        response = post(editor_client, address=site.url("/news/council-vote"))
    assert "does not fetch pages from private or internal networks" in response.content.decode()
    assert not Article.objects.exists()


def test_an_address_and_pasted_text_together_are_refused(editor_client, news_site):
    response = post(
        editor_client, address=news_site.url("/news/council-vote"), raw_text="Some text."
    )
    assert "Give the web address or the article&#x27;s text, not both" in response.content.decode()
    assert not Article.objects.exists()


def test_text_without_a_title_still_asks_for_one(editor_client):
    response = post(editor_client, raw_text="The mayor said no.")
    assert "Give the article a title." in response.content.decode()
    assert not Article.objects.exists()


def test_the_form_offers_address_text_and_upload(editor_client):
    body = editor_client.get(reverse("article_new")).content.decode()
    places = [body.index(f'name="{name}"') for name in ("address", "raw_text", "upload")]
    assert places == sorted(places)
    assert "one of the three" in body


def test_the_form_without_a_request_makes_an_article_from_an_address(news_site, editor):
    """As the JSON API uses it: the form's cleaned data is exactly what submit takes."""
    form = ArticleForm({"address": news_site.url("/news/council-vote"), "outlet": "Ledger"})
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data) - set(form.article_fields()) == {"upload"}
    article = Article.objects.submit(created_by=editor, **form.article_fields())
    assert (article.title, article.outlet) == (HEADLINE, "Ledger")
    assert article.statements.exists()


def test_a_link_pasted_as_the_text_is_fetched(editor_client, news_site):
    response = post(editor_client, raw_text=f"  {news_site.url('/news/council-vote')}\n")
    assert response.status_code == 302
    assert Article.objects.get().title == HEADLINE


def test_a_pasted_link_that_fails_says_so_under_the_text(editor_client, news_site):
    response = post(editor_client, raw_text=news_site.url("/empty"), title="Live blog")
    assert 'id="id_raw_text-error"' in response.content.decode()
    assert "has no article text the desk could find" in response.content.decode()
    assert not Article.objects.exists()
