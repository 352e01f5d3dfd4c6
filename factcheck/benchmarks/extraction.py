"""Extraction speed: the manage.py extract process, words a second, 10 MB, and article intake."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction

from factcheck.benchmarks import Table
from factcheck.extraction.bench import CORPUS, synthetic_text, words_per_second
from factcheck.models import Article

SEED = CORPUS / "spy-chips.txt"


def run(table: Table) -> None:
    big = Path(tempfile.gettempdir()) / "factcheck-bench-1mb.txt"
    big.write_text(synthetic_text(1_000_000), encoding="utf-8")
    for label, path in [("seed article", SEED), ("1 MB of news", big)]:
        if not path.exists():
            continue
        words = len(path.read_text(encoding="utf-8").split())
        took = _median_process_seconds(path)
        table.add(
            "extraction",
            f"manage.py extract --json, {label} ({words:,} words)",
            f"{took * 1000:,.0f} ms",
            "< 1 s" if path == SEED else "",
        )
        table.add(
            "extraction",
            f"manage.py extract --json, {label}: whole-process rate",
            f"{words / took:,.0f} words/s",
            ">= 20,000",
        )
    big.unlink()

    rate, words, _ = words_per_second(synthetic_text(1_000_000))
    table.add(
        "extraction",
        f"extract() on 1 MB of news ({words:,} words)",
        f"{rate:,.0f} words/s",
        ">= 20,000",
    )

    # 10 MB in its own process, so its peak memory is its own.
    done = subprocess.run(
        [sys.executable, "-c", _TEN_MB],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    seconds, peak = json.loads(done.stdout)
    table.add("extraction", "extract() on 10 MB: time", f"{seconds:.1f} s", "finishes")
    table.add("extraction", "extract() on 10 MB: peak memory of the process", f"{peak:.0f} MB")

    for label, raw in [
        ("seed article", SEED.read_bytes() if SEED.exists() else None),
        ("2 MB article (the upload limit)", synthetic_text(settings.ARTICLE_MAX_BYTES - 1000)),
    ]:
        if raw is None:
            continue
        with transaction.atomic():
            started = time.perf_counter()
            article = Article.objects.submit(raw_text=raw, title="Benchmark intake")
            took = time.perf_counter() - started
            count = article.statements.count()
            transaction.set_rollback(True)
        table.add(
            "extraction",
            f"new article, {label}: clean, extract, store {count:,}",
            f"{took * 1000:,.0f} ms",
        )


def _median_process_seconds(path: Path, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "extract", str(path), "--json"],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=settings.BASE_DIR,
        )
        times.append(time.perf_counter() - started)
    return sorted(times)[runs // 2]


_TEN_MB = """
import json, resource, time
from factcheck.extraction.bench import synthetic_text
from factcheck.extraction import extract
text = synthetic_text(10_000_000)
started = time.perf_counter()
extract(text)
took = time.perf_counter() - started
print(json.dumps([took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
"""
