"""Records as the API shows them, built from the same queries the review page uses.

Verdicts pass through the desk's one blind-review rule before they are shown
(`verdicts_open_to` for verdicts already loaded, `Verdict.objects.visible_to` in SQL), exactly as
on the review page.
"""

from __future__ import annotations

from django.db.models import Count, Q

from factcheck.models import VERDICT_VALUES, Article, Party, Statement, Verdict, verdicts_open_to
from factcheck.views.review.page import ROW_FIELDS, live_statements


def statements_of(article: Article):
    """The review page's query for an article's rows, plus when each was settled."""
    return live_statements(article).only(*ROW_FIELDS, "final_at")


VERDICT_FIELDS = ("statement_id", "reviewer_id", "value", "rationale", "evidence", "version")


def party_ref(party: Party | None) -> dict | None:
    if party is None:
        return None
    return {"id": party.pk, "name": party.name, "kind": party.kind}


def person(user) -> dict:
    return {"id": user.pk, "name": user.get_full_name() or user.get_username()}


def verdict_out(verdict: Verdict) -> dict:
    return {
        "statement_id": verdict.statement_id,
        "reviewer": person(verdict.reviewer),
        "value": verdict.value,
        "rationale": verdict.rationale,
        "evidence": verdict.evidence,
        "version": verdict.version,
        "updated_at": verdict.updated_at,
    }


def my_verdict(verdict: Verdict) -> dict:
    return {
        "value": verdict.value,
        "rationale": verdict.rationale,
        "evidence": verdict.evidence,
        "version": verdict.version,
    }


def visible_verdicts(
    user, article: Article, statement: Statement, verdicts: list[Verdict]
) -> tuple[list[Verdict], int]:
    """The loaded verdicts on `statement` that `user` may see, and how many are hidden."""
    mine = next((v for v in verdicts if v.reviewer_id == user.pk), None)
    if verdicts_open_to(user, article, statement, judged=mine is not None):
        return verdicts, 0
    return ([mine] if mine else []), len(verdicts) - (1 if mine else 0)


def statement_rows(user, article: Article, statements: list[Statement]) -> list[dict]:
    """Each statement with the user's verdict, the final one and the visible verdicts' counts;
    one query for all the verdicts."""
    by_statement: dict[int, list[Verdict]] = {s.pk: [] for s in statements}
    for verdict in (
        Verdict.objects.filter(statement__in=[s.pk for s in statements])
        .only(*VERDICT_FIELDS)
        .order_by("created_at", "id")
    ):
        by_statement[verdict.statement_id].append(verdict)
    rows = []
    for s in statements:
        given = by_statement[s.pk]
        shown, hidden = visible_verdicts(user, article, s, given)
        mine = next((v for v in given if v.reviewer_id == user.pk), None)
        counts = None
        if not hidden:
            counts = dict.fromkeys(VERDICT_VALUES, 0)
            for verdict in shown:
                counts[verdict.value] += 1
        rows.append(
            {
                "id": s.pk,
                "article_id": s.article_id,
                "quote": s.quote,
                "start": s.start,
                "end": s.end,
                "speaker": party_ref(s.speaker) if s.speaker_id else None,
                "direct": s.direct,
                "proposal": s.is_proposal,
                "accepted": not s.is_proposal,
                "version": s.version,
                "my_verdict": my_verdict(mine) if mine else None,
                "final_verdict": {
                    "value": s.final_verdict,
                    "note": s.final_note,
                    "at": s.final_at,
                }
                if s.final_verdict
                else None,
                "verdicts": counts,
                "hidden_verdicts": hidden,
                "comments": getattr(s, "comment_count", None) or 0,
            }
        )
    return rows


def statement_out(user, statement: Statement) -> dict:
    """One statement as the article read shows it (three queries)."""
    row = statements_of(statement.article).get(pk=statement.pk)
    return statement_rows(user, statement.article, [row])[0]


def article_counts(article_ids: list[int]) -> dict[int, dict]:
    """Live statements, proposals and settled ones per article, in one grouped query."""
    counts = {pk: {"statements": 0, "proposals": 0, "settled": 0} for pk in article_ids}
    rows = (
        Statement.objects.live()
        .filter(article__in=article_ids)
        .values("article")
        .annotate(
            statements=Count("*"),
            proposals=Count(
                "pk", filter=Q(origin=Statement.Origin.AUTOMATIC, accepted_at__isnull=True)
            ),
            settled=Count("pk", filter=~Q(final_verdict="")),
        )
        .order_by()
    )
    for row in rows:
        counts[row.pop("article")] = row
    return counts


ARTICLE_FIELDS = (
    "id", "title", "outlet", "url", "byline", "published_on", "status", "blind_review",
    "created_at",
)  # fmt: skip


def article_out(article: Article, counts: dict) -> dict:
    return {name: getattr(article, name) for name in ARTICLE_FIELDS} | {"counts": counts}


def article_detail(user, article: Article) -> dict:
    """The article, its text and every live statement, in three queries whatever its size."""
    statements = list(statements_of(article))
    rows = statement_rows(user, article, statements)
    verdicts = dict.fromkeys(VERDICT_VALUES, 0)
    for row in rows:
        for value, n in (row["verdicts"] or {}).items():
            verdicts[value] += n
    counts = {
        "statements": len(rows),
        "proposals": sum(1 for r in rows if r["proposal"]),
        "settled": sum(1 for r in rows if r["final_verdict"]),
        "reviewed_by_me": sum(1 for r in rows if r["my_verdict"]),
        "verdicts": verdicts,
    }
    return article_out(article, counts) | {"text": article.text, "statements": rows}
