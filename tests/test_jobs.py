"""Background jobs: the upload answers at once, a worker imports, the job page shows progress."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.tasks import TaskContext
from django_tasks_db.models import DBTaskResult

from factcheck import jobs
from factcheck.models import Article, Job, JobItem
from factcheck.reports import batch
from tests.conftest import ROOT

HX = {"HX-Request": "true"}


def drafts(n: int, words: int = 40) -> batch.Batch:
    body = " ".join(f'"Figure {i} rose," the minister said.' for i in range(words // 6 + 1))
    return batch.Batch(
        drafts=[
            batch.Draft(source=f"story-{i}.txt", title=f"Story {i}", raw_text=f"{body} ({i})")
            for i in range(n)
        ]
    )


def test_the_upload_answers_before_the_worker_imports(client, editor, run_worker):
    client.force_login(editor)
    files = [
        SimpleUploadedFile(f"s{i}.txt", f"Story {i}\n\nThe mayor said so.".encode())
        for i in range(3)
    ]
    response = client.post("/exports/import/", {"files": files})
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert Article.objects.count() == 0
    assert (job.state, job.total, job.done) == (Job.State.QUEUED, 3, 0)
    assert DBTaskResult.objects.filter(id=job.task_id, status="READY").exists()

    page = client.get(job.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 1s"' in page and "0</b> of <b>3" in page

    run_worker()
    job.refresh_from_db()
    assert (job.state, job.done, job.failed) == (Job.State.DONE, 3, 0)
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Story 0",
        "Story 1",
        "Story 2",
    ]
    fragment = client.get(job.get_absolute_url(), headers=HX).content.decode()
    assert "<html" not in fragment
    assert "every 1s" not in fragment  # finished: the page stops asking
    assert "3</b> of <b>3" in fragment
    for article in Article.objects.all():
        assert article.get_absolute_url() in fragment


def test_an_item_that_fails_is_reported_and_the_others_are_imported(editor, run_worker):
    found = drafts(3)
    found.drafts[1].raw_text = "   "
    found.drafts[2].url = "https://example.org/" + "x" * 3000  # longer than the column
    job = jobs.start_import(found, editor, "three")
    run_worker()
    job.refresh_from_db()
    assert (job.state, job.done, job.failed) == (Job.State.DONE, 1, 2)
    failed = {item.source: item.error for item in job.items.filter(state=JobItem.State.FAILED)}
    assert failed["story-1.txt"] == "story-1.txt has no text to import."
    assert failed["story-2.txt"]  # the database's own words
    assert list(Article.objects.values_list("title", flat=True)) == ["Story 0"]


def test_only_the_owner_sees_a_job(client, editor, reviewer, django_user_model):
    job = jobs.start_import(drafts(1), editor, "mine")
    client.force_login(reviewer)
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.get(f"/jobs/{job.pk}/result/").status_code == 404
    assert job.title not in client.get("/jobs/").content.decode()


def test_the_owner_is_told_on_their_next_page_once(client, editor, run_worker):
    client.force_login(editor)
    upload = SimpleUploadedFile("one.txt", b"Bridge opens\n\nThe mayor said so.")
    client.post("/exports/import/", {"files": upload})
    assert "Finished" not in client.get("/articles/").content.decode()  # not yet
    run_worker()
    page = client.get("/articles/").content.decode()
    job = Job.objects.get()
    assert f'Finished: <a href="/jobs/{job.pk}/">' in page
    assert "Finished" not in client.get("/articles/").content.decode()


def test_a_long_article_is_extracted_in_the_background(client, editor, settings, run_worker):
    settings.ARTICLE_BACKGROUND_BYTES = 1000
    client.force_login(editor)
    text = 'The minister said "exports rose by nine per cent." ' * 40
    response = client.post(
        "/articles/new/", {"title": "Long read", "raw_text": text, "outlet": "The Ledger"}
    )
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    assert not Article.objects.exists()
    run_worker()
    article = Article.objects.get()
    assert (article.title, article.outlet, article.created_by) == (
        "Long read",
        "The Ledger",
        editor,
    )
    assert article.statements.exists()
    assert "Open the article" in client.get(response.url).content.decode()


def test_a_desk_export_is_written_to_the_shared_folder(client, editor, demo_article, run_worker):
    client.force_login(editor)
    response = client.post("/exports/download/csv/?status=in_review&junk=1")
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.params["query"] == "status=in_review"
    run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.result_name.startswith(f"jobs/{job.pk}/")
    download = client.get(f"/jobs/{job.pk}/result/")
    body = b"".join(download.streaming_content).decode("utf-8-sig")
    assert download["Content-Disposition"].startswith("attachment;")
    streamed = client.get("/exports/download/csv/?status=in_review")
    assert body == b"".join(streamed.streaming_content).decode("utf-8-sig")
    assert "Download the file" in client.get(job.get_absolute_url()).content.decode()


def test_a_reviewer_may_not_start_a_desk_export(client, reviewer):
    client.force_login(reviewer)
    assert client.post("/exports/download/csv/").status_code == 403
    assert not Job.objects.exists()


def test_a_job_whose_worker_died_is_resumed_without_duplicates(editor, run_worker):
    job = jobs.start_import(drafts(4), editor, "four")
    first_task = DBTaskResult.objects.get(id=job.task_id)
    # A worker claimed the task, imported two articles, and died.
    first_task.claim("dead-worker")
    for item in job.items.all()[:2]:
        item.article = jobs.import_item(item, editor)
        item.state = JobItem.State.DONE
        item.save()
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, done=2)
    assert jobs.resume_stale() == []  # not silent for long enough yet
    resumed = jobs.resume_stale(datetime.timedelta(0))
    assert [j.pk for j in resumed] == [job.pk]
    # Were the first task still running somewhere, it would stop: the job has a newer one.
    old = TaskContext(task_result=first_task.task_result)
    assert jobs.run_job.call(old, job.pk) == "superseded"
    assert Article.objects.count() == 2
    run_worker()
    job.refresh_from_db()
    assert (job.state, job.done, job.attempts) == (Job.State.DONE, 4, 2)
    assert Article.objects.count() == 4


def test_a_job_that_keeps_dying_fails_with_a_message(editor):
    job = jobs.start_import(drafts(1), editor, "doomed")
    Job.objects.filter(pk=job.pk).update(attempts=jobs.MAX_ATTEMPTS)
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING")
    jobs.resume_stale(datetime.timedelta(0))
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert "stopped 3 times" in job.error


@pytest.mark.django_db(transaction=True)
def test_killing_the_worker_mid_batch_loses_and_duplicates_nothing(editor, run_worker):
    """A real `manage.py db_worker` is killed (SIGKILL) half-way; another worker resumes."""
    job = jobs.start_import(drafts(30, words=300), editor, "thirty")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres:///{connection.settings_dict['NAME']}",
        "DATABASE_POOL": "false",
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    worker = subprocess.Popen([*command, "--interval", "0.05"], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while Job.objects.get(pk=job.pk).done < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    done_at_kill = Job.objects.get(pk=job.pk).done
    assert 2 <= done_at_kill < 30, "the worker should have been killed half-way"
    assert Article.objects.count() == done_at_kill  # each item's article came with its record

    assert [j.pk for j in jobs.resume_stale(datetime.timedelta(0))] == [job.pk]
    subprocess.run(
        [*command, "--batch", "--interval", "0"], cwd=ROOT, env=env, timeout=120, check=True
    )
    job.refresh_from_db()
    assert (job.state, job.done, job.failed) == (Job.State.DONE, 30, 0)
    titles = list(Article.objects.values_list("title", flat=True))
    assert sorted(titles) == sorted(f"Story {i}" for i in range(30))
