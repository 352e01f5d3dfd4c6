"""The whole desk, as an editor and a reviewer use it on deadline, in Debian's Chromium.

The editor pastes an article, cleans up the extraction's proposals and assigns it; the reviewer
finds it first in the queue and reviews it from the keyboard; the editor settles it and opens the
report. Screenshots of each step go to artifacts/desk-*.png.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from factcheck.models import Article, Assignment, Statement, Verdict

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Harbour council denies cutting ferry safety checks"
TEXT = """The Harbour Council has denied claims that it cut safety inspections on the city's ferries to save money.

"Not a single inspection has been cancelled this year," said Maria Lindqvist, the council's head of transport, at a press conference on Tuesday.

"Good morning, everyone," Lindqvist said as she opened the briefing.

"Inspectors were told to sign off boats they never boarded," said Tom Okafor, the union's regional secretary.

Okafor said the union had documented at least 40 skipped inspections since January.

Lindqvist denied that the inspection budget had been reduced."""  # noqa: E501

# The reviewer's verdicts by keyboard (1 confirmed, 2 denied, 3 disputed), then the editor's
# final verdicts, in the order of the statements left after the clean-up.
REVIEW_KEYS = ["3", "2", "3", "1", "2"]
FINALS = ["Disputed", "Denied", "Disputed", "Confirmed", "Denied"]


def row_of(page, statement: Statement):
    return page.locator(f"#s{statement.pk}")


def test_an_article_goes_from_paste_to_published_report(
    page, browser, live_server, login_as, screenshot, editor, reviewer
):
    # Something already waiting in the reviewer's queue, due later than the new article will be.
    today = timezone.localdate()
    older = Article.objects.submit(
        raw_text='"Fares will not rise this winter," said the mayor.', title="Winter fares"
    )
    older.assign(editor, reviewer, due_on=today + datetime.timedelta(days=5))
    # Lindqvist said the same in March, and the desk denied it then.
    march = Article.objects.submit(
        raw_text='"Not a single inspection has been cancelled this year," said Maria Lindqvist.',
        title="Ferry inspections questioned in March",
    )
    march.statements.get().set_final_verdict(editor, "denied", "Two were cancelled in January.")

    # The editor pastes the article.
    login_as(editor)
    page.goto(f"{live_server.url}/articles/new/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Outlet").fill("The Harbour Courier")
    page.get_by_label("Article text").fill(TEXT)
    page.get_by_role("button", name="Add to the desk").click()
    page.wait_for_url("**/articles/*/")
    article = Article.objects.get(title=TITLE)
    found = list(article.statements.order_by("position"))
    assert len(found) == 6 and all(s.is_proposal for s in found)
    council, no_cancellations, greeting, _inspectors, documented, _budget = found
    assert page.locator("li.statement.is-proposal").count() == 6
    assert page.locator("mark.hl-proposed").count() >= 6
    speakers = page.locator("li.statement a.speaker").all_inner_texts()
    assert speakers == [
        "Harbour Council", "Maria Lindqvist", "Maria Lindqvist", "Tom Okafor", "Tom Okafor",
        "Maria Lindqvist",
    ]  # fmt: skip
    assert page.get_by_text("6 proposed by the extraction").is_visible()
    screenshot(page, "desk-1-proposals")

    # Accept the council's denial as it is.
    row_of(page, council).get_by_role("button", name="Accept").click()
    row_of(page, council).locator(".accept").wait_for(state="detached")
    page.wait_for_function(
        f"() => !document.querySelector('mark.hl-proposed[data-s=\"{council.pk}\"]')"
    )
    assert page.locator("#proposals-bar strong").inner_text() == "5"

    # Lindqvist's quote is right too: accept it from the keyboard.
    row_of(page, no_cancellations).locator("blockquote").click()
    page.keyboard.press("y")
    row_of(page, no_cancellations).locator(".accept").wait_for(state="detached")
    assert page.locator("#proposals-bar strong").inner_text() == "4"
    no_cancellations.refresh_from_db()
    assert no_cancellations.accepted_by == editor

    # The extraction took the full stop along with Okafor's claim: trim it.
    row_of(page, documented).locator("a.more").click()
    row_of(page, documented).get_by_role("link", name="Edit").click()
    ends = row_of(page, documented).get_by_label("ends at")
    ends.fill(str(documented.end - 1))
    row_of(page, documented).get_by_role("button", name="Save statement").click()
    page.wait_for_function(
        f"() => !document.querySelector('#s{documented.pk} .edit-form')"
        f" && document.querySelector('#s{documented.pk} blockquote')"
        ".textContent.trim().endsWith('January')"
    )
    documented.refresh_from_db()
    assert documented.quote.endswith("since January")

    # "Good morning, everyone" is not a claim anyone can check.
    page.once("dialog", lambda dialog: dialog.accept())
    row_of(page, greeting).locator("a.more").click()
    row_of(page, greeting).get_by_role("button", name="Delete").click()
    row_of(page, greeting).wait_for(state="detached")
    # The delete reloads the page: wait for the new one before going on.
    page.wait_for_function("() => document.querySelectorAll('li.statement').length === 5")
    page.wait_for_load_state()
    assert page.get_by_text("Statement deleted.").is_visible()
    screenshot(page, "desk-2-cleaned-up")

    # The rest look right: accept them all at once.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Accept all proposals").click()
    page.wait_for_function("() => !document.querySelector('li.statement.is-proposal')")
    assert page.locator("#proposals-bar").count() == 0
    assert page.locator("li.statement.is-proposal").count() == 0
    assert page.locator("li.statement").count() == 5
    assert "Accepted 3 proposed statements." in page.locator("#live-note").inner_text()
    assert not Statement.objects.proposals().filter(article=article).exists()

    # Assign it to the reviewer, due tomorrow.
    page.locator("#assignments > summary").click()
    page.get_by_label("Reviewers", exact=True).select_option(label="Reviewer")
    page.get_by_label("Due", exact=True).fill((today + datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Assign", exact=True).click()
    page.wait_for_url("**#assignments")
    assert Assignment.objects.get(article=article, reviewer=reviewer).due_on == (
        today + datetime.timedelta(days=1)
    )

    # The reviewer, in a browser of their own, finds it first in the queue.
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    desk = context.new_page()
    desk.set_default_timeout(10_000)
    login_as(reviewer, on_page=desk)
    desk.goto(f"{live_server.url}/")
    queue = desk.locator(".queue-item .article-link").all_inner_texts()
    assert queue == [TITLE, "Winter fares"]
    assert "Due tomorrow" in desk.locator(".queue-item").first.inner_text()
    screenshot(desk, "desk-3-reviewer-queue")
    desk.locator(".queue-item").first.get_by_role("link", name="Start").click()
    desk.wait_for_url(f"**/articles/{article.pk}/")

    # Keyboard review: j to the next statement, 1–3 for the verdict, r for a rationale.
    left = list(article.statements.live().order_by("position", "start", "id"))
    for statement, key in zip(left, REVIEW_KEYS, strict=True):
        desk.keyboard.press("j")
        desk.wait_for_function(f"() => document.activeElement.id === 's{statement.pk}'")
        desk.keyboard.press(key)
        desk.locator(f'#s{statement.pk} .vbtn[aria-pressed="true"]').wait_for()
        if statement.pk == no_cancellations.pk:
            desk.keyboard.press("r")
            desk.wait_for_function(
                "() => document.activeElement && document.activeElement.name === 'rationale'"
            )
            desk.keyboard.type("The council's own log lists two cancelled inspections in May.")
            desk.keyboard.press("Control+Enter")
            desk.locator(f"#s{statement.pk} .rationale-preview").wait_for()
            desk.locator(f"#s{statement.pk}").focus()
    assert desk.locator("#progress [data-reviewed]").inner_text() == "5"

    # Has Lindqvist's claim been checked before? Yes: denied in March.
    # (The row's tools panel is open: "r" loaded it for the rationale.)
    earlier = desk.locator(f"#s{no_cancellations.pk} details.similar-check")
    earlier.locator("summary").click()
    earlier.locator(".similar-item").wait_for()
    assert "Ferry inspections questioned in March" in earlier.inner_text()
    assert "Denied" in earlier.locator(".verdict-badge").inner_text().title()
    desk.evaluate("window.scrollTo(0, 0)")
    given = dict(Verdict.objects.filter(reviewer=reviewer).values_list("statement_id", "value"))
    assert [given[s.pk] for s in left] == ["disputed", "denied", "disputed", "confirmed", "denied"]
    assert "two cancelled inspections" in (
        Verdict.objects.get(statement=no_cancellations, reviewer=reviewer).rationale
    )
    screenshot(desk, "desk-4-reviewed")
    context.close()

    # The editor settles each statement.
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    for statement, final in zip(left, FINALS, strict=True):
        row = row_of(page, statement)
        row.locator("a.more").click()
        row.locator(".final-form").wait_for()
        row.get_by_label(final, exact=True).check()
        row.get_by_role("button", name="Save final verdict").click()
        row_of(page, statement).locator(".others .final").wait_for()
    assert page.locator(".others .final").count() == 5
    assert page.locator("#progress").inner_text().endswith("5 of 5 reviewed · 5 settled")
    assert page.locator(".article-head .status").text_content() == "Done"
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "desk-5-settled")

    # Done on the articles list.
    page.goto(f"{live_server.url}/articles/")
    listed = page.locator("tr", has=page.get_by_role("link", name=TITLE))
    assert listed.locator(".status").text_content().strip() == "Done"
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    screenshot(page, "desk-6-articles-done")

    # The report, from the Export menu, shows the final verdicts.
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**/articles/{article.pk}/")
    page.locator(".export-menu > summary").click()
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Report HTML, print-ready").click()
    report = opened.value
    report.wait_for_load_state()
    assert report.locator("h1").inner_text() == TITLE
    badges = report.locator("tr.claim .badge").all_inner_texts()
    assert [b.strip().lower() for b in badges] == [f.lower() for f in FINALS]
    assert "since January" in report.locator("tr.claim").nth(3).inner_text()
    assert "Good morning" not in report.locator(".report-statements").inner_text()
    screenshot(report, "desk-7-report")
