from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from factcheck.forms import ArticleForm, VerdictForm
from factcheck.highlight import paragraphs
from factcheck.models import Article, Verdict
from factcheck.views.access import article_for, require, statement_for


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("article_list")


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
        fields = {k: v for k, v in form.cleaned_data.items() if k not in {"raw_text", "upload"}}
        with transaction.atomic():
            article = Article.objects.submit(
                raw_text=form.cleaned_data["raw_text"], created_by=request.user, **fields
            )
        messages.success(request, f"“{article.title}” is on the desk.")
        return redirect(article)
    return render(request, "articles/new.html", {"form": form})


def _review_context(request: HttpRequest, article: Article) -> dict:
    statements = list(
        article.statements.live().select_related("speaker").order_by("position", "start", "id")
    )
    mine = {
        v.statement_id: v
        for v in Verdict.objects.filter(statement__article=article, reviewer=request.user)
    }
    for number, statement in enumerate(statements, 1):
        statement.number = number
        statement.my_verdict = mine.get(statement.pk)
    runs = paragraphs(article.text, [(s.start, s.end, s) for s in statements])
    reviewed = sum(1 for s in statements if s.my_verdict or s.final_verdict)
    return {
        "article": article,
        "statements": statements,
        "paragraphs": runs,
        "reviewed": reviewed,
        "verdict_choices": Verdict._meta.get_field("value").choices,
    }


@require_GET
@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_for(request, pk)
    return render(request, "articles/detail.html", _review_context(request, article))


@require_POST
@login_required
def statement_verdict(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    statement = statement_for(request, article_pk, pk, perm="add_verdict")
    form = VerdictForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return HttpResponse("Choose Confirmed, Denied or Disputed.", status=400)
        messages.error(request, "Choose Confirmed, Denied or Disputed.")
        return redirect(statement.article)
    verdict = statement.set_verdict(request.user, form.cleaned_data["value"])
    if not request.htmx:
        return redirect(f"{statement.article.get_absolute_url()}#s{statement.pk}")
    statement.my_verdict = verdict
    number = request.POST.get("number", "")
    statement.number = int(number) if number.isdigit() else ""
    response = render(
        request,
        "articles/detail.html#statement-row",
        {"statement": statement, "article": statement.article},
    )
    return trigger_client_event(
        response, "verdict-saved", {"statement": statement.pk, "value": verdict.value}
    )
