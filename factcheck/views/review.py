"""The review desk around one article: statements, verdicts, final verdicts, comments, history.

Every view checks access at the top. Each serves a plain page (or redirect after POST) and, asked by
htmx, the matching fragment of `articles/detail.html` or `review/*.html`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import (
    CharField,
    Count,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget, trigger_client_event

from factcheck.agreement import krippendorff_alpha
from factcheck.forms import (
    AssignmentForm,
    CommentForm,
    FinalVerdictForm,
    StatementEditForm,
    VerdictDetailForm,
)
from factcheck.models import (
    Article,
    Comment,
    EditConflict,
    Party,
    Revision,
    Statement,
    Verdict,
    Verdicts,
)
from factcheck.views import markup
from factcheck.views.access import article_for, require, statement_for

DETAIL = "articles/detail.html"
FILTERS = ("party", "verdict", "state")
STATES = {
    "unreviewed": "Unreviewed by you",
    "unsettled": "No final verdict",
    "disagreement": "Reviewers disagree",
    "mine": "Assigned to you",
}


# Preparing statements for display ----------------------------------------------------------


@dataclass
class Piece:
    """A run of article text; `statement` set when it is highlighted."""

    text: str
    statement: Statement | None = None
    ends: bool = False  # the statement's span ends here, so its label goes here
    multi: bool = False
    also: str = ""  # the other statements covering this run (overlapping spans)


def can_see_verdicts(user, article: Article, mine: Verdict | None) -> bool:
    """Blind review hides colleagues' verdicts until you have given yours; editors see all."""
    return (
        not article.blind_review or mine is not None or user.has_perm("factcheck.set_final_verdict")
    )


ICONS = {"confirmed": "✓", "denied": "✗", "disputed": "≠"}
LABELS = dict(Verdicts.choices)


def abilities(user) -> dict:
    """What the user may do on the page, looked up once rather than once per row."""
    can_review = user.has_perm("factcheck.add_verdict")
    return {
        "can_review": can_review,
        "review_disabled": "" if can_review else " disabled",
        "can_settle": user.has_perm("factcheck.set_final_verdict"),
        "can_add_statements": user.has_perm("factcheck.add_statement"),
        "can_edit_statements": user.has_perm("factcheck.change_statement"),
        "can_delete_statements": user.has_perm("factcheck.delete_statement"),
        "verdict_choices": Verdicts.choices,
    }


