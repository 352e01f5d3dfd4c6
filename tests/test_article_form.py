"""An editor pastes or uploads an article; bad input gets a clear message and saves nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def post(client, **data):
    fields = {"title": "Council vote", "outlet": "The Ledger", "raw_text": ""}
    fields.update(data)
    return client.post(reverse("article_new"), fields)


def test_an_editor_pastes_an_article_and_lands_on_it(editor_client, editor):
    response = post(editor_client, raw_text='"We will vote no," the mayor said.\r\n\r\nMore text.')
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert article.raw_text == '"We will vote no," the mayor said.\r\n\r\nMore text.'
    assert article.created_by == editor
    assert article.status == Article.Status.DRAFT


def test_an_uploaded_text_file_is_read(editor_client):
    upload = SimpleUploadedFile("story.txt", "Caf\u00e9 owners said rents doubled.".encode())
    response = post(editor_client, upload=upload)
    assert response.status_code == 302
    assert "Café owners" in Article.objects.get().text


def test_a_file_in_another_encoding_is_still_read(editor_client):
    upload = SimpleUploadedFile(
        "story.txt", "Caf\u00e9 owners said rents doubled.".encode("cp1252")
    )
    assert post(editor_client, upload=upload).status_code == 302
    assert "Café owners" in Article.objects.get().text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"raw_text": ""}, "The article is empty"),
        ({"raw_text": "   \n\t  "}, "The article is empty"),
        ({"raw_text": "Some text", "title": "   "}, "Give the article a title"),
        ({"raw_text": "Some text", "title": "x" * 301}, "at most 300 characters"),
        ({"raw_text": "Some text", "url": "not a url"}, "Enter a valid URL"),
        ({"raw_text": "Some text", "published_on": "31/31/2026"}, "Enter a valid date"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(editor_client, data, message):
    response = post(editor_client, **data)
    assert response.status_code == 400  # like every other form of the desk
    assert message in response.content.decode()
    assert not Article.objects.exists()


def test_an_article_over_the_size_limit_is_refused(editor_client, settings):
    settings.ARTICLE_MAX_BYTES = 1000
    response = post(editor_client, raw_text="word " * 400)
    assert "longer than the desk accepts" in response.content.decode()
    assert not Article.objects.exists()


def test_a_binary_upload_is_refused(editor_client):
    upload = SimpleUploadedFile("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    response = post(editor_client, upload=upload)
    assert "not text" in response.content.decode()
    assert not Article.objects.exists()
