"""schema.org ClaimReview markup, one per statement with a final verdict, for search engines.

Rating scale (documented in the README): 1 = Denied (worst), 2 = Disputed, 3 = Confirmed (best);
`alternateName` carries the verdict's name, which is what Google shows.
"""

from __future__ import annotations

from factcheck.links import safe_href
from factcheck.models import Party
from factcheck.reports.article import ArticleReport, ReportStatement

RATINGS = {"denied": 1, "disputed": 2, "confirmed": 3}
WORST, BEST = 1, 3
_ORGANISATION_KINDS = {Party.Kind.ORGANIZATION, Party.Kind.GOVERNMENT, Party.Kind.MEDIA}


def _claim_author(s: ReportStatement) -> dict:
    speaker = s.statement.speaker
    if speaker is None:
        return {"@type": "Person", "name": "Unknown speaker"}
    kind = "Organization" if speaker.kind in _ORGANISATION_KINDS else "Person"
    author: dict = {"@type": kind, "name": speaker.name}
    if speaker.affiliation and kind == "Person":
        author["affiliation"] = {"@type": "Organization", "name": speaker.affiliation.name}
    return author


def render(report: ArticleReport, *, report_url: str) -> list[dict]:
    """ClaimReview objects; `report_url` is the absolute URL of the published report."""
    article = report.article
    appearance: dict = {"@type": "NewsArticle", "headline": article.title}
    if safe_href(article.url):
        appearance["url"] = safe_href(article.url)
    if article.published_on:
        appearance["datePublished"] = article.published_on.isoformat()
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.byline:
        appearance["author"] = {"@type": "Person", "name": article.byline}
    organisation: dict = {"@type": "Organization", "name": report.organization}
    if report.organization_url:
        organisation["url"] = report.organization_url

    out = []
    for s in report.statements:
        if not s.verdict:
            continue
        claim: dict = {
            "@type": "Claim",
            "author": _claim_author(s),
            "appearance": appearance,
            "firstAppearance": appearance,
        }
        if article.published_on:
            claim["datePublished"] = article.published_on.isoformat()
        review: dict = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{report_url}#statement-{s.number}",
            "claimReviewed": s.quote,
            "author": organisation,
            "itemReviewed": claim,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATINGS[s.verdict],
                "bestRating": BEST,
                "worstRating": WORST,
                "alternateName": s.verdict_label,
            },
        }
        if s.statement.final_at:
            review["datePublished"] = s.statement.final_at.date().isoformat()
        if s.rationale:
            review["reviewBody"] = s.rationale
        out.append(review)
    return out