def decorate(user, article: Article, statements: list[Statement], verdicts=None) -> None:
    """Attach what a row shows: my verdict, the others' (when visible), disagreement.

    `verdicts` are all verdicts on these statements; loaded in one query when not given.
    Display strings are worked out here because the template engine is the slow part of a
    500-statement page.
    """
    if verdicts is None:
        verdicts = Verdict.objects.filter(statement__in=statements).select_related("reviewer")
    by_statement: dict[int, list[Verdict]] = {}
    for verdict in verdicts:
        by_statement.setdefault(verdict.statement_id, []).append(verdict)
    is_editor = user.has_perm("factcheck.set_final_verdict")
    prefix = f"{article.get_absolute_url()}statements/"
    # Reversed once: a reverse() per row is measurable on a 500-statement page.
    party_url = reverse("party_detail", args=[0]).removesuffix("0/")
    similar_url = reverse("similar_statements", args=[0]).removesuffix("0/similar/")
    for statement in statements:
        given = by_statement.get(statement.pk, [])
        mine = next((v for v in given if v.reviewer_id == user.pk), None)
        statement.my_verdict = mine
        statement.verdict_values = [v.value for v in given]
        statement.sees_verdicts = not article.blind_review or mine is not None or is_editor
        others = [v for v in given if v.reviewer_id != user.pk]
        statement.other_verdicts = others if statement.sees_verdicts else []
        for verdict in statement.other_verdicts:
            reviewer = verdict.reviewer
            verdict.reviewer_name = reviewer.get_full_name() or reviewer.get_username()
            verdict.icon = ICONS[verdict.value]
            verdict.label = LABELS[verdict.value]
        statement.hidden_verdicts = 0 if statement.sees_verdicts else len(others)
        statement.disagreement = statement.sees_verdicts and len(set(statement.verdict_values)) > 1
        statement.sid = str(statement.pk)
        statement.base = f"{prefix}{statement.pk}/"
        speaker = statement.speaker
        statement.speaker_name = speaker.name if speaker else "Unknown speaker"
        statement.speaker_url = f"{party_url}{speaker.pk}/" if speaker else ""
        statement.similar_url = f"{similar_url}{statement.pk}/similar/"
        statement.kind_label = speaker.get_kind_display() if speaker else ""
        statement.form_label = "Direct quote" if statement.direct else "Reported"
        statement.final_icon = ICONS.get(statement.final_verdict, "")
        statement.my_value = mine.value if mine else ""
        statement.my_version = str(mine.version) if mine else "0"
        statement.my_rationale = mine.rationale if mine else ""
        statement.my_evidence = mine.evidence if mine else []
        statement.my_evidence_text = "\n".join(
            f"{e['url']} {e.get('title', '')}".strip() for e in statement.my_evidence
        )
        statement.pressed = {v: "true" if v == statement.my_value else "false" for v in ICONS}
        if statement.final_verdict:
            state = f"Final: {LABELS[statement.final_verdict]}"
        elif mine:
            state = f"You: {LABELS[mine.value]}"
        else:
            state = "Not reviewed"
        statement.state_label = f"Proposed · {state}" if statement.is_proposal else state


def prepare_rows(request: HttpRequest, statements: list[Statement], **states) -> None:
    """Build the rows' markup once `decorate` has run and the rows are numbered."""
    can = abilities(request.user)
    markup.prepare(
        statements,
        can_review=can["can_review"],
        can_settle=can["can_settle"],
        can_edit=can["can_edit_statements"],
        can_delete=can["can_delete_statements"],
        csrf=get_token(request),
        **states,
    )


VERDICT_FIELDS = (
    "statement_id", "reviewer_id", "value", "rationale", "evidence", "version",
    "reviewer__username", "reviewer__first_name", "reviewer__last_name",
)  # fmt: skip
ROW_FIELDS = (
    "article_id", "speaker_id", "start", "end", "quote", "direct", "origin", "position",
    "final_verdict", "final_note", "version", "deleted_at", "speaker__name", "speaker__kind",
    "accepted_at",
)  # fmt: skip


def _live_statements(article: Article):
    """The article's statements with what a row shows, and no more (500 rows add up)."""
    comments = (
        Comment.objects.filter(statement=OuterRef("pk"))
        .order_by()
        .values("statement")
        .annotate(n=Count("*"))
        .values("n")
    )
    return (
        article.statements.live()
        .select_related("speaker")
        .only(*ROW_FIELDS)
        .annotate(comment_count=Subquery(comments, output_field=IntegerField()))
        .order_by("position", "start", "id")
    )


def _text_pieces(text: str, statements: list[Statement]) -> list[tuple[int, list[Piece]]]:
    """Paragraphs of the article as (offset of the paragraph in the text, pieces)."""
    from factcheck.highlight import paragraphs

    out = []
    cursor = 0
    for runs in paragraphs(text, [(s.start, s.end, s) for s in statements]):
        offset = text.find(runs[0].text, cursor)
        position = offset
        pieces = []
        for run in runs:
            position += len(run.text)
            first = run.first
            pieces.append(
                Piece(
                    run.text,
                    first,
                    ends=bool(first and first.end == position),
                    multi=len(run.marks) > 1,
                    also=" ".join(str(m.pk) for m in run.marks[1:]),
                )
            )
        cursor = position
        out.append((offset, pieces))
    return out


