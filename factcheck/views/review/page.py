"""Assembling the review page: rows, highlights, filters and progress, in a fixed number of
queries whatever the article's size."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.http import HttpRequest
from django.template import engines
from django.urls import reverse

from factcheck.agreement import krippendorff_alpha
from factcheck.forms import (
    AssignmentForm,
)
from factcheck.highlight import paragraphs
from factcheck.links import safe_href
from factcheck.models import (
    Article,
    Comment,
    Preferences,
    Revision,
    Statement,
    Verdict,
    Verdicts,
    verdicts_open_to,
)

DETAIL = "articles/detail.html"
FILTERS = ("party", "verdict", "state")
STATES = {
    "unreviewed": "Unreviewed by you",
    "unsettled": "No final verdict",
    "disagreement": "Reviewers disagree",
    "mine": "Assigned to you",
}


@dataclass(slots=True)
class Piece:
    """A run of article text; `row` set when it is highlighted."""

    text: str
    row: Row | None = None
    ends: bool = False  # the statement's span ends here, so its number label goes here
    also: str = ""  # the other statements covering this run (overlapping spans)


@dataclass(slots=True)
class Paragraph:
    offset: int  # where the paragraph starts in the article text (the page's selection maths)
    pieces: list[Piece]


@dataclass(slots=True)
class Evidence:
    title: str
    url: str  # "" when the address is not an http(s) link a reader may follow


@dataclass(slots=True)
class OtherVerdict:
    """A colleague's verdict as a row shows it."""

    reviewer: str
    value: str
    label: str
    rationale: str
    evidence: list[Evidence]


@dataclass(slots=True)
class Row:
    """What one statement's row shows, worked out once in Python; the templates only print it
    (autoescaped). Built by `rows_for`, which loads every row of a page in a fixed number of
    queries."""

    pk: int
    url: str  # the statement's own address, under which its views live
    quote: str
    speaker_name: str
    speaker_url: str
    form_label: str
    manual: bool
    proposal: bool
    shade: str  # the verdict the highlight shows: final, else mine, else "none"
    final_verdict: str
    final_label: str
    final_note: str
    mine: str  # my verdict's value, "" for none
    version: int  # my verdict's version, 0 for none: sent back with every verdict button
    my_rationale: str
    my_evidence: list[Evidence]
    others: list[OtherVerdict]
    hidden: int  # colleagues' verdicts blind review keeps from me
    values: list[str]  # the verdict values I may see, for agreement and disagreement
    comment_count: int
    statement_version: int
    speaker_id: int | None
    end: int  # where the statement ends in the text: its highlight's number label goes there
    number: int = 0
    assigned_to_me: bool = False

    @property
    def disagreement(self) -> bool:
        return len(set(self.values)) > 1

    @property
    def my_evidence_text(self) -> str:
        return "\n".join(f"{e.url} {e.title}".strip() for e in self.my_evidence)


LABELS = dict(Verdicts.choices)


@dataclass(slots=True)
class Given:
    """A verdict as rows read it: built from plain values for a whole page (500 Verdict and
    User instances cost more than the rest of the rows), or from a Verdict (`of`)."""

    statement_id: int
    reviewer_id: int
    value: str
    rationale: str
    evidence: list
    version: int
    reviewer: str  # the reviewer's full name, else username

    @classmethod
    def of(cls, verdict: Verdict) -> Given:
        who = verdict.reviewer
        return cls(
            verdict.statement_id,
            verdict.reviewer_id,
            verdict.value,
            verdict.rationale,
            verdict.evidence,
            verdict.version,
            who.get_full_name() or who.get_username(),
        )


def given_on(verdicts) -> list[Given]:
    """`verdicts` (a queryset, filtered) as Given, in one query."""
    rows = verdicts.order_by("created_at", "id").values_list(
        "statement_id", "reviewer_id", "value", "rationale", "evidence", "version",
        "reviewer__first_name", "reviewer__last_name", "reviewer__username",
    )  # fmt: skip
    return [
        Given(*fields, f"{first} {last}".strip() or username)
        for *fields, first, last, username in rows
    ]


def abilities(user) -> dict:
    """What the user may do on the page, looked up once rather than once per row."""
    can_review = user.has_perm("factcheck.add_verdict")
    can_settle = user.has_perm("factcheck.set_final_verdict")
    return {
        "can_review": can_review,
        "can_settle": can_settle,
        "can_edit_statements": user.has_perm("factcheck.change_statement"),
        "can_delete_statements": user.has_perm("factcheck.delete_statement"),
        "verdict_choices": Verdicts.choices,
        # What a row's panel holds for this user, as the link that opens it says.
        "tools_label": "Settle, rationale, comments"
        if can_settle
        else "Rationale, comments"
        if can_review
        else "Comments, history",
    }


