"""The review desk as people drive it: a mouse that clicks wherever a verdict button is, on a wide
screen and a narrow one, and a keyboard whose single-key shortcuts can be turned off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from factcheck.benchmarks.review import build_long_article
from factcheck.models import Statement, Verdict
from tests.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": (1440, 900), "narrow": (800, 700)}


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def wheel_into_view(page, target) -> dict:
    """Scroll with the mouse wheel, over the statement list, until `target` is well inside the
    window and nothing (a sticky header) covers its centre; its box then."""
    height = page.viewport_size["height"]
    for _ in range(300):
        box = target.bounding_box()
        head = page.locator(".statements-head").bounding_box()
        top = max(80, head["y"] + head["height"] + 10 if head else 80)
        if box and top < box["y"] and box["y"] + box["height"] < height - 30:
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            covered = page.evaluate(
                "([x, y]) => document.elementFromPoint(x, y).closest('button')?.value || ''",
                [x, y],
            )
            if covered == target.get_attribute("value"):
                return box
        panel = page.locator("#statement-panel").bounding_box()
        page.mouse.move(panel["x"] + panel["width"] / 2, height / 2)
        down = not box or box["y"] > height / 2
        page.mouse.wheel(0, 250 if down else -250)
        page.wait_for_timeout(30)
    raise AssertionError("the wheel never brought the button into view")


@pytest.mark.parametrize("size", SIZES)
def test_a_mouse_click_on_a_verdict_button_far_down_the_list_saves_it_first_time(
    browser, live_server, login_as, reviewer, size
):
    article = build_long_article(120, title="A long article")
    rows = list(Statement.objects.filter(article=article).order_by("position"))
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(10_000)
    login_as(reviewer, on_page=page)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    wanted = [(rows[30], "denied"), (rows[71], "confirmed"), (rows[104], "disputed"),
              (rows[119], "denied"), (rows[52], "disputed")]  # fmt: skip
    for statement, value in wanted:
        button = page.locator(f"#s{statement.pk} .vbtn-{value}")
        box = wheel_into_view(page, button)
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        # A real click, in two halves: whatever focus does on mousedown must not move the
        # button out from under the pointer before mouseup.
        page.mouse.move(x, y)
        page.mouse.down()
        after = button.bounding_box()
        assert (round(after["x"]), round(after["y"])) == (round(box["x"]), round(box["y"]))
        page.mouse.up()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(page.locator("#desk-said")).to_contain_text(value.title())
    shot(page, f"review-mouse-{size}")
    given = dict(Verdict.objects.filter(reviewer=reviewer).values_list("statement_id", "value"))
    assert given == {s.pk: v for s, v in wanted}
    assert page.locator("#progress [data-reviewed]").inner_text() == str(len(wanted))
    context.close()


def test_shortcuts_can_be_turned_off_and_never_act_in_a_text_field(
    page, live_server, login_as, reviewer, demo_article
):
    Verdict.objects.filter(reviewer=reviewer).delete()
    first = demo_article.statements.live().order_by("position", "start", "id").first()
    login_as(reviewer)
    page.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    page.wait_for_selector("html[data-desk=ready]")

    # Turned off from the help, with the keyboard alone.
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard review")
    switch = dialog.get_by_label("Single-key shortcuts")
    expect(switch).to_be_focused()
    expect(switch).to_be_checked()
    with page.expect_response(re.compile("/accounts/preferences/shortcuts/")):  # saved for the user
        page.keyboard.press("Space")
    expect(switch).not_to_be_checked()
    shot(page, "review-shortcuts-help")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator(".vbtn-confirmed").first).not_to_contain_text("1")
    page.keyboard.press("j")
    page.keyboard.press("1")
    page.wait_for_timeout(300)
    expect(page.locator("li.statement.is-current")).to_have_count(0)
    assert not Verdict.objects.filter(reviewer=reviewer).exists()

    # The choice outlives the page; turned back on, j and 1 review again.
    page.reload()
    page.wait_for_selector("html[data-desk=ready]")
    page.keyboard.press("j")
    assert not page.locator("li.statement.is-current").count()
    page.keyboard.press("?")
    expect(switch).to_be_focused()
    expect(switch).not_to_be_checked()
    with page.expect_response(re.compile("/accounts/preferences/shortcuts/")):
        page.keyboard.press("Space")
    expect(switch).to_be_checked()
    page.keyboard.press("Escape")
    # Chromium closes a dialog on Escape, and gives focus back, a moment later.
    expect(dialog).to_be_hidden()
    page.wait_for_function("() => document.activeElement.id !== 'shortcuts-on'")
    page.keyboard.press("j")
    row = page.locator(f"#s{first.pk}")
    expect(row).to_have_class(re.compile("is-current"))
    expect(row).to_be_focused()
    page.keyboard.press("1")
    expect(row.locator(".vbtn-confirmed")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#desk-said")).to_have_text(
        f"Saved: Confirmed, statement by {first.speaker.name}."
    )
    assert Verdict.objects.get(statement=first, reviewer=reviewer).value == "confirmed"

    # In a text field the same keys are text: "r" opens the rationale, "2" and "j" are typed.
    page.keyboard.press("r")
    box = row.get_by_label("Rationale")
    expect(box).to_be_focused()
    page.keyboard.type("j2k3 per cent")
    expect(box).to_have_value("j2k3 per cent")
    assert Verdict.objects.get(statement=first, reviewer=reviewer).value == "confirmed"
    expect(row).to_have_class(re.compile("is-current"))
    page.keyboard.press("Control+Enter")
    expect(row.locator(".rationale-preview")).to_contain_text("j2k3 per cent")
    page.keyboard.press("Escape")
    expect(row).to_be_focused()
    page.keyboard.press("j")
    expect(row).not_to_have_class(re.compile("is-current"))
    shot(page, "review-keyboard-only")


def test_a_remapped_key_gives_the_verdict_and_the_old_key_does_nothing(
    page, live_server, login_as, reviewer, demo_article
):
    Verdict.objects.filter(reviewer=reviewer).delete()
    first, second = demo_article.statements.live().order_by("position", "start", "id")[:2]
    login_as(reviewer)
    page.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    page.wait_for_selector("html[data-desk=ready]")
    page.keyboard.press("?")
    page.get_by_role("dialog", name="Keyboard review").get_by_role(
        "link", name="Change the keys"
    ).click()
    confirmed = page.get_by_label("Confirmed", exact=True)
    expect(confirmed).to_have_value("1")
    confirmed.fill("8")
    shot(page, "review-keyboard-preferences")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message-success")).to_contain_text("Keyboard preferences saved")
    assert page.url.endswith(demo_article.get_absolute_url())  # back on the article

    page.reload()
    page.wait_for_selector("html[data-desk=ready]")
    page.keyboard.press("j")
    row = page.locator(f"#s{first.pk}")
    expect(row).to_be_focused()
    expect(row.locator(".vbtn-confirmed")).to_have_text(re.compile("Confirmed"))
    # The button shows the new key beside its label.
    hint = row.locator(".vbtn-confirmed").evaluate("b => getComputedStyle(b, '::after').content")
    assert "8" in hint
    page.keyboard.press("8")
    expect(row.locator(".vbtn-confirmed")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#desk-said")).to_contain_text("Saved: Confirmed")
    page.keyboard.press("j")
    expect(page.locator(f"#s{second.pk}")).to_be_focused()
    page.keyboard.press("1")  # the old key: nothing
    page.wait_for_timeout(500)
    assert dict(Verdict.objects.filter(reviewer=reviewer).values_list("statement_id", "value")) == {
        first.pk: "confirmed"
    }
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard review")
    expect(dialog).to_contain_text("8 2 3")


def test_a_conflict_is_announced_at_once_and_keeps_the_text(
    page, live_server, login_as, reviewer, demo_article
):
    statement = demo_article.statements.live().order_by("position", "start", "id")[1]
    statement.set_verdict(reviewer, "denied", rationale="First look.")
    login_as(reviewer)
    page.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    row = page.locator(f"#s{statement.pk}")
    row.locator("a.more").click()
    box = row.get_by_label("Rationale")
    box.fill("Second look, from this tab.")
    statement.set_verdict(reviewer, "denied", rationale="Saved from another tab.")
    row.get_by_role("button", name="Save rationale").click()
    expect(page.locator("#desk-alert")).to_contain_text("Not saved")
    expect(row.locator(".form-error")).to_contain_text("Saved from another tab.")
    expect(row.get_by_label("Rationale")).to_have_value("Second look, from this tab.")
    row.get_by_role("button", name="Save rationale").click()  # on purpose, over theirs
    expect(page.locator("#desk-said")).to_contain_text("Saved: Denied")
    assert Verdict.objects.get(statement=statement, reviewer=reviewer).rationale == (
        "Second look, from this tab."
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_review_page_fits_the_window_and_its_tools_open_in_place(
    browser, live_server, login_as, editor, reviewer, demo_article, size
):
    article = build_long_article(91, reviewers=[reviewer], title="Ninety-one statements")
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    login_as(editor, on_page=page)
    for shown in (demo_article, article):
        page.goto(f"{live_server.url}{shown.get_absolute_url()}")
        # Nothing sticks out sideways, at either width.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    row = page.locator("li.statement").nth(2)
    row.locator("a.more").click()
    expect(row.get_by_role("button", name="Save final verdict")).to_be_visible()
    expect(row.get_by_label("Rationale")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"review-editor-{size}")
    page.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    shot(page, f"review-demo-{size}")
    context.close()
