"""`manage.py import PATH`: restore a JSON export, or bring a batch of articles onto the desk.

A .json file is a factcheck export, restored all or nothing. A folder, a .zip, or a .csv is a batch
of articles, each submitted as if an editor had pasted it.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from factcheck.reports import batch, restore


class Command(BaseCommand):
    help = (
        "Restore a JSON export (all or nothing), or import a batch of articles from a folder, "
        "a .zip of .txt/.html/.md files, or a CSV with title, outlet, url, date, text."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path")
        parser.add_argument(
            "--created-by", help="username recorded as the editor who added a batch of articles"
        )

    def handle(self, *args, path: str, created_by: str | None, **options) -> None:
        source = Path(path)
        if not source.exists():
            raise CommandError(f"{path} does not exist.")
        if source.is_file() and source.suffix.lower() == ".json":
            try:
                counts = restore.restore_file(str(source))
            except restore.ImportProblem as e:
                raise CommandError(f"Nothing was imported: {e}") from None
            summary = ", ".join(f"{n} {table}" for table, n in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Restored {summary}."))
            return

        editor = None
        if created_by:
            editor = get_user_model().objects.filter(username=created_by).first()
            if editor is None:
                raise CommandError(f"There is no user {created_by!r}.")
        try:
            if source.is_dir():
                found = batch.from_folder(source)
            else:
                found = batch.from_files([(source.name, source.read_bytes())])
            articles = batch.submit(found, created_by=editor)
        except batch.BatchProblem as e:
            raise CommandError(f"Nothing was imported: {e}") from None
        for name in found.skipped:
            self.stderr.write(f"Skipped {name}: not a .txt, .html, .md or .csv file.")
        self.stdout.write(self.style.SUCCESS(f"Imported {len(articles)} articles."))
