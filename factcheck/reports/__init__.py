"""Reports and exports of the desk's work: what an editor publishes, a spreadsheet user sorts and
an archive keeps.

`article` gathers one article's report in a fixed handful of queries; `html_report` and `pdf` print
it; `markdown` and `claimreview` render it for a CMS and for search engines; `spreadsheet` and
`backup` stream rows from server-side cursors so any number of statements exports in flat memory;
`backup` also restores its own JSON, all or nothing; `batch` turns files into articles.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    content_type: str
    extension: str
    description: str


# The order is the order of the Export menu.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in [
        Format("html", "Report (HTML)", "text/html; charset=utf-8", "html", "Print-ready report"),
        Format("pdf", "Report (PDF)", "application/pdf", "pdf", "For publishing and archiving"),
        Format("csv", "Spreadsheet (CSV)", "text/csv; charset=utf-8", "csv", "One row a statement"),
        Format("md", "Markdown", "text/markdown; charset=utf-8", "md", "For pasting into a CMS"),
        Format(
            "claimreview",
            "ClaimReview (JSON-LD)",
            "application/ld+json; charset=utf-8",
            "jsonld",
            "schema.org markup for search engines",
        ),
        Format("json", "Archive (JSON)", "application/json; charset=utf-8", "json", "Everything"),
    ]
}
