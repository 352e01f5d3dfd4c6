"""Load: 50 simulated reviewers (locust) against gunicorn with production settings, on loopback.

Three phases in one run, each bounded in time (and the reviewers in verdicts each):
  reviewers  50 users opening their article, giving verdicts and polling for changes, with
             2-6 s pauses: requests/s, p50/p95/p99 per kind of request, errors;
  hurried    the same 50 with no pauses: the most verdicts/s this stack saves;
  bare       50 users on /healthz, a view that does no work: the ceiling of the stack.
Then every verdict the server acknowledged is looked up in the database (0 lost).
Reviewers arrive over 10 s and the figures are of the LOAD_SECONDS after that (30 by default;
the hurried and bare phases last a third as long, the bare one starting all 50 at once). The
app server's CPU time per request is reported too: unlike latency, other people's jobs on a
shared machine barely move it.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db import transaction
from django.test import Client, override_settings

from factcheck import roles
from factcheck.benchmarks import Made, Table, servers
from factcheck.benchmarks.review import bench_user, build_long_article
from factcheck.models import Article, Revision, Verdict

USERS = 50
ARTICLES = 10
STATEMENTS = 60
RAMP = 10  # seconds for all users to arrive
TAG = "bench-load"
LOCUSTFILE = Path(__file__).resolve().parent / "locust" / "reviewers.py"


def run(table: Table) -> None:
    seconds = int(os.environ.get("LOAD_SECONDS", "30"))
    load = os.getloadavg()[0]
    table.add("load", f"machine load average at start ({os.cpu_count()} CPUs)", f"{load:.1f}")
    roles.ensure_roles()
    made = Made()
    try:
        reviewers = [bench_user(f"{TAG}-reviewer-{n}", roles.REVIEWER, made) for n in range(USERS)]
        with transaction.atomic():
            articles = [
                build_long_article(STATEMENTS, title=f"{TAG} {n}", made=made)
                for n in range(ARTICLES)
            ]
        with tempfile.TemporaryDirectory() as scratch:
            _measure(table, Path(scratch), reviewers, articles, seconds)
    finally:
        made.clean_up()


def _plan(reviewers: list, articles: list[Article]) -> dict:
    """A signed-in session per simulated reviewer (made here: logging 50 people in through the
    form would spend the run hashing passwords), with the article and statements they review."""
    seats = []
    with override_settings(SECRET_KEY=servers.SECRET_KEY):
        for n, user in enumerate(reviewers):
            client = Client()
            client.force_login(user)
            article = articles[n % len(articles)]
            statements = list(article.statements.values_list("pk", flat=True))
            since = Revision.objects.order_by("-id").values_list("id", flat=True).first() or 0
            # The versions of verdicts an earlier phase saved, as the page would show them.
            versions = dict(
                Verdict.objects.filter(reviewer=user, statement__in=statements).values_list(
                    "statement_id", "version"
                )
            )
            seats.append(
                {
                    "user": user.pk,
                    "session": client.cookies["sessionid"].value,
                    "article": article.pk,
                    "statements": statements,
                    "since": since,
                    "versions": versions,
                }
            )
    return {"reviewers": seats}


def _measure(table: Table, scratch: Path, reviewers, articles, seconds: int) -> None:
    plan = scratch / "plan.json"
    env = servers.production_env(servers.collect_static(), scratch / "media")
    workers = os.cpu_count() or 2
    table.add("load", "gunicorn: DEBUG off, gthread, workers × threads", f"{workers} × 4")
    short = max(5, seconds // 3)
    with servers.gunicorn(env, workers=workers, threads=4) as server:
        phases = {}
        for phase, user_class, length, ramp in (
            ("reviewers", "Reviewer", seconds, RAMP),
            ("hurried", "Hurried", short, RAMP),
            ("bare", "Bare", short, 0),
        ):
            # Planned afresh for each phase: the hurried reviewers start from the verdicts the
            # patient ones saved (a stale version would be refused, rightly, with a 409).
            plan.write_text(json.dumps(_plan(reviewers, articles)))
            phases[phase] = _locust(server, user_class, scratch / phase, plan, length, ramp)
    stats = phases["reviewers"][0]
    for name in ("article page", "verdict", "live updates"):
        row = stats[name]
        table.add(
            "load",
            f"{USERS} reviewers, {name}: requests/s, p50 / p95 / p99 ms",
            f"{row['rps']:.1f}/s, {row['p50']} / {row['p95']} / {row['p99']}",
            "verdict p95 < 100" if name == "verdict" else "",
        )
    total = stats["Aggregated"]
    table.add("load", f"{USERS} reviewers, all requests: requests/s", f"{total['rps']:.1f}/s")
    errors = sum(phase[0]["Aggregated"]["failures"] for phase in phases.values())
    table.add("load", "errors, all phases", str(errors), "0")
    hurried = phases["hurried"][0]
    bare = phases["bare"][0]["bare view"]
    cpu = phases["reviewers"][2] * 1000 / max(total["count"], 1)
    table.add(
        "load",
        f"{USERS} reviewers: app server CPU per request (PostgreSQL's not included)",
        f"{cpu:.1f} ms",
    )
    table.add(
        "load",
        f"{USERS} hurried reviewers (no pauses), verdict: requests/s, p95 ms",
        f"{hurried['verdict']['rps']:.1f}/s, {hurried['verdict']['p95']}",
    )
    table.add(
        "load",
        f"bare Django view, {USERS} users (the ceiling): requests/s, p95 ms",
        f"{bare['rps']:.1f}/s, {bare['p95']}",
    )
    table.add(
        "load",
        "hurried reviewers' requests/s ÷ bare view's (the share of the ceiling)",
        f"{hurried['Aggregated']['rps'] / bare['rps']:.2f}",
    )
    acknowledged = phases["reviewers"][1] + phases["hurried"][1]  # in the order they happened
    lost = _lost(acknowledged)
    table.add(
        "load",
        "acknowledged verdicts missing from the database",
        f"{lost} of {len(acknowledged)}",
        "0",
    )


def _locust(server, user_class: str, prefix: Path, plan: Path, seconds: int, ramp: int):
    """One locust run: its stats by request name, the verdicts acknowledged, and the server's
    CPU seconds. With a ramp, users arrive over `ramp` seconds (people do not all open the desk
    in the same instant) and the figures count the `seconds` after that, every user in."""
    acks = prefix.with_suffix(".acks.json")
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        user_class,
        "--headless",
        "--host",
        server.url,
        "--users",
        str(USERS),
        "--spawn-rate",
        str(USERS / ramp if ramp else USERS),
        *(["--reset-stats"] if ramp else []),
        "--run-time",
        f"{ramp + seconds}s",
        "--stop-timeout",  # requests in flight at the end finish (and count) rather than break
        "30",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "ERROR",
        "--exit-code-on-error",
        "0",
    ]
    env = {**os.environ, "LOAD_PLAN": str(plan), "LOAD_ACKS": str(acks)}
    runner = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    time.sleep(ramp)  # the CPU counted from the moment the stats are reset
    cpu = server.cpu_seconds()
    if runner.wait(timeout=seconds + 150):
        raise RuntimeError(f"locust failed (exit {runner.returncode})")
    cpu = server.cpu_seconds() - cpu
    with open(f"{prefix}_stats.csv", newline="") as f:
        stats = {
            row["Name"]: {
                "rps": float(row["Requests/s"]),
                "p50": row["50%"],
                "p95": row["95%"],
                "p99": row["99%"],
                "count": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
            }
            for row in csv.DictReader(f)
        }
    with open(f"{prefix}_failures.csv", newline="") as f:
        for row in csv.DictReader(f):  # what went wrong, on stderr: the table has the count
            print(
                f"{prefix.name}: {row['Name']}: {row['Error']} × {row['Occurrences']}",
                file=sys.stderr,
            )
    acknowledged = json.loads(acks.read_text()) if acks.exists() else []
    return stats, acknowledged, cpu


def _lost(acknowledged: list) -> int:
    """Acknowledged verdicts not in the database: the last value each reviewer was told was
    saved for each statement must be the one stored (each user sends one request at a time)."""
    expected = {}
    for user, statement, value in acknowledged:
        expected[(user, statement)] = value
    stored = dict(
        ((user, statement), value)
        for user, statement, value in Verdict.objects.filter(
            reviewer_id__in={u for u, _ in expected}
        ).values_list("reviewer_id", "statement_id", "value")
    )
    return sum(1 for key, value in expected.items() if stored.get(key) != value)
