"""Assembling the review page: rows, highlights, filters and progress, in a fixed number of
queries whatever the article's size."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.safestring import mark_safe

from factcheck.agreement import krippendorff_alpha
from factcheck.forms import (
    AssignmentForm,
)
from factcheck.models import (
    Article,
    Comment,
    Revision,
    Statement,
    Verdict,
    Verdicts,
    verdicts_open_to,
)
from factcheck.views import markup

DETAIL = "articles/detail.html"
FILTERS = ("party", "verdict", "state")
STATES = {
    "unreviewed": "Unreviewed by you",
    "unsettled": "No final verdict",
    "disagreement": "Reviewers disagree",
    "mine": "Assigned to you",
}


@dataclass
class Piece:
    """A run of article text; `statement` set when it is highlighted."""

    text: str
    statement: Statement | None = None
    ends: bool = False  # the statement's span ends here, so its label goes here
    multi: bool = False
    also: str = ""  # the other statements covering this run (overlapping spans)


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
    prefix = f"{article.get_absolute_url()}statements/"
    # Reversed once: a reverse() per row is measurable on a 500-statement page.
    party_url = reverse("party_detail", args=[0]).removesuffix("0/")
    similar_url = reverse("similar_statements", args=[0]).removesuffix("0/similar/")
    for statement in statements:
        given = by_statement.get(statement.pk, [])
        mine = next((v for v in given if v.reviewer_id == user.pk), None)
        statement.my_verdict = mine
        statement.sees_verdicts = verdicts_open_to(
            user, article, statement, judged=mine is not None
        )
        others = [v for v in given if v.reviewer_id != user.pk]
        statement.other_verdicts = others if statement.sees_verdicts else []
        # What agreement and disagreement are worked out from: only what the user may see.
        statement.verdict_values = [v.value for v in given if statement.sees_verdicts or v is mine]
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
    "final_verdict", "final_note", "version", "final_version", "deleted_at", "speaker__name",
    "speaker__kind", "accepted_at",
)  # fmt: skip


def live_statements(article: Article):
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
    statements = list(live_statements(article))
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
        # Exports carry every verdict: offered once blind review hides none from the user.
        "exportable": not any(s.hidden_verdicts for s in statements),
        "agreement": agreement,
        "assignments": assignments,
        "my_assignment": mine,
        "since": since,
        **progress(user, statements),
        **abilities(user),
    }
    if user.has_perm("factcheck.add_assignment"):
        context["assignment_form"] = AssignmentForm(
            reviewers=reviewer_choices(), numbered={n: s for n, s in enumerate(statements, 1)}
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


def reviewer_choices():
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


def one_row(request: HttpRequest, statement: Statement) -> Statement:
    """Load what one statement row shows (for fragments answering a single change)."""
    statement = live_statements(statement.article).get(pk=statement.pk)
    decorate(request.user, statement.article, [statement])
    number = request.POST.get("number") or request.GET.get("number") or ""
    statement.number = number if number.isdigit() else ""
    statement.assigned_to_me = False
    prepare_rows(request, [statement])
    return statement


def row_context(request: HttpRequest, statement: Statement, **extra) -> dict:
    return {
        "statement": statement,
        "article": statement.article,
        **abilities(request.user),
        **extra,
    }


def back_to(statement: Statement) -> str:
    return f"{statement.article.get_absolute_url()}#s{statement.pk}"
