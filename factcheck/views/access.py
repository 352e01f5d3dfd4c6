"""Server-side access checks, called at the top of every view.

Templates may hide a control, but only these decide: a request for a page or fragment the user
may not see gets 403 (or the login page when signed out), whatever the client sends.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from factcheck.models import Article, Statement


def require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(f"factcheck.{perm}"):
        raise PermissionDenied


def article_for(request: HttpRequest, pk: int, perm: str = "view_article") -> Article:
    require(request, perm)
    return get_object_or_404(Article, pk=pk)


def statement_for(
    request: HttpRequest, article_pk: int | None, pk: int, perm: str = "view_statement"
) -> Statement:
    """A live statement; of that article when `article_pk` is given (the API names none)."""
    require(request, perm)
    found = Statement.objects.live().select_related("speaker", "article")
    if article_pk is not None:
        found = found.filter(article_id=article_pk)
    return get_object_or_404(found, pk=pk)
