"""Search the desk's records: statements first (with filters and keyset pages), then the
articles and parties that match, and "has this been checked before?" for one statement."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Cast, Left
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from factcheck.forms import UNSETTLED, SearchForm
from factcheck.models import Article, Party, Statement, Verdict
from factcheck.snippets import START, STOP, marked
from factcheck.views.access import require

PAGE_SIZE = 20
BEST_MATCH_WINDOW = 1000
ARTICLE_WINDOW = 30
# How many of the newest statement ids a page walks before it asks the full-text index instead.
RECENT_SPAN = 100_000
ARTICLES_SHOWN = 3
# Snippets come from the start of an article: ts_headline parses all the text it is given.
ARTICLE_SNIPPET_CHARS = 4000


@dataclass
class Results:
    statements: list[Statement]
    next_after: str
    articles: list[Article]
    parties: list[Party]
    too_common: bool = False


def _statements(user, data: dict, query: SearchQuery | None) -> tuple[list[Statement], str]:
    found: QuerySet = Statement.objects.live()
    if query is not None:
        found = found.filter(search=query)
    if verdict := data.get("verdict"):
        found = found.filter(final_verdict="" if verdict == UNSETTLED else verdict)
    if party := data.get("party"):
        found = found.filter(speaker=party)
    if reviewer := data.get("reviewer"):
        found = found.filter(
            # Which statements a colleague judged is verdict content too, under blind review.
            Exists(
                Verdict.objects.visible_to(user).filter(statement=OuterRef("pk"), reviewer=reviewer)
            )
        )
    if status := data.get("status"):
        found = found.filter(article__status=status)
    if start := data.get("published_from"):
        found = found.filter(article__published_on__gte=start)
    if end := data.get("published_to"):
        found = found.filter(article__published_on__lte=end)

    # First the ids of one page (and one more, to know there is a next), then the rows, so the
    # snippets are made for the twenty rows shown and never for every match.
    cursor = data.get("cursor")
    if query is not None and data.get("sort") == "best":
        # Ranking every match of a common word (400,000 of 5 million statements) cannot be
        # fast, so best match ranks the newest BEST_MATCH_WINDOW matches, read off the primary
        # key index; the page says so. Ranks come as double precision so they compare exactly.
        window = sorted(
            found.annotate(rank=Cast(SearchRank(F("search"), query), FloatField()))
            .order_by("-pk")
            .values_list("rank", "pk")[:BEST_MATCH_WINDOW],
            reverse=True,
        )
        if cursor:
            window = [key for key in window if key < cursor]
        keys = window[: PAGE_SIZE + 1]
    else:
        if cursor:
            found = found.filter(pk__lt=cursor[1])
        keys = [(None, pk) for pk in _newest(found, cursor[1] if cursor else None)]
    next_after = ""
    if len(keys) > PAGE_SIZE:
        keys = keys[:PAGE_SIZE]
        rank, pk = keys[-1]
        next_after = f"{rank!r}_{pk}" if rank is not None else str(pk)
    shown = Statement.objects.filter(pk__in=[pk for _, pk in keys])
    if query is not None:
        shown = shown.annotate(
            snippet=SearchHeadline(
                "quote", query, start_sel=START, stop_sel=STOP, highlight_all=True
            )
        )
    by_pk = {
        row.pk: row
        for row in shown.select_related("speaker", "article").only(
            "id",
            "quote",
            "final_verdict",
            "direct",
            "speaker__id",
            "speaker__name",
            "speaker__kind",
            "article__id",
            "article__title",
            "article__outlet",
            "article__published_on",
            "article__status",
        )
    }
    rows = [by_pk[pk] for _, pk in keys if pk in by_pk]
    for row in rows:
        row.marked = marked(row.snippet) if query is not None else None
    return rows, next_after


def _newest(found: QuerySet, before: int | None) -> list[int]:
    """Ids of the next page, newest first.

    Walking the primary key backwards finds a common word's matches at once, but walks the whole
    table for a rare phrase the planner thinks common. So walk only the RECENT_SPAN ids before
    the cursor first; if they hold less than a page, the matches are sparse, and the full-text
    index finds them all for sorting (ordering by id + 0 keeps the planner off the key).
    """
    top = before or (Statement.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
    page = PAGE_SIZE + 1
    ids = list(
        found.filter(pk__gt=top - RECENT_SPAN).order_by("-pk").values_list("pk", flat=True)[:page]
    )
    if len(ids) < page:
        ids += (
            found.filter(pk__lte=top - RECENT_SPAN)
            .order_by((F("pk") + 0).desc())
            .values_list("pk", flat=True)[: page - len(ids)]
        )
    return ids


def _articles(data: dict, query: SearchQuery) -> list[Article]:
    found = Article.objects.filter(search=query)
    if status := data.get("status"):
        found = found.filter(status=status)
    if start := data.get("published_from"):
        found = found.filter(published_on__gte=start)
    if end := data.get("published_to"):
        found = found.filter(published_on__lte=end)
    # As for statements: rank the newest matches, not every article that has a common word,
    # then make snippets for the few shown only.
    window = sorted(
        found.annotate(rank=SearchRank(F("search"), query))
        .order_by("-pk")
        .values_list("rank", "pk")[:ARTICLE_WINDOW],
        reverse=True,
    )
    ids = [pk for _, pk in window[:ARTICLES_SHOWN]]
    by_pk = {
        row.pk: row
        for row in Article.objects.filter(pk__in=ids)
        .annotate(
            snippet=SearchHeadline(
                Left("text", ARTICLE_SNIPPET_CHARS),
                query,
                start_sel=START,
                stop_sel=STOP,
                max_words=24,
                min_words=12,
                max_fragments=1,
                fragment_delimiter=" … ",
            )
        )
        .only("id", "title", "outlet", "published_on", "status")
    }
    rows = [by_pk[pk] for pk in ids if pk in by_pk]
    for row in rows:
        row.marked = marked(row.snippet)
    return rows


def _parties(words: str) -> list[Party]:
    """Parties whose name or an alias contains the words, names starting with them first."""
    key = " ".join(words.split()).lower()
    aliases = Func(
        F("alias_keys"), Value(" "), function="array_to_string", output_field=CharField()
    )
    parties = list(
        Party.objects.annotate(alias_text=aliases)
        .filter(Q(name_key__contains=key) | Q(alias_text__contains=key))
        .annotate(starts=Q(name_key__startswith=key))
        .only("id", "name", "kind")
        .order_by("-starts", "name_key")[:6]
    )
    counts = dict(
        Statement.objects.live()
        .filter(speaker__in=parties)
        .values_list("speaker")
        .annotate(n=Count("*"))
        .order_by()
    )
    for party in parties:
        party.statement_count = counts.get(party.pk, 0)
    return parties


def search_results(user, data: dict) -> Results:
    """What `user` finds for the cleaned search form `data`."""
    words = data.get("q") or ""
    query = SearchQuery(words, search_type="websearch", config="english") if words else None
    statements, next_after = _statements(user, data, query)
    first_page = not data.get("cursor")
    articles = _articles(data, query) if query is not None and first_page else []
    parties = _parties(words) if words and first_page else []
    too_common = bool(query is not None and not statements and not articles and _is_empty(words))
    return Results(statements, next_after, articles, parties, too_common)


def _is_empty(words: str) -> bool:
    """True when every word is one search ignores ("the", "of"): say so instead of "nothing"."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery('english', %s)) = 0", [words])
        return cursor.fetchone()[0]


