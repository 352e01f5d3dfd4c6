from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from factcheck import jobs
from factcheck.forms import ArticleForm
from factcheck.models import Article
from factcheck.views.access import article_for, require
from factcheck.views.review.page import review_context


@require_GET
@login_required
def article_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_article")
    articles = Article.objects.annotate(
        statement_count=Count("statements", filter=Q(statements__deleted_at__isnull=True)),
        settled_count=Count(
            "statements",
            filter=Q(statements__deleted_at__isnull=True) & ~Q(statements__final_verdict=""),
        ),
    ).only("id", "title", "outlet", "published_on", "status", "created_at")[:200]
    return render(request, "articles/list.html", {"articles": articles})


@require_http_methods(["GET", "POST"])
@login_required
def article_new(request: HttpRequest) -> HttpResponse:
    require(request, "add_article")
    form = ArticleForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fields = form.article_fields()
        raw_text = fields.pop("raw_text")
        if len(raw_text.encode()) > settings.ARTICLE_BACKGROUND_BYTES:
            # Finding the statements in a long article takes seconds: a worker does it.
            job = jobs.start_article(raw_text, fields, request.user)
            jobs.watch(request, job)
            return redirect(job)
        with transaction.atomic():
            article = Article.objects.submit(raw_text=raw_text, created_by=request.user, **fields)
        site = urlsplit(article.fetched_url).hostname
        fetched = f", fetched from {site}" if site else ""
        messages.success(request, f"“{article.title}” is on the desk{fetched}.")
        return redirect(article)
    status = 400 if request.method == "POST" else 200  # invalid input, as the other forms say
    return render(request, "articles/new.html", {"form": form}, status=status)


@require_GET
@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The review page; asked by htmx (the filters), only its list of statements."""
    article = article_for(request, pk)
    template = "articles/detail.html"
    if request.htmx and request.htmx.target == "statement-panel":
        template += "#statement-panel"
    return render(request, template, review_context(request, article))
