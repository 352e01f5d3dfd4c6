"""Background jobs: batch imports, long articles and large exports, run by `manage.py db_worker`.

A job is a row the editor watches (`Job`), worked on by one django.tasks task queued in
PostgreSQL (django-tasks-db). Imports are split into items, each stored with its article in one
transaction, so a job cut short by a worker restart is resumed (`resume_stale`) and skips what
is done: no article twice. Export files go to the default storage, a folder every server shares.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import tempfile
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DataError, IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, QueryDict
from django.tasks import TaskContext, task
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify

from factcheck.models import Article, Job, JobItem
from factcheck.reports import FORMATS, backup, batch, pdf, spreadsheet
from factcheck.reports import article as article_report
from factcheck.reports.forms import ExportFilterForm

MAX_ATTEMPTS = 3
HEARTBEAT_SECONDS = 5
logger = logging.getLogger(__name__)
WATCHED = "factcheck_jobs"  # session key: the jobs whose owner has not yet heard they finished


# Starting jobs -----------------------------------------------------------------------------


def _enqueue(job: Job) -> Job:
    """Queue the job's task in the same transaction as the job, so neither exists alone."""
    with transaction.atomic():
        if job.pk is None:
            job.save()
        result = run_job.enqueue(job.pk)
        job.task_id = result.id
        job.attempts = F("attempts") + 1
        job.heartbeat_at = timezone.now()
        job.save(update_fields=["task_id", "attempts", "heartbeat_at"])
    job.refresh_from_db(fields=["attempts"])
    return job


ARTICLE_FIELDS = {
    "title",
    "outlet",
    "url",
    "byline",
    "published_on",
    "blind_review",
    "fetched_url",  # an article fetched from its web address keeps the page it came from
    "fetched_html",
}


def _payload(raw_text: str, fields: dict) -> dict:
    payload = {k: v for k, v in fields.items() if k in ARTICLE_FIELDS}
    if isinstance(payload.get("published_on"), datetime.date):
        payload["published_on"] = payload["published_on"].isoformat()
    return {**payload, "raw_text": raw_text}


def start_import(found: batch.Batch, created_by, title: str) -> Job:
    """A job importing every draft of a parsed batch; each becomes an item, done on its own."""
    items = [
        (
            draft.source,
            {**_payload(draft.raw_text, dataclasses.asdict(draft)), "address": draft.address},
        )
        for draft in found.drafts
    ]
    return _start_items(items, created_by, title, params={"skipped": found.skipped})


def start_article(raw_text: str, fields: dict, created_by) -> Job:
    """One long article, extracted by a worker instead of during the request."""
    title = fields.get("title") or "Untitled article"
    return _start_items([(title, _payload(raw_text, fields))], created_by, f"“{title}”")


def _start_items(items: list[tuple[str, dict]], created_by, title: str, params=None) -> Job:
    with transaction.atomic():
        job = Job.objects.create(
            kind=Job.Kind.IMPORT,
            title=title[:300],
            created_by=created_by,
            total=len(items),
            params=params or {},
        )
        JobItem.objects.bulk_create(
            JobItem(job=job, position=n, source=source[:300], payload=payload)
            for n, (source, payload) in enumerate(items)
        )
        return _enqueue(job)


def start_export(fmt: str, created_by, query: str = "", article_pk: int | None = None) -> Job:
    """A job writing an export file: the desk's statements as CSV or JSON under the filters in
    `query` (the Exports page's form, urlencoded), or one article's PDF report."""
    if article_pk is not None:
        title = f"PDF report of “{Article.objects.get(pk=article_pk).title}”"
    else:
        title = f"Desk export, {FORMATS[fmt].label}"
    job = Job(
        kind=Job.Kind.EXPORT,
        title=title[:300],
        created_by=created_by,
        total=1,
        params={"format": fmt, "query": query, "article": article_pk},
    )
    return _enqueue(job)


