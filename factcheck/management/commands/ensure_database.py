"""Create the database named by DATABASE_URL when it does not exist yet (for `make run`)."""

from __future__ import annotations

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql


class Command(BaseCommand):
    help = "Create the configured PostgreSQL database if it is missing."
    requires_system_checks: list[str] = []  # the checks would need the database first

    def handle(self, *args, **options) -> None:
        db = settings.DATABASES["default"]
        params = {
            "dbname": "postgres",
            "user": db["USER"] or None,
            "password": db["PASSWORD"] or None,
            "host": db["HOST"] or None,
            "port": db["PORT"] or None,
        }
        try:
            with psycopg.connect(**params, autocommit=True) as conn:
                exists = conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
                ).fetchone()
                if not exists:
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
                    self.stdout.write(f"Created database {db['NAME']}.")
        except psycopg.OperationalError as exc:
            raise CommandError(
                f"Cannot reach PostgreSQL to create {db['NAME']!r}: {exc}. "
                "Is the server running (see README)?"
            ) from exc
