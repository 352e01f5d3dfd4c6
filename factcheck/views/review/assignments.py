"""Assigning reviewers to an article and turning blind review on or off."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from factcheck.forms import (
    AssignmentForm,
)
from factcheck.views.access import article_for
from factcheck.views.review.page import (
    reviewer_choices,
)


@require_POST
@login_required
def assignment_save(request: HttpRequest, article_pk: int) -> HttpResponse:
    article = article_for(request, article_pk, perm="add_assignment")
    statements = list(article.statements.live().order_by("position", "start", "id"))
    form = AssignmentForm(
        request.POST,
        reviewers=reviewer_choices(),
        numbered={n: s for n, s in enumerate(statements, 1)},
    )
    if form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            for reviewer in data["reviewers"]:
                article.assign(
                    request.user, reviewer, due_on=data["due_on"], statements=data["statements"]
                )
        names = ", ".join(u.get_full_name() or u.username for u in data["reviewers"])
        messages.success(request, f"Assigned to {names}.")
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    url = article.get_absolute_url() + "#assignments"
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_POST
@login_required
def assignment_delete(request: HttpRequest, article_pk: int, reviewer_pk: int) -> HttpResponse:
    article = article_for(request, article_pk, perm="delete_assignment")
    reviewer = get_object_or_404(get_user_model(), pk=reviewer_pk)
    article.unassign(request.user, reviewer)
    messages.success(
        request, f"{reviewer.get_full_name() or reviewer.username} is off this article."
    )
    url = article.get_absolute_url() + "#assignments"
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_POST
@login_required
def blind_review(request: HttpRequest, article_pk: int) -> HttpResponse:
    article = article_for(request, article_pk, perm="change_article")
    article.set_blind_review(request.user, request.POST.get("blind") == "on")
    messages.success(
        request,
        "Blind review is on: reviewers see colleagues' verdicts only after giving their own."
        if article.blind_review
        else "Blind review is off: reviewers see each other's verdicts.",
    )
    return (
        HttpResponseClientRedirect(article.get_absolute_url())
        if request.htmx
        else redirect(article)
    )
