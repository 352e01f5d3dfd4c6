"""Batch import in the background: the upload of 200 articles answers at once; a worker imports.

The upload goes through Django's test client (the whole request: parsing the zip, storing 200
items and queueing the task); the import is django-tasks-db's worker loop run in this process.
"""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tasks_db.models import DBTaskResult

from factcheck import jobs, roles
from factcheck.benchmarks import Made, Table, timed
from factcheck.benchmarks.review import bench_user
from factcheck.demo import article as demo
from factcheck.models import Job, JobItem

ARTICLES = 200
TAG = "bench-jobs"


def batch_zip(count: int = ARTICLES) -> bytes:
    """`count` news articles of ~650 words (the demo article), each under its own headline."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in range(count):
            z.writestr(f"story-{n:03}.txt", f"{TAG} story {n}: {demo.TITLE}\n\n{demo.TEXT}")
    return out.getvalue()


def run(table: Table) -> None:
    roles.ensure_roles()
    made = Made()
    editor = bench_user(f"{TAG}-editor", roles.EDITOR, made)
    client = Client()
    client.force_login(editor)
    payload = batch_zip()
    created: list[int] = []
    try:
        times = []
        for _ in range(3):
            upload = SimpleUploadedFile("batch.zip", payload, content_type="application/zip")
            with timed() as took:
                response = client.post("/exports/import/", {"files": upload})
            assert response.status_code == 302, response.status_code
            times.append(took[0])
            created.append(int(response.url.strip("/").rsplit("/", 1)[-1]))
        times.sort()
        table.add(
            "jobs",
            f"upload of a {ARTICLES}-article zip ({len(payload) // 1024} KB), answer (median of 3)",
            f"{times[1] * 1000:.0f} ms",
            "< 1 s",
        )
        # One of the three is imported; the other two are dropped unrun.
        keep, *drop = created
        _drop(drop, made)
        with timed() as took:
            jobs.worker(batch=True, interval=0, worker_id=TAG).run()
        job = Job.objects.get(pk=keep)
        assert (job.state, job.done) == (Job.State.DONE, ARTICLES), (job.state, job.done)
        table.add(
            "jobs",
            f"the worker imports them (extraction included), {ARTICLES} articles",
            f"{took[0]:.1f} s, {ARTICLES / took[0]:.0f}/s",
        )
    finally:
        _drop(created, made)
        made.clean_up()


def _drop(job_ids: list[int], made: Made) -> None:
    """The jobs and their tasks; their articles go with `made` (new parties the extraction
    found stay: the next run matches them by name)."""
    articles = JobItem.objects.filter(job_id__in=job_ids, article__isnull=False)
    made.add(articles=articles.values_list("article_id", flat=True))
    task_ids = list(Job.objects.filter(pk__in=job_ids).values_list("task_id", flat=True))
    DBTaskResult.objects.filter(id__in=task_ids).delete()
    Job.objects.filter(pk__in=job_ids).delete()
