"""Adding, editing, accepting, deleting and restoring statements; choosing their speaker."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import (
    CharField,
    F,
    Func,
    Q,
    Value,
)
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget, trigger_client_event

from factcheck.forms import (
    StatementEditForm,
    error_text,
)
from factcheck.models import (
    EditConflict,
    Party,
    Revision,
    Statement,
)
from factcheck.views.access import article_for, require, statement_for
from factcheck.views.review.page import (
    DETAIL,
    abilities,
    back_to,
    desk,
    review_context,
    row_context,
    row_for,
    statement_number,
)
from factcheck.views.review.verdicts import conflict_message, final_context


def _speaker_from(request: HttpRequest, data: dict) -> Party | bool | None:
    """The chosen party, or a new one named in the form (editors only); False when left alone."""
    if data.get("speaker"):
        party = Party.objects.filter(pk=data["speaker"]).first()
        if party is None:
            raise ValueError("That speaker no longer exists; choose another.")
        return party
    name = " ".join((data.get("new_speaker") or "").split())
    if not name:
        return None
    party = Party.objects.named(name)
    if party:
        return party
    require(request, "add_party")
    party = Party.objects.create(name=name)
    Revision.objects.create(
        party=party, actor=request.user, action=Revision.Action.PARTY_EDITED, after={"name": name}
    )
    return party


@require_POST
@login_required
def statement_add(request: HttpRequest, article_pk: int) -> HttpResponse:
    """Add a statement over the text the editor selected, with its speaker."""
    article = article_for(request, article_pk, perm="add_statement")
    form = StatementEditForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            with transaction.atomic():
                speaker = _speaker_from(request, form.cleaned_data)
                statement, created = article.add_statement(
                    request.user,
                    start=form.cleaned_data["start"],
                    end=form.cleaned_data["end"],
                    speaker=speaker or None,
                    direct=form.cleaned_data["direct"],
                )
        except (ValueError, IntegrityError) as exc:
            error = (
                str(exc) if isinstance(exc, ValueError) else "That statement could not be saved."
            )
    else:
        error = error_text(form, fallback="Select some text of the article first.")
    if error:
        if request.htmx:
            return render(request, "review/notice.html", {"error": error}, status=400)
        messages.error(request, error)
        return redirect(article)
    url = f"{article.get_absolute_url()}#s{statement.pk}"
    if not request.htmx:
        messages.success(
            request, "Statement added." if created else "That statement was already there."
        )
        return redirect(url)
    response = render(request, DETAIL + "#review-body", review_context(request, article))
    return trigger_client_event(
        response, "statement-added", {"statement": statement.pk}, after="settle"
    )


@require_http_methods(["GET", "POST"])
@login_required
def statement_edit(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """Change a statement's span, speaker and direct/reported flag (editors)."""
    statement = statement_for(request, article_pk, pk, perm="change_statement")
    template = "review/statement_edit.html"
    if request.htmx:
        template += "#edit-form"
    conflict = None
    error = ""
    if request.method == "POST":
        form = StatementEditForm(request.POST)
        if form.is_valid() and form.cleaned_data["version"] is None:
            # Without it a stale form would silently overwrite a colleague's edit.
            error = (
                "Not saved: this form did not say which version of the statement it edits. "
                "Reload the page and edit the statement again."
            )
        elif form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    speaker = _speaker_from(request, data)
                    statement.edit(
                        request.user,
                        version=data["version"],
                        start=data["start"],
                        end=data["end"],
                        speaker=speaker,
                        direct=data["direct"],
                    )
            except EditConflict as exc:
                conflict = exc.current
                error = conflict_message(None)
            except (ValueError, IntegrityError) as exc:
                error = (
                    str(exc) if isinstance(exc, ValueError) else "That change could not be saved."
                )
            else:
                if not request.htmx:
                    messages.success(request, "Statement saved.")
                    return redirect(back_to(statement))
                response = render(
                    request,
                    DETAIL + "#review-body",
                    review_context(request, statement.article),
                )
                return trigger_client_event(
                    response, "statement-added", {"statement": statement.pk}, after="settle"
                )
        else:
            error = error_text(form, fallback="Select the statement's text in the article again.")
    else:
        form = StatementEditForm(
            initial={
                "start": statement.start,
                "end": statement.end,
                "speaker": statement.speaker_id,
                "new_speaker": statement.speaker.name if statement.speaker else "",
                "direct": statement.direct,
                "version": statement.version,
            }
        )
    if conflict:
        # Their version in the page, the editor's own choices kept in the form, ready to resave.
        form = StatementEditForm(
            {
                **request.POST.dict(),
                "version": conflict.version,
                "direct": request.POST.get("direct", ""),
            }
        )
    response = render(
        request,
        template,
        {
            "article": statement.article,
            "statement": statement,
            "form": form,
            "error": error,
            "conflict": conflict,
        },
        status=409 if conflict else 400 if error else 200,
    )
    if request.htmx and error:
        # The form asked to replace the review body on success; a refusal stays in the form.
        response = reswap(retarget(response, f"#edit-form-{statement.pk}"), "outerHTML")
    return response


