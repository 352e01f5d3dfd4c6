"""The annotated report as one self-contained HTML document, for the browser, print and archive.

The stylesheet is inlined so a saved report opens anywhere, years later, looking the same; it is our
own file, never user content. Everything from the article or the desk goes through autoescape.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from factcheck.reports.article import ArticleReport

STYLESHEET = Path(settings.BASE_DIR) / "static" / "factcheck" / "report.css"


@cache
def _css(mtime: float) -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def stylesheet() -> SafeString:
    # Our own static file (trusted), read once per change so editing it needs no restart.
    return mark_safe(_css(STYLESHEET.stat().st_mtime))


def render(
    report: ArticleReport, *, for_pdf: bool = False, links: dict[str, str] | None = None
) -> str:
    """The report page; `links` (back, pdf, download) add a screen-only toolbar when it is served
    from the desk, and are left out of a saved or printed copy."""
    return render_to_string(
        "reports/article.html",
        {
            "report": report,
            "article": report.article,
            "css": stylesheet(),
            "for_pdf": for_pdf,
            "links": links or {},
        },
    )
