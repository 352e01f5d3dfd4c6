"""Demo users and a demo article with statements, verdicts and final verdicts (DEBUG only)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from factcheck import roles
from factcheck.demo import article as demo
from factcheck.demo import wire
from factcheck.management import require_debug
from factcheck.models import Article, Party, Statement

PASSWORD = "factcheck-demo"
USERS = [
    ("editor", "Eleanor", "Price", roles.EDITOR),
    ("reviewer", "Ravi", "Mehta", roles.REVIEWER),
    ("viewer", "Vera", "Lindqvist", roles.VIEWER),
]


class Command(BaseCommand):
    help = "Create the demo users (password factcheck-demo) and the demo articles. Idempotent."

    def handle(self, *args, **options) -> None:
        require_debug("load_demo", "it creates users with known passwords.")
        with transaction.atomic():
            users = self.load_users()
            self.load_article(users)
            self.load_wire_article(users)
        for username, *_, role in USERS:
            self.stdout.write(f"  {role:<9} {username} / {PASSWORD}")

    def load_users(self) -> dict:
        User = get_user_model()
        users = {}
        for username, first, last, role in USERS:
            user, _ = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            user.set_password(PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            users[username] = user
        return users

    def load_wire_article(self, users: dict) -> Article | None:
        """Messy, machine-translated wire copy; its statements come from the extraction, as a
        pasted article's would, so the desk opens with proposals to accept."""
        if Article.objects.filter(title=wire.TITLE).exists():
            return None
        return Article.objects.submit(
            raw_text=wire.TEXT, created_by=users["editor"], title=wire.TITLE, outlet=wire.OUTLET
        )

    def load_article(self, users: dict) -> Article:
        parties = {}
        for name, kind, affiliation, aliases in demo.PARTIES:
            party = Party.objects.named(name) or Party(name=name)
            party.kind = kind
            party.affiliation = parties.get(affiliation)
            party.aliases = aliases
            party.save()
            parties[name] = party

        article = Article.objects.filter(title=demo.TITLE).first()
        if article:
            return article
        article = Article.objects.submit(
            raw_text=demo.TEXT,
            created_by=users["editor"],
            title=demo.TITLE,
            outlet=demo.OUTLET,
            byline=demo.BYLINE,
            url=demo.URL,
            published_on=datetime.date.fromisoformat(demo.PUBLISHED),
            propose=False,  # the demo brings its own, hand-checked statements
        )
        cursor = 0
        for position, (quote, speaker, direct, final, verdict) in enumerate(demo.STATEMENTS):
            start = article.text.find(quote, cursor)
            if start < 0:
                start = article.text.index(quote)
            cursor = start
            statement = Statement.objects.create(
                article=article,
                speaker=parties[speaker],
                start=start,
                end=start + len(quote),
                quote=quote,
                direct=direct,
                position=position,
                origin=Statement.Origin.MANUAL,
                accepted_at=timezone.now(),
                accepted_by=users["editor"],
            )
            if verdict:
                statement.set_verdict(users["reviewer"], verdict, rationale=_RATIONALE[verdict])
            if final:
                statement.set_final_verdict(users["editor"], final, note=_RATIONALE[final])
        return article


_RATIONALE = {
    "confirmed": "Matches the board's published report and the filing log.",
    "denied": "Contradicted by the board's dated warning letter.",
    "disputed": "The company and the board give incompatible accounts; no records seen yet.",
}
