"""A user's own API tokens, under /accounts/tokens/."""

from __future__ import annotations

from django.urls import path

from factcheck.views import tokens

urlpatterns = [
    path("", tokens.api_tokens, name="api_tokens"),
    path("<int:pk>/revoke/", tokens.api_token_revoke, name="api_token_revoke"),
]
