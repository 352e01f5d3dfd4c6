from __future__ import annotations

from django.core.management.base import BaseCommand

from factcheck import benchmarks
from factcheck.management import require_debug


class Command(BaseCommand):
    help = "Measure the desk's performance budgets and print them as a table."

    def add_arguments(self, parser) -> None:
        parser.add_argument("areas", nargs="*", help="only these benchmark modules")

    def handle(self, *args, areas: list[str], **options) -> None:
        require_debug(
            "bench",
            "it fills the database with synthetic rows, changes some to measure and deletes "
            "what it made; on a live desk that slows and risks the newsroom's work.",
        )
        table = benchmarks.Table()
        for module in benchmarks.modules(areas or None):
            module.run(table)
        self.stdout.write("\n" + table.render())
