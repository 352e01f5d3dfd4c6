"""`manage.py export`: one article in any format, or every article (filtered) as CSV or JSON.

Across articles the rows stream from server-side cursors straight to the file, so memory stays
flat whatever the size of the desk.
"""

from __future__ import annotations

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factcheck.models import Article
from factcheck.reports import FORMATS, backup, claimreview, html_report, markdown, pdf, spreadsheet
from factcheck.reports import article as article_report
from factcheck.reports.selection import Selection, parse_date, party_by_name_or_id


class Command(BaseCommand):
    help = (
        "Export one article (--article ID, any --format) or all articles (--format csv|json, "
        "narrowed with --from/--to/--status/--party/--verdict) to --output or standard output."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--article", type=int, help="the article's id")
        parser.add_argument("--format", required=True, choices=list(FORMATS))
        parser.add_argument("--output", help="file to write (default: standard output)")
        parser.add_argument("--from", dest="published_from", help="published on or after, ISO date")
        parser.add_argument("--to", dest="published_to", help="published on or before, ISO date")
        parser.add_argument("--status", choices=Article.Status.values)
        parser.add_argument("--party", help="a speaker's name, alias or id")
        parser.add_argument("--verdict", choices=["confirmed", "denied", "disputed", "none"])
        parser.add_argument(
            "--base-url",
            default="",
            help="where reports are published, for ClaimReview's url (default FACTCHECK_SITE_URL)",
        )

    def handle(self, *args, article: int | None, output: str | None, **opts) -> None:
        fmt = opts["format"]
        try:
            selection = Selection(
                article=article,
                published_from=parse_date(opts["published_from"], "--from"),
                published_to=parse_date(opts["published_to"], "--to"),
                status=opts["status"] or "",
                party=party_by_name_or_id(opts["party"]),
                verdict=opts["verdict"] or "",
            )
        except ValueError as e:
            raise CommandError(str(e)) from None
        if article is None and fmt not in {"csv", "json"}:
            raise CommandError(
                f"--format {fmt} needs --article ID; across articles use csv or json."
            )

        if fmt in {"csv", "json"}:
            if article is not None and not Article.objects.filter(pk=article).exists():
                raise CommandError(f"There is no article {article}.")
            pieces = spreadsheet.stream(selection) if fmt == "csv" else backup.stream(selection)
            self._write_text(pieces, output)
            return

        try:
            report = article_report.build(
                Article.objects.get(pk=article),
                organization=settings.FACTCHECK_ORGANIZATION,
                organization_url=settings.FACTCHECK_ORGANIZATION_URL,
            )
        except Article.DoesNotExist:
            raise CommandError(f"There is no article {article}.") from None
        if fmt == "pdf":
            data = pdf.render(report)
            if output:
                with open(output, "wb") as f:
                    f.write(data)
            else:
                sys.stdout.buffer.write(data)
            return
        if fmt == "html":
            text = html_report.render(report)
        elif fmt == "md":
            text = markdown.render(report)
        else:
            base = (opts["base_url"] or getattr(settings, "FACTCHECK_SITE_URL", "")).rstrip("/")
            if not base:
                raise CommandError(
                    "ClaimReview needs the address reports are published at: "
                    "--base-url https://… or FACTCHECK_SITE_URL."
                )
            url = f"{base}/articles/{report.article.pk}/export/html/"
            text = json.dumps(
                claimreview.render(report, report_url=url), ensure_ascii=False, indent=2
            )
        self._write_text([text], output)

    def _write_text(self, pieces, output: str | None) -> None:
        if not output:
            for piece in pieces:
                self.stdout.write(piece, ending="")
            return
        with open(output, "w", encoding="utf-8", newline="") as f:
            for piece in pieces:
                f.write(piece)
