"""Blind review holds on every surface that shows verdict content: one rule, a test per surface.

A reviewer who has not judged a statement of a blind-review article, and a viewer, must not read a
colleague's verdict, rationale or evidence there, nor anything worked out from them, until they
give their own verdict or an editor settles the statement.
"""

from __future__ import annotations

import itertools

import pytest

from factcheck import roles
from factcheck.models import Article, Revision, Statement, Verdict, verdicts_open_to
from tests.conftest import make_user

HTMX = {"HX-Request": "true"}
SECRET = "Checked the council minutes of 3 May"
EVIDENCE = "https://secret.example/minutes"
TEXT = (
    "The mayor said the bridge would open in June. "
    "The council leader said the budget was balanced. "
    "A spokesperson said nobody had complained."
)


@pytest.fixture
def third_reviewer(db, django_user_model):
    return make_user(django_user_model, "reviewer3", roles.REVIEWER)


@pytest.fixture
def blind(editor, reviewer, third_reviewer):
    """A blind-review article; two colleagues judged its first statement, differently."""
    article = Article.objects.create(
        title="Bridge and budget", raw_text=TEXT, text=TEXT, created_by=editor, blind_review=True
    )
    spans = [(0, 46), (47, 96), (97, len(TEXT))]
    statements = [
        Statement.objects.create(article=article, start=a, end=b, quote=TEXT[a:b], position=n)
        for n, (a, b) in enumerate(spans)
    ]
    first = statements[0]
    first.set_verdict(
        reviewer, "confirmed", rationale=SECRET, evidence=[{"url": EVIDENCE, "title": "Minutes"}]
    )
    first.set_verdict(third_reviewer, "denied", rationale="Another colleague's reasoning")
    return article, statements


def history_urls(article: Article, statement: Statement) -> list[str]:
    base = article.get_absolute_url()
    return [f"{base}history/", f"{base}statements/{statement.pk}/history/"]


# The rule itself -------------------------------------------------------------------------------


def test_the_queryset_and_the_predicate_are_the_same_rule(
    blind, editor, reviewer, second_reviewer, viewer, outsider
):
    article, statements = blind
    first = statements[0]
    for blind_on, settled, judged in itertools.product([True, False], repeat=3):
        Article.objects.filter(pk=article.pk).update(blind_review=blind_on)
        article.refresh_from_db()
        Verdict.objects.filter(reviewer=second_reviewer).delete()
        if judged:
            first.set_verdict(second_reviewer, "disputed")
        first.set_final_verdict(editor, "denied" if settled else "")
        first.refresh_from_db()
        for user in (editor, second_reviewer, viewer, outsider):
            user = type(user).objects.get(pk=user.pk)  # fresh permission cache
            mine = user == second_reviewer and judged
            open_ = verdicts_open_to(user, article, first, judged=mine)
            seen = set(
                Verdict.objects.visible_to(user)
                .filter(statement=first, reviewer__username__in=["reviewer", "reviewer3"])
                .values_list("reviewer__username", flat=True)
            )
            assert seen == ({"reviewer", "reviewer3"} if open_ else set()), (
                blind_on,
                settled,
                judged,
                user.username,
            )
    assert reviewer.pk  # the colleague whose verdict is at stake


# Review page: rows and the agreement figure ------------------------------------------------------


def test_review_page_agreement_counts_only_verdicts_the_reviewer_may_see(
    client, blind, second_reviewer, reviewer
):
    article, statements = blind
    # A row names who gave which verdict; its tools (loaded when opened) say why.
    tools = f"{article.get_absolute_url()}statements/{statements[0].pk}/tools/"
    client.force_login(second_reviewer)
    html = client.get(article.get_absolute_url()).content.decode()
    html += client.get(tools, headers=HTMX).content.decode()
    assert SECRET not in html and EVIDENCE not in html
    assert "<b>Reviewer3</b>" not in html and "2 colleagues' verdicts hidden" in html
    # Two hidden verdicts on one statement must not make a figure: nothing to compute from.
    assert "α —" in html and "needs two verdicts on a statement" in html
    client.force_login(reviewer)  # has judged: sees the colleague's verdict and the figure
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<b>Reviewer3</b> <span>Denied</span>" in html
    assert "on 1 statement" in html
    tools_html = client.get(tools, headers=HTMX).content.decode()
    assert "Another colleague&#x27;s reasoning" in tools_html


# History: the statement's, the article's, and the History panel's fragment ----------------------


@pytest.mark.parametrize("who", ["second_reviewer", "viewer"])
def test_history_hides_a_colleagues_verdict_until_you_give_yours(client, blind, request, who):
    article, statements = blind
    user = request.getfixturevalue(who)
    client.force_login(user)
    for address in history_urls(article, statements[0]):
        for headers in ({}, HTMX):
            response = client.get(address, headers=headers)
            html = response.content.decode()
            assert response.status_code == 200
            assert SECRET not in html and EVIDENCE not in html, address
            assert "Another colleague" not in html
    page = client.get(history_urls(article, statements[0])[0]).content.decode()
    assert "Blind review: a colleague" in page


def test_history_shows_colleagues_once_you_judged_or_the_desk_settled(
    client, blind, second_reviewer, viewer, editor
):
    article, statements = blind
    statements[0].set_verdict(second_reviewer, "disputed", rationale="Mine")
    client.force_login(second_reviewer)
    for address in history_urls(article, statements[0]):
        assert SECRET in client.get(address).content.decode()
    client.force_login(viewer)
    assert SECRET not in client.get(history_urls(article, statements[0])[1]).content.decode()
    statements[0].set_final_verdict(editor, "denied", "Minutes contradict it.")
    for address in history_urls(article, statements[0]):
        assert SECRET in client.get(address).content.decode()