def desk():
    """The macros of templates/jinja2/review/desk.html: `text`, `rows`, `row`, `verdict_block`
    (compiled once by Jinja2; each returns autoescaped markup)."""
    return engines["jinja2"].env.get_template("review/desk.html").module


def verdict_block(request: HttpRequest, row: Row, **extra):
    """One row's verdict block, to swap out of band after a change."""
    return desk().verdict_block(row, abilities(request.user), oob=True, **extra)


def evidence_of(links) -> list[Evidence]:
    return [
        Evidence(
            title=str(link.get("title") or link.get("url", "")), url=safe_href(link.get("url"))
        )
        for link in links or ()
        if isinstance(link, dict)
    ]


def rows_for(user, article: Article, statements: list[Statement], verdicts=None) -> list[Row]:
    """The rows of `statements` as `user` sees them (blind review applied).

    `verdicts` are all verdicts on these statements (Given, or Verdicts with their reviewer);
    loaded in one query when not given.
    """
    if verdicts is None:
        verdicts = given_on(Verdict.objects.filter(statement__in=statements))
    by_statement: dict[int, list[Given]] = {}
    for verdict in verdicts:
        if isinstance(verdict, Verdict):
            verdict = Given.of(verdict)
        by_statement.setdefault(verdict.statement_id, []).append(verdict)
    prefix = f"{article.get_absolute_url()}statements/"
    # Reversed once: a reverse() per row is measurable on a 500-statement page.
    party_url = reverse("party_detail", args=[0]).removesuffix("0/")
    rows = []
    for statement in statements:
        given = by_statement.get(statement.pk, [])
        mine = next((v for v in given if v.reviewer_id == user.pk), None)
        sees = verdicts_open_to(user, article, statement, judged=mine is not None)
        others = [v for v in given if v.reviewer_id != user.pk]
        speaker = statement.speaker
        final = statement.final_verdict
        rows.append(
            Row(
                pk=statement.pk,
                url=f"{prefix}{statement.pk}/",
                quote=statement.quote,
                speaker_name=speaker.name if speaker else "Unknown speaker",
                speaker_url=f"{party_url}{speaker.pk}/" if speaker else "",
                form_label="Direct quote" if statement.direct else "Reported",
                manual=statement.origin == Statement.Origin.MANUAL,
                proposal=statement.is_proposal,
                shade=statement.shade_for(mine.value if mine else ""),
                final_verdict=final,
                final_label=LABELS.get(final, ""),
                final_note=statement.final_note,
                mine=mine.value if mine else "",
                version=mine.version if mine else 0,
                my_rationale=mine.rationale if mine else "",
                my_evidence=evidence_of(mine.evidence) if mine else [],
                others=[
                    OtherVerdict(
                        reviewer=v.reviewer,
                        value=v.value,
                        label=LABELS[v.value],
                        rationale=v.rationale,
                        evidence=evidence_of(v.evidence),
                    )
                    for v in others
                ]
                if sees
                else [],
                hidden=0 if sees else len(others),
                # Agreement and disagreement count only what the user may see.
                values=[v.value for v in given if sees or v is mine],
                comment_count=getattr(statement, "comment_count", 0) or 0,
                statement_version=statement.version,
                speaker_id=statement.speaker_id,
                end=statement.end,
            )
        )
    return rows


ROW_FIELDS = (
    "article_id", "speaker_id", "start", "end", "quote", "direct", "origin", "position",
    "final_verdict", "final_note", "version", "final_version", "deleted_at", "speaker__name",
    "speaker__kind", "accepted_at",
)  # fmt: skip


def live_statements(article: Article, user):
    """The article's statements with what a row shows to `user`, and no more (500 rows add up)."""
    comments = (
        Comment.objects.visible_to(user)
        .filter(statement=OuterRef("pk"))
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


def text_paragraphs(text: str, spans: list[tuple[int, int, Row]]) -> list[Paragraph]:
    """The article as paragraphs of plain and highlighted pieces, for the template."""
    out = []
    cursor = 0
    for runs in paragraphs(text, spans):
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
                    also=" ".join(str(m.pk) for m in run.marks[1:]),
                )
                if first
                else Piece(run.text)
            )
        cursor = position
        out.append(Paragraph(offset, pieces))
    return out


def _filtered(request: HttpRequest, rows: list[Row]) -> tuple[list[Row], dict]:
    chosen = {key: request.GET.get(key, "") for key in FILTERS}
    shown = rows
    if chosen["party"].isdigit():
        shown = [r for r in shown if r.speaker_id == int(chosen["party"])]
    if chosen["verdict"] in Verdicts.values or chosen["verdict"] == "none":
        shown = [r for r in shown if r.shade == chosen["verdict"]]
    state = chosen["state"]
    if state == "unreviewed":
        shown = [r for r in shown if not r.mine]
    elif state == "unsettled":
        shown = [r for r in shown if not r.final_verdict]
    elif state == "disagreement":
        shown = [r for r in shown if r.disagreement]
    elif state == "mine":
        shown = [r for r in shown if r.assigned_to_me]
    return shown, chosen


