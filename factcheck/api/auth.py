"""Who is calling: a bearer token names the user; a per-token budget keeps one script from
crowding out the desk.

The token is checked against our own table, never through Django's authentication backends, so
password protections (lockouts that count failed sign-ins) neither see nor count API calls.
"""

from __future__ import annotations

import re
import time

from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from factcheck.models import ApiToken

RATE = re.compile(r"^(\d+)/(s|sec|second|m|min|minute|h|hour)$")
SECONDS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600}


class TokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest) -> ApiToken | None:
        # Parsed here rather than by ninja, whose debug logging would print a wrong header whole.
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return self.authenticate(request, token)

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = ApiToken.objects.authenticate(token.strip())
        if found is None:
            return None
        # From here on the request is the token's user, so the web app's access helpers and
        # model permissions decide exactly as they do for a signed-in page.
        request.user = found.user
        return found


def parse_rate(rate: str) -> tuple[int, int]:
    """ "300/min" -> (300, 60): requests allowed per window of seconds."""
    match = RATE.match(rate.strip())
    if not match:
        raise ValueError(f"API_RATE_LIMIT must look like 300/min, not {rate!r}.")
    return int(match[1]), SECONDS[match[2]]


class TokenRateThrottle(BaseThrottle):
    """A fixed window per token, counted on the token's row (one UPDATE a request), so the
    budget holds across app servers and restarts."""

    def allow_request(self, request: HttpRequest) -> bool:
        limit, seconds = parse_rate(settings.API_RATE_LIMIT)
        token = getattr(request, "auth", None)
        if not isinstance(token, ApiToken):  # refused by authentication already
            return True
        return token.count_request(seconds) <= limit

    def wait(self) -> float:
        _, seconds = parse_rate(settings.API_RATE_LIMIT)
        return seconds - time.time() % seconds
