"""The desk's JSON API under /api/, for a newsroom's CMS, bots and scripts.

Built with django-ninja: typed function views like the rest of the desk, pydantic shapes that are
both the validation and the OpenAPI 3 schema (/api/openapi.json), and Swagger UI served from the
package's own static files (/api/docs). Each operation checks access with the web app's helpers
(factcheck.views.access) and changes records through the same model methods as the review desk.
"""

from __future__ import annotations

import math

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from factcheck.api import articles, exports, parties, statements
from factcheck.api.auth import TokenAuth, TokenRateThrottle
from factcheck.api.errors import Invalid

DESCRIPTION = """
The fact-checking desk's records: articles, their statements, reviewers' verdicts, editors'
final verdicts, parties, search and exports.

**Authentication.** Every operation needs `Authorization: Bearer <token>`. Make a token on your
*API tokens* page in the desk (or `manage.py api_token USERNAME`); it acts as you, with your
role's permissions, and blind review applies as on the review page.

**Errors** are JSON: `{"detail": "…"}`, plus `errors` for invalid input. 401: no valid token;
403: your role may not; 404: no such record; 409: someone changed it since you read it (the
body has their version); 422: invalid input; 429: too many requests for this token (wait
`Retry-After` seconds).
"""


class DeskAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # The view's name ("put_verdict"), not its module path: what client generators show.
        return operation.view_func.__name__


api = DeskAPI(
    title="Factcheck desk API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=TokenAuth(),
    throttle=[TokenRateThrottle()],
)
for module in (articles, statements, parties, exports):
    api.add_router("", module.router)


def _error(request: HttpRequest, message: str, status: int, **extra) -> HttpResponse:
    return api.create_response(request, {"detail": message, **extra}, status=status)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _error(
        request,
        "Send a valid API token as 'Authorization: Bearer <token>'. Make one on your API "
        "tokens page in the desk.",
        401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="factcheck"'
    return response


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    message = str(exc) or "Your role on the desk may not do this."
    return _error(request, message, 403)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, str(exc) or "There is no such record.", 404)


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    wait = math.ceil(exc.wait or 1)
    return _error(request, f"Too many requests with this token: wait {wait} s and try again.", 429)


@api.exception_handler(Invalid)
def invalid(request: HttpRequest, exc: Invalid) -> HttpResponse:
    return _error(request, exc.message, exc.status_code, errors=exc.errors)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.message, exc.status_code)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {
            "field": ".".join(str(part) for part in e.get("loc", ()) if part != "payload"),
            "message": e.get("msg", "Invalid."),
        }
        for e in exc.errors
    ]
    message = "; ".join(f"{e['field']}: {e['message']}" for e in errors) or "Invalid input."
    return _error(request, f"Invalid input. {message}", 422, errors=errors)


@csrf_exempt  # token-authenticated like the rest of the API: no cookie, so no CSRF to check
def no_such_address(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other address under /api/ answers JSON too, not the site's HTML 404 page."""
    return JsonResponse(
        {"detail": "There is no such API address. The operations are listed at /api/docs."},
        status=404,
    )
