"""The review desk driven in Debian's Chromium the way editors and reviewers use it."""

from __future__ import annotations

import re

import pytest
from django.db.models import Q
from playwright.sync_api import expect

from factcheck.models import Article, Party, Revision, Statement, Verdict
from tests.browser_support import settled
from tests.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def select_text(page, phrase: str) -> None:
    """Drag the mouse across `phrase` in the article text, as a person would."""
    box = page.evaluate(
        """(phrase) => {
            const article = document.querySelector('#article-text');
            const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(phrase);
                if (at < 0) continue;
                const first = document.createRange();
                first.setStart(node, at); first.setEnd(node, at + 1);
                const last = document.createRange();
                last.setStart(node, at + phrase.length - 1); last.setEnd(node, at + phrase.length);
                first.startContainer.parentElement.scrollIntoView({block: 'center'});
                const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
                return {x1: a.left + 1, y1: (a.top + a.bottom) / 2,
                        x2: b.right - 1, y2: (b.top + b.bottom) / 2};
            }
            return null;
        }""",
        phrase,
    )
    assert box, f"{phrase!r} is not in the article text"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, box["y2"], steps=5)
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def shot(page, name: str) -> None:
    """What the person sees in the window (a full-page capture misplaces the sticky panes)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_article(page, live_server, article: Article) -> None:
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.wait_for_selector("li.statement, .empty")


def test_editor_adds_a_statement_by_selecting_text_and_naming_a_new_speaker(
    page, live_server, login_as, demo_article, editor
):
    login_as(editor)
    open_article(page, live_server, demo_article)
    before = page.locator("li.statement").count()
    phrase = "Residents can request free testing kits at the town library"

    select_text(page, phrase)
    popover = page.get_by_role("form", name="Add statement")
    expect(popover).to_be_visible()
    expect(popover.locator("[data-quote]")).to_have_text(phrase)
    speaker = popover.get_by_role("combobox", name="Speaker")
    speaker.fill("Harbor Point Public Library")
    new_option = popover.get_by_role("option", name=re.compile("new party"))
    expect(new_option).to_be_visible()
    shot(page, "review-add-statement-popover")
    new_option.click()
    popover.get_by_label("Direct quote").uncheck()
    popover.get_by_role("button", name="Add statement").click()

    expect(page.locator("li.statement")).to_have_count(before + 1)
    statement = Statement.objects.get(article=demo_article, quote=phrase, origin="manual")
    assert statement.speaker.name == "Harbor Point Public Library"
    assert statement.origin == Statement.Origin.MANUAL
    assert demo_article.text[statement.start : statement.end] == phrase
    row = page.locator(f"#s{statement.pk}")
    expect(row).to_contain_text("Harbor Point Public Library")
    expect(row).to_have_class(re.compile("is-current"))
    marks = page.locator(f'mark.hl[data-s="{statement.pk}"], mark.hl[data-also~="{statement.pk}"]')
    expect(marks).to_have_text(phrase)
    assert Revision.objects.filter(statement=statement, action="statement_created").count() == 1

    # An existing party is found by one of its aliases as the editor types.
    select_text(page, "the mayor's office said")
    speaker = popover.get_by_role("combobox", name="Speaker")
    speaker.fill("mayor's")
    option = popover.get_by_role("option", name=re.compile("Town of Harbor Point"))
    expect(option).to_be_visible()
    speaker.press("ArrowDown")
    speaker.press("Enter")
    expect(speaker).to_have_value("Town of Harbor Point")
    popover.get_by_role("button", name="Add statement").click()
    expect(page.locator("li.statement")).to_have_count(before + 2)
    assert Party.objects.filter(name="Town of Harbor Point").count() == 1
    added = Statement.objects.get(quote="the mayor's office said", origin="manual")
    assert added.speaker.name == "Town of Harbor Point"
    shot(page, "review-statement-added")


def test_keys_work_straight_after_closing_the_key_list(
    page, live_server, login_as, demo_article, second_reviewer
):
    # Closed by Escape, the key list used to leave focus a moment on its hidden switch, where
    # the next key counted as typing: about one "j" in three was lost.
    page.set_viewport_size({"width": 420, "height": 860})
    login_as(second_reviewer)
    open_article(page, live_server, demo_article)
    expect(page.locator("html[data-desk=ready]")).to_have_count(1)
    for number in range(1, 7):
        page.keyboard.press("?")
        expect(page.get_by_role("dialog", name="Keyboard review")).to_be_visible()
        page.keyboard.press("Escape")
        page.keyboard.press("j")
        current = page.locator("li.statement.is-current .meta b")
        expect(current).to_have_text(str(number))


def test_reviewer_reviews_ten_statements_with_the_keyboard_alone(
    page, live_server, login_as, demo_article, second_reviewer
):
    login_as(second_reviewer)
    open_article(page, live_server, demo_article)
    page.locator("body").press("?")
    expect(page.get_by_role("dialog", name="Keyboard review")).to_be_visible()
    shot(page, "review-keyboard-help")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="Keyboard review")).to_be_hidden()
    # closing the key list hands the keys back to the desk (review.js blurs a control outside it)
    expect(page.locator("html[data-desk=ready]")).to_have_count(1)

    ids = [
        int(i)
        for i in page.locator("li.statement").evaluate_all("rs => rs.map(r => r.id.slice(1))")
    ]
    keys = ["1", "2", "3", "1", "1", "2", "3", "3", "1", "2"]
    expected = {"1": "confirmed", "2": "denied", "3": "disputed"}
    for number, key in enumerate(keys, 1):
        page.keyboard.press("j")
        row = page.locator("li.statement.is-current")
        expect(row.locator(".meta b")).to_have_text(str(number))  # its number
        page.keyboard.press(key)
        button = row.locator(f".vbtn-{expected[key]}")
        expect(button).to_have_attribute("aria-pressed", "true")
        if number == 4:
            # A rationale without touching the mouse: r, type, Ctrl+Enter, back to the list.
            page.keyboard.press("r")
            expect(row.get_by_label("Rationale")).to_be_focused()
            page.keyboard.type("Matches the board's filing log for March.")
            page.keyboard.press("Control+Enter")
            expect(row.locator(".rationale-preview")).to_contain_text("filing log")
            page.keyboard.press("Escape")

    given = dict(Verdict.objects.filter(reviewer=second_reviewer).values_list("statement", "value"))
    assert [given[i] for i in ids[:10]] == [expected[k] for k in keys]
    assert Verdict.objects.get(reviewer=second_reviewer, statement=ids[3]).rationale == (
        "Matches the board's filing log for March."
    )
    # A click on a highlight brings up its statement, and a click on a statement its highlight.
    mark = page.locator("mark.hl[data-label]").nth(5)
    target = mark.get_attribute("data-s")
    mark.click()
    expect(page.locator(f"#s{target}")).to_have_class(re.compile("is-current"))
    page.locator("li.statement blockquote").nth(2).click()
    third = page.locator("li.statement").nth(2).get_attribute("id")[1:]
    covering = page.locator(f'mark.hl[data-s="{third}"], mark.hl[data-also~="{third}"]')
    expect(covering.first).to_have_class(re.compile("is-current"))

    live = Statement.objects.live().filter(article=demo_article)
    reviewed = live.filter(Q(verdicts__reviewer=second_reviewer) | ~Q(final_verdict="")).distinct()
    label = f"{reviewed.count()} of {live.count()} reviewed"
    expect(page.locator("#progress")).to_contain_text(label)
    shot(page, "review-keyboard-ten")
    page.reload()
    expect(page.locator("#progress")).to_contain_text(label)


def test_blind_review_reveals_colleagues_only_after_your_verdict_and_editor_settles(
    browser, page, live_server, login_as, demo_article, editor, reviewer,
    second_reviewer,
):  # fmt: skip
    demo_article.set_blind_review(editor, True)
    statement = Statement.objects.filter(article=demo_article, final_verdict="").first()
    Verdict.objects.filter(statement=statement).delete()

    login_as(reviewer)
    open_article(page, live_server, demo_article)
    row = page.locator(f"#s{statement.pk}")
    row.get_by_role("button", name="Confirmed").click()
    expect(row.get_by_role("button", name="Confirmed")).to_have_attribute("aria-pressed", "true")

    other = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    login_as(second_reviewer, on_page=other)
    open_article(other, live_server, demo_article)
    other_row = other.locator(f"#s{statement.pk}")
    expect(other_row.locator(".blind-note")).to_contain_text("1 colleague's verdict hidden")
    expect(other_row).not_to_contain_text("Reviewer")  # the first reviewer's name stays hidden
    shot(other, "review-blind-before")
    other_row.locator("a.more").click()  # the row's rationale and tools load when asked for
    other_row.get_by_label("Rationale").fill("The board's letter of 12 June says otherwise.")
    other_row.get_by_role("button", name="Denied").click()
    expect(other_row.locator(".other")).to_contain_text("Reviewer")
    expect(other_row.locator(".other")).to_contain_text("Confirmed")
    # The rationale typed before pressing the button was saved with it.
    expect(other_row.locator(".rationale-preview")).to_contain_text("letter of 12 June")
    assert Verdict.objects.get(statement=statement, reviewer=second_reviewer).rationale == (
        "The board's letter of 12 June says otherwise."
    )
    expect(other_row.locator(".badge-disagree")).to_be_visible()
    shot(other, "review-blind-after")

    # The first reviewer's page shows the new verdict within a few seconds, without a reload.
    expect(row.locator(".other")).to_contain_text("Denied", timeout=9000)
    other.context.close()

    login_as(editor)
    open_article(page, live_server, demo_article)
    page.get_by_label("Show").select_option("disagreement")
    row = page.locator(f"#s{statement.pk}")
    expect(page.locator("li.statement")).to_have_count(1)
    expect(row.locator(".other")).to_have_count(2)
    row.locator("a.more").click()
    row.get_by_label("Denied").check()
    row.get_by_label("Note for the report").fill("The board's June letter settles it.")
    row.get_by_role("button", name="Save final verdict").click()
    expect(page.locator(f"#s{statement.pk} .final")).to_contain_text("Denied")
    statement.refresh_from_db()
    assert (statement.final_verdict, statement.final_by) == ("denied", editor)
    assert statement.final_note == "The board's June letter settles it."
    shot(page, "review-editor-final")


def test_second_save_of_the_same_statement_gets_a_conflict_not_a_silent_overwrite(
    browser, page, live_server, login_as, demo_article, editor, django_user_model
):
    from tests.conftest import make_user

    colleague = make_user(django_user_model, "editor2", "Editor")
    statement = Statement.objects.filter(article=demo_article, final_verdict="").first()

    login_as(editor)
    open_article(page, live_server, demo_article)
    other = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    login_as(colleague, on_page=other)
    open_article(other, live_server, demo_article)

    mine = page.locator(f"#s{statement.pk}")
    theirs = other.locator(f"#s{statement.pk}")
    for row in (mine, theirs):
        row.locator("a.more").click()

    theirs.get_by_label("Confirmed").check()
    theirs.get_by_label("Note for the report").fill("Filing log checked.")
    theirs.get_by_role("button", name="Save final verdict").click()
    expect(other.locator(f"#s{statement.pk} .final")).to_contain_text("Confirmed")

    mine.get_by_label("Disputed").check()
    mine.get_by_label("Note for the report").fill("Accounts conflict.")
    mine.get_by_role("button", name="Save final verdict").click()
    alert = page.locator(f"#s{statement.pk} [role=alert]")
    expect(alert).to_contain_text("Not saved")
    expect(alert).to_contain_text("Confirmed")
    expect(alert).to_contain_text("Filing log checked.")
    # The editor's own choice is still in the form, ready to save over theirs on purpose.
    expect(page.locator(f"#s{statement.pk}").get_by_label("Note for the report")).to_have_value(
        "Accounts conflict."
    )
    shot(page, "review-conflict")
    statement.refresh_from_db()
    assert (statement.final_verdict, statement.final_note) == ("confirmed", "Filing log checked.")

    page.locator(f"#s{statement.pk}").get_by_role("button", name="Save final verdict").click()
    expect(page.locator(f"#s{statement.pk} .final")).to_contain_text("Disputed")
    statement.refresh_from_db()
    assert statement.final_verdict == "disputed"
    other.context.close()


def test_editor_restores_a_statement_from_history_after_an_edit_and_a_delete(
    page, live_server, login_as, demo_article, editor
):
    statement = Statement.objects.filter(article=demo_article).order_by("position").first()
    original_speaker = statement.speaker
    login_as(editor)
    open_article(page, live_server, demo_article)
    row = page.locator(f"#s{statement.pk}")
    row.locator("a.more").click()
    row.get_by_role("link", name="Edit").click()
    speaker = row.get_by_role("combobox", name="Speaker")
    speaker.wait_for()
    settled(page)
    speaker.fill("Kowalczyk")
    row.get_by_role("option", name=re.compile("Martin Kowalczyk")).click()
    row.get_by_label("Direct quote").check()
    shot(page, "review-edit-statement")
    row.get_by_role("button", name="Save statement").click()
    expect(page.locator(f"#s{statement.pk} .speaker")).to_have_text("Martin Kowalczyk")

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#s{statement.pk} a.more").click()
    page.locator(f"#s{statement.pk}").get_by_role("button", name="Delete").click()
    expect(page.locator(".message-success")).to_contain_text("Statement deleted")
    expect(page.locator(f"#s{statement.pk}")).to_have_count(0)

    page.get_by_role("link", name="History").first.click()
    expect(page.get_by_role("heading", name="History of the article")).to_be_visible()
    shot(page, "review-article-history")
    page.locator(".change-statement_deleted").get_by_role(
        "button", name="Restore the version before this"
    ).click()
    expect(page.locator(".message-success")).to_contain_text("Restored")
    edit = page.locator(".change-statement_edited").first
    edit.get_by_role("button", name="Restore the version before this").click()
    expect(page.locator(".message-success")).to_contain_text("Restored")
    shot(page, "review-statement-history")

    statement.refresh_from_db()
    assert statement.deleted_at is None
    assert statement.speaker == original_speaker
    assert statement.direct is False
    page.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    expect(page.locator(f"#s{statement.pk} .speaker")).to_have_text(original_speaker.name)


def test_editor_assigns_statements_with_a_due_date_and_the_reviewer_comments(
    page, live_server, login_as, demo_article, editor, second_reviewer
):
    login_as(editor)
    open_article(page, live_server, demo_article)
    page.locator("#assignments summary").click()
    page.get_by_label("Reviewers", exact=True).select_option(label="Reviewer2")
    page.get_by_label("Due").fill("2026-12-01")
    page.get_by_label("Only statements").fill("1-3")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".message-success")).to_contain_text("Assigned to Reviewer2")
    page.locator("#assignments summary").click()
    expect(page.locator(".assignees")).to_contain_text("statements 1–3")
    shot(page, "review-assignments")
    assignment = second_reviewer.assignments.get(article=demo_article)
    assert assignment.statements.count() == 3
    assert str(assignment.due_on) == "2026-12-01"

    login_as(second_reviewer)
    open_article(page, live_server, demo_article)
    page.get_by_label("Show").select_option("mine")
    expect(page.locator("li.statement")).to_have_count(3)
    row = page.locator("li.statement").first
    expect(row.locator(".badge-mine")).to_have_text("Assigned to you")
    row.locator("a.more").click()
    row.locator("details.thread > summary", has_text="Comments").click()
    box = row.get_by_label("Comment")
    box.fill("The board's report is dated 14 March; see page 6.")
    row.get_by_role("button", name="Post comment").click()
    expect(row.locator(".comment")).to_contain_text("dated 14 March")
    expect(box).to_have_value("")
    shot(page, "review-comments")
