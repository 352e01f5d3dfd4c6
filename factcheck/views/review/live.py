"""Live updates of the review page, and agreement across the desk."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django_htmx.http import trigger_client_event

from factcheck.agreement import krippendorff_alpha
from factcheck.models import (
    Article,
    Revision,
    Verdict,
)
from factcheck.views.access import require
from factcheck.views.review.page import desk, live_statements, rows_for


@require_GET
@login_required
def article_changes(request: HttpRequest, pk: int) -> HttpResponse:
    """What changed on the article since revision `since`: 204 when nothing (one indexed query).

    Otherwise the changed statements' verdict summaries, swapped out of band, leaving the
    user's own forms alone so nothing they are typing is lost.
    """
    require(request, "view_article")
    since = request.GET.get("since", "")
    if not since.isdigit():
        return HttpResponse("Give ?since=<revision id>.", status=400)
    # One indexed query (article_id, id); the user's own changes only move the marker on.
    recent = list(
        Revision.objects.filter(article_id=pk, id__gt=int(since))
        .order_by("id")
        .values_list("id", "statement_id", "action", "actor_id")
    )
    if not recent:
        return HttpResponse(status=204)
    changes = [(i, s, a) for i, s, a, actor in recent if actor != request.user.pk]
    if not changes:
        return render(request, "review/changes.html", {"article_pk": pk, "since": recent[-1][0]})
    article = get_object_or_404(Article, pk=pk)
    ids = {statement_id for _, statement_id, _ in changes if statement_id}
    statements = list(live_statements(article, request.user).filter(pk__in=ids))
    rows = rows_for(request.user, article, statements)
    structural = any(
        action
        in {"statement_created", "statement_deleted", "statement_restored", "statement_edited"}
        for _, _, action in changes
    ) or len(statements) < len(ids)
    response = render(
        request,
        "review/changes.html",
        {
            "article": article,
            "article_pk": pk,
            "others": [desk().others(row, oob=True) for row in rows],
            "since": recent[-1][0],
            "structural": structural,
        },
    )
    # The page recolours these statements' highlights, as after a verdict of one's own.
    shades = [{"statement": r.pk, "shade": r.shade} for r in rows]
    return trigger_client_event(response, "statements-changed", {"shades": shades}, after="swap")


# Agreement across the desk -----------------------------------------------------------------


@require_GET
@login_required
def desk_agreement(request: HttpRequest) -> HttpResponse:
    require(request, "view_verdict")
    # Computed from what the user may see: hidden verdicts must not move the figure either.
    rows = (
        Verdict.objects.visible_to(request.user)
        .filter(statement__deleted_at__isnull=True)
        .order_by("statement__article_id", "statement_id")
        .values_list("statement__article_id", "statement_id", "value")
    )
    by_article: dict[int, dict[int, list[str]]] = {}
    for article_id, statement_id, value in rows.iterator(chunk_size=5000):
        by_article.setdefault(article_id, {}).setdefault(statement_id, []).append(value)
    desk = krippendorff_alpha(u for units in by_article.values() for u in units.values())
    titles = dict(Article.objects.filter(pk__in=by_article).values_list("pk", "title"))
    articles = sorted(
        (
            (pk, titles.get(pk, ""), krippendorff_alpha(units.values()))
            for pk, units in by_article.items()
        ),
        key=lambda row: (row[2].alpha is None, row[2].alpha if row[2].alpha is not None else 0),
    )
    template = "review/agreement.html"
    if request.htmx:
        template += "#desk"
    return render(request, template, {"desk": desk, "articles": articles})
