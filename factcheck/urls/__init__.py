"""The site's addresses, one module per area of the desk, joined here."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from factcheck.api import api, no_such_address
from factcheck.urls import articles, exports, jobs, review, search, tokens
from factcheck.views import accounts, site
from factcheck.views.review import live

urlpatterns = [
    path("", include(search)),
    path("articles/", include(articles)),
    path("articles/", include(review)),
    path("articles/", include(exports.article_urls)),
    path("agreement/", live.desk_agreement, name="desk_agreement"),
    path("exports/", include(exports)),
    path("jobs/", include(jobs)),
    path("healthz", site.healthz, name="healthz"),
    path("api/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", no_such_address),
    path("accounts/tokens/", include(tokens)),
    path("accounts/preferences/", accounts.preferences, name="preferences"),
    path("accounts/preferences/shortcuts/", accounts.shortcuts_switch, name="shortcuts_switch"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=accounts.LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("favicon.ico", site.favicon, name="favicon"),
]
