"""manage.py extract PATH [--json]: the statements and speakers the desk would propose."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from factcheck.extraction.__main__ import main


class Command(BaseCommand):
    help = "Find the statements in an article file and who made them (prints a table or JSON)."
    requires_system_checks: list[str] = []  # pure text work: no database, so start fast

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="article file: plain text or HTML, any encoding")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args, path: str, json: bool, **options) -> None:
        status = main([path, "--json"] if json else [path])
        if status:
            raise SystemExit(status)  # main() has already said why on stderr