@require_GET
@login_required
def statement_tools(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """A row's rationale, final verdict, comments, history and editing, loaded when the row's
    panel is first opened (a page of its own without JavaScript)."""
    statement = statement_for(request, article_pk, pk)
    statement.comment_count = statement.comments.visible_to(request.user).count()
    template = "review/tools.html" + ("#tools" if request.htmx else "")
    context = row_context(request, statement, **final_context(statement))
    return render(request, template, context)


@require_POST
@login_required
def statement_accept(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """An editor keeps a statement the extraction proposed; accepting twice changes nothing."""
    statement = statement_for(request, article_pk, pk, perm="change_statement")
    statement.accept(request.user)
    if not request.htmx:
        messages.success(request, "Statement accepted.")
        return redirect(back_to(statement))
    row = row_for(request, statement)
    row.number = statement_number(statement)
    html = desk().row(row, abilities(request.user), oob=True)
    response = reswap(HttpResponse(html), "none")
    # Fired on receipt: the form that asked is inside the row the swap replaces, and an event on
    # a detached element never reaches the page's listener.
    return trigger_client_event(response, "statements-accepted", {"statements": [statement.pk]})


@require_POST
@login_required
def proposals_accept(request: HttpRequest, article_pk: int) -> HttpResponse:
    """Accept every statement still proposed on the article, once the editor has looked."""
    article = article_for(request, article_pk, perm="change_statement")
    accepted = article.accept_proposals(request.user)
    message = (
        f"Accepted {accepted} proposed statement{'s' if accepted != 1 else ''}."
        if accepted
        else "There were no proposals left to accept."
    )
    if not request.htmx:
        messages.success(request, message)
        return redirect(article)
    response = render(request, DETAIL + "#review-body", review_context(request, article))
    return trigger_client_event(response, "proposals-accepted", {"message": message})


@require_POST
@login_required
def statement_delete(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    require(request, "delete_statement")
    statement = get_object_or_404(Statement, pk=pk, article_id=article_pk)
    statement.soft_delete(request.user)
    messages.success(request, "Statement deleted. It can be restored from the article's history.")
    if request.htmx:
        return HttpResponseClientRedirect(statement.article.get_absolute_url())
    return redirect(statement.article)


@require_POST
@login_required
def statement_restore(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    require(request, "delete_statement")
    statement = get_object_or_404(
        Statement.objects.select_related("article"), pk=pk, article_id=article_pk
    )
    statement.restore(request.user)
    messages.success(request, "Statement restored.")
    if request.htmx:
        return HttpResponseClientRedirect(back_to(statement))
    return redirect(back_to(statement))


@require_GET
@login_required
def speaker_search(request: HttpRequest, article_pk: int) -> HttpResponse:
    """Parties whose name or alias contains what the editor typed, for the speaker picker."""
    article_for(request, article_pk, perm="view_party")
    typed = request.GET.get("q") or request.GET.get("new_speaker") or ""
    query = " ".join(typed.split())[:100]
    parties = []
    exact = None
    if query:
        alias_text = Func(
            F("aliases"), Value(" "), function="array_to_string", output_field=CharField()
        )
        parties = list(
            Party.objects.annotate(alias_text=alias_text)
            .filter(Q(name__icontains=query) | Q(alias_text__icontains=query))
            .order_by("name")[:8]
        )
        exact = Party.objects.named(query)
    return render(
        request,
        "review/speakers.html",
        {
            "query": query,
            "parties": parties,
            "exact": exact,
            "can_create": request.user.has_perm("factcheck.add_party"),
            "field": request.GET.get("field", "speaker"),
        },
    )
