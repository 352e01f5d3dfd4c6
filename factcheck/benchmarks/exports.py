"""Streaming exports at scale: rows a second, first byte and peak memory at 100,000 and 1,000,000
statements.

Each export runs as `manage.py export` in a child process, so its peak resident memory (from
wait4's rusage) is the export's own and not the benchmark's. The million-statement run takes about
six minutes on two cores (generating the data is a third of it), so it runs only with
FACTCHECK_BENCH_EXPORTS_MILLION=1. The rows this benchmark generates are deleted afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from factcheck.benchmarks import Made, Table, generate
from factcheck.models import Statement
from factcheck.reports import spreadsheet
from factcheck.reports.selection import Selection

MANAGE = Path(settings.BASE_DIR) / "manage.py"
PER_ARTICLE = 100
# Flat memory means the same peak at any size; this is what an export may add to a bare process.
MEMORY_BUDGET_MB = 200


def _export(fmt: str, output: Path) -> tuple[float, float]:
    """Seconds and peak resident MB of `manage.py export --format fmt` in a child process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(MANAGE), "export", "--format", fmt, "--output", str(output)],
        env=os.environ.copy(),
    )
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"manage.py export --format {fmt} failed")
    return took, usage.ru_maxrss / 1024  # Linux reports kilobytes


def _bare_process_mb() -> float:
    child = subprocess.Popen(
        [sys.executable, str(MANAGE), "shell", "-c", "import factcheck.reports.backup"],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss / 1024


def _first_piece_ms() -> float:
    """Until the first rows arrive (the header goes out before the query runs, so skip it)."""
    started = time.perf_counter()
    pieces = spreadsheet.stream(Selection())
    while "\n" not in next(pieces).removesuffix("\r\n"):
        pass
    took = (time.perf_counter() - started) * 1000
    pieces.close()
    return took


def _grow_to(target: int, seed: int, made: Made) -> None:
    have = Statement.objects.count()
    if have < target:
        missing = target - have
        generate(
            made,
            articles=max(1, missing // PER_ARTICLE),
            statements=missing,
            seed=seed,
            verbosity=0,
        )
        # Fresh statistics, as autovacuum keeps on a live desk, so the plans are the real ones.
        with connection.cursor() as cur:
            cur.execute("ANALYZE factcheck_article, factcheck_statement, factcheck_verdict")


def run(table: Table) -> None:
    scales = [100_000]
    if os.environ.get("FACTCHECK_BENCH_EXPORTS_MILLION", "") == "1":
        scales.append(1_000_000)
    made = Made()
    bare = _bare_process_mb()
    table.add("exports", "peak memory of a bare manage.py process", f"{bare:,.0f} MB")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n, scale in enumerate(scales):
                _grow_to(scale, seed=100 + n, made=made)
                rows = Statement.objects.count()
                label = f"{rows:,} statements"
                table.add(
                    "exports", f"CSV first rows streamed, {label}", f"{_first_piece_ms():,.0f} ms"
                )
                for fmt in ("csv", "json"):
                    output = Path(tmp) / f"export.{fmt}"
                    took, peak = _export(fmt, output)
                    size = output.stat().st_size / 1024**2
                    table.add(
                        "exports",
                        f"{fmt.upper()} export, {label} ({size:,.0f} MB)",
                        f"{rows / took:,.0f} rows/s",
                        f"{took:.1f} s",
                    )
                    table.add(
                        "exports",
                        f"{fmt.upper()} export peak memory, {label}",
                        f"{peak:,.0f} MB",
                        f"<= {bare + MEMORY_BUDGET_MB:,.0f} MB",
                    )
    finally:
        made.clean_up()
