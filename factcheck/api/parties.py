"""Parties: the directory, one party's track record, and merging a duplicate; desk search."""

from __future__ import annotations

import datetime
from typing import Literal

from django.db.models import CharField, F, Func, Q, Value
from django.http import HttpRequest
from ninja import Query, Router

from factcheck.api import present
from factcheck.api.errors import Invalid, form_invalid, responses
from factcheck.api.schemas import MergeIn, MergeOut, PartyDetail, PartyPage, SearchResults
from factcheck.models import VERDICT_VALUES, Party
from factcheck.views.access import require
from factcheck.views.parties import STATEMENTS_PAGE, _party_for, _statements, _with_counts
from factcheck.views.search import SearchForm, search_results

router = Router(tags=["parties and search"])


def _party_out(party: Party) -> dict:
    counts = getattr(party, "counts", None) or {}
    return {
        **present.party_ref(party),
        "aliases": list(party.aliases),
        "affiliation": present.party_ref(party.affiliation) if party.affiliation_id else None,
        "counts": {v: counts.get(v, 0) for v in VERDICT_VALUES},
        "unsettled": counts.get("unsettled", 0),
    }


def _party_detail(party: Party) -> dict:
    counts = party.verdict_counts()
    party.counts = {**counts, "unsettled": counts[""]}
    statements, _ = _statements(party, "", "")
    return _party_out(party) | {
        "members": [present.party_ref(m) for m in party.members.order_by("name")[:100]],
        "by_month": [{"month": month, **n} for month, n in party.monthly_verdicts()],
        "recent_statements": [
            {
                "id": s.pk,
                "quote": s.quote,
                "direct": s.direct,
                "final_verdict": s.final_verdict or None,
                "article": {
                    "id": s.article.pk,
                    "title": s.article.title,
                    "published_on": s.article.published_on,
                },
            }
            for s in statements[:STATEMENTS_PAGE]
        ],
    }


@router.get("/parties", response=responses({200: PartyPage}), summary="List parties")
def list_parties(
    request: HttpRequest,
    q: str = Query("", max_length=300, description="Part of a name or alias."),
    kind: Literal["", "person", "organization", "government", "media", "anonymous"] = "",
    after: str = Query("", max_length=400, description="next_after of the previous page."),
    limit: int = Query(50, ge=1, le=200),
):
    """By name, with each party's statements counted by final verdict."""
    require(request, "view_party")
    found = Party.objects.select_related("affiliation")
    if words := " ".join(q.split()).lower():
        aliases = Func(
            F("alias_keys"), Value(" "), function="array_to_string", output_field=CharField()
        )
        found = found.annotate(alias_text=aliases).filter(
            Q(name_key__contains=words) | Q(alias_text__contains=words)
        )
    if kind:
        found = found.filter(kind=kind)
    if after:
        found = found.filter(name_key__gt=after)
    parties = list(found.order_by("name_key")[: limit + 1])
    more = len(parties) > limit
    parties = _with_counts(parties[:limit])
    return {
        "items": [_party_out(p) for p in parties],
        "next_after": parties[-1].name_key if more else None,
    }


@router.get("/parties/{int:pk}", response=responses({200: PartyDetail}), summary="Track record")
def read_party(request: HttpRequest, pk: int):
    """The party's names, affiliation, members, statements by final verdict (all time and by
    month) and its latest statements."""
    return _party_detail(_party_for(request, pk))


@router.post(
    "/parties/{int:pk}/merge", response=responses({200: MergeOut}), summary="Merge a duplicate"
)
def merge_party(request: HttpRequest, pk: int, payload: MergeIn):
    """Fold the duplicate into this party: its statements and members move here and its names
    become aliases. Recorded in the party's history."""
    party = _party_for(request, pk, perm="change_party")
    duplicate = Party.objects.filter(pk=payload.duplicate_id).first()
    if duplicate is None:
        raise Invalid("That duplicate does not exist: nothing was merged.")
    if duplicate.pk == party.pk:
        raise Invalid("A party cannot be merged into itself.")
    try:
        revision = duplicate.merge_into(party, request.user)
    except Party.DoesNotExist:
        raise Invalid("That duplicate no longer exists: nothing was merged.") from None
    party = _party_for(request, pk)
    return {
        "party": _party_detail(party),
        "moved_statements": len(revision.after["moved_statements"]),
    }


@router.get("/search", response=responses({200: SearchResults}), summary="Search the desk")
def search(
    request: HttpRequest,
    q: str = Query("", max_length=300, description='Web-search syntax: "a phrase", or, -not.'),
    verdict: Literal["", "confirmed", "denied", "disputed", "unsettled"] = "",
    party: str = Query("", max_length=300, description="Statements by this party (name)."),
    reviewer: int | None = Query(None, description="Statements this reviewer (user id) judged."),
    status: Literal["", "draft", "in_review", "done"] = "",
    published_from: datetime.date | None = None,
    published_to: datetime.date | None = None,
    sort: Literal["", "best"] = Query("", description='"" newest first, "best" best match.'),
    after: str = Query("", max_length=60, description="next_after of the previous page."),
):
    """Statements first (a page at a time), then, on the first page, articles and parties."""
    require(request, "view_statement")
    form = SearchForm(
        {
            "q": q,
            "verdict": verdict,
            "party": party,
            "reviewer": reviewer or "",
            "status": status,
            "published_from": published_from or "",
            "published_to": published_to or "",
            "sort": sort,
            "after": after,
        }
    )
    if not form.is_valid():
        raise form_invalid(form)
    results = search_results(request.user, form.cleaned_data)
    return {
        "statements": [
            {
                "id": s.pk,
                "quote": s.quote,
                "direct": s.direct,
                "final_verdict": s.final_verdict or None,
                "speaker": present.party_ref(s.speaker) if s.speaker_id else None,
                "article": {
                    "id": s.article.pk,
                    "title": s.article.title,
                    "published_on": s.article.published_on,
                },
            }
            for s in results.statements
        ],
        "articles": [
            {"id": a.pk, "title": a.title, "published_on": a.published_on} for a in results.articles
        ],
        "parties": [
            {**present.party_ref(p), "statements": p.statement_count} for p in results.parties
        ],
        "next_after": results.next_after or None,
    }
