"""Reviewers' verdicts, rationale and evidence; editors' final verdicts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, trigger_client_event

from factcheck.forms import (
    FinalVerdictForm,
    VerdictDetailForm,
    error_text,
)
from factcheck.models import (
    EditConflict,
    Statement,
    Verdict,
    Verdicts,
)
from factcheck.views.access import statement_for
from factcheck.views.review.page import (
    LABELS,
    back_to,
    evidence_of,
    progress_of,
    row_context,
    row_for,
    verdict_block,
)


@require_GET
@login_required
def statement_rationale(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """The reviewer's rationale and evidence form (a page, or the fragment opened in a row)."""
    statement = statement_for(request, article_pk, pk, perm="add_verdict")
    template = "review/rationale.html" + ("#rationale-form" if request.htmx else "")
    return render(request, template, row_context(request, statement))


@require_POST
@login_required
def statement_verdict(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """A reviewer's verdict with the rationale and evidence typed beside it (or a bare value)."""
    statement = statement_for(request, article_pk, pk, perm="add_verdict")
    return _save_verdict(request, statement, request.POST, form_answer=True)


@require_POST
@login_required
def desk_verdict(request: HttpRequest, article_pk: int) -> HttpResponse:
    """A verdict button on the review page (review.js posts `statement`, `value` and the
    `version` of the verdict the button was drawn with, so a stale tab's click must not
    overwrite a newer save; with typed text, the rationale form's version goes instead)."""
    pk = request.POST.get("statement", "")
    if not pk.isdigit():
        return HttpResponseBadRequest("Choose a verdict button.")
    statement = statement_for(request, article_pk, int(pk), perm="add_verdict")
    return _save_verdict(request, statement, request.POST)


def _save_verdict(
    request: HttpRequest, statement: Statement, data, form_answer: bool = False
) -> HttpResponse:
    """Save the verdict in `data`. Asked by htmx, everything the page changes comes back out of
    band; with `form_answer` the rationale form that asked is answered with itself, redrawn (the
    typed text kept on an error, the new version once saved)."""
    form = VerdictDetailForm(data)
    conflict = None
    conflicted = False
    detailed = False
    if form.is_valid():
        cleaned = form.cleaned_data
        detailed = cleaned["detailed"]
        try:
            if cleaned["version"] is None:
                # Without the version its page showed, a stale tab's button would overwrite
                # (and mix with) what another tab saved since: every verdict form sends it.
                raise EditConflict(
                    Verdict.objects.filter(statement=statement, reviewer=request.user).first(),
                    message=MISSING_VERSION,
                )
            statement.set_verdict(
                request.user,
                cleaned["value"],
                rationale=cleaned["rationale"] if detailed else None,
                evidence=cleaned["evidence"] if detailed else None,
                version=cleaned["version"],
            )
        except EditConflict as error:
            conflict, conflicted = error.current, True
            refusal = error.message or conflict_message(conflict, detailed, request.user)
        else:
            if not request.htmx:
                return redirect(back_to(statement))
            row = row_for(request, statement, statement.all_verdicts)
            verdict = next(v for v in statement.all_verdicts if v.reviewer_id == request.user.pk)
            main = ""
            if form_answer:
                main = render_to_string(
                    "review/rationale.html#rationale-form",
                    row_context(request, statement, row),
                    request,
                )
            return _desk_update(
                request,
                statement,
                row,
                main=main,
                # The progress line moves only on a first verdict of an unsettled statement.
                counted=statement.verdict_created and not statement.final_verdict,
                said=f"Saved: {LABELS[row.mine]}, statement by {row.speaker_name}.",
                event={
                    "statement": statement.pk,
                    "shade": row.shade,
                    "version": verdict.version,
                    "value": row.mine,
                },
            )
    message = (
        refusal if conflicted else " ".join(e for errors in form.errors.values() for e in errors)
    )
    # A button alone carried no text: the form shows the saved rationale, not an empty one that
    # would wipe it on the next save.
    context = row_context(
        request,
        statement,
        verdict_form=form if detailed or not conflicted else None,
        verdict_error=message,
        conflict=conflict,
        conflict_evidence=evidence_of(conflict.evidence) if conflict else [],
    )
    status = 409 if conflicted else 400
    if not request.htmx:
        # Without JavaScript the reviewer lands on the form again, their text still in it.
        return render(request, "review/rationale.html", context, status=status)
    # The rationale form that asked is redrawn with the reviewer's text and, on a conflict, the
    # saved version, so saving again replaces it; a button's answer is all out of band.
    main = ""
    if form_answer:
        main = render_to_string("review/rationale.html#rationale-form", context, request)
    error = render_to_string("review/verdict_error.html", context, request)
    response = render(
        request,
        "review/verdict_update.html",
        {
            "verdict_block": verdict_block(request, context["row"], error=error),
            "alert": message,
            "main": main,
        },
        status=status,
    )
    return response if main else reswap(response, "none")


def _desk_update(request, statement, row, *, said, event, main="", counted=True):
    """What the page changes after a verdict or final verdict: the row's verdict block, and
    when `counted` the progress line and the status pill, out of band; `said` for screen
    readers; `main` answers the form that asked."""
    response = render(
        request,
        "review/verdict_update.html",
        {
            "article": statement.article,
            "verdict_block": verdict_block(request, row),
            **(progress_of(request.user, statement.article) if counted else {}),
            "counted": counted,
            "said": said,
            "main": main,
        },
    )
    if not main:
        response = reswap(response, "none")
    return trigger_client_event(response, "verdict-saved", event)


MISSING_VERSION = (
    "Not saved: this page did not say which version of your verdict it shows, so it may be out of"
    " date. Reload the page and choose your verdict again."
)


def conflict_message(current, kept: bool = True, user=None) -> str:
    """Why a save was refused; `kept`: the user's own text is still in the form. A change of
    `user`'s own (their verdict, saved from another tab) names nobody."""
    who = getattr(current, "reviewer", None) or getattr(current, "final_by", None)
    if user is not None and who is not None and who.pk == user.pk:
        where = " in another window"
    else:
        where = " in another window or by a colleague" + (
            f" ({who.get_full_name() or who.username})" if who else ""
        )
    return f"Not saved: this was changed{where} after you opened it" + (
        ". Their version is shown below; your text is kept in the form — save again to"
        " replace theirs."
        if kept
        else ". The saved version is shown below; choose your verdict again to replace it."
    )


FINAL_CHOICES = [*Verdicts.choices, ("", "Not settled")]


@require_http_methods(["GET", "POST"])
@login_required
def final_verdict(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """The editor's final verdict and note, the one reports publish; guarded by a version."""
    statement = statement_for(request, article_pk, pk, perm="set_final_verdict")
    chosen, note = statement.final_verdict, statement.final_note
    conflict = None
    error = ""
    if request.method == "POST":
        form = FinalVerdictForm(request.POST)
        chosen = request.POST.get("final_verdict", "")
        note = request.POST.get("final_note", "")
        if form.is_valid():
            data = form.cleaned_data
            try:
                statement.set_final_verdict(
                    request.user,
                    data["final_verdict"],
                    data["final_note"].strip(),
                    version=data["version"],
                )
            except EditConflict as exc:
                conflict = exc.current
                error = conflict_message(conflict)
            else:
                if not request.htmx:
                    return redirect(back_to(statement))
                row = row_for(request, statement)
                final = render_to_string(
                    "review/final.html#final-form",
                    row_context(request, statement, row, **final_context(statement)),
                    request,
                )
                return _desk_update(
                    request,
                    statement,
                    row,
                    said=f"Final verdict saved: {row.final_label or 'Not settled'}.",
                    event={"statement": statement.pk, "shade": row.shade},
                    main=final,
                )
        else:
            error = error_text(form, "Choose a final verdict (or Not settled) and try again.")
    context = {
        **final_context(statement, chosen, note),
        "final_error": error,
        "conflict": conflict,
    }
    status = 409 if conflict else 400 if error else 200
    template = "review/final.html" + ("#final-form" if request.htmx else "")
    return render(request, template, row_context(request, statement, **context), status=status)


def final_context(statement: Statement, chosen: str | None = None, note: str | None = None):
    return {
        "final_choices": FINAL_CHOICES,
        "final_chosen": statement.final_verdict if chosen is None else chosen,
        "final_note": statement.final_note if note is None else note,
    }
