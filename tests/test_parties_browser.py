"""A party's page and a merge of duplicates, in Debian's Chromium."""

from __future__ import annotations

import pytest
from search_support import article_with, party

from factcheck.models import Party, Revision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def mayor(editor):
    town = party("Town of Harbor Point", "government", aliases=["the town"])
    ruiz = party("Daniel Ruiz", affiliation=town, aliases=["Ruiz", "Mayor Daniel Ruiz"])
    verdicts = ["denied", "confirmed", "denied", "disputed", "denied", "", "confirmed", ""]
    article_with(
        "Mayor says town was never warned",
        [
            (f"Statement {n} the mayor made about the letter", ruiz, v)
            for n, v in enumerate(verdicts)
        ],
        editor=editor,
    )
    return ruiz


def test_a_party_page_shows_the_record_and_filters_statements_in_place(
    page, live_server, login_as, screenshot, viewer, mayor
):
    login_as(viewer)
    page.goto(f"{live_server.url}/parties/")
    page.get_by_label("Find a party").fill("mayor daniel")
    page.locator("#directory tbody tr").first.wait_for()
    page.wait_for_function("() => document.querySelectorAll('#directory tbody tr').length === 1")
    page.get_by_role("link", name="Daniel Ruiz").click()
    page.wait_for_url(f"**/parties/{mayor.pk}/")
    chart = page.locator("svg#share")
    assert "Denied: 3 of 6 (50%)" in chart.locator("desc").text_content()
    assert page.get_by_text("Town of Harbor Point").first.is_visible()
    screenshot(page, "party-page")

    page.evaluate("window.__marker = 'same page'")
    page.get_by_role("link", name="Denied", exact=True).click()
    page.wait_for_function("() => document.querySelectorAll('#party-statements .hit').length === 3")
    assert page.evaluate("window.__marker") == "same page"
    assert "verdict=denied" in page.url
    # A viewer cannot edit or merge.
    assert page.get_by_text("Merge a duplicate").count() == 0


def test_an_editor_merges_a_duplicate_after_reviewing_what_moves(
    page, live_server, login_as, screenshot, editor, mayor
):
    duplicate = party("Dan Ruiz")
    article_with("Duplicate entry", [("The lake is safe for swimming", duplicate, "")])
    login_as(editor)
    page.goto(f"{live_server.url}/parties/{mayor.pk}/")
    page.get_by_label("Duplicate’s name").fill("dan ruiz")
    page.get_by_role("button", name="Review merge…").click()
    page.get_by_text("will be folded into").wait_for()
    assert "1 statement moves to Daniel Ruiz" in page.locator(".merge-effects").inner_text()
    screenshot(page, "party-merge-review")
    page.get_by_role("button", name="Merge Dan Ruiz into Daniel Ruiz").click()
    page.wait_for_url(f"**/parties/{mayor.pk}/")
    page.get_by_text("Merged “Dan Ruiz” into Daniel Ruiz: 1 statement moved").wait_for()
    assert "Dan Ruiz" in page.locator(".party-facts").inner_text()
    assert "The lake is safe for swimming" in page.locator("#party-statements").inner_text()
    assert "folded in" in page.locator(".history").inner_text()
    screenshot(page, "party-after-merge")
    assert not Party.objects.filter(pk=duplicate.pk).exists()
    assert Revision.objects.filter(party=mayor, action="party_merged").count() == 1


def test_an_editor_edits_aliases_and_affiliation(page, live_server, login_as, editor, mayor):
    login_as(editor)
    page.goto(f"{live_server.url}/parties/{mayor.pk}/")
    page.get_by_text("Edit kind, affiliation and aliases").click()
    page.get_by_label("Aliases").fill("Ruiz\nMayor Ruiz")
    page.get_by_label("Affiliation").fill("")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved the names and affiliation of Daniel Ruiz.").wait_for()
    mayor.refresh_from_db()
    assert mayor.aliases == ["Ruiz", "Mayor Ruiz"] and mayor.affiliation is None


def click(page, locator) -> None:
    """A real mouse click at the element's centre on screen."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_an_editor_dismisses_one_suggested_duplicate_and_merges_another(
    page, live_server, login_as, screenshot, editor, mayor
):
    party("Ruiz")  # a bare surname: the same man as the mayor
    party("Harbour Point Water", "organization")
    party("Harbor Point Water", "organization")  # spelt alike, but two bodies
    login_as(editor)
    page.goto(f"{live_server.url}/parties/")
    click(page, page.get_by_role("link", name="Possible duplicates"))
    page.wait_for_url("**/parties/duplicates/")
    rows = page.locator("li.duplicate")
    assert rows.count() == 2
    screenshot(page, "party-duplicates")

    water = rows.filter(has_text="Harbour Point Water")
    click(page, water.get_by_role("button", name="Not the same"))
    page.wait_for_function("() => document.querySelectorAll('li.duplicate').length === 1")
    assert "kept as different parties" in page.locator("#duplicates-status").text_content()

    click(page, rows.first.get_by_role("link", name="Review merge"))
    click(page, page.get_by_role("button", name="Merge Ruiz into Daniel Ruiz"))
    page.wait_for_url(f"**/parties/{mayor.pk}/")
    assert Party.objects.filter(name="Ruiz").count() == 0
    assert "Ruiz" in Party.objects.get(pk=mayor.pk).aliases
    page.goto(f"{live_server.url}/parties/duplicates/")
    assert page.get_by_text("every party on the desk looks distinct").is_visible()
