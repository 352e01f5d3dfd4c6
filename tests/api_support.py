"""A small desk for the API tests: one article with a proposal and an accepted statement, a
duplicate party to merge, and a test client per role that sends that role's bearer token."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone
from search_support import article_with, party

from factcheck.models import ApiToken, Article, Statement


@pytest.fixture
def api_desk(db, editor):
    mayor, treasurer, duplicate = party("Jane Mayor"), party("Rita Okafor"), party("R. Okafor")
    article, (proposal, statement) = article_with(
        "Budget row",
        [
            ("The budget grew by 4 per cent last year", mayor, ""),
            ("We have never borrowed more", treasurer, ""),
        ],
        outlet="Gazette",
        status=Article.Status.DRAFT,
    )
    Statement.objects.filter(pk=statement.pk).update(
        origin=Statement.Origin.MANUAL, direct=True, accepted_by=editor, accepted_at=timezone.now()
    )
    statement.refresh_from_db()
    return {
        "article": article,
        "proposal": proposal,
        "statement": statement,
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
