from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FactcheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = "Fact-check desk"

    def ready(self) -> None:
        from factcheck.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
