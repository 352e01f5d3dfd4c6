"""The party directory, a party's track record, editing names and affiliation, and merging."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from search_support import article_with, party

from factcheck.models import Party, Revision, Statement

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "viewer", "reviewer", "editor"]


@pytest.fixture
def mayor(editor):
    town = party("Town of Harbor Point", "government", aliases=["the town"])
    ruiz = party("Daniel Ruiz", affiliation=town, aliases=["Ruiz"])
    article_with(
        "Mayor on the letter",
        [
            ("The town was never told of a problem", ruiz, "denied"),
            ("We will hire an independent laboratory this week", ruiz, "confirmed"),
            ("The letter never reached my office", ruiz, "denied"),
            ("Residents can get free testing kits", ruiz, ""),
        ],
        editor=editor,
    )
    return ruiz


def test_directory_and_party_page_answer_each_role(as_role, mayor):
    for url in (reverse("party_list"), mayor.get_absolute_url()):
        for role, expected in zip(ROLES, [302, 403, 200, 200, 200], strict=True):
            for headers in ({}, {"HX-Request": "true"}):
                response = as_role(role).get(url, headers=headers)
                assert response.status_code == expected, (url, role, headers)


def test_directory_finds_parties_by_alias_with_their_counts(client, viewer, mayor):
    party("Someone Else")
    client.force_login(viewer)
    response = client.get(reverse("party_list"), {"q": "ruiz"})
    [found] = response.context["parties"]
    assert found == mayor
    assert (found.total, found.settled, found.counts["denied"]) == (4, 3, 2)
    response = client.get(reverse("party_list"), {"q": "THE TOWN"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and "Town of Harbor Point" in body and "Someone Else" not in body


def test_directory_pages_by_name_without_repeats(client, viewer):
    for n in range(63):
        party(f"Speaker {n:03d}")
    client.force_login(viewer)
    first = client.get(reverse("party_list"))
    names = [p.name for p in first.context["parties"]]
    assert len(names) == 50
    after = first.context["next_link"]
    second = client.get(reverse("party_list") + after)
    more = [p.name for p in second.context["parties"]]
    assert len(more) == 13 and not set(names) & set(more)
    assert second.context["next_link"] == ""


def test_party_page_shows_the_track_record_as_an_accessible_chart(client, viewer, mayor):
    client.force_login(viewer)
    body = client.get(mayor.get_absolute_url()).content.decode()
    assert "Denied: 2 of 3 (66.7%)" in body  # the chart's description
    assert 'role="img"' in body and "<title" in body
    assert "Confirmed 1 33.3%" in body  # figures written out, not colour alone
    assert "The letter never reached my office" in body
    assert "Town of Harbor Point" in body  # affiliation


def test_party_statements_filter_by_verdict_as_a_fragment(client, viewer, mayor):
    client.force_login(viewer)
    response = client.get(
        mayor.get_absolute_url(),
        {"verdict": "denied", "part": "statements"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert "<html" not in body
    assert [s.quote for s in response.context["statements"]] == [
        "The letter never reached my office",
        "The town was never told of a problem",
    ]


def test_party_names_in_charts_are_escaped(client, viewer, editor):
    hostile = party("<script>alert(1)</script>")
    article_with("Hostile", [("Nothing to see here at all", hostile, "confirmed")], editor=editor)
    client.force_login(viewer)
    body = client.get(hostile.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "statements by &lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_party_page_queries_do_not_grow_with_statements(client, viewer, editor, mayor):
    client.force_login(viewer)
    client.get(mayor.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(mayor.get_absolute_url())
    for n in range(3):
        article_with(
            f"More from the mayor {n}",
            [(f"Claim number {k} from the mayor", mayor, "disputed") for k in range(30)],
            editor=editor,
        )
    with CaptureQueriesContext(connection) as many:
        client.get(mayor.get_absolute_url())
    assert len(many) == len(few)
    with CaptureQueriesContext(connection) as directory:
        client.get(reverse("party_list"))
    for n in range(20):
        party(f"Extra party {n}")
    with CaptureQueriesContext(connection) as bigger:
        client.get(reverse("party_list"))
    assert len(bigger) == len(directory)


def test_only_editors_edit_a_party_and_the_edit_is_recorded(as_role, editor, mayor):
    url = reverse("party_edit", args=[mayor.pk])
    data = {"kind": "person", "affiliation": "", "aliases": "Ruiz\nMayor Ruiz\n ruiz \n"}
    for role, expected in zip(ROLES[:4], [302, 403, 403, 403], strict=True):
        assert as_role(role).post(url, data).status_code == expected
    assert Party.objects.get(pk=mayor.pk).aliases == ["Ruiz"]
    response = as_role("editor").post(url, data)
    assert response.status_code == 302
    mayor.refresh_from_db()
    assert mayor.aliases == ["Ruiz", "Mayor Ruiz"]
    assert mayor.affiliation is None
    revision = Revision.objects.get(party=mayor, action=Revision.Action.PARTY_EDITED)
    assert revision.before["aliases"] == ["Ruiz"] and revision.after["aliases"] == mayor.aliases
    assert revision.actor == editor


def test_an_edit_that_would_break_the_directory_changes_nothing(client, editor, mayor):
    client.force_login(editor)
    url = reverse("party_edit", args=[mayor.pk])
    town = mayor.affiliation
    response = client.post(url, {"kind": "person", "aliases": "Town of Harbor Point"})
    assert response.status_code == 422
    assert "is another party. If they are the same, merge them instead." in (
        response.content.decode()
    )
    response = client.post(url, {"kind": "person", "affiliation": "No Such Body"})
    assert "No party is called “No Such Body”." in response.content.decode()
    client.post(
        reverse("party_edit", args=[town.pk]), {"kind": "government", "affiliation": "Ruiz"}
    )
    town.refresh_from_db()
    mayor.refresh_from_db()
    assert town.affiliation is None  # would loop: Ruiz belongs to the town
    assert mayor.aliases == ["Ruiz"] and mayor.affiliation == town
    assert not Revision.objects.filter(action=Revision.Action.PARTY_EDITED).exists()


def test_merge_moves_statements_and_members_and_keeps_the_history(client, editor, mayor):
    duplicate = party("Dan Ruiz", aliases=["Mayor Dan Ruiz"])
    aide = party("Mayor's aide", affiliation=duplicate)
    _, moved = article_with(
        "Duplicate entry", [("The lake is safe for swimming", duplicate, "disputed")], editor=editor
    )
    client.force_login(editor)
    review = client.get(
        reverse("party_merge_review", args=[mayor.pk]), {"duplicate": "mayor dan ruiz"}
    )
    assert review.status_code == 200 and review.context["moving"] == 1
    response = client.post(
        reverse("party_merge", args=[mayor.pk]), {"duplicate": duplicate.pk}, follow=True
    )
    assert "Merged “Dan Ruiz” into Daniel Ruiz: 1 statement moved" in response.content.decode()
    assert not Party.objects.filter(pk=duplicate.pk).exists()
    assert Statement.objects.get(pk=moved[0].pk).speaker == mayor
    assert Statement.objects.get(pk=moved[0].pk).version == 2
    mayor.refresh_from_db()
    assert mayor.aliases == ["Ruiz", "Dan Ruiz", "Mayor Dan Ruiz"]
    assert Party.objects.named("Dan Ruiz") == mayor
    aide.refresh_from_db()
    assert aide.affiliation == mayor
    revision = Revision.objects.get(action=Revision.Action.PARTY_MERGED)
    assert revision.party == mayor and revision.actor == editor
    assert revision.before["merged"]["name"] == "Dan Ruiz"
    assert revision.before["into"]["aliases"] == ["Ruiz"]
    assert revision.after["moved_statements"] == [moved[0].pk]
    assert revision.after["moved_members"] == [aide.pk]
    assert "“Dan Ruiz” folded in" in client.get(mayor.get_absolute_url()).content.decode()


def test_merge_refuses_reviewers_itself_and_unknown_names(as_role, mayor):
    other = party("Other Person")
    url = reverse("party_merge", args=[mayor.pk])
    for role, expected in zip(ROLES[:4], [302, 403, 403, 403], strict=True):
        assert as_role(role).post(url, {"duplicate": other.pk}).status_code == expected
        assert (
            as_role(role)
            .get(reverse("party_merge_review", args=[mayor.pk]), {"duplicate": "Other Person"})
            .status_code
            == expected
        )
    assert Party.objects.filter(pk=other.pk).exists()
    client = as_role("editor")
    review = client.get(reverse("party_merge_review", args=[mayor.pk]), {"duplicate": "Ruiz"})
    assert review.status_code == 422 and "is Daniel Ruiz already" in review.content.decode()
    review = client.get(reverse("party_merge_review", args=[mayor.pk]), {"duplicate": "Nobody"})
    assert "No party is called “Nobody”." in review.content.decode()
    response = client.post(url, {"duplicate": mayor.pk}, follow=True)
    assert "nothing was merged" in response.content.decode()
    response = client.post(url, {"duplicate": "junk"}, follow=True)
    assert "nothing was merged" in response.content.decode()
    with pytest.raises(ValueError):
        mayor.merge_into(mayor, None)
