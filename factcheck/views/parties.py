"""The party directory, each party's track record, and the editor's fixes: names, affiliation,
and merging a duplicate."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import CharField, Count, F, Func, Q, Value
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from factcheck import charts
from factcheck.forms import DirectoryForm, DistinctForm, PartyForm
from factcheck.models import DistinctParties, Party, Revision, Statement, Verdicts
from factcheck.views.access import require

DIRECTORY_PAGE = 50
STATEMENTS_PAGE = 25
TREND_MONTHS = 24


def _party_for(request: HttpRequest, pk: int, perm: str = "view_party") -> Party:
    require(request, perm)
    return get_object_or_404(Party.objects.select_related("affiliation"), pk=pk)


def _with_counts(parties: list[Party]) -> list[Party]:
    """Statement counts by verdict for one page of parties, in one grouped query."""
    counts: dict[int, dict[str, int]] = {p.pk: {} for p in parties}
    rows = (
        Statement.objects.live()
        .filter(speaker__in=[p.pk for p in parties])
        .values_list("speaker", "final_verdict")
        .annotate(n=Count("*"))
        .order_by()
    )
    for speaker, verdict, n in rows:
        counts[speaker][verdict or "unsettled"] = n
    for party in parties:
        c = counts[party.pk]
        party.counts = c
        party.total = sum(c.values())
        settled = party.total - c.get("unsettled", 0)
        party.settled = settled
        party.denied_share = round(100 * c.get("denied", 0) / settled) if settled else None
    return parties


@require_GET
@login_required
def party_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_party")
    form = DirectoryForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    found = Party.objects.select_related("affiliation").only(
        "id", "name", "name_key", "kind", "aliases", "affiliation__id", "affiliation__name"
    )
    if q := " ".join((data.get("q") or "").split()).lower():
        aliases = Func(
            F("alias_keys"), Value(" "), function="array_to_string", output_field=CharField()
        )
        found = found.annotate(alias_text=aliases).filter(
            Q(name_key__contains=q) | Q(alias_text__contains=q)
        )
    if kind := data.get("kind"):
        found = found.filter(kind=kind)
    # Keyset on the unique normalised name: page 100 costs what page 1 does.
    after = data.get("after") or ""
    if after:
        found = found.filter(name_key__gt=after)
    parties = list(found.order_by("name_key")[: DIRECTORY_PAGE + 1])
    more = len(parties) > DIRECTORY_PAGE
    parties = _with_counts(parties[:DIRECTORY_PAGE])
    params = request.GET.copy()
    params.pop("after", None)
    next_link = ""
    if more:
        params["after"] = parties[-1].name_key
        next_link = "?" + params.urlencode()
        params.pop("after")
    context = {
        "form": form,
        "parties": parties,
        "next_link": next_link,
        "first_link": "?" + params.urlencode(),
        "paged": bool(after),
    }
    template = "parties/list.html"
    if request.htmx:
        template += "#directory"
    return render(request, template, context)


def _trend(party: Party) -> list[tuple[str, dict[str, int]]]:
    """The last TREND_MONTHS months up to the latest with a verdict, empty months included."""
    months = dict(party.monthly_verdicts())
    if not months:
        return []
    last = max(months)
    first = max(min(months), _add_months(last, -(TREND_MONTHS - 1)))
    out, month = [], first
    while month <= last:
        label = f"{month:%b %Y}" if month.month == 1 or month == first else f"{month:%b}"
        out.append((label, months.get(month, {})))
        month = _add_months(month, 1)
    return out


def _add_months(day: datetime.date, n: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def _statements(party: Party, verdict: str, after: str) -> tuple[list[Statement], str]:
    found = Statement.objects.live().filter(speaker=party)
    if verdict == "unsettled":
        found = found.filter(final_verdict="")
    elif verdict:
        found = found.filter(final_verdict=verdict)
    if after.isdigit():
        found = found.filter(pk__lt=int(after))
    rows = list(
        found.select_related("article")
        .only(
            "id",
            "quote",
            "final_verdict",
            "final_note",
            "direct",
            "article__id",
            "article__title",
            "article__outlet",
            "article__published_on",
        )
        .order_by("-pk")[: STATEMENTS_PAGE + 1]
    )
    if len(rows) > STATEMENTS_PAGE:
        return rows[:STATEMENTS_PAGE], str(rows[STATEMENTS_PAGE - 1].pk)
    return rows, ""


@require_GET
@login_required
def party_detail(request: HttpRequest, pk: int) -> HttpResponse:
    party = _party_for(request, pk)
    verdict = request.GET.get("verdict", "")
    if verdict not in {"", "unsettled", *Verdicts.values}:
        verdict = ""
    after = request.GET.get("after", "")
    statements, next_after = _statements(party, verdict, after)
    context = {
        "party": party,
        "statements": statements,
        "verdict": verdict,
        "next_link": f"?verdict={verdict}&after={next_after}" if next_after else "",
        "paged": bool(after),
        "verdict_tabs": [("", "All"), *Verdicts.choices, ("unsettled", "Not settled")],
    }
    if request.htmx and request.GET.get("part") == "statements":
        return render(request, "parties/detail.html#party-statements", context)
    counts = party.verdict_counts()
    settled = sum(counts[v] for v in Verdicts.values)
    context |= {
        "counts": counts,
        "total": settled + counts[""],
        "settled": settled,
        "unsettled": counts[""],
        "share_chart": charts.share_bar(
            "share", counts, title=f"Final verdicts on statements by {party.name}"
        ),
        "trend_chart": charts.stacked_columns(
            "trend", _trend(party), title=f"Settled statements by {party.name}, by month"
        ),
        "members": list(party.members.only("id", "name", "kind").order_by("name")[:30]),
        "history": list(
            Revision.objects.filter(party=party)
            .select_related("actor")
            .only(
                "id",
                "action",
                "before",
                "after",
                "created_at",
                "actor__username",
                "actor__first_name",
                "actor__last_name",
            )
            .order_by("-created_at")[:10]
        ),
        "form": PartyForm(
            initial={
                "kind": party.kind,
                "affiliation": party.affiliation.name if party.affiliation else "",
                "aliases": "\n".join(party.aliases),
            }
        ),
        "can_change": request.user.has_perm("factcheck.change_party"),
    }
    return render(request, "parties/detail.html", context)


@require_POST
@login_required
def party_edit(request: HttpRequest, pk: int) -> HttpResponse:
    party = _party_for(request, pk, perm="change_party")
    form = PartyForm(request.POST)
    saved = False
    if form.is_valid():
        try:
            party.update_profile(
                request.user,
                kind=form.cleaned_data["kind"],
                affiliation=form.cleaned_data["affiliation"],
                aliases=form.cleaned_data["aliases"],
            )
            saved = True
        except ValueError as error:
            form.add_error(None, str(error))
    if saved:
        messages.success(request, f"Saved the names and affiliation of {party.name}.")
        return redirect(party)
    # Nothing was saved: show the form again with what the editor typed and why.
    party.refresh_from_db()
    context = {"party": party, "form": form, "can_change": True}
    return render(request, "parties/edit.html", context, status=422)


@require_GET
@login_required
def party_merge_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Step one of a merge: name the duplicate, see what will move, then confirm."""
    party = _party_for(request, pk, perm="change_party")
    name = request.GET.get("duplicate", "").strip()
    duplicate = Party.objects.named(name) if name else None
    if (chosen := request.GET.get("duplicate_id", "")).isdigit():
        # A suggested pair names its duplicate exactly: a bare surname may also be an alias.
        duplicate = Party.objects.filter(pk=int(chosen)).first()
        name = duplicate.name if duplicate else name or chosen
    error = ""
    if not name:
        error = "Type the name of the duplicate to merge into this party."
    elif duplicate is None:
        error = f"No party is called “{name}”."
    elif duplicate.pk == party.pk:
        error = f"“{name}” is {party.name} already."
    context = {"party": party, "duplicate": duplicate, "error": error, "name": name}
    if duplicate and not error:
        context["moving"] = duplicate.statements.filter(deleted_at=None).count()
        context["members"] = list(duplicate.members.only("id", "name")[:20])
        context["merged_aliases"] = [duplicate.name, *duplicate.aliases]
    return render(request, "parties/merge.html", context, status=422 if error else 200)


