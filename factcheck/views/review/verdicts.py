"""Reviewers' verdicts, rationale and evidence; editors' final verdicts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from factcheck.forms import (
    FinalVerdictForm,
    VerdictDetailForm,
    error_text,
)
from factcheck.models import (
    EditConflict,
    Verdict,
    Verdicts,
)
from factcheck.views.access import statement_for
from factcheck.views.review.page import (
    DETAIL,
    back_to,
    decorate,
    one_row,
    prepare_rows,
    row_context,
)


@require_GET
@login_required
def statement_rationale(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """The reviewer's rationale and evidence form (a page, or the fragment opened in a row)."""
    statement = one_row(request, statement_for(request, article_pk, pk, perm="add_verdict"))
    template = "review/rationale.html" + ("#rationale-form" if request.htmx else "")
    return render(request, template, row_context(request, statement))


@require_POST
@login_required
def statement_verdict(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """A reviewer's verdict: a button alone, or with the rationale and evidence typed beside it."""
    statement = statement_for(request, article_pk, pk, perm="add_verdict")
    form = VerdictDetailForm(request.POST)
    conflict = None
    conflicted = False
    detailed = False
    if form.is_valid():
        data = form.cleaned_data
        detailed = data["detailed"]
        try:
            if data["version"] is None:
                # Without the version its page showed, a stale tab's button would overwrite
                # (and mix with) what another tab saved since: every verdict form sends it.
                raise EditConflict(
                    Verdict.objects.filter(statement=statement, reviewer=request.user).first(),
                    message=MISSING_VERSION,
                )
            statement.set_verdict(
                request.user,
                data["value"],
                rationale=data["rationale"] if detailed else None,
                evidence=data["evidence"] if detailed else None,
                version=data["version"],
            )
        except EditConflict as error:
            conflict, conflicted = error.current, True
            refusal = error.message or conflict_message(conflict, detailed, request.user)
        else:
            if not request.htmx:
                return redirect(back_to(statement))
            decorate(request.user, statement.article, [statement], statement.all_verdicts)
            number = request.POST.get("number", "")
            statement.number = number if number.isdigit() else ""
            prepare_rows(request, [statement])
            response = render(request, DETAIL + "#verdict-block", row_context(request, statement))
            return trigger_client_event(
                response,
                "verdict-saved",
                {
                    "statement": statement.pk,
                    "value": statement.my_verdict.value,
                    "shade": statement.shade,
                    "counted": statement.verdict_created and not statement.final_verdict,
                },
            )
    message = (
        refusal if conflicted else " ".join(e for errors in form.errors.values() for e in errors)
    )
    statement = one_row(request, statement)
    # A button alone carried no text: the form shows the saved rationale, not an empty one that
    # would wipe it on the next save.
    context = row_context(
        request,
        statement,
        verdict_form=form if detailed or not conflicted else None,
        verdict_error=message,
        conflict=conflict,
    )
    prepare_rows(
        request,
        [statement],
        verdict_error=render_to_string("review/verdict_error.html", context, request),
        verdict_form=render_to_string("review/rationale.html#rationale-form", context, request),
    )
    status = 409 if conflicted else 400
    if not request.htmx:
        # Without JavaScript the reviewer lands on the form again, their text still in it.
        return render(request, "review/rationale.html", context, status=status)
    return render(request, DETAIL + "#verdict-block", context, status=status)


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
    was_settled = bool(statement.final_verdict)
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
                article = statement.article  # its status refreshed by set_final_verdict
                settled = int(bool(statement.final_verdict)) - int(was_settled)
                statement = one_row(request, statement)
                # The page's progress line and status pill follow, without reloading the page.
                return trigger_client_event(
                    render(request, DETAIL + "#statement-row", row_context(request, statement)),
                    "verdict-saved",
                    {
                        "statement": statement.pk,
                        "shade": statement.shade,
                        "settled": settled,
                        "reviewed": 0 if statement.my_verdict else settled,
                        "status": article.status,
                        "status_label": article.get_status_display(),
                    },
                )
        else:
            error = error_text(form, "Choose a final verdict (or Not settled) and try again.")
    context = {
        "final_choices": FINAL_CHOICES,
        "final_chosen": chosen,
        "final_note": note,
        "final_error": error,
        "conflict": conflict,
    }
    status = 409 if conflict else 400 if error else 200
    if request.method == "POST" and request.htmx:
        statement = one_row(request, statement)
        form_html = render_to_string(
            "review/final.html#final-form", row_context(request, statement, **context), request
        )
        prepare_rows(
            request,
            [statement],
            settle=f'<details class="settle" open><summary>Final verdict</summary>{form_html}'
            "</details>",
        )
        return render(
            request,
            DETAIL + "#statement-row",
            row_context(request, statement, **context),
            status=status,
        )
    template = "review/final.html" + ("#final-form" if request.htmx else "")
    number = request.GET.get("number", "")
    statement.number = number if number.isdigit() else ""
    return render(request, template, row_context(request, statement, **context), status=status)