def _filtered(request: HttpRequest, statements: list[Statement]) -> tuple[list, dict]:
    chosen = {key: request.GET.get(key, "") for key in FILTERS}
    shown = statements
    if chosen["party"].isdigit():
        shown = [s for s in shown if s.speaker_id == int(chosen["party"])]
    if chosen["verdict"] in Verdicts.values:
        shown = [s for s in shown if s.shade == chosen["verdict"]]
    elif chosen["verdict"] == "none":
        shown = [s for s in shown if s.shade == "none"]
    state = chosen["state"]
    if state == "unreviewed":
        shown = [s for s in shown if not s.my_verdict]
    elif state == "unsettled":
        shown = [s for s in shown if not s.final_verdict]
    elif state == "disagreement":
        shown = [s for s in shown if s.disagreement]
    elif state == "mine":
        shown = [s for s in shown if s.assigned_to_me]
    return shown, chosen


def review_context(request: HttpRequest, article: Article) -> dict:
    """Everything the review page shows, in a fixed number of queries whatever its size."""
    user = request.user
    statements = list(_live_statements(article))
    verdicts = list(
        Verdict.objects.filter(statement__article=article, statement__deleted_at__isnull=True)
        .select_related("reviewer")
        .only(*VERDICT_FIELDS)
        .order_by("created_at", "id")
    )
    decorate(user, article, statements, verdicts)
    assignments = list(
        article.assignments.select_related("reviewer").prefetch_related("statements")
    )
    mine = next((a for a in assignments if a.reviewer_id == user.pk), None)
    chosen_ids = {s.pk for s in mine.statements.all()} if mine else set()
    for number, statement in enumerate(statements, 1):
        statement.number = str(number)
        statement.mark_title = f"{number}. {statement.speaker_name} · {statement.state_label}"
        statement.assigned_to_me = bool(mine) and (not chosen_ids or statement.pk in chosen_ids)
    numbers = {s.pk: n for n, s in enumerate(statements, 1)}
    for assignment in assignments:
        assignment.numbers = number_ranges(
            numbers[s.pk] for s in assignment.statements.all() if s.pk in numbers
        )
    shown, chosen = _filtered(request, statements)
    prepare_rows(request, shown)
    rows_html = mark_safe("".join(s.html_row for s in shown))  # each row escaped in markup
    parties = sorted({s.speaker for s in statements if s.speaker}, key=lambda p: p.name)
    agreement = krippendorff_alpha([s.verdict_values for s in statements])
    since = Revision.objects.filter(article=article).aggregate(last=Max("id"))["last"] or 0
    context = {
        "article": article,
        "statements": statements,
        "shown": shown,
        "rows_html": rows_html,
        "filters": chosen,
        "filtered": any(chosen.values()),
        "filter_query": urlencode({k: v for k, v in chosen.items() if v}),
        "states": STATES,
        "parties": parties,
        "text_html": markup.text_html(_text_pieces(article.text, statements)),
        "verdict_choices": Verdicts.choices,
        "proposals": sum(1 for s in statements if s.is_proposal),
        "agreement": agreement,
        "assignments": assignments,
        "my_assignment": mine,
        "since": since,
        **progress(user, statements),
        **abilities(user),
    }
    if user.has_perm("factcheck.add_assignment"):
        context["assignment_form"] = AssignmentForm(
            reviewers=_reviewers(), numbered={n: s for n, s in enumerate(statements, 1)}
        )
    return context


