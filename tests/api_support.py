"""A small desk for the API tests: one article with two statements and two parties, and a test
client per role that sends that role's bearer token."""

from __future__ import annotations

import pytest
from django.test import Client

from factcheck.models import ApiToken, Article, Party, Statement

TEXT = (
    "The mayor said the budget grew by 4 per cent last year.\n\n"
    'Rita Okafor, the treasurer, said: "We have never borrowed more."\n\n'
    "Critics disagreed."
)


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def api_desk(db, editor):
    """An article with a proposal and an accepted statement, and a duplicate party to merge."""
    mayor = Party.objects.create(name="Jane Mayor")
    treasurer = Party.objects.create(name="Rita Okafor")
    duplicate = Party.objects.create(name="R. Okafor")
    article = Article.objects.create(
        title="Budget row", outlet="Gazette", raw_text=TEXT, text=TEXT, created_by=editor
    )
    made = []
    for position, (quote, speaker, direct, origin) in enumerate(
        [
            ("the budget grew by 4 per cent last year", mayor, False, Statement.Origin.AUTOMATIC),
            ("We have never borrowed more.", treasurer, True, Statement.Origin.MANUAL),
        ]
    ):
        start, end = span(TEXT, quote)
        made.append(
            Statement.objects.create(
                article=article,
                speaker=speaker,
                start=start,
                end=end,
                quote=quote,
                direct=direct,
                origin=origin,
                position=position,
            )
        )
    Statement.objects.filter(pk=made[1].pk).update(
        accepted_by=editor, accepted_at=article.created_at
    )
    return {
        "article": article,
        "proposal": made[0],
        "statement": made[1],
        "party": treasurer,
        "duplicate": duplicate,
    }


def token_client(user) -> Client:
    _, secret = ApiToken.objects.issue(user, "tests")
    return Client(headers={"Authorization": f"Bearer {secret}"})


@pytest.fixture
def api_as(outsider, viewer, reviewer, editor):
    """A test client for "anonymous" (no token), "outsider", "viewer", "reviewer" or "editor"."""
    users = {"outsider": outsider, "viewer": viewer, "reviewer": reviewer, "editor": editor}

    def client_for(role: str) -> Client:
        return Client() if role == "anonymous" else token_client(users[role])

    return client_for
