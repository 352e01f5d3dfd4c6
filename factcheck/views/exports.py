"""Reports and exports: one article in any format, many articles as a stream, and batch import."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from factcheck import jobs
from factcheck.models import Article, Comment, Party, Verdict
from factcheck.reports import (
    FORMATS,
    backup,
    batch,
    claimreview,
    html_report,
    markdown,
    pdf,
    spreadsheet,
)
from factcheck.reports import article as article_report
from factcheck.reports.forms import BatchImportForm, ExportFilterForm
from factcheck.reports.selection import Selection
from factcheck.views.access import article_for, require

BULK_FORMATS = ("csv", "json")


def _exportable_article(request: HttpRequest, pk: int) -> Article:
    article = article_for(request, pk, perm="export_article")
    # Exports carry every verdict and comment, so blind review must allow the user to see them all.
    if (
        Verdict.objects.filter(statement__article=article).hidden_from(request.user).exists()
        or Comment.objects.filter(statement__article=article).hidden_from(request.user).exists()
    ):
        raise PermissionDenied(
            "This article is under blind review: it can be exported once you have given your"
            " verdicts or the desk has settled its statements."
        )
    return article


def _require_bulk_export(request: HttpRequest) -> None:
    require(request, "export_article")
    require(request, "change_article")  # exports across the desk are an editor's job


def _filename(stem: str, extension: str) -> str:
    return f"{slugify(stem)[:60] or 'export'}.{extension}"


def _attach(response: HttpResponse, filename: str, inline: bool = False) -> HttpResponse:
    kind = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _report(article: Article) -> article_report.ArticleReport:
    return article_report.build(
        article,
        organization=settings.FACTCHECK_ORGANIZATION,
        organization_url=settings.FACTCHECK_ORGANIZATION_URL,
    )


@require_GET
@login_required
def article_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("No such export format.")
    article = _exportable_article(request, pk)
    spec = FORMATS[fmt]
    filename = _filename(f"{article.title}-factcheck", spec.extension)
    download = request.GET.get("download") == "1"
    if fmt == "html":
        links = None
        if not download:
            here = reverse("article_export", args=[article.pk, "html"])
            links = {
                "back": article.get_absolute_url(),
                "pdf": reverse("article_export", args=[article.pk, "pdf"]),
                "download": f"{here}?download=1",
            }
        page = html_report.render(_report(article), links=links)
        response = HttpResponse(page, content_type=spec.content_type)
        return _attach(response, filename, inline=not download)
    if fmt == "pdf":
        response = HttpResponse(pdf.render(_report(article)), content_type=spec.content_type)
        return _attach(response, filename, inline=not download)
    if fmt == "md":
        body = markdown.render(_report(article))
        return _attach(HttpResponse(body, content_type=spec.content_type), filename)
    if fmt == "claimreview":
        url = request.build_absolute_uri(reverse("article_export", args=[article.pk, "html"]))
        body = json.dumps(
            claimreview.render(_report(article), report_url=url), ensure_ascii=False, indent=2
        )
        return _attach(HttpResponse(body, content_type=spec.content_type), filename)
    selection = Selection(article=article.pk)
    stream = spreadsheet.stream(selection) if fmt == "csv" else backup.stream(selection)
    return _attach(StreamingHttpResponse(stream, content_type=spec.content_type), filename)


def _export_context(form: ExportFilterForm) -> dict:
    context: dict = {"form": form, "formats": [FORMATS[f] for f in BULK_FORMATS]}
    if form.is_valid():
        selection = form.selection()
        statements = selection.statements()
        context["selection"] = selection
        context["statement_count"] = statements.count()
        context["article_count"] = (
            statements.order_by().values("article").distinct().count()
            if selection.narrows_statements
            else selection.articles().count()
        )
        context["query"] = form.data.urlencode() if hasattr(form.data, "urlencode") else ""
    return context


@require_GET
@login_required
def export_page(request: HttpRequest) -> HttpResponse:
    _require_bulk_export(request)
    form = ExportFilterForm(request.GET or {})
    context = _export_context(form)
    if request.htmx:
        return render(request, "exports/page.html#export-summary", context)
    # The most-quoted parties first, for the Party field's suggestions (a fragment needs none).
    context["party_names"] = (
        Party.objects.annotate(n=Count("statements"))
        .order_by("-n", "name")
        .values_list("name", flat=True)[:300]
    )
    return render(request, "exports/page.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def export_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The export streamed now (GET), or written by a background worker to the shared folder,
    for its job page to link (POST: a large export that should not hold a request open)."""
    _require_bulk_export(request)
    if fmt not in BULK_FORMATS:
        raise Http404("No such export format.")
    form = ExportFilterForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Fix the filters before exporting: " + _errors(form))
        return redirect(f"{reverse('export_page')}?{request.GET.urlencode()}")
    if request.method == "POST":
        job = jobs.start_export(fmt, request.user, query=jobs.export_query(request.GET))
        jobs.watch(request, job)
        return redirect(job)
    selection = form.selection()
    stream = spreadsheet.stream(selection) if fmt == "csv" else backup.stream(selection)
    stamp = timezone.now().strftime("%Y-%m-%d-%H%M")
    spec = FORMATS[fmt]
    response = StreamingHttpResponse(stream, content_type=spec.content_type)
    return _attach(response, _filename(f"factcheck-statements-{stamp}", spec.extension))


def _errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@require_http_methods(["GET", "POST"])
@login_required
def batch_import(request: HttpRequest) -> HttpResponse:
    """Read the batch now (so a bad file is refused at once), import it in the background."""
    require(request, "add_article")
    form = BatchImportForm(request.POST or None, request.FILES or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        uploads = form.cleaned_data["files"]
        try:
            if sum(f.size for f in uploads) > batch.MAX_BATCH_BYTES:
                limit = batch.MAX_BATCH_BYTES // 1024**2
                raise batch.BatchProblem(
                    f"the files come to more than {limit} MB; send them in parts."
                )
            found = batch.from_files((f.name, f.read()) for f in uploads)
        except batch.BatchProblem as e:
            problem = f"Nothing was imported: {e}"
        else:
            names = ", ".join(f.name for f in uploads)
            n = len(found.drafts)
            job = jobs.start_import(
                found, request.user, f"Import of {n} article{'s' if n != 1 else ''} from {names}"
            )
            jobs.watch(request, job)
            return redirect(job)
    status = 400 if request.method == "POST" else 200
    return render(request, "exports/import.html", {"form": form, "problem": problem}, status=status)


@require_POST
@login_required
def pdf_background(request: HttpRequest, pk: int) -> HttpResponse:
    article = _exportable_article(request, pk)
    job = jobs.start_export("pdf", request.user, article_pk=article.pk)
    jobs.watch(request, job)
    return redirect(job)
