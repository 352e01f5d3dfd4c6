"""An editor imports a list of web addresses from the import page, in Chromium.

Screenshot: artifacts/ingest-4-imported.png.
"""

from __future__ import annotations

import pytest
from ingest_support import HEADLINE, click, serving_news_site
from playwright.sync_api import expect

from factcheck.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_imports_a_list_of_addresses(
    browser, live_server, login_as, screenshot, editor, settings, tmp_path, worker_thread
):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    page = browser.new_context(viewport={"width": 760, "height": 900}).new_page()
    page.set_default_timeout(20_000)
    login_as(editor, on_page=page)
    page.goto(f"{live_server.url}/exports/import/")
    with serving_news_site() as site:
        listing = tmp_path / "tuesday.urls"
        listing.write_text(
            f"# council night\n{site.url('/news/council-vote')}\n{site.url('/news/latin-1')}\n"
        )
        with page.expect_file_chooser() as chooser:
            click(page, page.get_by_label("Files"))
        chooser.value.set_files(str(listing))
        worker_thread()
        click(page, page.get_by_role("button", name="Import"))
        page.wait_for_url("**/jobs/*/")
        # The background worker fetches each address; the job page follows it.
        expect(page.locator("#job-state strong")).to_have_text("Finished", timeout=60_000)

    assert Article.objects.filter(title=HEADLINE).count() == 2
    assert page.locator(".job-articles li").count() == 2
    screenshot(page, "ingest-4-imported")
    page.context.close()
