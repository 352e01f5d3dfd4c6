"""Settings come from the environment and fail loudly when production values are missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from factcheck.settings import parse_database_url

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_database_url_is_parsed_in_one_place():
    db = parse_database_url("postgres://news:s%40cret@db.example:6543/desk?sslmode=require")
    assert db["NAME"] == "desk"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "news",
        "s@cret",
        "db.example",
        "6543",
    )
    assert db["OPTIONS"] == {"sslmode": "require"}
    socket = parse_database_url("postgres:///factcheck")
    assert (socket["HOST"], socket["NAME"]) == ("", "factcheck")


@pytest.mark.parametrize("url", ["sqlite:///db.sqlite3", "postgres://host", "mysql://x/y"])
def test_a_database_url_that_is_not_postgresql_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        parse_database_url(url)


def test_without_debug_a_missing_secret_key_stops_start_up():
    done = manage("check", DEBUG="false", ALLOWED_HOSTS="desk.example")
    assert done.returncode != 0
    assert "SECRET_KEY must be set" in done.stderr


def test_without_debug_missing_allowed_hosts_stops_start_up():
    done = manage("check", DEBUG="false", SECRET_KEY="k" * 60, ALLOWED_HOSTS="")
    assert done.returncode != 0
    assert "ALLOWED_HOSTS must be set" in done.stderr


def test_a_malformed_debug_value_is_refused():
    done = manage("check", DEBUG="maybe")
    assert done.returncode != 0
    assert "DEBUG must be true or false" in done.stderr


def test_the_deploy_check_is_clean_in_production_settings():
    done = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="a-long-random-production-key-" + "x9Q" * 20,
        ALLOWED_HOSTS="desk.example",
    )
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout
