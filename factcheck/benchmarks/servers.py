"""Production-like app servers on this machine: gunicorn with DEBUG off, on free loopback ports.

Used by the load test (`load.py`) and by the test that runs two app servers on one database.
Requests must carry `X-Forwarded-Proto: https`, as a TLS-terminating proxy would add: with DEBUG
off the app redirects plain HTTP and marks its cookies Secure.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent.parent
SECRET_KEY = "load-and-cluster-" + secrets.token_urlsafe(48)
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(static_root: Path, media_root: Path, **extra: str) -> dict[str, str]:
    """The environment of a production app server, against the database Django uses now."""
    db = settings.DATABASES["default"]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        if db["HOST"]
        else f"postgres:///{db['NAME']}",
        DATABASE_POOL="true",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(media_root),
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def collect_static(static_root: Path = ROOT / "staticfiles") -> Path:
    """The hashed, compressed static files a production server expects (its manifest). Brotli
    and gzip for a thousand files take seconds of CPU, so a collection newer than every file
    in static/ is kept."""
    manifest = static_root / "staticfiles.json"
    sources = [p.stat().st_mtime for p in (ROOT / "static").rglob("*") if p.is_file()]
    if manifest.exists() and manifest.stat().st_mtime > max(sources, default=0):
        return static_root
    env = production_env(static_root, static_root.parent / "media")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    return static_root


@dataclass
class Server:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time used so far by gunicorn and its workers (Linux /proc): the cost of the
        requests, which other people's jobs on a shared machine do not inflate as they do
        response times."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid, ppid = int(stat.parent.name), int(fields[1])
            if self.pid in (pid, ppid):
                total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / tick


@contextmanager
def gunicorn(env: dict[str, str], workers: int = 2, threads: int = 4) -> Iterator[Server]:
    """One gunicorn (gthread, as in the Dockerfile) on a free port."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "factcheck.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        # Idle connections stay open longer than a client (or proxy) waits between requests:
        # with gunicorn's 2 s, a request sent as the server closes the connection is lost.
        "--keep-alive",
        "75",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, server)
        yield Server(url, server.pid)
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)


@contextmanager
def gunicorns(count: int, env: dict[str, str], **options) -> Iterator[list[Server]]:
    with ExitStack() as stack:
        yield [stack.enter_context(gunicorn(env, **options)) for _ in range(count)]


def _wait_until_up(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(f"{url}/healthz", headers=PROXY_HEADERS)
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start (exit {server.returncode})")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer at {url} within {timeout} s")
