"""Articles: the list with the search page's filters, new articles, one article with its
statements, its details, and its reports."""

from __future__ import annotations

import datetime
from typing import Literal

from django.contrib.postgres.search import SearchQuery
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status

from factcheck.api import present
from factcheck.api.errors import Invalid, form_invalid, responses
from factcheck.api.schemas import (
    Accepted,
    ArticleDetail,
    ArticleIn,
    ArticlePage,
    ArticlePatch,
    StatementIn,
    StatementOut,
)
from factcheck.forms import ArticleDetailsForm, ArticleForm
from factcheck.ingest import IngestError, fetch_article
from factcheck.models import Article, Statement, Verdict
from factcheck.reports import FORMATS
from factcheck.views import exports
from factcheck.views.access import article_for, require
from factcheck.views.review.statements import _speaker_from
from factcheck.views.search import UNSETTLED, SearchForm

router = Router(tags=["articles"])

ExportFormat = Literal["html", "pdf", "csv", "md", "claimreview", "json"]


@router.get("/articles", response=responses({200: ArticlePage}), summary="List articles")
def list_articles(
    request: HttpRequest,
    q: str = Query("", max_length=300, description="Words in the title, text, outlet or byline."),
    status: Literal["", "draft", "in_review", "done"] = "",
    party: str = Query("", max_length=300, description="Articles quoting this party (name)."),
    reviewer: int | None = Query(None, description="Articles this reviewer (user id) judged."),
    verdict: Literal["", "confirmed", "denied", "disputed", "unsettled"] = Query(
        "", description="Articles with a statement of this final verdict."
    ),
    published_from: datetime.date | None = None,
    published_to: datetime.date | None = None,
    after: int | None = Query(None, description="next_after of the previous page."),
    limit: int = Query(20, ge=1, le=100),
):
    """Newest first, a page at a time (keyset: page 100 costs what page 1 does)."""
    require(request, "view_article")
    # The search page's form, so the filters mean (and refuse) the same things.
    form = SearchForm(
        {
            "q": q,
            "status": status,
            "party": party,
            "reviewer": reviewer or "",
            "verdict": verdict,
            "published_from": published_from or "",
            "published_to": published_to or "",
        }
    )
    if not form.is_valid():
        raise form_invalid(form)
    data = form.cleaned_data
    found = Article.objects.all()
    if data["q"]:
        found = found.filter(
            search=SearchQuery(data["q"], search_type="websearch", config="english")
        )
    if data["status"]:
        found = found.filter(status=data["status"])
    if data["published_from"]:
        found = found.filter(published_on__gte=data["published_from"])
    if data["published_to"]:
        found = found.filter(published_on__lte=data["published_to"])
    quoted = Statement.objects.live().filter(article=OuterRef("pk"))
    if data["party"]:
        found = found.filter(Exists(quoted.filter(speaker=data["party"])))
    if data["verdict"]:
        found = found.filter(
            Exists(quoted.filter(final_verdict="" if verdict == UNSETTLED else verdict))
        )
    if data["reviewer"]:
        found = found.filter(
            # Only verdicts blind review lets the caller see, as in search.
            Exists(
                Verdict.objects.visible_to(request.user).filter(
                    statement__article=OuterRef("pk"), reviewer=data["reviewer"]
                )
            )
        )
    if after is not None:
        found = found.filter(pk__lt=after)
    articles = list(found.only(*present.ARTICLE_FIELDS).order_by("-pk")[: limit + 1])
    more = len(articles) > limit
    articles = articles[:limit]
    counts = present.article_counts([a.pk for a in articles])
    return {
        "items": [present.article_out(a, counts[a.pk]) for a in articles],
        "next_after": articles[-1].pk if more else None,
    }


