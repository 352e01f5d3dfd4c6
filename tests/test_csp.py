"""Content-Security-Policy: scripts only from our own files, and the desk still works under it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.models import Article

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_every_page_sends_a_policy_allowing_scripts_from_our_origin_only(client, editor):
    policy = _policy(client.get("/accounts/login/"))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    client.force_login(editor)
    assert "'unsafe-inline'" not in _policy(client.get("/"))["script-src"]


def test_no_template_has_an_inline_script_or_handler():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=", text):
            offenders.append(f"{path.relative_to(TEMPLATES)}: {match.group(0).strip()}")
    assert offenders == []


@pytest.mark.browser
def test_the_browser_check_catches_an_inline_script(page, live_server, csp_violations):
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = 1'; document.body.append(s); }"
    )
    page.wait_for_function("() => true")
    assert page.evaluate("() => window.ran") is None
    assert any("script-src" in v for v in csp_violations)
    csp_violations.clear()  # provoked on purpose: don't fail this test at teardown


def _click(page, locator) -> None:
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.browser
def test_blind_review_checkbox_saves_on_click_under_the_policy(
    page, login_as, live_server, editor, demo_article, screenshot
):
    page.set_viewport_size({"width": 900, "height": 900})
    login_as(editor)
    page.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    _click(page, page.locator("#assignments > summary"))
    checkbox = page.get_by_label("Blind review", exact=False)
    assert not checkbox.is_checked()
    _click(page, checkbox)
    page.get_by_text("Blind review is on").wait_for()
    assert Article.objects.get(pk=demo_article.pk).blind_review
    screenshot(page, "csp-blind-review")


@pytest.mark.browser
def test_search_and_report_work_under_the_policy(page, login_as, live_server, editor, demo_article):
    login_as(editor)
    page.goto(f"{live_server.url}/search/")
    page.keyboard.press("/")
    page.keyboard.type("Jassy")
    page.locator("#results").get_by_text("Jassy").first.wait_for()
    page.goto(f"{live_server.url}/articles/{demo_article.pk}/export/html/")
    assert page.get_by_role("button", name="Print").is_visible()
    # The linked stylesheet applied: the report's sheet is laid out, not unstyled.
    assert page.locator(".sheet").evaluate("e => getComputedStyle(e).maxWidth") != "none"
