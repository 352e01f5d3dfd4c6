from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from factcheck.views import articles, dashboard, parties, search

urlpatterns = [
    # search area: dashboard, search, parties
    path("", dashboard.dashboard, name="home"),
    path("search/", search.search, name="search"),
    path("statements/<int:pk>/similar/", search.similar_statements, name="similar_statements"),
    path("parties/", parties.party_list, name="party_list"),
    path("parties/<int:pk>/", parties.party_detail, name="party_detail"),
    path("parties/<int:pk>/edit/", parties.party_edit, name="party_edit"),
    path("parties/<int:pk>/merge/", parties.party_merge_review, name="party_merge_review"),
    path("parties/<int:pk>/merge/confirm/", parties.party_merge, name="party_merge"),
    # end search area
    path("articles/", articles.article_list, name="article_list"),
    path("articles/new/", articles.article_new, name="article_new"),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/verdict/",
        articles.statement_verdict,
        name="statement_verdict",
    ),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