def _page_link(params: QueryDict, after: str) -> str:
    params = params.copy()
    params["after"] = after
    return "?" + params.urlencode()


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    require(request, "view_statement")
    form = SearchForm(request.GET or None)
    results = None
    searched = bool(request.GET)
    if searched and form.is_valid():
        results = search_results(request.user, form.cleaned_data)
    params = request.GET.copy()
    params.pop("after", None)
    context = {
        "form": form,
        "results": results,
        "searched": searched,
        "next_link": _page_link(params, results.next_after)
        if results and results.next_after
        else "",
        "first_link": "?" + params.urlencode(),
        "paged": bool(request.GET.get("after")),
        "best_window": BEST_MATCH_WINDOW,
    }
    template = "search/search.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@require_GET
@login_required
def similar_statements(request: HttpRequest, pk: int) -> HttpResponse:
    """Earlier statements that say nearly the same thing, with their final verdicts."""
    require(request, "view_statement")
    statement = get_object_or_404(Statement.objects.live().only("id", "quote", "article_id"), pk=pk)
    similar = list(
        Statement.objects.similar_to(statement.quote, exclude_article=statement.article_id)
        .select_related("speaker", "article")
        .only(
            "id",
            "quote",
            "final_verdict",
            "final_note",
            "final_at",
            "speaker__id",
            "speaker__name",
            "article__id",
            "article__title",
            "article__published_on",
        )
    )
    template = "search/similar.html"
    if request.htmx:
        template += "#similar"
    return render(request, template, {"statement": statement, "similar": similar})
