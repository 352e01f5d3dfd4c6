"""Records as the API shows them, built from the same queries the review page uses.

Verdicts pass through the desk's one blind-review rule before they are shown
(`verdicts_open_to` for verdicts already loaded, `Verdict.objects.visible_to` in SQL), exactly as
on the review page.
"""

from __future__ import annotations

from django.db.models import Count, Q

from factcheck.models import VERDICT_VALUES, Article, Party, Statement, Verdict, verdicts_open_to
from factcheck.views.review.page import live_statements

ROW_VALUES = (
    "id", "article_id", "quote", "start", "end", "speaker_id", "speaker__name", "speaker__kind",
    "direct", "origin", "accepted_at", "version", "final_verdict", "final_note", "final_at",
    "final_version", "comment_count",
)  # fmt: skip


def statements_of(article: Article, user):
    """The review page's query for an article's rows, as plain values: 500 rows add up."""
    return live_statements(article, user).values(*ROW_VALUES)


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


def blind_review_rule(user, article: Article):
    """`verdicts_open_to` for this user and article, asked once per case it distinguishes
    (whether the user judged the statement, whether it is settled) rather than once a row."""
    answers: dict[tuple[bool, bool], bool] = {}

    def open_to(judged: bool, final_verdict: str) -> bool:
        key = (judged, bool(final_verdict))
        if key not in answers:
            standing = Statement(article=article, final_verdict=final_verdict)
            answers[key] = verdicts_open_to(user, article, standing, judged=judged)
        return answers[key]

    return open_to


def statement_rows(user, article: Article, statements: list[dict]) -> list[dict]:
    """Each statement with the user's verdict, the final one and the counts of the verdicts
    blind review lets the user see; one query for all the verdicts."""
    by_statement: dict[int, list[tuple]] = {s["id"]: [] for s in statements}
    for verdict in (
        Verdict.objects.filter(statement__in=list(by_statement))
        .order_by("created_at", "id")
        .values_list("statement_id", "reviewer_id", "value", "rationale", "evidence", "version")
    ):
        by_statement[verdict[0]].append(verdict)
    open_to = blind_review_rule(user, article)
    rows = []
    for s in statements:
        given = by_statement[s["id"]]
        mine = next((v for v in given if v[1] == user.pk), None)
        counts, hidden = None, len(given) - (1 if mine else 0)
        if open_to(mine is not None, s["final_verdict"]):
            counts, hidden = dict.fromkeys(VERDICT_VALUES, 0), 0
            for verdict in given:
                counts[verdict[2]] += 1
        proposal = s["origin"] == Statement.Origin.AUTOMATIC and s["accepted_at"] is None
        speaker = None
        if s["speaker_id"]:
            speaker = {
                "id": s["speaker_id"],
                "name": s["speaker__name"],
                "kind": s["speaker__kind"],
            }
        rows.append(
            {
                "id": s["id"],
                "article_id": s["article_id"],
                "quote": s["quote"],
                "start": s["start"],
                "end": s["end"],
                "speaker": speaker,
                "direct": s["direct"],
                "proposal": proposal,
                "accepted": not proposal,
                "version": s["version"],
                "final_version": s["final_version"],
                "my_verdict": dict(
                    zip(("value", "rationale", "evidence", "version"), mine[2:], strict=True)
                )
                if mine
                else None,
                "final_verdict": {
                    "value": s["final_verdict"],
                    "note": s["final_note"],
                    "at": s["final_at"],
                }
                if s["final_verdict"]
                else None,
                "verdicts": counts,
                "hidden_verdicts": hidden,
                "comments": s["comment_count"] or 0,
            }
        )
    return rows


def statement_out(user, statement: Statement) -> dict:
    """One statement as the article read shows it (three queries)."""
    row = statements_of(statement.article, user).get(pk=statement.pk)
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
    statements = list(statements_of(article, user))
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
