"""A person's keyboard preferences (WCAG 2.1.4): single-key shortcuts on or off, and which key does
what, kept on the server and shown on the review page."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from factcheck.models import SHORTCUTS, Preferences

pytestmark = pytest.mark.django_db

URL = reverse("preferences")
DEFAULTS = {action: key for action, (key, _) in SHORTCUTS.items()}


def posted(**changes) -> dict:
    """The form as a browser sends it: every key, shortcuts on, with `changes`."""
    data = {"shortcuts": "on", **{f"key_{a}": k for a, k in DEFAULTS.items()}}
    data.update({f"key_{a}": k for a, k in changes.items()})
    return {k: v for k, v in data.items() if v is not None}


def test_someone_who_never_chose_gets_the_default_keys_with_shortcuts_on(client, reviewer):
    client.force_login(reviewer)
    page = client.get(URL).content.decode()
    assert 'value="j"' in page and 'value="1"' in page and "checked" in page
    saved = Preferences.of(reviewer)
    assert saved.shortcuts and saved.keymap == DEFAULTS and saved.pk == reviewer.pk


def test_a_reviewer_moves_a_key_and_only_the_change_is_stored(client, reviewer):
    client.force_login(reviewer)
    response = client.post(URL, posted(confirmed="8", next="J"))
    assert response.status_code == 302
    saved = Preferences.objects.get(user=reviewer)
    assert saved.keys == {"confirmed": "8", "next": "J"}
    assert saved.keymap["confirmed"] == "8" and saved.keymap["denied"] == "2"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"confirmed": "2"}, "“2” is given to more than one action: Confirmed, Denied."),
        ({"confirmed": "12"}, "one key, a single character"),
        ({"confirmed": " "}, "not a space"),
        ({"confirmed": ""}, "Give a key for “Confirmed”."),
        ({"confirmed": None}, "Give a key for “Confirmed”."),
    ],
)
def test_a_clash_or_a_key_that_is_not_one_character_is_refused_and_changes_nothing(
    client, reviewer, changes, message
):
    Preferences.objects.create(user=reviewer, keys={"next": "J"})
    client.force_login(reviewer)
    response = client.post(URL, posted(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Preferences.objects.get(user=reviewer).keys == {"next": "J"}


def test_the_switch_in_the_key_list_turns_shortcuts_off_and_on(client, reviewer):
    client.force_login(reviewer)
    switch = reverse("shortcuts_switch")
    assert client.post(switch, headers={"HX-Request": "true"}).status_code == 204
    assert Preferences.objects.get(user=reviewer).shortcuts is False
    client.post(switch, {"shortcuts": "on"}, headers={"HX-Request": "true"})
    assert Preferences.objects.get(user=reviewer).shortcuts is True
    assert client.get(switch).status_code == 405


def test_saving_returns_to_the_article_and_never_to_another_site(client, reviewer, demo_article):
    client.force_login(reviewer)
    back = demo_article.get_absolute_url()
    assert client.post(URL, {**posted(), "next": back})["Location"] == back
    for elsewhere in ("https://evil.example/", "//evil.example/", "-1", "javascript:x()"):
        assert client.post(URL, {**posted(), "next": elsewhere})["Location"] == URL
        switch = client.post(reverse("shortcuts_switch"), {"next": elsewhere})
        assert switch["Location"] == URL


def test_preferences_need_a_signed_in_person(client):
    assert client.get(URL).status_code == 302
    assert client.post(reverse("shortcuts_switch")).status_code == 302


def test_the_review_page_brings_the_users_keys_and_shows_them_in_its_key_list(
    client, reviewer, demo_article
):
    Preferences.objects.create(user=reviewer, shortcuts=False, keys={"confirmed": "8"})
    client.force_login(reviewer)
    html = client.get(demo_article.get_absolute_url()).content.decode()
    keys = json.loads(re.search(r'<script id="desk-keys"[^>]*>(.*?)</script>', html).group(1))
    assert keys["confirmed"] == "8" and keys["denied"] == "2"
    assert "<kbd>8</kbd> <kbd>2</kbd> <kbd>3</kbd></dt><dd>Confirmed, Denied, Disputed" in html
    assert re.search(r'<input type="checkbox" id="shortcuts-on" name="shortcuts" hx-post', html)
