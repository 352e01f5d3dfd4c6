"""Login throttling: repeated wrong passwords lock one username at one address, with a clear
page, until the cool-off passes or an administrator unlocks it."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.conftest import PASSWORD

HOME = "10.0.0.1"


def _sign_in(client, username: str, password: str, address: str = HOME):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def _signed_in_as(client) -> str | None:
    user_id = client.session.get("_auth_user_id")
    return None if user_id is None else str(user_id)


def _fail(client, username: str, times: int, address: str = HOME) -> None:
    for _ in range(times):
        response = _sign_in(client, username, "wrong-password", address)
        assert response.status_code in {200, 429}


def test_five_wrong_passwords_lock_the_user_even_with_the_right_one(client, editor):
    _fail(client, "editor", 5)
    response = _sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many wrong passwords for “editor”" in html
    assert "locked for 15 minutes" in html
    assert "<html" in html  # the desk's page, not a bare error text
    assert _signed_in_as(client) is None


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(client, editor):
    _fail(client, "editor", 4)
    assert _sign_in(client, "editor", PASSWORD).status_code == 302
    assert _signed_in_as(client) == str(editor.pk)
    client.logout()
    # A successful sign-in starts the count afresh.
    _fail(client, "editor", 4)
    assert _sign_in(client, "editor", PASSWORD).status_code == 302


def test_the_lock_holds_one_user_at_one_address_only(client, editor, reviewer):
    _fail(client, "editor", 5)
    assert _sign_in(client, "reviewer", PASSWORD).status_code == 302
    assert _signed_in_as(client) == str(reviewer.pk)
    client.logout()
    assert _sign_in(client, "editor", PASSWORD, address="10.0.0.2").status_code == 302
    assert _signed_in_as(client) == str(editor.pk)


def test_the_lock_lifts_after_the_cool_off(client, editor, settings):
    import datetime

    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=0)
    _fail(client, "editor", 5)
    assert _sign_in(client, "editor", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "command",
    [
        ("axes_reset_username", "editor"),
        ("axes_reset_ip_username", HOME, "editor"),
        ("axes_reset",),
    ],
)
def test_an_administrator_unlocks_with_a_command(client, editor, command):
    _fail(client, "editor", 5)
    assert _sign_in(client, "editor", PASSWORD).status_code == 429
    call_command(*command, verbosity=0)
    assert _sign_in(client, "editor", PASSWORD).status_code == 302
    assert _signed_in_as(client) == str(editor.pk)


@pytest.mark.browser
def test_a_locked_out_editor_sees_why_in_the_browser(page, live_server, editor, screenshot):
    page.set_viewport_size({"width": 420, "height": 800})
    page.goto(f"{live_server.url}/accounts/login/")
    for password in ["wrong"] * 5 + [PASSWORD]:
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill(password)
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        if password == "wrong":
            page.get_by_role("alert").wait_for()
            if page.get_by_text("Too many wrong passwords").count():
                break
    alert = page.get_by_role("alert")
    assert "Too many wrong passwords for “editor”" in alert.inner_text()
    screenshot(page, "login-locked-out")
    page.get_by_role("link", name="Back to sign in").click()
    assert page.get_by_label("Username").is_visible()


def test_an_over_long_username_is_refused_not_a_500(client, editor):
    response = _sign_in(client, "u" * 6000, "wrong-password")
    assert response.status_code == 200
    assert "don't match" in response.content.decode()
