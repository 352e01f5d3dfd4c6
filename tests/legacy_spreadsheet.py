"""The CSV export as it was before PostgreSQL wrote it (kept only to prove the new one equal).

One query reads each statement with its article, speaker and a JSON list of its reviewers'
verdicts, so a million rows cost one round trip per chunk and memory stays flat. Cells that a
spreadsheet would run as a formula are neutralised: article text is untrusted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.contrib.postgres.aggregates import JSONBAgg
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import JSONObject

from factcheck.models import Verdict, Verdicts
from factcheck.reports.selection import Selection, consistent_read

CHUNK = 2000
FLUSH_AT = 1 << 16
LABELS = dict(Verdicts.choices)

COLUMNS = [
    "article_id",
    "article_title",
    "outlet",
    "article_url",
    "published_on",
    "article_status",
    "statement_id",
    "number",
    "speaker",
    "speaker_kind",
    "speaker_affiliation",
    "quote",
    "form",
    "start",
    "end",
    "final_verdict",
    "final_note",
    "settled_by",
    "settled_at",
    "reviewer_count",
    "confirmed_count",
    "denied_count",
    "disputed_count",
    "agreement",
    "reviewers",
    "rationales",
    "evidence_urls",
]

_FORMULA_START = frozenset("=+-@\t\r")


def neutralise(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    text = value if isinstance(value, str) else "" if value is None else str(value)
    if text[:1] in _FORMULA_START:
        return "'" + text
    return text


def _queryset(statements) -> Iterable[tuple]:
    verdicts = (
        Verdict.objects.filter(statement=OuterRef("pk"))
        .order_by()
        .values("statement")
        .annotate(
            items=JSONBAgg(
                JSONObject(
                    reviewer=F("reviewer__username"),
                    first=F("reviewer__first_name"),
                    last=F("reviewer__last_name"),
                    value=F("value"),
                    rationale=F("rationale"),
                    evidence=F("evidence"),
                ),
                order_by=("created_at", "id"),
            )
        )
        .values("items")
    )
    return (
        statements.order_by("article_id", "position", "start", "id")
        .annotate(verdict_list=Subquery(verdicts))
        .values_list(
            "article_id",
            "article__title",
            "article__outlet",
            "article__url",
            "article__published_on",
            "article__status",
            "id",
            "speaker__name",
            "speaker__kind",
            "speaker__affiliation__name",
            "quote",
            "direct",
            "start",
            "end",
            "final_verdict",
            "final_note",
            "final_by__username",
            "final_by__first_name",
            "final_by__last_name",
            "final_at",
            "verdict_list",
        )
    )


def _full_name(first: str | None, last: str | None, username: str | None) -> str:
    return " ".join(p for p in (first, last) if p) or (username or "")


def rows(statements) -> Iterator[list[str]]:
    """The header, then one row per statement, numbered in reading order within its article."""
    yield COLUMNS
    article = None
    number = 0
    for (
        article_id,
        title,
        outlet,
        url,
        published_on,
        status,
        statement_id,
        speaker,
        kind,
        affiliation,
        quote,
        direct,
        start,
        end,
        final,
        note,
        by_username,
        by_first,
        by_last,
        final_at,
        verdicts,
    ) in _queryset(statements).iterator(chunk_size=CHUNK):
        if article_id != article:
            article, number = article_id, 0
        number += 1
        verdicts = verdicts or []
        values = [v["value"] for v in verdicts]
        agreeing = sum(1 for v in values if v == final)
        evidence: list[str] = []
        for v in verdicts:
            for item in v.get("evidence") or []:
                url_ = str(item.get("url") or "").strip() if isinstance(item, dict) else ""
                if url_ and url_ not in evidence:
                    evidence.append(url_)
        yield [
            neutralise(c)
            for c in [
                article_id,
                title,
                outlet,
                url,
                published_on.isoformat() if published_on else "",
                status,
                statement_id,
                number,
                speaker or "",
                kind or "",
                affiliation or "",
                quote,
                "direct quote" if direct else "reported speech",
                start,
                end,
                LABELS.get(final, ""),
                note,
                _full_name(by_first, by_last, by_username) if by_username else "",
                final_at.isoformat(timespec="seconds") if final_at else "",
                len(values),
                values.count("confirmed"),
                values.count("denied"),
                values.count("disputed"),
                (f"{agreeing} of {len(values)} agree" if final and values else ""),
                "; ".join(
                    f"{_full_name(v['first'], v['last'], v['reviewer'])}: {LABELS[v['value']]}"
                    for v in verdicts
                ),
                "\n".join(
                    f"{_full_name(v['first'], v['last'], v['reviewer'])}: {v['rationale']}"
                    for v in verdicts
                    if v.get("rationale")
                ),
                "\n".join(evidence),
            ]
        ]


def stream(selection: Selection) -> Iterator[str]:
    """CSV text in pieces of about FLUSH_AT characters; a UTF-8 BOM first so Excel reads accents."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    with consistent_read():
        for row in rows(selection.statements()):
            writer.writerow(row)
            if buffer.tell() >= FLUSH_AT:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue()
