"""An editor pastes a link into the new-article form and lands on the review page, in Chromium.

Screenshots: artifacts/ingest-1-form.png, ingest-2-refused.png, ingest-3-review.png.
"""

from __future__ import annotations

import re

import pytest
from ingest_support import HEADLINE, OUTLET, click, serving_news_site

from factcheck.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_pastes_a_link_and_reviews_the_statements(
    browser, live_server, login_as, screenshot, editor, settings
):
    page = browser.new_context(viewport={"width": 760, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    login_as(editor, on_page=page)
    page.goto(f"{live_server.url}/articles/new/")
    screenshot(page, "ingest-1-form")

    with serving_news_site() as site:
        # Off by default: the local site is a loopback address, refused with a clear message.
        settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
        click(page, page.get_by_label("Web address"))
        page.keyboard.type(site.url("/short-link"))
        page.keyboard.press("Enter")
        error = page.locator("#id_address-error")
        error.wait_for()
        assert "private or internal networks" in error.inner_text()
        assert not Article.objects.exists()
        screenshot(page, "ingest-2-refused")

        # Allowed (an intranet desk): the same address goes through.
        settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
        click(page, page.get_by_role("button", name="Add to the desk"))
        page.wait_for_url(re.compile(r".*/articles/\d+/$"))

    article = Article.objects.get()
    assert article.title == HEADLINE and article.outlet == OUTLET
    assert page.get_by_role("heading", name=HEADLINE).is_visible()
    assert page.get_by_text("fetched from 127.0.0.1").is_visible()
    assert page.locator("li.statement").count() == article.statements.count() >= 2
    assert "Ana Ruiz" in page.locator("li.statement .speaker").all_text_contents()
    screenshot(page, "ingest-3-review")
    page.context.close()
