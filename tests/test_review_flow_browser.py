"""The reviewer's first flow, in Debian's Chromium: sign in, open an article, give verdicts."""

from __future__ import annotations

import pytest

from factcheck.models import Verdict

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_sets_a_verdict_in_place_without_reloading(
    page, live_server, login_as, screenshot, demo_article, reviewer
):
    login_as(reviewer)
    page.goto(f"{live_server.url}/articles/")
    page.get_by_role("link", name=demo_article.title).click()
    page.wait_for_url(f"**/articles/{demo_article.pk}/")
    page.evaluate("window.__marker = 'same page'")

    rows = page.locator("li.statement")
    row = rows.nth(3)
    confirmed = row.get_by_role("button", name="Confirmed")
    assert confirmed.get_attribute("aria-pressed") == "false"
    confirmed.click()
    row = page.locator("li.statement").nth(3)
    pressed = row.get_by_role("button", name="Confirmed")
    pressed.wait_for(state="attached")
    page.wait_for_function(
        "() => document.querySelectorAll('li.statement')[3]"
        ".querySelector('.vbtn-confirmed').getAttribute('aria-pressed') === 'true'"
    )
    assert page.evaluate("window.__marker") == "same page"
    statement_id = int(row.get_attribute("id")[1:])
    assert Verdict.objects.get(statement_id=statement_id, reviewer=reviewer).value == "confirmed"
    mark = page.locator(f'mark.hl[data-s="{statement_id}"]').first
    assert "v-confirmed" in mark.get_attribute("class")

    row.get_by_role("button", name="Disputed").click()
    page.wait_for_function(
        "() => document.querySelectorAll('li.statement')[3]"
        ".querySelector('.vbtn-disputed').getAttribute('aria-pressed') === 'true'"
    )
    assert Verdict.objects.get(statement_id=statement_id, reviewer=reviewer).value == "disputed"
    assert page.evaluate("window.__marker") == "same page"
    screenshot(page, "review-article")


def test_viewer_sees_no_enabled_verdict_control(page, live_server, login_as, demo_article, viewer):
    login_as(viewer)
    page.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    buttons = page.locator(".verdict-buttons button")
    assert buttons.count() > 0
    for i in range(buttons.count()):
        assert buttons.nth(i).is_disabled()


def test_editor_pastes_an_article_and_sees_it_on_the_desk(
    page, live_server, login_as, screenshot, editor
):
    login_as(editor)
    page.goto(f"{live_server.url}/articles/")
    screenshot(page, "articles-empty")
    page.get_by_role("link", name="New article", exact=True).first.click()
    page.get_by_label("Title").fill("Port expansion will create 2,000 jobs, minister says")
    page.get_by_label("Outlet").fill("The Harbour Courier")
    page.get_by_role("button", name="Add to the desk").click()
    assert page.get_by_text("The article is empty").is_visible()
    screenshot(page, "article-new-error")
    page.get_by_label("Article text").fill(
        'The port will "create two thousand jobs by 2028," the minister said on Friday.\n\n'
        "Unions disputed the figure."
    )
    page.get_by_role("button", name="Add to the desk").click()
    page.wait_for_url("**/articles/*/")
    assert page.get_by_role("heading", name="Port expansion will create 2,000 jobs").is_visible()
    assert page.get_by_text("is on the desk").is_visible()
    page.goto(f"{live_server.url}/articles/")
    assert page.get_by_role("link", name="Port expansion will create 2,000 jobs").is_visible()
    screenshot(page, "articles-list")
