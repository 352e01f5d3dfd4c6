"""Export and import flows in Debian's Chromium, with screenshots of the reports to look at."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from factcheck.models import Article
from tests.conftest import ARTIFACTS
from tests.export_helpers import seed_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf_pages_as_png(pdf: bytes, name: str) -> None:
    """Render the PDF's pages to artifacts/ for a person to look at (needs poppler's pdftoppm)."""
    if not shutil.which("pdftoppm"):
        return
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", str(path), str(ARTIFACTS / name)], check=True, timeout=60
    )


def test_editor_opens_the_report_from_the_export_menu_with_the_keyboard(
    page, live_server, login_as, screenshot, demo_article, editor
):
    login_as(editor)
    page.goto(f"{live_server.url}{demo_article.get_absolute_url()}")
    menu = page.locator("details.export-menu")
    summary = menu.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("open") is not None
    screenshot(page, "export-menu")
    with page.context.expect_page() as report_tab:
        menu.get_by_role("link", name="Report HTML").click()
    report = report_tab.value
    report.wait_for_load_state()
    assert report.locator("h1.report-title").inner_text() == demo_article.title
    assert report.locator("tr.claim").count() == demo_article.statements.live().count()
    assert report.locator("mark.hl .ref").count() >= 1
    report.set_viewport_size({"width": 1100, "height": 900})
    screenshot(report, "report-demo-html")
    response = page.request.get(f"{live_server.url}/articles/{demo_article.pk}/export/pdf/")
    assert response.headers["content-type"] == "application/pdf"
    pdf_pages_as_png(response.body(), "report-demo-pdf")


def test_seed_article_report_in_the_browser_and_as_pdf(
    page, live_server, login_as, screenshot, editor, reviewer, second_reviewer, viewer
):
    seed = seed_article(editor, reviewer, second_reviewer)
    login_as(viewer)
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(f"{live_server.url}/articles/{seed.pk}/export/html/")
    assert page.locator(".summary-confirmed .summary-count").inner_text() == "2"
    # The number in the text links to its row in the table.
    page.locator("a.ref", has_text="2").first.click()
    page.wait_for_url("**#statement-2")
    screenshot(page, "report-seed-html")
    page.emulate_media(media="print")
    screenshot(page, "report-seed-html-print")
    response = page.request.get(f"{live_server.url}/articles/{seed.pk}/export/pdf/")
    pdf_pages_as_png(response.body(), "report-seed-pdf")


def test_editor_narrows_the_export_and_downloads_the_csv(
    page, live_server, login_as, screenshot, editor, reviewer, second_reviewer, demo_article
):
    seed_article(editor, reviewer, second_reviewer)
    login_as(editor)
    page.goto(f"{live_server.url}/articles/")
    page.get_by_role("link", name="Exports").click()
    page.wait_for_url("**/exports/")
    page.evaluate("window.__marker = 'same page'")
    count = page.locator(".export-count")
    before = count.inner_text()
    page.get_by_label("Final verdict").select_option("confirmed")
    page.wait_for_function(
        "before => document.querySelector('.export-count').innerText !== before", arg=before
    )
    assert count.inner_text().startswith("3 statements in 2 articles")
    assert page.evaluate("window.__marker") == "same page"
    assert "verdict=confirmed" in page.url  # the filters are in the address, to share or reload
    page.get_by_label("Party").fill("Nobody Known")
    page.get_by_label("Party").dispatch_event("change")
    page.get_by_text("No party is called “Nobody Known”").wait_for()
    page.get_by_label("Party").fill("Helen Achebe")
    page.get_by_label("Party").dispatch_event("change")
    page.get_by_role("link", name="Download Spreadsheet (CSV)").wait_for()
    screenshot(page, "export-page")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download Spreadsheet (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {(r["speaker"], r["final_verdict"]) for r in rows} == {
        ("Helen Achebe", "Confirmed")
    }


def test_editor_imports_a_zip_of_articles(
    page, live_server, login_as, screenshot, editor, tmp_path, worker_thread
):
    worker_thread()
    archive = tmp_path / "stories.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("harbour.txt", "Harbour dredging to start\n\nThe port authority said so.")
        z.writestr("schools.md", '# Schools budget cut\n\n"We had no choice," the council said.')
    login_as(editor)
    page.goto(f"{live_server.url}/exports/")
    page.get_by_role("link", name="Import articles").click()
    page.wait_for_url("**/exports/import/")
    page.get_by_label("Files").set_input_files(str(archive))
    screenshot(page, "import-page")
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/jobs/*/")
    page.get_by_text("2 imported").wait_for()
    page.get_by_role("link", name="Go to the articles").click()
    page.wait_for_url("**/articles/")
    assert page.get_by_role("link", name="Schools budget cut").is_visible()
    assert Article.objects.count() == 2
    screenshot(page, "import-done")


def test_a_bad_batch_says_what_is_wrong_and_imports_nothing(
    page, live_server, login_as, editor, tmp_path
):
    feed = tmp_path / "feed.csv"
    feed.write_text("title,text\nOne,Some text\nTwo,\n", encoding="utf-8")
    login_as(editor)
    page.goto(f"{live_server.url}/exports/import/")
    page.get_by_label("Files").set_input_files(str(feed))
    page.get_by_role("button", name="Import").click()
    page.get_by_text("Nothing was imported: row 3 of feed.csv has no text.").wait_for()
    assert Article.objects.count() == 0
