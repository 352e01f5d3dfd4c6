"""Suggested merges of near-duplicate parties: found by the registry, merged or dismissed."""

from __future__ import annotations

import pytest
from search_support import article_with, party

from factcheck.models import DistinctParties, Party

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(editor):
    cook = party("Tim Cook", aliases=["Apple's chief executive"])
    surname = party("Cook")
    ruiz = party("Mayor Daniel Ruiz")
    bare = party("Daniel Ruiz")
    micro = party("Super Micro", "organization")
    spelt = party("Supermicro", "organization")
    article_with("Chips", [("We found nothing at all", spelt, ""), ("Nothing", spelt, "")])
    party("a spokesman", "anonymous")
    party("a spokeswoman", "anonymous")
    return {"cook": cook, "surname": surname, "ruiz": ruiz, "bare": bare, "micro": micro,
            "spelt": spelt}  # fmt: skip


def pairs_by_name():
    return {(p.duplicate.name, p.keep.name): p.reason for p in Party.objects.likely_duplicates()}


def test_the_registry_suggests_surnames_titles_and_spellings(registry):
    assert pairs_by_name() == {
        ("Cook", "Tim Cook"): "surname",
        ("Daniel Ruiz", "Mayor Daniel Ruiz"): "title",
        # Spelt alike: the name the desk's statements already use is kept.
        ("Super Micro", "Supermicro"): "spelling",
    }


def test_a_surname_shared_by_two_people_is_not_suggested(registry):
    party("Sarah Cook")
    assert ("Cook", "Tim Cook") not in pairs_by_name()


def test_a_name_that_is_another_partys_alias_is_suggested(registry):
    party("Apple's chief executive")
    assert pairs_by_name()[("Apple's chief executive", "Tim Cook")] == "alias"


def test_anonymous_sources_are_never_suggested(registry):
    assert not any("spokes" in name for pair in pairs_by_name() for name in pair)


def test_a_pair_marked_different_is_not_suggested_again(registry, editor):
    DistinctParties.record(registry["ruiz"], registry["bare"], editor)
    DistinctParties.record(registry["bare"], registry["ruiz"], editor)  # either order, once
    assert DistinctParties.objects.count() == 1
    assert ("Daniel Ruiz", "Mayor Daniel Ruiz") not in pairs_by_name()


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("viewer", 403), ("reviewer", 403), ("editor", 200)]
)
def test_only_editors_see_the_suggestions(as_role, registry, role, status):
    response = as_role(role).get("/parties/duplicates/")
    assert response.status_code == status
    if status == 200:
        assert "Tim Cook" in response.content.decode()


def test_the_suggestions_page_costs_the_same_queries_however_many_pairs(
    as_role, registry, django_assert_max_num_queries
):
    client = as_role("editor")
    for name in [
        "Ada Okafor",
        "Bo Lindqvist",
        "Cy Moreau",
        "Di Tanaka",
        "Ed Haddad",
        "Flo Kowalski",
        "Gus Nguyen",
        "Hal Brennan",
        "Ivy Varga",
        "Jo Achterberg",
    ]:
        party(name)
        party(name.split()[1])  # fmt: skip
    with django_assert_max_num_queries(8):
        response = client.get("/parties/duplicates/")
    assert response.content.decode().count("Review merge") == 13


def test_not_the_same_over_htmx_removes_the_row_and_announces_it(as_role, registry):
    client = as_role("editor")
    keep, duplicate = registry["ruiz"], registry["bare"]
    response = client.post(
        "/parties/duplicates/distinct/",
        {"keep": keep.pk, "duplicate": duplicate.pk},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and 'hx-swap-oob="true"' in body
    assert "kept as different parties" in body
    assert DistinctParties.objects.filter(first=min(keep.pk, duplicate.pk)).exists()


@pytest.mark.parametrize(
    "data", [{}, {"keep": "x", "duplicate": "1"}, {"keep": "999999", "duplicate": "999998"}]
)
def test_bad_dismissals_change_nothing(as_role, registry, data):
    response = as_role("editor").post("/parties/duplicates/distinct/", data)
    assert response.status_code == 302
    assert DistinctParties.objects.count() == 0


def test_reviewers_cannot_dismiss(as_role, registry):
    response = as_role("reviewer").post(
        "/parties/duplicates/distinct/",
        {"keep": registry["ruiz"].pk, "duplicate": registry["bare"].pk},
    )
    assert response.status_code == 403
    assert DistinctParties.objects.count() == 0


def test_the_merge_review_takes_the_suggested_duplicate_by_id(as_role, registry):
    # "Cook" could also be an alias of someone else: the suggestion names the party exactly.
    response = as_role("editor").get(
        f"/parties/{registry['cook'].pk}/merge/", {"duplicate_id": registry["surname"].pk}
    )
    assert response.status_code == 200
    assert "Merge Cook into Tim Cook" in response.content.decode()