def number_ranges(numbers) -> str:
    """1, 2, 3, 5 -> "1–3, 5": how an editor reads a set of statements back."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in runs)


def progress(user, statements: list[Statement]) -> dict:
    reviewed = sum(1 for s in statements if s.my_verdict or s.final_verdict)
    settled = sum(1 for s in statements if s.final_verdict)
    total = len(statements)
    return {
        "reviewed": reviewed,
        "settled": settled,
        "total": total,
        "percent": round(100 * reviewed / total) if total else 0,
    }


def _reviewers():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__codename="add_verdict")
            | Q(user_permissions__codename="add_verdict")
        )
        .distinct()
        .order_by("first_name", "username")
    )


def _one_row(request: HttpRequest, statement: Statement) -> Statement:
    """Load what one statement row shows (for fragments answering a single change)."""
    statement = _live_statements(statement.article).get(pk=statement.pk)
    decorate(request.user, statement.article, [statement])
    number = request.POST.get("number") or request.GET.get("number") or ""
    statement.number = number if number.isdigit() else ""
    statement.assigned_to_me = False
    prepare_rows(request, [statement])
    return statement


def _row_context(request: HttpRequest, statement: Statement, **extra) -> dict:
    return {
        "statement": statement,
        "article": statement.article,
        **abilities(request.user),
        **extra,
    }


def _back(statement: Statement) -> str:
    return f"{statement.article.get_absolute_url()}#s{statement.pk}"


# Verdicts ----------------------------------------------------------------------------------


@require_GET
@login_required
def statement_rationale(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """The reviewer's rationale and evidence form (a page, or the fragment opened in a row)."""
    statement = _one_row(request, statement_for(request, article_pk, pk, perm="add_verdict"))
    template = "review/rationale.html" + ("#rationale-form" if request.htmx else "")
    return render(request, template, _row_context(request, statement))


@require_POST
@login_required
def statement_verdict(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """A reviewer's verdict: a button alone, or with the rationale and evidence typed beside it."""
    statement = statement_for(request, article_pk, pk, perm="add_verdict")
    form = VerdictDetailForm(request.POST)
    conflict = None
    if form.is_valid():
        data = form.cleaned_data
        detailed = data["detailed"]
        try:
            statement.set_verdict(
                request.user,
                data["value"],
                rationale=data["rationale"] if detailed else None,
                evidence=data["evidence"] if detailed else None,
                version=data["version"] if detailed else None,
            )
        except EditConflict as error:
            conflict = error.current
        else:
            if not request.htmx:
                return redirect(_back(statement))
            decorate(request.user, statement.article, [statement], statement.all_verdicts)
            number = request.POST.get("number", "")
            statement.number = number if number.isdigit() else ""
            prepare_rows(request, [statement])
            response = render(request, DETAIL + "#verdict-block", _row_context(request, statement))
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
        conflict_message(conflict)
        if conflict
        else " ".join(e for errors in form.errors.values() for e in errors)
    )
    statement = _one_row(request, statement)
    context = _row_context(
        request, statement, verdict_form=form, verdict_error=message, conflict=conflict
    )
    prepare_rows(
        request,
        [statement],
        verdict_error=render_to_string("review/verdict_error.html", context, request),
        verdict_form=render_to_string("review/rationale.html#rationale-form", context, request),
    )
    status = 409 if conflict else 400
    if not request.htmx:
        # Without JavaScript the reviewer lands on the form again, their text still in it.
        return render(request, "review/rationale.html", context, status=status)
    return render(request, DETAIL + "#verdict-block", context, status=status)


