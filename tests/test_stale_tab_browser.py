"""Two tabs of one reviewer in Chromium: the stale tab's verdict button is refused, not mixed in."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from factcheck.models import Statement, Verdict
from tests.browser_support import click
from tests.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_stale_tabs_button_gets_a_conflict_and_a_second_press_replaces(
    browser, live_server, login_as, demo_article, reviewer
):
    statement = Statement.objects.filter(article=demo_article, final_verdict="").first()
    Verdict.objects.filter(statement=statement).delete()
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    stale, fresh = context.new_page(), context.new_page()
    login_as(reviewer, on_page=stale)
    for tab in (stale, fresh):
        tab.set_default_timeout(10_000)
        tab.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    # The fresh tab gives a verdict with its reasoning.
    fresh.bring_to_front()
    row = fresh.locator(f"#s{statement.pk}")
    click(fresh, row.locator("a.more"))  # the row's rationale loads when asked for
    row.get_by_label("Rationale").fill("The harbour authority's log shows it.")
    click(fresh, row.get_by_role("button", name="Confirmed"))
    expect(row.get_by_role("button", name="Confirmed")).to_have_attribute("aria-pressed", "true")

    # The stale tab, opened before, presses Denied: refused, with the saved verdict shown.
    stale.bring_to_front()
    row = stale.locator(f"#s{statement.pk}")
    click(stale, row.get_by_role("button", name="Denied"))
    alert = row.locator(".form-error")
    expect(alert).to_contain_text("Not saved")
    expect(alert).to_contain_text("harbour authority's log")
    stale.screenshot(path=str(ARTIFACTS / "stale-tab-conflict.png"))
    verdict = Verdict.objects.get(statement=statement, reviewer=reviewer)
    assert (verdict.value, verdict.rationale) == (
        "confirmed",
        "The harbour authority's log shows it.",
    )

    # Having seen it, the reviewer presses Denied again: it replaces the verdict, keeps the text.
    click(stale, row.get_by_role("button", name="Denied"))
    expect(row.get_by_role("button", name="Denied")).to_have_attribute("aria-pressed", "true")
    verdict.refresh_from_db()
    assert (verdict.value, verdict.rationale) == ("denied", "The harbour authority's log shows it.")
    context.close()
