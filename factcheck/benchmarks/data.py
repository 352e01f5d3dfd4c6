"""How fast generate_data fills the database (the scale benchmarks depend on it)."""

from __future__ import annotations

from django.core.management import call_command

from factcheck.benchmarks import Table, timed


def run(table: Table) -> None:
    with timed() as took:
        call_command("generate_data", articles=1000, statements=100_000, seed=11, verbosity=0)
    rate = 100_000 / took[0]
    table.add("data", "generate_data: 1,000 articles, 100,000 statements", f"{took[0]:.1f} s")
    table.add("data", "generate_data rate (COPY)", f"{rate:,.0f} statements/s")
