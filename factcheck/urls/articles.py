"""Articles: the list, a new article, and the review page."""

from __future__ import annotations

from django.urls import path

from factcheck.views import articles

urlpatterns = [
    path("", articles.article_list, name="article_list"),
    path("new/", articles.article_new, name="article_new"),
    path("<int:pk>/", articles.article_detail, name="article_detail"),
]
