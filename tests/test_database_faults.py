"""The desk survives its database connections being cut: after pg_terminate_backend (a database
restart, a failover, an idle-connection reaper), the next requests succeed without restarting
the app. With the pool (the production default), Django hands psycopg_pool a check callback
because CONN_HEALTH_CHECKS is on, so a dead pooled connection is replaced before use; without
it, Django checks a persistent connection at the start of each request and reconnects."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import pytest
from django.db import connection
from django.test import Client

from factcheck.models import Article
from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, session: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={session}"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def _backends(name: str) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", [name])
        return {pid for (pid,) in cursor.fetchall()}


def _terminate(name: str) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = %s",
            [name],
        )
        return {pid for pid, _ in cursor.fetchall()}


@pytest.fixture
def app_server(transactional_db, request):
    """gunicorn serving the desk from the test database, its connections tagged by name."""
    pool = request.param
    tag = f"factcheck-fault-{uuid.uuid4().hex[:8]}"
    port = _free_port()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres:///{db['NAME']}?application_name={tag}",
        "DATABASE_POOL": "true" if pool else "false",
        # Without the pool, persistent connections: the ones a cut leaves dead.
        "DATABASE_CONN_MAX_AGE": "0" if pool else "600",
        "DEBUG": "true",
        "LOG_LEVEL": "ERROR",
    }
    server = subprocess.Popen(
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "factcheck.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"gunicorn did not start: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
    yield url, tag
    server.terminate()
    server.wait(timeout=20)
    _terminate(tag)  # nothing of the server's may stay connected to the test database


@pytest.mark.parametrize("app_server", [True, False], ids=["pool", "no-pool"], indirect=True)
def test_requests_succeed_after_the_apps_connections_are_terminated(app_server, editor):
    url, tag = app_server
    Article.objects.create(title="Harbor budget vote", raw_text="x", text="x", created_by=editor)
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value

    for _ in range(3):
        status, html = _get(f"{url}/articles/", session)
        assert status == 200 and "Harbor budget vote" in html
    killed = _terminate(tag)
    assert killed, "the app holds connections between requests (pool or persistent)"
    time.sleep(0.2)  # let the terminations land
    for n in range(5):
        status, html = _get(f"{url}/articles/", session)
        assert status == 200, f"request {n + 1} after the cut answered {status}"
        assert "Harbor budget vote" in html
    # The app reconnected by itself: it holds new connections, none of the killed ones.
    alive = _backends(tag)
    assert alive and not (alive & killed)
