"""Search: full text over statements and articles, filters, keyset pages, safe snippets, and
"has this claim been checked before?"."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from search_support import article_with, party

from factcheck.models import Statement

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "viewer", "reviewer", "editor"]


@pytest.fixture
def desk(editor, reviewer):
    """Two articles with parties who contradict each other."""
    board = party("State Water Board", "government", aliases=["the board"])
    company = party("Brightwater Utilities", "organization", aliases=["Brightwater"])
    first, first_statements = article_with(
        "Plant skipped tests",
        [
            ("The plant skipped required water tests for five months", board, "confirmed"),
            ("Every test was run on schedule and every result was within limits", company, ""),
            ("There is no risk to anyone drinking this water", company, "denied"),
        ],
        editor=editor,
        published_on=datetime.date(2026, 3, 2),
    )
    second, second_statements = article_with(
        "Council budget row",
        [
            ("The budget for schools will grow by ten percent", board, "disputed"),
            ("Water prices will not rise this year", company, ""),
        ],
        editor=editor,
        published_on=datetime.date(2026, 9, 14),
        status="draft",
    )
    first_statements[1].set_verdict(reviewer, "disputed")
    return {
        "board": board,
        "company": company,
        "articles": [first, second],
        "statements": first_statements + second_statements,
    }


def quotes(response) -> list[str]:
    return [s.quote for s in response.context["results"].statements]


def test_search_answers_each_role_and_its_fragment_too(as_role, desk):
    url = reverse("search") + "?q=water"
    for role, expected in zip(ROLES, [302, 403, 200, 200, 200], strict=True):
        for headers in ({}, {"HX-Request": "true"}):
            response = as_role(role).get(url, headers=headers)
            assert response.status_code == expected, (role, headers)
            if expected == 302:
                assert response["Location"].startswith("/accounts/login/")


def test_words_match_any_form_and_best_matches_come_first(client, viewer, desk):
    client.force_login(viewer)
    response = client.get(reverse("search"), {"q": "tested"})
    found = quotes(response)
    assert "Every test was run on schedule and every result was within limits" in found
    assert "The plant skipped required water tests for five months" in found
    assert "Water prices will not rise this year" not in found


def test_best_match_puts_the_statement_with_more_of_the_words_first(client, viewer, desk):
    client.force_login(viewer)
    newest = quotes(client.get(reverse("search"), {"q": "water or tests"}))
    best = quotes(client.get(reverse("search"), {"q": "water or tests", "sort": "best"}))
    assert sorted(newest) == sorted(best)
    assert newest[0] == "Water prices will not rise this year"  # the latest statement
    assert best[0] == "The plant skipped required water tests for five months"


def test_web_search_syntax_phrases_or_and_exclusion(client, viewer, desk):
    client.force_login(viewer)
    assert quotes(client.get(reverse("search"), {"q": '"no risk"'})) == [
        "There is no risk to anyone drinking this water"
    ]
    found = quotes(client.get(reverse("search"), {"q": "water -prices"}))
    assert "Water prices will not rise this year" not in found
    assert "There is no risk to anyone drinking this water" in found
    found = quotes(client.get(reverse("search"), {"q": "budget or schedule"}))
    assert len(found) == 2


def test_filters_narrow_statements_by_verdict_party_reviewer_status_and_date(
    client, viewer, reviewer, desk
):
    client.force_login(viewer)
    url = reverse("search")
    assert quotes(client.get(url, {"q": "water", "verdict": "denied"})) == [
        "There is no risk to anyone drinking this water"
    ]
    unsettled = quotes(client.get(url, {"verdict": "unsettled"}))
    assert sorted(unsettled) == sorted(
        [
            "Every test was run on schedule and every result was within limits",
            "Water prices will not rise this year",
        ]
    )
    # A party by its alias, in any case.
    by_party = quotes(client.get(url, {"party": "BRIGHTWATER"}))
    assert len(by_party) == 3 and all("budget" not in q for q in by_party)
    assert quotes(client.get(url, {"reviewer": reviewer.pk})) == [
        "Every test was run on schedule and every result was within limits"
    ]
    assert len(quotes(client.get(url, {"status": "draft"}))) == 2
    dated = quotes(client.get(url, {"published_from": "2026-09-01", "published_to": "2026-09-30"}))
    assert sorted(dated) == sorted(
        ["The budget for schools will grow by ten percent", "Water prices will not rise this year"]
    )


def test_matching_articles_and_parties_are_listed_above_statements(client, viewer, desk):
    client.force_login(viewer)
    response = client.get(reverse("search"), {"q": "budget"})
    results = response.context["results"]
    assert [a.title for a in results.articles] == ["Council budget row"]
    response = client.get(reverse("search"), {"q": "brightwater"})
    assert [p.name for p in response.context["results"].parties] == ["Brightwater Utilities"]


def test_the_fragment_is_only_the_results(client, viewer, desk):
    client.force_login(viewer)
    response = client.get(reverse("search"), {"q": "water"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and 'id="results"' in body
    assert "<mark>water</mark>" in body.lower()


def test_snippets_mark_matches_but_never_let_article_text_become_markup(client, viewer, editor):
    evil = party("<script>alert(1)</script> Party")
    article_with(
        "Hostile markup",
        [("Water is <b>safe</b> <script>alert('x')</script> to drink", evil, "")],
        editor=editor,
    )
    client.force_login(viewer)
    body = client.get(reverse("search"), {"q": "water safe"}).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Party" in body
    assert "<mark>safe</mark>" in body and "&lt;b&gt;" in body


def test_bad_input_gets_a_message_not_an_error(client, viewer, desk):
    client.force_login(viewer)
    url = reverse("search")
    response = client.get(url, {"party": "Nobody At All"})
    assert response.status_code == 200
    assert "No party is called “Nobody At All”" in response.content.decode()
    response = client.get(url, {"published_from": "2026-10-01", "published_to": "2026-01-01"})
    assert "The end date is before the start date." in response.content.decode()
    response = client.get(url, {"q": "water", "after": "not-a-cursor"})
    assert "That page link is broken" in response.content.decode()
    response = client.get(url, {"published_from": "yesterday-ish"})
    assert response.status_code == 200 and response.context["results"] is None
    response = client.get(url, {"q": "the of and"})
    assert response.context["results"].too_common
    assert "too common" in response.content.decode()


@pytest.mark.parametrize("sort", ["", "best"])
def test_keyset_pages_walk_every_result_once(client, viewer, editor, sort):
    speaker = party("Pat Walker")
    quotes_made = [
        f"The harbour figures for month {n} were wrong by {n} percent" for n in range(47)
    ]
    article_with("Many claims", [(q, speaker, "") for q in quotes_made], editor=editor)
    client.force_login(viewer)
    seen: list[str] = []
    params = {"q": "harbour figures", "sort": sort}
    pages = 0
    while pages < 10:
        response = client.get(reverse("search"), params)
        seen += quotes(response)
        pages += 1
        after = response.context["results"].next_after
        if not after:
            break
        params["after"] = after
    assert pages == 3
    assert sorted(seen) == sorted(quotes_made)
    assert len(seen) == len(set(seen))


def test_search_costs_the_same_queries_however_many_results(
    client, viewer, editor, django_assert_max_num_queries
):
    speaker = party("Quinn Counter")
    article_with("Few", [("The ferry costs rose", speaker, "confirmed")], editor=editor)
    client.force_login(viewer)
    client.get(reverse("search"), {"q": "ferry"})  # warm the session and permission caches

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("search"), {"q": "ferry", "verdict": "confirmed"})
        return len(captured)

    few = count()
    for n in range(3):
        article_with(
            f"More {n}",
            [(f"The ferry costs rose {k} times", speaker, "confirmed") for k in range(12)],
            editor=editor,
        )
    assert count() <= few  # fewer, even: a full first page needs no second look
    with django_assert_max_num_queries(few):
        client.get(reverse("search"), {"q": "ferry", "verdict": "confirmed"})


def test_similar_statements_find_earlier_wording_with_its_verdict(editor, desk):
    new, [fresh] = article_with(
        "New claims",
        [("Every test was run on schedule, and every result was within the limits", None, "")],
        editor=editor,
    )
    similar = list(Statement.objects.similar_to(fresh.quote, exclude_article=new.pk))
    assert [s.quote for s in similar] == [
        "Every test was run on schedule and every result was within limits"
    ]
    assert similar[0].similarity > 0.8
    # Its own article is left out; nothing unrelated comes back.
    assert list(Statement.objects.similar_to("Completely unrelated words about ferries")) == []


def test_similar_fragment_shows_earlier_verdicts_to_viewers_only(as_role, editor, desk):
    _, [fresh] = article_with(
        "Repeat claim", [("There is no risk to anyone drinking the water", None, "")], editor=editor
    )
    url = reverse("similar_statements", args=[fresh.pk])
    for role, expected in zip(ROLES, [302, 403, 200, 200, 200], strict=True):
        assert as_role(role).get(url, headers={"HX-Request": "true"}).status_code == expected
    body = as_role("viewer").get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in body
    assert "There is no risk to anyone drinking this water" in body
    assert "Denied" in body and "Plant skipped tests" in body
    assert as_role("viewer").get(reverse("similar_statements", args=[999999])).status_code == 404
