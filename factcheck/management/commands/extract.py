"""manage.py extract: see factcheck/extraction/cli.py (manage.py usually runs it without Django)."""

from __future__ import annotations

import argparse

from django.core.management.base import BaseCommand

from factcheck.extraction import cli


class Command(BaseCommand):
    help = (
        "Find the statements in an article file and who made them (a table or JSON), or score "
        "the extractor on a folder of gold annotations (--evaluate CORPUS_DIR)."
    )
    requires_system_checks: list[str] = []  # pure text work: no database, so start fast

    def add_arguments(self, parser) -> None:
        cli.add_arguments(parser)

    def handle(self, *args, **options) -> None:
        status = cli.run(argparse.Namespace(**options))
        if status:
            raise SystemExit(status)  # cli.run has already said why on stderr
