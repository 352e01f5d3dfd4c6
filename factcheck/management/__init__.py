"""Management commands; `require_debug` guards the ones that must never touch a live desk."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import CommandError


def require_debug(command: str, why: str) -> None:
    """Refuse to run `command` with DEBUG off (production settings), saying `why`."""
    if not settings.DEBUG:
        raise CommandError(
            f"{command} refuses to run with DEBUG off: {why} Run it against a development "
            "database with DEBUG=true (the default outside production)."
        )