@require_POST
@login_required
def party_merge(request: HttpRequest, pk: int) -> HttpResponse:
    party = _party_for(request, pk, perm="change_party")
    duplicate_id = request.POST.get("duplicate", "")
    duplicate = (
        Party.objects.filter(pk=int(duplicate_id)).first() if duplicate_id.isdigit() else None
    )
    if duplicate is None or duplicate.pk == party.pk:
        messages.error(request, "That duplicate no longer exists: nothing was merged.")
        return redirect(party)
    name = duplicate.name
    try:
        revision = duplicate.merge_into(party, request.user)
    except Party.DoesNotExist:
        messages.error(request, "That duplicate no longer exists: nothing was merged.")
        return redirect(party)
    moved = len(revision.after["moved_statements"])
    messages.success(
        request,
        f"Merged “{name}” into {party.name}: {moved} statement{'s' if moved != 1 else ''} moved, "
        f"and “{name}” is now one of its aliases.",
    )
    return redirect(party)


@require_GET
@login_required
def party_duplicates(request: HttpRequest) -> HttpResponse:
    """Parties that are probably one, for an editor to merge or mark as different."""
    require(request, "change_party")
    pairs = Party.objects.likely_duplicates()
    return render(request, "parties/duplicates.html", {"pairs": pairs})


@require_POST
@login_required
def party_distinct(request: HttpRequest) -> HttpResponse:
    """ "Not the same": the pair is not suggested again."""
    require(request, "change_party")
    form = DistinctForm(request.POST)
    found = (
        Party.objects.in_bulk([form.cleaned_data["keep"], form.cleaned_data["duplicate"]])
        if form.is_valid()
        else {}
    )
    if len(found) != 2:
        note = "One of these parties no longer exists: nothing was changed."
        if request.htmx:
            return HttpResponse(note, status=404)
        messages.error(request, note)
        return redirect("party_duplicates")
    keep, duplicate = found[form.cleaned_data["keep"]], found[form.cleaned_data["duplicate"]]
    DistinctParties.record(keep, duplicate, request.user)
    note = f"“{duplicate.name}” and “{keep.name}” are kept as different parties."
    if request.htmx:
        return render(request, "parties/duplicates.html#dismissed", {"note": note})
    messages.success(request, note)
    return redirect("party_duplicates")
