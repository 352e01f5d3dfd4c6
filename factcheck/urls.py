from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from factcheck.views import articles, exports

urlpatterns = [
    path("", articles.home, name="home"),
    path("articles/", articles.article_list, name="article_list"),
    path("articles/new/", articles.article_new, name="article_new"),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/verdict/",
        articles.statement_verdict,
        name="statement_verdict",
    ),
    # Reports, exports and batch import
    path("articles/<int:pk>/export/<str:fmt>/", exports.article_export, name="article_export"),
    path("exports/", exports.export_page, name="export_page"),
    path("exports/download/<str:fmt>/", exports.export_download, name="export_download"),
    path("exports/import/", exports.batch_import, name="batch_import"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
