"""Make, list and revoke a user's API tokens from the shell.

manage.py api_token alice --name "CMS plugin"   # prints the new token on its last line
manage.py api_token alice --list
manage.py api_token alice --revoke 12            # by id, or by the prefix shown in lists
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from factcheck.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for USERNAME (printed on the last line), or list or revoke them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="what the token is for")
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--list", action="store_true", help="list the user's tokens")
        action.add_argument("--revoke", metavar="ID_OR_PREFIX", help="revoke one of them")

    def handle(self, *args, username: str, name: str, list: bool, revoke: str | None, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        if list:
            tokens = user.api_tokens.all()
            if not tokens:
                self.stdout.write(f"{username} has no API tokens.")
            for token in tokens:
                used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
                self.stdout.write(
                    f"{token.pk:>6}  {token.prefix}…  created {token.created_at:%Y-%m-%d %H:%M}"
                    f"  last used {used}  {token.name}".rstrip()
                )
            return
        if revoke:
            self._revoke(user, revoke.strip().rstrip("…."))
            return
        token, secret = ApiToken.objects.issue(user, name)
        self.stderr.write(
            f"API token {token.prefix}… for {username}. Shown this once; keep it secret:"
        )
        self.stdout.write(secret)

    def _revoke(self, user, which: str) -> None:
        tokens = user.api_tokens.all()
        if which.isdigit():
            found = list(tokens.filter(pk=int(which)))
        else:
            found = list(tokens.filter(prefix__startswith=which)) if len(which) >= 6 else []
        if not found:
            raise CommandError(f"{user.username} has no token {which!r} (see --list).")
        if len(found) > 1:
            raise CommandError(f"{which!r} matches {len(found)} tokens: give the id.")
        found[0].delete()
        self.stdout.write(f"Revoked token {found[0].prefix}… of {user.username}.")
