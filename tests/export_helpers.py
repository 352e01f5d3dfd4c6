"""Data for the export and import tests: the seed article with a handful of reviewed statements.

The seed article's statements come from its gold annotation (the extraction work fills them in for
real); the verdicts, notes and evidence are the kind a desk records, so every report column shows.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.models import Article, Comment, Party, Statement

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED = SHARED / "corpus" / "spy-chips.gold.json"
SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "factcheck/reports/export.schema.json").read_text()
)

REVIEWS = [
    # (gold statement index, final verdict, note, [(reviewer, value, rationale)], evidence)
    (
        0,
        "confirmed",
        "Jassy's post on 19 October 2018 asks Bloomberg to retract the story.",
        [("reviewer", "confirmed", "The post is still up."), ("second", "confirmed", "")],
        [{"url": "https://twitter.com/ajassy/status/1053301575208165376", "title": "Jassy's post"}],
    ),
    (
        1,
        "disputed",
        "Bloomberg stands by the report; every company named denies it and no chip has been shown.",
        [("reviewer", "disputed", "No independent confirmation."), ("second", "denied", "")],
        [
            {"url": "https://www.bloomberg.com/news/features/2018-10-04/the-big-hack", "title": ""},
            {"url": "javascript:alert(1)", "title": "not a link a reader may follow"},
        ],
    ),
    (3, "", "", [("reviewer", "denied", "Amazon's statement is not the same as proof.")], []),
    (
        5,
        "denied",
        "No liberties are documented; the claim is an opinion stated as fact.",
        [("reviewer", "denied", ""), ("second", "disputed", "It is a characterisation.")],
        [],
    ),
    (
        7,
        "confirmed",
        "The words match Jassy's post of 19 October 2018 and his interview the same day.",
        [("reviewer", "confirmed", "")],
        [{"url": "https://twitter.com/ajassy/status/1053301575208165376", "title": "Jassy's post"}],
    ),
]


def seed_article(editor, reviewer, second_reviewer=None, statements: int = 14) -> Article:
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    parties: dict[str, Party] = {}
    for p in gold["parties"]:
        parties[p["name"]] = Party.objects.create(
            name=p["name"], kind=p["kind"], aliases=p["aliases"]
        )
    for p in gold["parties"]:
        if p.get("affiliation") and p["affiliation"] in parties:
            party = parties[p["name"]]
            party.affiliation = parties[p["affiliation"]]
            party.save()
    # Created directly, not submitted: the statements are the gold ones, not the extractor's.
    article = Article.objects.create(
        raw_text=gold["text"],
        text=gold["text"],
        created_by=editor,
        title="Amazon's Jassy joins Apple's Cook in demanding Bloomberg retract spy chip story",
        outlet="Daily Mail (machine translation)",
        url="https://www.example.com/spy-chips",
    )
    made = []
    cursor = 0
    for position, s in enumerate(gold["statements"][:statements]):
        start = article.text.find(s["quote"], cursor)
        if start < 0:
            start = article.text.index(s["quote"])
        cursor = start
        made.append(
            Statement.objects.create(
                article=article,
                speaker=parties.get(s["speaker"]),
                start=start,
                end=start + len(s["quote"]),
                quote=s["quote"],
                direct=s["direct"],
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
        statement=made[1], author=editor, body="Ask Bloomberg for comment again."
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
