"""Small articles with statements at real offsets, for the search, party and dashboard tests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from factcheck.models import Article, Party, Statement


def party(name: str, kind: str = "person", **fields) -> Party:
    found = Party(name=name, kind=kind, **fields)
    found.save()
    return found


def article_with(
    title: str,
    quotes: list[tuple[str, Party | None, str]],
    *,
    editor=None,
    published_on: datetime.date | None = None,
    status: str = Article.Status.IN_REVIEW,
    outlet: str = "The Coastal Ledger",
) -> tuple[Article, list[Statement]]:
    """An article whose text quotes each (quote, speaker, final verdict or "") in turn."""
    paragraphs = [
        f'Reporting on {title.lower()}. "{quote}," the source said.' for quote, *_ in quotes
    ]
    text = "\n\n".join(paragraphs) or "Nothing was said."
    # Not submit(): the extraction would propose statements of its own.
    article = Article.objects.create(
        raw_text=text,
        text=text,
        title=title,
        outlet=outlet,
        published_on=published_on,
        status=status,
    )
    statements = []
    cursor = 0
    for position, (quote, speaker, final) in enumerate(quotes):
        start = article.text.index(f'"{quote},', cursor) + 1
        cursor = start + len(quote)
        statement = Statement.objects.create(
            article=article,
            speaker=speaker,
            start=start,
            end=start + len(quote),
            quote=quote,
            position=position,
        )
        if final:
            statement.final_verdict = final
            statement.final_by = editor
            statement.final_at = timezone.now()
            statement.save(update_fields=["final_verdict", "final_by", "final_at"])
        statements.append(statement)
    return article, statements