def conflict_message(current) -> str:
    who = getattr(current, "reviewer", None) or getattr(current, "final_by", None)
    return (
        "Not saved: this was changed in another window or by a colleague after you opened it"
        + (f" ({who.get_full_name() or who.username})" if who else "")
        + ". Their version is shown below; your text is kept in the form — save again to replace"
        " theirs."
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
                    return redirect(_back(statement))
                article = statement.article  # its status refreshed by set_final_verdict
                settled = int(bool(statement.final_verdict)) - int(was_settled)
                statement = _one_row(request, statement)
                # The page's progress line and status pill follow, without reloading the page.
                return trigger_client_event(
                    render(request, DETAIL + "#statement-row", _row_context(request, statement)),
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
            error = "Choose a final verdict (or Not settled) and try again."
    context = {
        "final_choices": FINAL_CHOICES,
        "final_chosen": chosen,
        "final_note": note,
        "final_error": error,
        "conflict": conflict,
    }
    status = 409 if conflict else 400 if error else 200
    if request.method == "POST" and request.htmx:
        statement = _one_row(request, statement)
        form_html = render_to_string(
            "review/final.html#final-form", _row_context(request, statement, **context), request
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
            _row_context(request, statement, **context),
            status=status,
        )
    template = "review/final.html" + ("#final-form" if request.htmx else "")
    number = request.GET.get("number", "")
    statement.number = number if number.isdigit() else ""
    return render(request, template, _row_context(request, statement, **context), status=status)


# Statements --------------------------------------------------------------------------------


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
        error = "Select some text of the article first."
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
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    speaker = _speaker_from(request, data)
                    statement.edit(
                        request.user,
                        version=data["version"]
                        if data["version"] is not None
                        else statement.version,
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
                    return redirect(_back(statement))
                response = render(
                    request,
                    DETAIL + "#review-body",
                    review_context(request, statement.article),
                )
                return trigger_client_event(
                    response, "statement-added", {"statement": statement.pk}, after="settle"
                )
        else:
            error = " ".join(e for errors in form.errors.values() for e in errors)
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


@require_POST
@login_required
def statement_accept(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    """An editor keeps a statement the extraction proposed; accepting twice changes nothing."""
    statement = statement_for(request, article_pk, pk, perm="change_statement")
    statement.accept(request.user)
    if not request.htmx:
        messages.success(request, "Statement accepted.")
        return redirect(_back(statement))
    statement = _one_row(request, statement)
    response = render(request, DETAIL + "#statement-row", _row_context(request, statement))
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
        return HttpResponseClientRedirect(_back(statement))
    return redirect(_back(statement))


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


# Comments and history ----------------------------------------------------------------------


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
    comments = Comment.objects.filter(statement=statement).select_related("author")
    return render(
        request,
        template,
        {"article": statement.article, "statement": statement, "comments": comments, "form": form},
        status=400 if form.errors else 200,
    )


def _history(revisions) -> list[Revision]:
    return list(revisions.select_related("actor", "statement")[:300])


@require_GET
@login_required
def statement_history(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    require(request, "view_revision")
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
            "revisions": _history(statement.revisions.all()),
        },
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
            "revisions": _history(article.revisions.all()),
            "deleted": deleted,
        },
    )


@require_POST
@login_required
def revision_restore(request: HttpRequest, article_pk: int, pk: int) -> HttpResponse:
    require(request, "change_statement")
    revision = get_object_or_404(Revision, pk=pk, article_id=article_pk)
    try:
        revision.restore(request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Restored the version from before that change.")
    url = (
        reverse("statement_history", args=[article_pk, revision.statement_id])
        if (revision.statement_id)
        else reverse("article_history", args=[article_pk])
    )
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


# Assignments and blind review --------------------------------------------------------------


@require_POST
@login_required
def assignment_save(request: HttpRequest, article_pk: int) -> HttpResponse:
    article = article_for(request, article_pk, perm="add_assignment")
    statements = list(article.statements.live().order_by("position", "start", "id"))
    form = AssignmentForm(
        request.POST,
        reviewers=_reviewers(),
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


# Live updates ------------------------------------------------------------------------------


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
    statements = list(_live_statements(article).filter(pk__in=ids))
    decorate(request.user, article, statements)
    for statement in statements:
        statement.number = ""
    prepare_rows(request, statements)
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
            "statements": statements,
            "since": recent[-1][0],
            "structural": structural,
        },
    )
    # The page recolours these statements' highlights, as after a verdict of one's own.
    shades = [{"statement": s.pk, "shade": s.shade} for s in statements]
    return trigger_client_event(response, "statements-changed", {"shades": shades}, after="swap")


# Agreement across the desk -----------------------------------------------------------------


@require_GET
@login_required
def desk_agreement(request: HttpRequest) -> HttpResponse:
    require(request, "view_verdict")
    rows = (
        Verdict.objects.filter(statement__deleted_at__isnull=True)
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