@router.post("/articles", response=responses({201: ArticleDetail}), summary="Add an article")
def create_article(request: HttpRequest, payload: ArticleIn):
    """Submit an article's text, or only its `url` to fetch the page; the statements found in it
    come back as proposals. A page that can't be fetched is a 422 saying why."""
    require(request, "add_article")
    data = payload.model_dump() | {"published_on": payload.published_on or ""}
    fetched = {}
    if payload.url.strip() and not payload.raw_text.strip():
        try:
            page = fetch_article(payload.url)
        except IngestError as error:
            raise Invalid(str(error), [{"field": "url", "message": str(error)}]) from None
        given = {k: data[k] for k in ("title", "outlet", "url", "byline", "published_on")}
        fetched = page.article_fields(**given)
        data |= {k: fetched[k] or "" for k in (*given, "raw_text")}
    form = ArticleForm(data)
    if not form.is_valid():
        raise form_invalid(form)
    fields = form.article_fields()
    fields |= {k: v for k, v in fetched.items() if k in {"fetched_url", "fetched_html"}}
    with transaction.atomic():
        article = Article.objects.submit(created_by=request.user, **fields)
    return Status(201, present.article_detail(request.user, article))


@router.get(
    "/articles/{int:pk}", response=responses({200: ArticleDetail}), summary="Read an article"
)
def read_article(request: HttpRequest, pk: int):
    """The article, its text and its live statements with your verdict, the final verdict and
    the verdicts' counts (hidden under blind review until you have given yours)."""
    article = article_for(request, pk)
    return present.article_detail(request.user, article)


@router.patch(
    "/articles/{int:pk}", response=responses({200: ArticleDetail}), summary="Change details"
)
def update_article(request: HttpRequest, pk: int, payload: ArticlePatch):
    """Title, outlet, URL, byline, publication date or blind review; the text stays."""
    article = article_for(request, pk, perm="change_article")
    changes = payload.model_dump(exclude_unset=True)
    current = {name: getattr(article, name) for name in Article.DETAILS}
    data = current | {k: v for k, v in changes.items() if v is not None or k == "published_on"}
    form = ArticleDetailsForm({k: "" if v is None else v for k, v in data.items()})
    if not form.is_valid():
        raise form_invalid(form)
    article.update_details(request.user, **{k: form.cleaned_data[k] for k in changes})
    return present.article_detail(request.user, article)


@router.post(
    "/articles/{int:pk}/statements",
    response=responses({201: StatementOut, 200: StatementOut}, 400),
    summary="Add a statement",
)
def add_statement(request: HttpRequest, pk: int, payload: StatementIn):
    """A statement over text[start:end], as an editor selects it; 200 if it was already there."""
    article = article_for(request, pk, perm="add_statement")
    if payload.end <= payload.start:
        raise Invalid("The statement must end after it starts.")
    try:
        with transaction.atomic():
            speaker = _speaker_from(
                request, {"speaker": payload.speaker_id, "new_speaker": payload.speaker_name}
            )
            statement, created = article.add_statement(
                request.user,
                start=payload.start,
                end=payload.end,
                speaker=speaker or None,
                direct=payload.direct,
            )
    except ValueError as error:
        raise Invalid(str(error), status=400) from None
    return Status(201 if created else 200, present.statement_out(request.user, statement))


@router.post(
    "/articles/{int:pk}/accept-proposals",
    response=responses({200: Accepted}),
    summary="Accept every proposal",
)
def accept_proposals(request: HttpRequest, pk: int):
    article = article_for(request, pk, perm="change_statement")
    return {"accepted": article.accept_proposals(request.user)}


def _file(content_types: dict[str, dict]) -> dict:
    return {"responses": {200: {"description": "The file, streamed.", "content": content_types}}}


BINARY = {"schema": {"type": "string", "format": "binary"}}
ANY_JSON: dict = {"schema": {}}


@router.get(
    "/articles/{int:pk}/export/{fmt}",
    response=responses({200: None}),
    openapi_extra=_file(
        {
            FORMATS[f].content_type.split(";")[0]: ANY_JSON
            if "json" in FORMATS[f].content_type
            else BINARY
            for f in ExportFormat.__args__
        }
    ),
    summary="Export an article",
)
def export_article(request: HttpRequest, pk: int, fmt: ExportFormat) -> HttpResponse:
    """The article's report or data in one of six formats, as the Export menu gives it."""
    return exports.article_export(request, pk, fmt)
