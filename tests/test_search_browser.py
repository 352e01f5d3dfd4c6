"""Live search in Debian's Chromium: results as you type, filters, and the next page."""

from __future__ import annotations

import datetime

import pytest
from search_support import article_with, party

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
COUNT = "document.querySelectorAll('#results .statement-hits > li').length"


@pytest.fixture
def archive(editor):
    board = party("State Water Quality Board", "government", aliases=["the board"])
    company = party("Brightwater Utilities", "organization", aliases=["Brightwater"])
    article_with(
        "Harbor Point plant skipped safety tests for months",
        [
            ("The plant skipped required water-quality tests for five months", board, "confirmed"),
            ("Every test was run on schedule, and every result was within limits", company, ""),
            ("There is no risk to anyone drinking this water", company, "denied"),
            ("The company can show the receipts for every water test", company, "disputed"),
        ],
        editor=editor,
        published_on=datetime.date(2026, 11, 18),
    )
    article_with(
        "Board warns of bromate levels in coastal towns",
        [
            (f"Bromate in the water at site {n} was above the limit", board, "confirmed")
            for n in range(24)
        ],
        editor=editor,
        published_on=datetime.date(2026, 10, 2),
    )
    return {"board": board, "company": company}


def test_results_appear_as_you_type_and_filters_narrow_them(
    page, live_server, login_as, screenshot, viewer, archive
):
    login_as(viewer)
    page.goto(f"{live_server.url}/search/")
    page.evaluate("window.__marker = 'same page'")
    page.get_by_role("heading", name="Search").click()
    page.keyboard.press("/")  # the shortcut puts the cursor back in the search box
    page.keyboard.type("water")
    results = page.locator("#results .statement-hits > li")
    results.first.wait_for()
    assert page.evaluate("window.__marker") == "same page"
    assert "q=water" in page.url  # the address can be shared and reloaded
    assert results.count() == 20
    assert page.locator("#results mark").first.inner_text().lower() == "water"
    assert page.locator(".hits-articles li").count() == 2

    page.get_by_label("Final verdict").select_option("denied")
    page.wait_for_function(f"() => {COUNT} === 1")
    assert "There is no risk to anyone drinking this water" in results.first.inner_text()
    assert "verdict=denied" in page.url

    page.get_by_label("Final verdict").select_option("")
    page.get_by_label("Party").fill("brightwater")
    page.get_by_label("Party").press("Enter")
    page.wait_for_function(f"() => {COUNT} === 2")  # their two statements about water
    assert page.evaluate("window.__marker") == "same page"
    screenshot(page, "search-live-filtered")

    page.get_by_label("Party").fill("Nobody We Know")
    page.get_by_label("Party").press("Enter")
    page.get_by_text("No party is called “Nobody We Know”").wait_for()


def test_the_next_page_continues_where_the_first_ended(
    page, live_server, login_as, screenshot, editor, archive
):
    login_as(editor)
    page.goto(f"{live_server.url}/search/?q=bromate")
    rows = page.locator("#results .statement-hits > li")
    first_page = rows.all_inner_texts()
    assert len(first_page) == 20
    screenshot(page, "search-results")
    page.get_by_role("link", name="Next 20 →").click()
    page.get_by_text("later results").wait_for()
    second_page = rows.all_inner_texts()
    assert len(second_page) == 4
    assert not set(first_page) & set(second_page)
    assert "after=" in page.url
