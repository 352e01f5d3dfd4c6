"""Comments on a statement, and the history of a statement or an article (with restore)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from factcheck.forms import (
    CommentForm,
)
from factcheck.models import (
    Comment,
    EditConflict,
    Revision,
    Statement,
    sees_every_verdict,
)
from factcheck.views.access import article_for, require, statement_for


@require_http_methods(["GET", "POST"])
@login_required
def statement_comments(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    statement = statement_for(request, article_pk, pk, perm="view_comment")
    form = CommentForm()
    if request.method == "POST":
        require(request, "add_comment")
        form = CommentForm(request.POST)
        if form.is_valid():
            statement.add_comment(request.user, form.cleaned_data["body"])
            if not request.htmx:
                return redirect(reverse("statement_comments", args=[article_pk, pk]))
            form = CommentForm()
    template = "review/comments.html"
    if request.htmx:
        template += "#thread"
    thread = Comment.objects.filter(statement=statement)
    comments = list(thread.visible_to(request.user).select_related("author"))
    hidden = thread.hidden_from(request.user).count()
    return render(
        request,
        template,
        {
            "article": statement.article,
            "statement": statement,
            "comments": comments,
            "hidden": hidden,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _history(user, revisions) -> list[Revision]:
    """The newest changes `user` may read: blind review hides colleagues' verdict changes."""
    return list(revisions.visible_to(user).select_related("actor", "statement")[:300])


def _blind_for(user, article) -> bool:
    return article.blind_review and not sees_every_verdict(user)


@require_GET
@login_required
def statement_history(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    require(request, "view_revision")
    return _statement_history_page(request, article_pk, pk)


def _statement_history_page(
    request: HttpRequest, article_pk: int, pk: int, status: int = 200
) -> HttpResponse:
    statement = get_object_or_404(
        Statement.objects.select_related("article", "speaker"), pk=pk, article_id=article_pk
    )
    template = "review/history.html"
    if request.htmx:
        template += "#history-list"
    return render(
        request,
        template,
        {
            "article": statement.article,
            "statement": statement,
            "revisions": _history(request.user, statement.revisions.all()),
            "blind": _blind_for(request.user, statement.article),
        },
        status=status,
    )


@require_GET
@login_required
def article_history(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_for(request, pk, perm="view_revision")
    deleted = article.statements.filter(deleted_at__isnull=False).select_related("speaker")
    template = "review/history.html" + ("#history-list" if request.htmx else "")
    return render(
        request,
        template,
        {
            "article": article,
            "revisions": _history(request.user, article.revisions.all()),
            "blind": _blind_for(request.user, article),
            "deleted": deleted,
        },
    )


@require_POST
@login_required
def revision_restore(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    require(request, "change_statement")
    revision = get_object_or_404(Revision, pk=pk, article_id=article_pk)
    conflict = False
    try:
        revision.restore(request.user)
    except EditConflict:
        conflict = True
        messages.error(
            request,
            "Not restored: someone changed this statement while you were restoring it. Its "
            "history below shows the change; restore again if it is still wanted.",
        )
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Restored the version from before that change.")
    if conflict and revision.statement_id:
        # Like every other conflict: 409, with the page that shows what changed.
        return _statement_history_page(request, article_pk, revision.statement_id, status=409)
    url = (
        reverse("statement_history", args=[article_pk, revision.statement_id])
        if (revision.statement_id)
        else reverse("article_history", args=[article_pk])
    )
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)