def resume_stale(older_than: datetime.timedelta | None = None) -> list[Job]:
    """Give jobs whose worker died a new task (done items are skipped); after MAX_ATTEMPTS the
    job fails with a message rather than looping on whatever kills it."""
    resumed = []
    for pk in Job.objects.stale(older_than).values_list("pk", flat=True):
        with transaction.atomic():
            # Another server may be resuming it right now: only one of us gets the lock.
            job = Job.objects.stale(older_than).select_for_update(skip_locked=True).filter(pk=pk)
            job = job.first()
            if job is None:
                continue
            if job.attempts >= MAX_ATTEMPTS:
                _finish(job, failed=f"It stopped {job.attempts} times before finishing.")
                continue
            resumed.append(_enqueue(job))
    return resumed


# Running them ------------------------------------------------------------------------------


def worker(*, batch: bool, interval: float = 0.1, worker_id: str = "in-process"):
    """django-tasks-db's worker loop on the default queue, to run inside this process (tests and
    benchmarks); `manage.py db_worker` runs the same loop with its signal handling."""
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


@task(takes_context=True)
def run_job(context: TaskContext, job_id: int) -> str:
    """The worker's entry point: do the job, unless a newer task has taken it over."""
    task_id = context.task_result.id
    claimed = Job.objects.filter(pk=job_id, task_id=task_id).exclude(
        state__in=[Job.State.DONE, Job.State.FAILED]
    )
    now = timezone.now()
    if not claimed.update(state=Job.State.RUNNING, heartbeat_at=now):
        return "superseded"
    Job.objects.filter(pk=job_id, started_at__isnull=True).update(started_at=now)
    job = Job.objects.select_related("created_by").get(pk=job_id)
    try:
        if job.kind == Job.Kind.IMPORT:
            _run_import(job, task_id)
        else:
            _run_export(job, task_id)
    except _Superseded:
        return "superseded"
    except Exception:
        logger.exception("Job %s failed", job_id)
        _finish(job, failed="The worker hit an error and stopped; the details are in its log.")
        raise
    return "done"


class _Superseded(Exception):
    pass


def _beat(job: Job, task_id, **fields) -> None:
    """Report progress, and stop if a resume has handed the job to another task."""
    fields["heartbeat_at"] = timezone.now()
    if not Job.objects.filter(pk=job.pk, task_id=task_id).update(**fields):
        raise _Superseded


def _run_import(job: Job, task_id) -> None:
    pending = job.items.filter(state=JobItem.State.PENDING).values_list("pk", "source")
    for item_pk, source in list(pending):
        _beat(job, task_id, current=source)
        with transaction.atomic():
            # Locked and re-checked: if a superseded worker is still on this item, we wait for
            # it and then find the item done.
            item = (
                JobItem.objects.select_for_update()
                .filter(pk=item_pk, state=JobItem.State.PENDING)
                .first()
            )
            if item is None:
                continue
            try:
                with transaction.atomic():
                    item.article = import_item(item, job.created_by)
                item.state = JobItem.State.DONE
            except (batch.BatchProblem, IntegrityError, DataError, ValueError) as problem:
                item.state = JobItem.State.FAILED
                item.error = str(problem).splitlines()[0] if str(problem) else "Unreadable."
            item.save(update_fields=["state", "article", "error"])
            counter = "done" if item.state == JobItem.State.DONE else "failed"
            Job.objects.filter(pk=job.pk).update(**{counter: F(counter) + 1})
    _beat(job, task_id, **_finished())


def import_item(item: JobItem, created_by) -> Article:
    """One batch item onto the desk: a parsed draft (title and text), or a web address, fetched
    here in the worker. The item is locked and skipped once done, so no page lands twice."""
    payload = dict(item.payload)
    address = payload.pop("address", "")
    raw_text = payload.pop("raw_text", "")
    if not address and not raw_text.strip():
        raise batch.BatchProblem(f"{item.source} has no text to import.")
    fields = {k: v for k, v in payload.items() if k in ARTICLE_FIELDS}
    if fields.get("published_on"):
        fields["published_on"] = datetime.date.fromisoformat(fields["published_on"])
    if address:
        draft = batch.Draft(
            source=item.source,
            title=fields.pop("title", ""),
            raw_text=raw_text,
            outlet=fields.pop("outlet", ""),
            url=fields.pop("url", ""),
            published_on=fields.pop("published_on", None),
            address=address,
        )
        fields = {**fields, **draft.article_fields()}  # raises BatchProblem if the fetch fails
        raw_text = fields.pop("raw_text")
    fields["title"] = fields.get("title") or "Untitled article"
    return Article.objects.submit(raw_text=raw_text, created_by=created_by, **fields)


