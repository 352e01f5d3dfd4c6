"""Request checks that belong before any view: one place, so no form or query can forget them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

NUL_MESSAGE = (
    "The request contains a NUL character (\\0), which the desk does not accept. "
    "Remove it and try again."
)


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in v for v in data.getlist(key)) for key in data)


def reject_nul_bytes(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer 400 to a NUL byte in the query string or the form fields.

    PostgreSQL cannot store NUL in text, so one reaching a query or an INSERT is a 500 from the
    driver; refusing it here covers every view, form and filter at once. Uploaded files are left
    alone: their content is checked where it is read (a NUL there means "not text").
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _has_nul(request.GET):
            return HttpResponseBadRequest(NUL_MESSAGE, content_type="text/plain; charset=utf-8")
        if request.method in {"POST", "PUT", "PATCH"}:
            kind = request.content_type or ""
            if kind == "application/json":
                nul = b"\x00" in request.body or b"\\u0000" in request.body
            else:
                nul = _has_nul(request.POST)
            if nul:
                return HttpResponseBadRequest(NUL_MESSAGE, content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware
