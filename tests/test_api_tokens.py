"""API tokens from the shell (manage.py api_token) and from the user's own page."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from factcheck.models import ApiToken

HTMX = {"HX-Request": "true"}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("api_token", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_command_prints_a_working_token_on_its_last_line(client, reviewer):
    secret = run("reviewer", "--name", "Slack bot").strip().splitlines()[-1]
    token = ApiToken.objects.get(user=reviewer)
    assert token.name == "Slack bot" and token.key_hash == ApiToken.hash(secret)
    response = client.get("/api/articles", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200


def test_the_command_lists_and_revokes_by_id_or_prefix(reviewer):
    run("reviewer", "--name", "one")
    run("reviewer", "--name", "two")
    first, second = ApiToken.objects.order_by("id")
    listing = run("reviewer", "--list")
    assert f"{first.prefix}…" in listing and "two" in listing
    assert "Revoked" in run("reviewer", "--revoke", str(first.pk))
    assert "Revoked" in run("reviewer", "--revoke", f"{second.prefix}…")
    assert not ApiToken.objects.exists()
    assert "no API tokens" in run("reviewer", "--list")


@pytest.mark.parametrize(
    "args", [("nobody",), ("reviewer", "--revoke", "999999"), ("reviewer", "--revoke", "fct")]
)
def test_the_command_refuses_unknown_users_and_tokens(reviewer, editor, args):
    ApiToken.objects.issue(editor)  # another user's token is never theirs to revoke
    with pytest.raises(CommandError):
        run(*args)
    assert ApiToken.objects.count() == 1


def test_the_page_lists_only_ones_own_tokens(client, reviewer, editor):
    mine, _ = ApiToken.objects.issue(reviewer, "Mine")
    theirs, _ = ApiToken.objects.issue(editor, "Theirs")
    client.force_login(reviewer)
    html = client.get("/accounts/tokens/").content.decode()
    assert f"{mine.prefix}…" in html and "Mine" in html
    assert theirs.prefix not in html
    assert 'href="/api/docs"' in html


def test_creating_a_token_shows_the_secret_once(client, reviewer):
    client.force_login(reviewer)
    response = client.post("/accounts/tokens/", {"name": "CMS plugin"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    token = ApiToken.objects.get(user=reviewer)
    secret = html.split('id="new-token" class="token-value" type="text" value="')[1].split('"')[0]
    assert ApiToken.hash(secret) == token.key_hash
    assert secret not in client.get("/accounts/tokens/").content.decode()


def test_creating_without_javascript_renders_the_page_with_the_secret(client, reviewer):
    client.force_login(reviewer)
    response = client.post("/accounts/tokens/", {"name": ""})
    assert response.status_code == 200 and "<html" in response.content.decode()
    assert "Your new token" in response.content.decode()


def test_revoking_ones_own_token_and_not_anothers(client, reviewer, editor):
    mine, _ = ApiToken.objects.issue(reviewer)
    theirs, _ = ApiToken.objects.issue(editor)
    client.force_login(reviewer)
    assert client.post(f"/accounts/tokens/{theirs.pk}/revoke/").status_code == 404
    response = client.post(f"/accounts/tokens/{mine.pk}/revoke/", headers=HTMX)
    assert "Revoked the token" in response.content.decode()
    assert list(ApiToken.objects.all()) == [theirs]
    plain = client.post(f"/accounts/tokens/{theirs.pk}/revoke/")
    assert plain.status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    assert client.get("/accounts/tokens/").status_code == 302
    assert client.post("/accounts/tokens/", {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_a_name_too_long_is_refused_and_nothing_is_made(client, reviewer):
    client.force_login(reviewer)
    response = client.post("/accounts/tokens/", {"name": "x" * 101}, headers=HTMX)
    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()
    assert not ApiToken.objects.exists()
