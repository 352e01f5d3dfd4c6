"""The shapes the API reads and writes; the OpenAPI schema is generated from these."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from ninja import Field, Schema
from pydantic import BaseModel, field_validator

VerdictValue = Literal["confirmed", "denied", "disputed"]
Status = Literal["draft", "in_review", "done"]
Kind = Literal["person", "organization", "government", "media", "anonymous"]

_url = URLValidator(schemes=["http", "https"])


class Out(BaseModel):
    """What the API answers: plain pydantic models, validated from dicts at pydantic-core speed
    (ninja's Schema would wrap each of a long article's hundreds of rows in a getter)."""


class Error(Out):
    detail: str = Field(description="What went wrong, in words to show a person.")
    errors: list[dict[str, Any]] | None = Field(
        None, description="For invalid input: each problem with where it is."
    )


class Person(Out):
    id: int
    name: str


class PartyRef(Out):
    id: int = Field(description="The party's id in the registry (GET /api/parties/{id}).")
    name: str
    kind: Kind


class Evidence(Out):
    url: str = Field(max_length=2000, description="An http(s) address.")
    title: str = Field("", max_length=500)

    @field_validator("url")
    @classmethod
    def web_address(cls, value: str) -> str:
        try:
            _url(value)
        except DjangoValidationError:
            raise ValueError("Evidence must be an http(s) web address.") from None
        return value


class MyVerdict(Out):
    value: VerdictValue
    rationale: str
    evidence: list[Evidence]
    version: int = Field(description="Send it back with PUT .../verdict to guard your change.")


class FinalVerdict(Out):
    value: VerdictValue
    note: str
    at: datetime.datetime | None


class VerdictCounts(Out):
    confirmed: int
    denied: int
    disputed: int


class StatementOut(Out):
    id: int
    article_id: int
    quote: str
    start: int = Field(description="Offset of the quote's first character in the article text.")
    end: int = Field(description="Offset just past its last character.")
    speaker: PartyRef | None
    direct: bool = Field(description="A direct quote rather than reported speech.")
    proposal: bool = Field(description="Found by the extraction and not yet accepted.")
    accepted: bool
    version: int = Field(description="Send it back with PATCH to guard your edit.")
    final_version: int = Field(
        description="Send it back with PUT .../final-verdict to guard the final verdict."
    )
    my_verdict: MyVerdict | None
    final_verdict: FinalVerdict | None
    verdicts: VerdictCounts | None = Field(
        description="Reviewers' verdicts by value; null while blind review hides them from you."
    )
    hidden_verdicts: int = Field(description="Verdicts blind review hides from you.")
    comments: int


class ArticleCounts(Out):
    statements: int
    proposals: int
    settled: int


class ArticleDetailCounts(ArticleCounts):
    reviewed_by_me: int
    verdicts: VerdictCounts


class ArticleOut(Out):
    id: int
    title: str
    outlet: str
    url: str
    byline: str
    published_on: datetime.date | None
    status: Status
    blind_review: bool
    created_at: datetime.datetime
    counts: ArticleCounts


class ArticleDetail(ArticleOut):
    text: str = Field(description="The cleaned text that statements' offsets point into.")
    counts: ArticleDetailCounts
    statements: list[StatementOut]


class ArticlePage(Out):
    items: list[ArticleOut]
    next_after: int | None = Field(
        description="Pass as ?after= for the next page; null at the end."
    )


class ArticleIn(Schema):
    title: str = Field(
        "", max_length=300, description="Required unless the page fetched from `url` has one."
    )
    raw_text: str = Field(
        "",
        description="The article's text or HTML. Without it, the page at `url` is fetched and "
        "its article, title and metadata used (the values given here win).",
    )
    outlet: str = Field("", max_length=200)
    url: str = Field("", max_length=2000)
    byline: str = Field("", max_length=300)
    published_on: datetime.date | None = None
    blind_review: bool = False


class ArticlePatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=300)
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    byline: str | None = Field(None, max_length=300)
    published_on: datetime.date | None = None
    blind_review: bool | None = None


class StatementIn(Schema):
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    speaker_id: int | None = Field(None, description="A party's id…")
    speaker_name: str | None = Field(
        None, max_length=300, description="…or a name (a new party is made if none matches)."
    )
    direct: bool = False


class StatementPatch(Schema):
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=1)
    speaker_id: int | None = Field(None, description="A party's id; null clears the speaker.")
    speaker_name: str | None = Field(None, max_length=300)
    direct: bool | None = None
    version: int | None = Field(None, ge=0, description="The version you edited; 409 if stale.")


class VerdictIn(Schema):
    value: VerdictValue
    rationale: str | None = Field(None, max_length=5000, description="Omit to keep it as is.")
    evidence: list[Evidence] | None = Field(None, max_length=50, description="Omit to keep it.")
    version: int | None = Field(
        None,
        ge=0,
        description="Your verdict's version when you read it (0: none yet); 409 if stale.",
    )


class VerdictOut(MyVerdict):
    statement_id: int
    reviewer: Person
    updated_at: datetime.datetime


class VerdictList(Out):
    items: list[VerdictOut]
    hidden: int = Field(description="Colleagues' verdicts blind review hides until you give yours.")


class VerdictConflict(Error):
    current: MyVerdict | None = Field(description="Your verdict as saved now (null: none yet).")


class FinalVerdictIn(Schema):
    value: VerdictValue | Literal[""] = Field(description='"" unsettles the statement.')
    note: str = Field("", max_length=5000)
    version: int | None = Field(
        None, ge=0, description="The statement's final_version when you read it; 409 if stale."
    )


class StatementConflict(Error):
    current: StatementOut


class Accepted(Out):
    accepted: int


class PartyOut(PartyRef):
    aliases: list[str]
    affiliation: PartyRef | None
    counts: VerdictCounts
    unsettled: int


class PartyPage(Out):
    items: list[PartyOut]
    next_after: str | None


class MonthCounts(VerdictCounts):
    month: datetime.date


class PartyStatement(Out):
    id: int
    quote: str
    direct: bool
    final_verdict: VerdictValue | None
    article: ArticleRef


class ArticleRef(Out):
    id: int
    title: str
    published_on: datetime.date | None


class PartyDetail(PartyOut):
    members: list[PartyRef]
    by_month: list[MonthCounts]
    recent_statements: list[PartyStatement]


class MergeIn(Schema):
    duplicate_id: int = Field(description="The duplicate party, folded into this one.")


class MergeOut(Out):
    party: PartyDetail
    moved_statements: int


class SearchStatement(Out):
    id: int
    quote: str
    direct: bool
    final_verdict: VerdictValue | None
    speaker: PartyRef | None
    article: ArticleRef


class SearchParty(PartyRef):
    statements: int


class SearchResults(Out):
    statements: list[SearchStatement]
    articles: list[ArticleRef]
    parties: list[SearchParty]
    next_after: str | None


PartyStatement.model_rebuild()
