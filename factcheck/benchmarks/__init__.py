"""`make bench`: every module in this package measures one area and adds rows to one table.

A module defines `run(table: Table) -> None`; rows are (area, what, figure, budget); one without
`run` is a helper (servers.py). Benchmarks run against the development database named by
DATABASE_URL (never the test database) and create what they need with generate_data-style bulk
inserts, cleaning up after themselves.
"""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Table:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, area: str, what: str, figure: str, budget: str = "") -> None:
        self.rows.append((area, what, figure, budget))
        print(f"  {area:<10} {what:<62} {figure:>16}  {budget}", flush=True)

    def render(self) -> str:
        head = ("area", "measure", "figure", "budget")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(4)]
        line = "-+-".join("-" * w for w in widths)
        out = [line, " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)), line]
        out += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in self.rows]
        return "\n".join([*out, line])


def median_ms(fn: Callable[[], object], repeat: int = 20, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2]


@contextmanager
def timed() -> Iterator[list[float]]:
    """`with timed() as t: ...` then t[0] is the elapsed seconds."""
    box: list[float] = []
    started = time.perf_counter()
    yield box
    box.append(time.perf_counter() - started)


def modules(only: list[str] | None = None) -> list:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if only and info.name not in only:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "run"):  # the rest are helpers (servers)
            found.append(module)
    return found
