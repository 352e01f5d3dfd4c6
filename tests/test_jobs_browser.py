"""An editor uploads a batch, watches the job page's progress bar move, and follows the result."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from playwright.sync_api import expect

from factcheck.demo import article as demo
from factcheck.models import Article, Job

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORIES = 24


def upload(page, live_server, path) -> None:
    page.goto(f"{live_server.url}/exports/import/")
    page.get_by_label("Files").set_input_files(str(path))
    click(page, page.get_by_role("button", name="Import"))
    page.wait_for_url("**/jobs/*/")


def click(page, locator) -> None:
    """A real mouse click in the middle of the element, where a person would click."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_editor_watches_a_batch_import_and_opens_the_articles(
    page, live_server, login_as, screenshot, editor, tmp_path, worker_thread
):
    worker_thread()
    archive = tmp_path / "wire.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for n in range(STORIES):
            z.writestr(f"wire-{n:02}.txt", f"Wire story {n}: desalination plant\n\n{demo.TEXT}")
    page.set_viewport_size({"width": 820, "height": 900})
    login_as(editor)
    upload(page, live_server, archive)
    job = Job.objects.get()
    assert page.get_by_role("heading", level=1).inner_text() == job.title

    # The bar moves while the worker imports; the page asks for its progress every second.
    bar = page.locator("progress.job-bar")
    page.wait_for_function(
        "() => { const b = document.querySelector('progress.job-bar'); return b && b.value > 0; }"
    )
    screenshot(page, "job-progress")
    expect(page.locator("#job-state strong")).to_have_text("Finished", timeout=120_000)
    assert bar.get_attribute("value") == str(STORIES)
    assert page.locator(".job-articles li").count() == STORIES
    screenshot(page, "job-finished")

    # The notice on the next page was not needed: they saw it finish here.
    click(page, page.get_by_role("link", name="Go to the articles"))
    page.wait_for_url("**/articles/")
    assert page.locator(".message").count() == 0
    assert Article.objects.count() == STORIES
    assert page.get_by_role("link", name="Wire story 0: desalination plant").is_visible()


def test_the_editor_is_told_on_another_page_when_the_job_finishes(
    page, live_server, login_as, editor, tmp_path, worker_thread
):
    story = tmp_path / "one.txt"
    story.write_text(f"Harbour dredging to start\n\n{demo.TEXT}", encoding="utf-8")
    login_as(editor)
    upload(page, live_server, story)
    job = Job.objects.get()
    click(page, page.get_by_role("link", name="Articles", exact=True))
    page.wait_for_url("**/articles/")
    assert page.locator(".message").count() == 0  # not finished: no worker yet
    worker_thread()
    for _ in range(300):  # the worker's pace; the notice comes with the next page after it
        job.refresh_from_db()
        if job.finished:
            break
        page.wait_for_timeout(100)
    page.reload()
    notice = page.locator(".message-success")
    assert "Finished" in notice.inner_text()
    click(page, notice.get_by_role("link"))
    page.wait_for_url(f"**/jobs/{job.pk}/")
    assert page.get_by_role("link", name="Open the article").is_visible()


def test_editor_prepares_a_desk_export_in_the_background(
    page, live_server, login_as, screenshot, editor, demo_article, worker_thread
):
    worker_thread()
    page.set_viewport_size({"width": 820, "height": 900})
    login_as(editor)
    page.goto(f"{live_server.url}/exports/")
    click(page, page.get_by_role("button", name="Prepare the CSV in the background"))
    page.wait_for_url("**/jobs/*/")
    download_link = page.get_by_role("link", name="Download the file")
    download_link.wait_for(timeout=60_000)
    screenshot(page, "job-export-finished")
    with page.expect_download() as download:
        click(page, download_link)
    assert download.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert len(rows) == demo_article.statements.live().count() + 1
    page.goto(f"{live_server.url}/jobs/")
    assert page.locator("tbody tr").count() == 1
    screenshot(page, "job-list")