def _run_export(job: Job, task_id) -> None:
    fmt = job.params["format"]
    spec = FORMATS[fmt]
    _beat(job, task_id, current="Writing the file")
    with tempfile.TemporaryFile() as out:
        if job.params.get("article"):
            article = Article.objects.get(pk=job.params["article"])
            report = article_report.build(
                article,
                organization=settings.FACTCHECK_ORGANIZATION,
                organization_url=settings.FACTCHECK_ORGANIZATION_URL,
            )
            out.write(pdf.render(report))
            stem = f"{article.title}-factcheck"
        else:
            form = ExportFilterForm(QueryDict(job.params.get("query", "")))
            if not form.is_valid():
                raise ValueError("the filters are no longer valid")
            stream = spreadsheet.stream if fmt == "csv" else backup.stream
            last = timezone.now()
            for chunk in stream(form.selection()):
                out.write(chunk.encode() if isinstance(chunk, str) else chunk)
                if (timezone.now() - last).total_seconds() > HEARTBEAT_SECONDS:
                    last = timezone.now()
                    _beat(job, task_id)
            stem = f"factcheck-statements-{job.created_at:%Y-%m-%d-%H%M}"
        out.seek(0)
        name = f"{slugify(stem)[:60] or 'export'}.{spec.extension}"
        stored = default_storage.save(f"jobs/{job.pk}/{name}", File(out, name=name))
        size = default_storage.size(stored)
    _beat(job, task_id, result_name=stored, result_size=size, done=1, **_finished())


def _finished() -> dict:
    return {"state": Job.State.DONE, "current": "", "finished_at": timezone.now()}


def _finish(job: Job, failed: str = "") -> None:
    job.state = Job.State.FAILED if failed else Job.State.DONE
    job.error = failed
    job.current = ""
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "error", "current", "finished_at"])


def export_query(data: QueryDict) -> str:
    """The Exports page's filters, kept for the job (only the fields the form knows)."""
    fields = ExportFilterForm.base_fields
    return urlencode([(k, v) for k, v in data.items() if k in fields and v])


# Telling the owner -------------------------------------------------------------------------


def watch(request: HttpRequest, job: Job) -> None:
    """Remember to tell this person, on their next page, when the job finishes."""
    watched = request.session.get(WATCHED, [])
    request.session[WATCHED] = [*watched, job.pk][-20:]


def seen(request: HttpRequest, job: Job) -> None:
    """They saw it finish on the job page: no message needed."""
    watched = request.session.get(WATCHED, [])
    if job.pk in watched:
        request.session[WATCHED] = [pk for pk in watched if pk != job.pk]


class JobNoticeMiddleware:
    """A message on the next page once a watched job has finished. Costs a query only for people
    with a job under way (the watch list lives in their session, shared by every server)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if (
            session is not None
            and request.method == "GET"
            and not request.headers.get("HX-Request")
            and session.get(WATCHED)
        ):
            self.notify(request, session[WATCHED])
        return self.get_response(request)

    def notify(self, request: HttpRequest, watched: list[int]) -> None:
        jobs = Job.objects.filter(pk__in=watched, created_by_id=request.user.pk)
        finished = [job for job in jobs if job.finished]
        for job in finished:
            if job.state == Job.State.DONE:
                messages.success(
                    request,
                    format_html('Finished: <a href="{}">{}</a>.', job.get_absolute_url(), job),
                )
            else:
                messages.error(
                    request,
                    format_html('Failed: <a href="{}">{}</a>.', job.get_absolute_url(), job),
                )
        alive = {job.pk for job in jobs if not job.finished}
        request.session[WATCHED] = [pk for pk in watched if pk in alive]
