"""Data for the export and import tests: the demo article with a handful of reviewed statements.

The statements are the demo story's hand-checked ones (its own text, written for this project, so
the tests need nothing beside the checkout); the verdicts, notes and evidence are the kind a desk
records, so every report column shows.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.demo import article as demo
from factcheck.models import Article, Comment, Party, Statement

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "factcheck/reports/export.schema.json").read_text()
)
FIRST = 3  # the demo's statements from its fourth on: the first is a person with an affiliation
TITLE = demo.TITLE
FIRST_SPEAKER, FIRST_AFFILIATION = "Helen Achebe", "State Water Quality Board"
FIRST_QUOTE = (
    "For five months, nobody outside that plant could tell whether the water met the standard"
)
SECOND_QUOTE = "That is not a paperwork problem. That is a safety problem."
REPORT_URL = "https://example.org/water-board/inspection-report"

REVIEWS = [
    # (statement index, final verdict, note, [(reviewer, value, rationale)], evidence)
    (
        0,
        "confirmed",
        "The board's report lists no bromate results from March to August.",
        [("reviewer", "confirmed", "The report's table 3 is empty."), ("second", "confirmed", "")],
        [{"url": REPORT_URL, "title": "Board's report"}],
    ),
    (3, "", "", [("reviewer", "denied", "A software change is not a delivery receipt.")], []),
    (
        11,
        "disputed",
        "The town says it has no record of the letter; the board has not published it.",
        [("reviewer", "disputed", "No copy seen yet."), ("second", "denied", "")],
        [
            {"url": "https://example.org/harbor-point/council-minutes", "title": ""},
            {"url": "javascript:alert(1)", "title": "not a link a reader may follow"},
        ],
    ),
    (
        12,
        "denied",
        "The board's samples from June are above the limit.",
        [("reviewer", "denied", ""), ("second", "disputed", "Depends on the month.")],
        [],
    ),
    (
        13,
        "confirmed",
        "The independent laboratory found the water within limits this week.",
        [("reviewer", "confirmed", "")],
        [{"url": "https://example.org/lab/results", "title": "Laboratory results"}],
    ),
]


def seed_article(editor, reviewer, second_reviewer=None, statements: int = 14) -> Article:
    parties: dict[str, Party] = {}
    for name, kind, affiliation, aliases in demo.PARTIES:
        parties[name] = Party.objects.named(name) or Party.objects.create(
            name=name, kind=kind, aliases=aliases, affiliation=parties.get(affiliation)
        )
    # Created directly, not submitted: the statements are the hand-checked ones.
    article = Article.objects.create(
        raw_text=demo.TEXT,
        text=demo.TEXT,
        created_by=editor,
        title=TITLE,
        outlet=demo.OUTLET,
        url=demo.URL,
    )
    made = []
    cursor = 0
    for position, (quote, speaker, direct, *_) in enumerate(
        demo.STATEMENTS[FIRST : FIRST + statements]
    ):
        start = article.text.find(quote, cursor)
        if start < 0:
            start = article.text.index(quote)
        cursor = start
        made.append(
            Statement.objects.create(
                article=article,
                speaker=parties[speaker],
                start=start,
                end=start + len(quote),
                quote=quote,
                direct=direct,
                position=position,
            )
        )
    people = {"reviewer": reviewer, "second": second_reviewer or reviewer}
    for index, final, note, verdicts, evidence in REVIEWS:
        statement = made[index]
        for i, (who, value, rationale) in enumerate(verdicts):
            if who == "second" and second_reviewer is None:
                continue
            statement.set_verdict(
                people[who], value, rationale=rationale, evidence=evidence if i == 0 else []
            )
        if final:
            statement.set_final_verdict(editor, final, note=note)
    Comment.objects.create(
        statement=made[1], author=editor, body="Ask the board for the June letter."
    )
    return article


def drop_unsafe_evidence() -> None:
    """Keep only http(s) evidence: the seed's javascript: link tests how reports show one, but an
    archive may not carry it (import refuses it, and the schema says so)."""
    from factcheck.models import Revision, Verdict

    def http_only(links: list) -> list:
        return [e for e in links if e["url"].startswith("http")]

    for verdict in Verdict.objects.exclude(evidence=[]):
        verdict.evidence = http_only(verdict.evidence)
        verdict.save(update_fields=["evidence"])
    for revision in Revision.objects.filter(after__has_key="evidence"):
        revision.after["evidence"] = http_only(revision.after["evidence"])
        revision.save(update_fields=["after"])
