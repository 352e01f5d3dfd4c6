"""Extraction speed: the manage.py extract process, words a second, 10 MB, and article intake.

The texts are the project's own demo article repeated, never the shared corpus: each copy gets
other people's names (so the speaker registry grows as in a long feed) and distinct paragraphs
(otherwise repeated paragraphs would be skipped as duplicate captions).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction

from factcheck.benchmarks import Table
from factcheck.demo import article as demo
from factcheck.extraction import extract
from factcheck.models import Article

_FIRST = "Ada Bruno Chidi Dana Elif Farid Greta Hana Ivo Jun Kemal Lena Mateo Nia Oren".split()
_LAST = """Abara Brandt Castel Dorsey Ekwueme Falk Grieve Holm Ito Jansen Kowal Lindqvist Moreau
Nakamura Okafor Petrov Quist Rahman Sato Tamm Ueda Varga Wexler Yilmaz Zubiri""".split()


def synthetic_news(words: int) -> str:
    """About `words` words of news: the demo article again and again, each time with new people."""
    people = [p[0] for p in demo.PARTIES if p[1] == "person"]
    copies = []
    total = 0
    copy = 0
    while total < words:
        text = demo.TEXT
        for i, name in enumerate(people):
            k = copy * len(people) + i
            new = f"{_FIRST[k % len(_FIRST)]} {_LAST[(k // len(_FIRST)) % len(_LAST)]}"
            text = text.replace(name, new).replace(name.split()[-1], new.split()[-1])
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        body = "\n\n".join(f"{p} (#{copy})" for p in paragraphs)
        copies.append(body)
        total += len(body.split())
        copy += 1
    return "\n\n".join(copies)


def document_citations(paragraphs: int) -> str:
    """Paragraphs that each cite a report without saying who issued it."""
    return "\n\n".join(
        f"Crime fell by {k} percent in the district, the report said. Officials in the city "
        "were pleased with the figures."
        for k in range(paragraphs)
    )


def words_per_second(text: str) -> tuple[float, int, float]:
    words = len(text.split())
    started = time.perf_counter()
    extract(text)
    elapsed = time.perf_counter() - started
    return (words / elapsed if elapsed else float("inf")), words, elapsed


def run(table: Table) -> None:
    folder = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    seed = folder / "demo-article.txt"
    seed.write_text(demo.TEXT, encoding="utf-8")
    big = folder / "news-500k-words.txt"
    big.write_text(synthetic_news(500_000), encoding="utf-8")
    for label, path, budget in [("demo article", seed, "< 1 s"), ("a news file", big, "")]:
        words = len(path.read_text(encoding="utf-8").split())
        took, cpu = _median_process_seconds(path, runs=5 if path == seed else 3)
        table.add(
            "extraction",
            f"manage.py extract --json, {label} ({words:,} words)",
            f"{took * 1000:,.0f} ms",
            budget,
        )
    # the measure: the whole process on a 500,000-word file; CPU time too, which other
    # people's jobs on the shared machine do not inflate the way they inflate wall time
    table.add(
        "extraction",
        "manage.py extract --json, a news file: whole-process rate",
        f"{words / took:,.0f} words/s",
        ">= 20,000",
    )
    table.add(
        "extraction",
        "manage.py extract --json, a news file: rate per CPU second",
        f"{words / cpu:,.0f} words/s",
        ">= 20,000",
    )

    rate, words, _ = words_per_second(synthetic_news(170_000))
    table.add(
        "extraction", f"extract() in process ({words:,} words)", f"{rate:,.0f} words/s", ">= 20,000"
    )
    # every statement cites a document with no issuer: each one looks for who issued it
    rate, words, _ = words_per_second(document_citations(4_000))
    table.add(
        "extraction",
        f"extract() in process, 4,000 citations of a report ({words:,} words)",
        f"{rate:,.0f} words/s",
        ">= 20,000",
    )

    # 10 MB in its own process, so its peak memory is its own.
    ten = folder / "news-10mb.txt"
    ten.write_text(synthetic_news(1_700_000), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _TEN_MB, str(ten)],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    seconds, peak = json.loads(done.stdout)
    table.add("extraction", "extract() on 10 MB: time", f"{seconds:.1f} s", "finishes")
    table.add("extraction", "extract() on 10 MB: peak memory of the process", f"{peak:.0f} MB")

    limit_text = synthetic_news(settings.ARTICLE_MAX_BYTES // 6)
    limit_text = limit_text.encode()[: settings.ARTICLE_MAX_BYTES - 1000].decode(errors="ignore")
    for label, raw in [
        ("demo article", demo.TEXT),
        ("2 MB article (the upload limit)", limit_text),
    ]:
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
    for path in (seed, big, ten):
        path.unlink()
    folder.rmdir()


def _median_process_seconds(path: Path, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds (user + system) of the whole extract process."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "extract", str(path), "--json"],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=settings.BASE_DIR,
        )
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return sorted(walls)[runs // 2], sorted(cpus)[runs // 2]


_TEN_MB = """
import json, resource, sys, time
from factcheck.extraction import extract
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
extract(text)
took = time.perf_counter() - started
print(json.dumps([took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
"""
