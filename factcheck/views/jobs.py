"""The job pages: what the worker is doing for me, its progress polled by htmx, and its results."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from factcheck import jobs
from factcheck.models import Job, JobItem
from factcheck.reports import FORMATS


def _job_for(request: HttpRequest, pk: int) -> Job:
    # A job is its owner's: the rows it touched may be any the desk has, its file theirs alone.
    return get_object_or_404(
        Job.objects.select_related("created_by"), pk=pk, created_by=request.user
    )


@require_GET
@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    recent = Job.objects.filter(created_by=request.user)[:50]
    return render(request, "jobs/list.html", {"jobs": recent})


@require_GET
@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The job page; asked by htmx every second while the job runs, only its progress panel."""
    job = _job_for(request, pk)
    silent = (timezone.now() - job.heartbeat_at).total_seconds()
    if not job.finished and silent > settings.JOB_STALE_SECONDS:
        # Its worker may have died: resume_stale checks, and hands it to another (keeping items).
        jobs.resume_stale()
        job.refresh_from_db()
    if job.finished:
        jobs.seen(request, job)
    items = job.items.select_related("article").only(
        "position", "source", "state", "error", "article__id", "article__title"
    )
    context = {
        "job": job,
        "failures": items.filter(state=JobItem.State.FAILED),
        "imported": items.filter(state=JobItem.State.DONE)[:500],
        "skipped": job.params.get("skipped", []),
    }
    template = "jobs/detail.html"
    if request.htmx:
        template += "#job-progress"
    return render(request, template, context)


@require_GET
@login_required
def job_result(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for(request, pk)
    if job.state != Job.State.DONE or not job.result_name:
        raise Http404("This job has no file (yet).")
    try:
        handle = default_storage.open(job.result_name, "rb")
    except FileNotFoundError:
        raise Http404("The file is gone from the shared folder.") from None
    extension = job.result_name.rsplit(".", 1)[-1]
    spec = next((f for f in FORMATS.values() if f.extension == extension), None)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=job.result_name.rsplit("/", 1)[-1],
        content_type=spec.content_type if spec else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