def review_context(request: HttpRequest, article: Article) -> dict:
    """Everything the review page shows, in a fixed number of queries whatever its size."""
    user = request.user
    statements = list(live_statements(article, user))
    verdicts = given_on(
        Verdict.objects.filter(statement__article=article, statement__deleted_at__isnull=True)
    )
    rows = rows_for(user, article, statements, verdicts)
    assignments = list(
        article.assignments.select_related("reviewer").prefetch_related("statements")
    )
    mine = next((a for a in assignments if a.reviewer_id == user.pk), None)
    chosen_ids = {s.pk for s in mine.statements.all()} if mine else set()
    for number, row in enumerate(rows, 1):
        row.number = number
        row.assigned_to_me = bool(mine) and (not chosen_ids or row.pk in chosen_ids)
    numbers = {r.pk: r.number for r in rows}
    for assignment in assignments:
        assignment.numbers = number_ranges(
            numbers[s.pk] for s in assignment.statements.all() if s.pk in numbers
        )
    shown, chosen = _filtered(request, rows)
    parties = sorted({s.speaker for s in statements if s.speaker}, key=lambda p: p.name)
    agreement = krippendorff_alpha([r.values for r in rows])
    since = Revision.objects.filter(article=article).aggregate(last=Max("id"))["last"] or 0
    spans = [(s.start, s.end, r) for s, r in zip(statements, rows, strict=True)]
    can = abilities(user)
    macros = desk()
    keyboard = Preferences.of(user)
    context = {
        "article": article,
        "rows": shown,
        "rows_html": macros.rows(shown, can),
        "text_html": macros.text(text_paragraphs(article.text, spans)),
        "filters": chosen,
        "filtered": any(chosen.values()),
        "filter_query": urlencode({k: v for k, v in chosen.items() if v}),
        "states": STATES,
        "parties": parties,
        "has_text": bool(article.text),
        "proposals": sum(1 for r in rows if r.proposal),
        # Exports carry every verdict: offered once blind review hides none from the user.
        "exportable": not any(r.hidden for r in rows),
        "agreement": agreement,
        "assignments": assignments,
        "my_assignment": mine,
        "since": since,
        "keymap": keyboard.keymap,
        "shortcuts_on": keyboard.shortcuts,
        **progress(rows),
        **can,
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


def progress(rows: list[Row]) -> dict:
    reviewed = sum(1 for r in rows if r.mine or r.final_verdict)
    return _progress(reviewed, sum(1 for r in rows if r.final_verdict), len(rows))


def _progress(reviewed: int, settled: int, total: int) -> dict:
    return {
        "reviewed": reviewed,
        "settled": settled,
        "total": total,
        "percent": round(100 * reviewed / total) if total else 0,
    }


def progress_of(user, article: Article) -> dict:
    """The progress line's figures in one query, for fragments answering a single change."""
    live = article.statements.live()
    figures = live.aggregate(
        total=Count("id"),
        settled=Count("id", filter=~Q(final_verdict="")),
        reviewed=Count(
            "id",
            filter=~Q(final_verdict="")
            | Q(Exists(Verdict.objects.filter(statement=OuterRef("pk"), reviewer=user.pk))),
        ),
    )
    return _progress(figures["reviewed"], figures["settled"], figures["total"])


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


def row_for(request: HttpRequest, statement: Statement, verdicts=None) -> Row:
    """One statement's row (for fragments answering a single change); numbered when the
    request says which number the page shows."""
    row = rows_for(request.user, statement.article, [statement], verdicts)[0]
    number = request.POST.get("number") or request.GET.get("number") or ""
    row.number = int(number) if number.isdigit() else 0
    return row


def row_context(
    request: HttpRequest, statement: Statement, row: Row | None = None, **extra
) -> dict:
    return {
        "statement": statement,
        "row": row or row_for(request, statement),
        "article": statement.article,
        **abilities(request.user),
        **extra,
    }


def statement_number(statement: Statement) -> int:
    """The statement's number on the page (its place among the live ones), in one query."""
    p, start = statement.position, statement.start
    before = statement.article.statements.live().filter(
        Q(position__lt=p)
        | Q(position=p, start__lt=start)
        | Q(position=p, start=start, id__lt=statement.pk)
    )
    return before.count() + 1


def back_to(statement: Statement) -> str:
    return f"{statement.article.get_absolute_url()}#s{statement.pk}"
