"""One article's report: its statements numbered in reading order, with all the desk recorded.

Gathered in a fixed number of queries whatever the number of statements, so a long article's report
costs the same round trips as a short one. Every renderer (HTML, PDF, Markdown, ClaimReview) reads
this one structure, so the formats can't disagree about a number or a verdict.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from factcheck.highlight import paragraphs
from factcheck.links import safe_href
from factcheck.models import Article, Comment, Statement, Verdict, Verdicts

VERDICT_LABELS = dict(Verdicts.choices)


def person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


@dataclass
class Evidence:
    url: str
    title: str
    href: str  # "" when the URL is not one a reader should click


@dataclass
class ReportStatement:
    number: int
    statement: Statement
    verdicts: list[Verdict]
    comments: list[Comment]

    @property
    def pk(self) -> int:
        return self.statement.pk

    @property
    def speaker(self) -> str:
        return self.statement.speaker.name if self.statement.speaker else "Unknown speaker"

    @property
    def affiliation(self) -> str:
        speaker = self.statement.speaker
        return speaker.affiliation.name if speaker and speaker.affiliation else ""

    @property
    def speaker_kind(self) -> str:
        speaker = self.statement.speaker
        return speaker.kind if speaker else ""

    @property
    def quote(self) -> str:
        return self.statement.quote

    @property
    def verdict(self) -> str:
        """The final verdict's value, or "" while the desk has not settled the statement."""
        return self.statement.final_verdict

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS.get(self.verdict, "Not yet settled")

    @property
    def shade(self) -> str:
        return self.verdict or "none"

    @property
    def rationale(self) -> str:
        return self.statement.final_note

    @property
    def settled_by(self) -> str:
        return person_name(self.statement.final_by)

    @property
    def agreeing(self) -> int:
        return sum(1 for v in self.verdicts if v.value == self.verdict) if self.verdict else 0

    @property
    def agreement(self) -> str:
        """ "2 of 3 agree" with the final verdict; the desk's alpha lives in its own module."""
        if not self.verdicts:
            return "No reviewer verdicts"
        if not self.verdict:
            n = len(self.verdicts)
            return f"{n} reviewer verdict{'s' if n != 1 else ''}, not settled"
        return f"{self.agreeing} of {len(self.verdicts)} agree"

    @property
    def reviewers(self) -> list[str]:
        return [person_name(v.reviewer) for v in self.verdicts]

    @property
    def evidence(self) -> list[Evidence]:
        """Every reviewer's evidence links, each URL once, in the order they were given."""
        seen: set[str] = set()
        out = []
        for verdict in self.verdicts:
            for item in verdict.evidence or []:
                if not isinstance(item, dict):
                    continue
                url = str(item.get("url") or "").strip()
                if not url or url in seen:
                    continue
                seen.add(url)
                title = str(item.get("title") or "").strip()
                out.append(Evidence(url=url, title=title, href=safe_href(url)))
        return out


@dataclass
class Segment:
    """A run of article text; `numbers` are the statements that begin here, to label in print."""

    text: str
    marks: list[ReportStatement]
    numbers: list[int] = field(default_factory=list)

    @property
    def first(self) -> ReportStatement | None:
        return self.marks[0] if self.marks else None


@dataclass
class ArticleReport:
    article: Article
    statements: list[ReportStatement]
    generated_at: datetime.datetime
    organization: str = ""
    organization_url: str = ""

    @property
    def summary(self) -> list[tuple[str, str, int]]:
        """(value, label, count) for each final verdict and for those still open, in print order."""
        counts = {value: 0 for value in VERDICT_LABELS}
        pending = 0
        for s in self.statements:
            if s.verdict:
                counts[s.verdict] += 1
            else:
                pending += 1
        rows = [(value, VERDICT_LABELS[value], counts[value]) for value in VERDICT_LABELS]
        return [*rows, ("none", "Not yet settled", pending)]

    @property
    def article_href(self) -> str:
        """The article's own address as a link, if it is one a reader may follow."""
        return safe_href(self.article.url)

    @property
    def settled(self) -> int:
        return sum(1 for s in self.statements if s.verdict)

    @property
    def text(self) -> list[list[Segment]]:
        """The article's paragraphs with each statement highlighted and numbered where it starts."""
        runs = paragraphs(
            self.article.text, [(s.statement.start, s.statement.end, s) for s in self.statements]
        )
        labelled: set[int] = set()
        out = []
        for paragraph in runs:
            segments = []
            for run in paragraph:
                numbers = [m.number for m in run.marks if m.number not in labelled]
                labelled.update(numbers)
                segments.append(Segment(run.text, run.marks, numbers))
            out.append(segments)
        return out


def build(article: Article, *, organization: str = "", organization_url: str = "") -> ArticleReport:
    """The report of `article` in three queries: statements, verdicts, comments (none per row)."""
    statements = (
        Statement.objects.live()
        .filter(article=article)
        .select_related("speaker__affiliation", "final_by")
        .prefetch_related(
            Prefetch(
                "verdicts",
                queryset=Verdict.objects.select_related("reviewer").order_by("created_at", "id"),
            ),
            Prefetch(
                "comments",
                queryset=Comment.objects.select_related("author").order_by("created_at", "id"),
            ),
        )
        .order_by("position", "start", "id")
    )
    rows = [
        ReportStatement(
            number=n,
            statement=s,
            verdicts=list(s.verdicts.all()),
            comments=list(s.comments.all()),
        )
        for n, s in enumerate(statements, 1)
    ]
    return ArticleReport(
        article=article,
        statements=rows,
        generated_at=timezone.now(),
        organization=organization,
        organization_url=organization_url,
    )
