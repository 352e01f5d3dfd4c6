"""The front page for a reviewer and for an editor, in Debian's Chromium."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from search_support import article_with, party

from factcheck.models import Assignment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def assignments(editor, reviewer, second_reviewer):
    speaker = party("Martin Kowalczyk")
    today = timezone.localdate()
    made = []
    for n, (title, due) in enumerate(
        [
            ("Water board report disputed by operator", -2),
            ("Council budget row over school repairs", 0),
            ("Port authority denies cargo figures", 4),
        ]
    ):
        article, statements = article_with(
            title, [(f"Claim {k} in story {n}", speaker, "") for k in range(5)], editor=editor
        )
        made.append(
            Assignment.objects.create(
                article=article,
                reviewer=reviewer,
                due_on=today + datetime.timedelta(days=due),
                assigned_by=editor,
            )
        )
        for statement in statements[: n + 1]:
            statement.set_verdict(reviewer, ["confirmed", "denied", "disputed"][n])
            statement.set_verdict(second_reviewer, "confirmed")
    return made


def test_a_reviewer_starts_from_their_queue(
    page, live_server, login_as, screenshot, reviewer, assignments
):
    login_as(reviewer)
    page.goto(f"{live_server.url}/")
    items = page.locator(".queue-item")
    assert items.count() == 3
    assert "Overdue since" in items.nth(0).inner_text()
    assert "Due today" in items.nth(1).inner_text()
    assert "1 of 5 statements" in items.nth(0).inner_text()
    screenshot(page, "dashboard-reviewer")
    items.nth(1).get_by_role("link", name="Continue").click()
    page.wait_for_url(f"**{assignments[1].article.get_absolute_url()}")


def test_an_editor_sees_where_the_work_stands(
    page, live_server, login_as, screenshot, editor, assignments
):
    login_as(editor)
    page.goto(f"{live_server.url}/")
    assert page.get_by_role("heading", name="The desk").is_visible()
    overdue = page.locator("table.overdue tbody tr")
    assert overdue.count() == 1 and "2 days" in overdue.first.inner_text()
    assert page.locator("svg#week desc").text_content() == "Confirmed: 7; Denied: 2; Disputed: 3"
    assert "Reviewer" in page.locator("svg#throughput desc").text_content()
    assert page.locator(".review-list li").count() == 3
    screenshot(page, "dashboard-editor")
