"""The desk at large: dashboard, search and parties."""

from __future__ import annotations

from django.urls import path

from factcheck.views import dashboard, parties, search

urlpatterns = [
    path("", dashboard.dashboard, name="home"),
    path("search/", search.search, name="search"),
    path("statements/<int:pk>/similar/", search.similar_statements, name="similar_statements"),
    path("parties/", parties.party_list, name="party_list"),
    path("parties/duplicates/", parties.party_duplicates, name="party_duplicates"),
    path("parties/duplicates/distinct/", parties.party_distinct, name="party_distinct"),
    path("parties/<int:pk>/", parties.party_detail, name="party_detail"),
    path("parties/<int:pk>/edit/", parties.party_edit, name="party_edit"),
    path("parties/<int:pk>/merge/", parties.party_merge_review, name="party_merge_review"),
    path("parties/<int:pk>/merge/confirm/", parties.party_merge, name="party_merge"),
]
