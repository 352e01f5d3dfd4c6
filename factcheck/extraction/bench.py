"""Throughput of the extraction engine: `python -m factcheck.extraction.bench`.

Prints a small table: the seed article's time, words per second on ~1 MB of news text (the
corpus articles repeated), and time and peak memory for ~10 MB. The texts are synthetic
repetitions, so duplicate paragraphs are made unique first (otherwise they would be skipped).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

from factcheck.extraction import extract

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
_FALLBACK = (
    '"We will not back down," Mayor Ana Ruiz told reporters on Monday. "Not now, not ever."\n\n'
    "Officials said the plan would cost more than $2 million, according to a city report.\n\n"
    "The company denied the claims in a statement, saying it had followed every rule.\n\n"
)


def sample_articles() -> list[str]:
    texts = []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts or [_FALLBACK]


def synthetic_text(target_bytes: int) -> str:
    """Corpus articles repeated up to target_bytes, each copy's paragraphs made distinct."""
    articles = sample_articles()
    parts: list[str] = []
    size = 0
    copy = 0
    while size < target_bytes:
        for article in articles:
            paragraphs = [p for p in article.split("\n\n") if p.strip()]
            body = "\n\n".join(f"{p} (#{copy})" for p in paragraphs)
            parts.append(body)
            size += len(body.encode("utf-8")) + 2
            if size >= target_bytes:
                break
        copy += 1
    return "\n\n".join(parts)


def words_per_second(text: str) -> tuple[float, int, float]:
    words = len(text.split())
    started = time.perf_counter()
    extract(text)
    elapsed = time.perf_counter() - started
    return (words / elapsed if elapsed else float("inf")), words, elapsed


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def seed_process_seconds() -> float | None:
    """The whole CLI process on the seed article, interpreter start included."""
    seed = CORPUS / "spy-chips.txt"
    if not seed.exists():
        return None
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "factcheck.extraction", str(seed), "--json"],
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=Path(__file__).resolve().parents[2],
    )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-10mb", action="store_true", help="skip the 10 MB run")
    args = parser.parse_args(argv)
    seed = seed_process_seconds()
    if seed is not None:
        print(f"extraction  seed_process_s  {seed:.3f}")
    rate, words, elapsed = words_per_second(synthetic_text(1_000_000))
    print(f"extraction  words/s  {rate:.0f}")
    print(f"extraction  1mb_words  {words}")
    print(f"extraction  1mb_s  {elapsed:.2f}")
    if not args.skip_10mb:
        rate, words, elapsed = words_per_second(synthetic_text(10_000_000))
        print(f"extraction  10mb_s  {elapsed:.2f}")
        print(f"extraction  10mb_words/s  {rate:.0f}")
        print(f"extraction  peak_rss_mb  {peak_rss_mb():.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
