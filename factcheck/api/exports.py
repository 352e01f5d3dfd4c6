"""The desk-wide export: every statement matching the filters, streamed as CSV or JSON."""

from __future__ import annotations

import datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from factcheck.api.articles import ANY_JSON, BINARY, _file
from factcheck.api.errors import form_invalid, responses
from factcheck.reports.forms import ExportFilterForm
from factcheck.views import exports

router = Router(tags=["exports"])


@router.get(
    "/exports/{fmt}",
    response=responses({200: None}),
    openapi_extra=_file({"text/csv": BINARY, "application/json": ANY_JSON}),
    summary="Export the desk",
)
def export_desk(
    request: HttpRequest,
    fmt: Literal["csv", "json"],
    published_from: datetime.date | None = None,
    published_to: datetime.date | None = None,
    status: Literal["", "draft", "in_review", "done"] = "",
    party: str = Query("", max_length=300, description="A speaker's name or alias."),
    verdict: Literal["", "confirmed", "denied", "disputed", "none"] = Query(
        "", description='Final verdict; "none" for not yet settled.'
    ),
) -> HttpResponse:
    """Statements across the desk as a spreadsheet (CSV) or the loss-less archive (JSON),
    streamed in flat memory however many there are. Editors only, as on the Exports page."""
    exports._require_bulk_export(request)
    form = ExportFilterForm(
        {
            "published_from": published_from or "",
            "published_to": published_to or "",
            "status": status,
            "party": party,
            "verdict": verdict,
        }
    )
    if not form.is_valid():
        raise form_invalid(form)
    return exports.export_download(request, fmt)
