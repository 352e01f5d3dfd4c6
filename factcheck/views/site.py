"""Addresses browsers ask for on their own."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """Pages that name no icon (the standalone HTML report) make browsers ask for /favicon.ico."""
    return redirect(static("factcheck/favicon.svg"), permanent=True)


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers, and the load test's ceiling: no session, no database."""
    return HttpResponse("ok", content_type="text/plain")
