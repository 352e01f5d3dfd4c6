"""The annotated report as a PDF, typeset by WeasyPrint from the same HTML as the browser report.

Page numbers and the article's title in the running header come from the print stylesheet's
@page rules, which WeasyPrint honours and browsers mostly ignore.
"""

from __future__ import annotations

from factcheck.reports import html_report
from factcheck.reports.article import ArticleReport


def render(report: ArticleReport) -> bytes:
    from weasyprint import HTML  # imported late: it loads pango, which only PDF export needs

    document = HTML(string=html_report.render(report, for_pdf=True), base_url=None)
    return document.write_pdf()
