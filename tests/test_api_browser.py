"""The API tokens page and the API's documentation page, in Debian's Chromium: mouse clicks at
on-screen coordinates, typing at the keyboard, a narrow window."""

from __future__ import annotations

import pytest
from django.test import Client

from factcheck.models import ApiToken
from tests.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 900, "height": 900}


def click(page, locator) -> None:
    """A real mouse click in the middle of what the person sees."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_reviewer_creates_uses_and_revokes_a_token(
    page, live_server, login_as, screenshot, reviewer
):
    page.set_viewport_size(NARROW)
    login_as(reviewer)
    click(page, page.get_by_role("link", name="API tokens"))
    page.wait_for_url("**/accounts/tokens/")
    click(page, page.get_by_label("What is it for?"))
    page.keyboard.type("CMS plugin")
    page.keyboard.press("Enter")
    secret_box = page.locator("#new-token")
    secret_box.wait_for()
    secret = secret_box.input_value()
    assert secret.startswith("fct_")
    row = page.locator(".token-list tbody tr")
    assert row.count() == 1 and "CMS plugin" in row.inner_text()
    screenshot(page, "api-token-created")

    api = Client(headers={"Authorization": f"Bearer {secret}"})
    assert api.get("/api/articles").status_code == 200

    page.once("dialog", lambda dialog: dialog.accept())
    click(page, page.get_by_role("button", name=f"Revoke {secret[:12]}…"))
    page.get_by_text("Revoked the token").wait_for()
    assert page.locator(".token-list").count() == 0
    assert page.locator("#new-token").count() == 0  # the secret is gone from the page too
    screenshot(page, "api-token-revoked")
    assert not ApiToken.objects.exists()
    assert api.get("/api/articles").status_code == 401


def test_the_docs_page_works_offline_under_a_strict_script_policy(page, live_server, editor):
    """Swagger UI from our own static files: no request leaves the machine, no inline script
    runs, and a token typed into Authorize makes a real call."""
    _, secret = ApiToken.objects.issue(editor, "docs")
    page.set_viewport_size(NARROW)
    outside, refused = [], []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)

    def route(route):
        if not route.request.url.startswith(live_server.url):
            outside.append(route.request.url)
            route.abort()
        elif route.request.url.endswith("/api/docs"):
            response = route.fetch()
            headers = {
                **response.headers,
                "content-security-policy": "default-src 'self'; script-src 'self'; "
                "style-src 'self' 'unsafe-inline'; img-src 'self' data:",
            }
            route.fulfill(response=response, headers=headers)
        else:
            route.continue_()

    page.route("**/*", route)
    page.goto(f"{live_server.url}/api/docs")
    page.locator(".swagger-ui .info .title").get_by_text("Factcheck desk API").wait_for()
    assert page.locator(".opblock").count() >= 19

    click(page, page.get_by_role("button", name="Authorize").first)
    page.locator(".modal-ux input[type=text]").first.wait_for()
    click(page, page.locator(".modal-ux input[type=text]").first)
    page.keyboard.type(secret)
    click(page, page.locator(".modal-ux button.authorize").first)
    click(page, page.locator(".modal-ux button.close-modal").first)

    operation = page.locator("#operations-articles-list_articles")
    click(page, operation.locator(".opblock-summary-control"))
    click(page, operation.get_by_role("button", name="Try it out"))
    click(page, operation.get_by_role("button", name="Execute"))
    status = operation.locator(".live-responses-table .response .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip().startswith("200")
    operation.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"))  # the window, not the 7000px page
    assert outside == [] and refused == []