def test_history_keeps_the_users_own_verdicts_and_other_changes(
    client, blind, second_reviewer, editor
):
    article, statements = blind
    statements[1].set_verdict(second_reviewer, "confirmed", rationale="My own reasoning")
    statements[2].set_final_verdict(editor, "denied", "Complaints were filed.")
    client.force_login(second_reviewer)
    html = client.get(history_urls(article, statements[0])[0]).content.decode()
    assert "My own reasoning" in html
    assert "Complaints were filed." in html
    assert SECRET not in html


# Search ----------------------------------------------------------------------------------------


def test_search_by_reviewer_does_not_reveal_what_a_colleague_judged(
    client, blind, second_reviewer, reviewer
):
    _, statements = blind
    client.force_login(second_reviewer)
    found = client.get("/search/", {"reviewer": reviewer.pk}).content.decode()
    assert statements[0].quote not in found
    statements[0].set_verdict(second_reviewer, "denied")
    found = client.get("/search/", {"reviewer": reviewer.pk}).content.decode()
    assert statements[0].quote in found


# Agreement across the desk ---------------------------------------------------------------------


def test_desk_agreement_is_computed_from_visible_verdicts_only(
    client, blind, second_reviewer, editor
):
    article, _ = blind
    client.force_login(second_reviewer)
    html = client.get("/agreement/").content.decode()
    assert article.title not in html  # no verdicts it may see, so no figure for the article
    client.force_login(editor)
    assert article.title in client.get("/agreement/").content.decode()


# Exports ---------------------------------------------------------------------------------------

FORMATS = ["html", "pdf", "csv", "md", "claimreview", "json"]


def export(client, article: Article, fmt: str):
    return client.get(f"{article.get_absolute_url()}export/{fmt}/")


def test_exports_are_refused_while_blind_review_hides_a_verdict(client, blind, second_reviewer):
    article, _ = blind
    client.force_login(second_reviewer)
    for fmt in FORMATS:
        assert export(client, article, fmt).status_code == 403, fmt
    assert "/export/" not in client.get(article.get_absolute_url()).content.decode()


def test_exports_open_once_the_rule_shows_the_reviewer_every_verdict(
    client, blind, second_reviewer, viewer, editor
):
    article, statements = blind
    statements[0].set_verdict(second_reviewer, "disputed")
    client.force_login(second_reviewer)
    assert "/export/csv/" in client.get(article.get_absolute_url()).content.decode()
    response = export(client, article, "csv")
    assert response.status_code == 200
    assert SECRET in b"".join(response.streaming_content).decode()
    # A viewer never judges: the desk settling the statement is what opens it.
    client.force_login(viewer)
    assert export(client, article, "json").status_code == 403
    statements[0].set_final_verdict(editor, "denied", "")
    assert export(client, article, "json").status_code == 200


# Live updates and the dashboard ------------------------------------------------------------------


def test_live_updates_do_not_reveal_a_colleagues_new_verdict(
    client, blind, second_reviewer, viewer, reviewer
):
    article, statements = blind
    since = Revision.objects.filter(article=article).order_by("id").last().pk
    statements[1].set_verdict(reviewer, "denied", rationale="Fresh secret")
    for user in (second_reviewer, viewer):
        client.force_login(user)
        response = client.get(f"{article.get_absolute_url()}changes/?since={since}", headers=HTMX)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Fresh secret" not in html
        assert "vlabel-denied" not in html and "Denied" not in html


def test_dashboard_shows_no_colleagues_verdicts_to_reviewers_or_viewers(
    client, blind, second_reviewer, viewer
):
    for user in (second_reviewer, viewer):
        client.force_login(user)
        html = client.get("/").content.decode()
        assert SECRET not in html and "Another colleague" not in html


# Comments ----------------------------------------------------------------------------------------


def comments_url(article: Article, statement: Statement) -> str:
    return f"{article.get_absolute_url()}statements/{statement.pk}/comments/"


def test_a_colleagues_comment_is_hidden_until_you_give_your_verdict(
    client, blind, reviewer, second_reviewer, editor
):
    article, statements = blind
    statements[0].add_comment(reviewer, "The minutes on page 3 contradict this")
    client.force_login(second_reviewer)
    thread = client.get(comments_url(article, statements[0])).content.decode()
    assert "page 3" not in thread
    assert "1 comment by colleagues is hidden by blind review" in thread
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'count count-quiet">1<' not in page  # not even how many colleagues said something
    statements[0].add_comment(second_reviewer, "Checking the council figures")
    assert "council figures" in client.get(comments_url(article, statements[0])).content.decode()
    statements[0].set_verdict(second_reviewer, "disputed")
    assert "page 3" in client.get(comments_url(article, statements[0])).content.decode()
    client.force_login(editor)
    assert "page 3" in client.get(comments_url(article, statements[0])).content.decode()


def test_an_export_waits_while_blind_review_hides_a_colleagues_comment(
    client, blind, reviewer, second_reviewer
):
    article, statements = blind
    statements[0].set_verdict(second_reviewer, "disputed")  # every verdict is open to them now
    statements[1].add_comment(reviewer, "Unverified: the press office never answered")
    client.force_login(second_reviewer)
    assert export(client, article, "csv").status_code == 403
    statements[1].set_verdict(second_reviewer, "confirmed")
    assert export(client, article, "csv").status_code == 200
