"""Blind review in Chromium: a reviewer opens the history and reads no colleague's verdict."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests import test_blind_review as desk
from tests.browser_support import click
from tests.conftest import ARTIFACTS

# The same desk as the client tests: a blind-review article two colleagues have judged.
blind_article = desk.blind
third_reviewer = desk.third_reviewer
SECRET, EVIDENCE = desk.SECRET, desk.EVIDENCE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_opens_history_and_sees_no_colleagues_rationale(
    browser,
    live_server,
    login_as,
    blind_article,
    second_reviewer,
):
    article, statements = blind_article
    page = browser.new_context(viewport={"width": 820, "height": 900}).new_page()
    page.set_default_timeout(10_000)
    login_as(second_reviewer, on_page=page)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    row = page.locator(f"#s{statements[0].pk}")
    expect(row.locator(".blind-note")).to_contain_text("2 colleagues' verdicts hidden")

    # The row's History panel loads the statement's history into the row.
    click(page, row.locator("a.more"))  # the row's tools, history among them, load when asked
    click(page, row.locator("details.thread summary", has_text="History"))
    panel = row.locator("details.thread", has_text="History")
    expect(panel.locator(".blind-note")).to_contain_text("Blind review")
    expect(panel).not_to_contain_text(SECRET)
    expect(panel).not_to_contain_text("Confirmed")
    page.screenshot(path=str(ARTIFACTS / "blind-history-panel.png"))

    # The article's history page, reached from the link above the statements.
    click(page, page.get_by_role("link", name="History", exact=True))
    page.wait_for_url("**/history/")
    expect(page.get_by_role("heading", name="History of the article")).to_be_visible()
    expect(page.locator(".blind-note")).to_be_visible()
    body = page.locator("main")
    expect(body).not_to_contain_text(SECRET)
    expect(body).not_to_contain_text("Another colleague")
    assert EVIDENCE not in page.content()
    page.screenshot(path=str(ARTIFACTS / "blind-history-page.png"), full_page=True)
    page.context.close()
