"""The review desk through the test client: fragments, database state, errors, query counts."""

from __future__ import annotations

import datetime

import pytest
from django.db.models import Q

from factcheck.benchmarks.review import build_long_article
from factcheck.models import (
    Article,
    Assignment,
    Comment,
    Party,
    Revision,
    Statement,
    Verdict,
)

HTMX = {"HX-Request": "true"}


def url(article: Article, statement: Statement | None = None, tail: str = "") -> str:
    base = article.get_absolute_url()
    return f"{base}statements/{statement.pk}/{tail}" if statement else f"{base}{tail}"


@pytest.fixture
def statement(demo_article):
    return Statement.objects.filter(article=demo_article, final_verdict="").order_by("id").first()


# The page --------------------------------------------------------------------------------------


def test_review_page_shows_progress_filters_and_each_statement(client, demo_article, reviewer):
    client.force_login(reviewer)
    response = client.get(demo_article.get_absolute_url())
    html = response.content.decode()
    live = demo_article.statements.live()
    reviewed = live.filter(Q(verdicts__reviewer=reviewer) | ~Q(final_verdict="")).distinct().count()
    assert f"<strong data-reviewed>{reviewed}</strong> of <span data-total>{live.count()}" in html
    for statement in live:
        assert f'id="s{statement.pk}"' in html
        assert f'data-s="{statement.pk}"' in html  # the highlight in the text
    assert 'aria-label="Filter statements"' in html
    # Each row says which verdict of the reviewer's its buttons show (drawn by review.js).
    assert html.count(" data-mine=") == live.filter(verdicts__reviewer=reviewer).count()
    assert html.count('class="verdict-buttons"') == live.count()


def test_filters_narrow_the_list_and_answer_htmx_with_the_panel_only(
    client, demo_article, reviewer
):
    client.force_login(reviewer)
    party = Party.objects.get(name="Martin Kowalczyk")
    response = client.get(
        f"{demo_article.get_absolute_url()}?party={party.pk}",
        headers={**HTMX, "HX-Target": "statement-panel"},
    )
    html = response.content.decode()
    assert "<html" not in html
    expected = demo_article.statements.live().filter(speaker=party)
    assert html.count('<li class="statement') == expected.count() > 0
    assert "Showing" in html

    response = client.get(f"{demo_article.get_absolute_url()}?state=unreviewed")
    mine = set(Verdict.objects.filter(reviewer=reviewer).values_list("statement_id", flat=True))
    html = response.content.decode()
    for s in demo_article.statements.live():
        assert (f'id="s{s.pk}"' in html) == (s.pk not in mine)


def test_article_text_speaker_names_and_rationales_are_escaped(client, editor, reviewer):
    hostile = '<script>alert("x")</script>'
    text = f'Officials said {hostile} was "fine" & safe.'
    article = Article.objects.create(raw_text=text, text=text, title="<b>Hostile</b>")
    party = Party.objects.create(name='<img src=x onerror="alert(1)">')
    start = text.index(hostile)
    end = start + len(hostile)
    statement = Statement.objects.create(
        article=article, speaker=party, start=start, end=end, quote=hostile
    )
    statement.set_verdict(
        editor,
        "denied",
        rationale="</textarea><script>bad()</script>",
        evidence=[
            {"url": 'https://e.org/?a="><x', "title": "<i>t</i>"},
            {"url": "javascript:alert(2)", "title": "imported from elsewhere"},
        ],
    )
    client.force_login(reviewer)
    html = client.get(article.get_absolute_url()).content.decode()
    # The colleague's rationale and evidence are read in the row's tools.
    tools = f"{article.get_absolute_url()}statements/{statement.pk}/tools/"
    html += client.get(tools, headers=HTMX).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<script>bad()" not in html
    assert "<i>t</i>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;/textarea&gt;&lt;script&gt;bad()" in html
    assert 'href="javascript:' not in html
    assert "imported from elsewhere" in html


# Verdicts --------------------------------------------------------------------------------------


def test_htmx_verdict_returns_the_block_and_saves_once_however_often_it_is_sent(
    client, demo_article, statement, reviewer
):
    client.force_login(reviewer)
    Verdict.objects.filter(statement=statement).delete()
    revisions = Revision.objects.filter(statement=statement, action="verdict").count()
    for _ in range(3):  # a double click and a resent request
        response = client.post(
            url(demo_article, statement, "verdict/"),
            {"value": "disputed", "version": "0"},
            headers=HTMX,
        )
        assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    version = Verdict.objects.get(statement=statement, reviewer=reviewer).version
    assert (
        f'class="verdict-buttons" data-version="{version}" data-mine="disputed" '
        f'hx-swap-oob="outerHTML:#s{statement.pk} .verdict-buttons"'
    ) in html
    assert Verdict.objects.get(statement=statement, reviewer=reviewer).value == "disputed"
    assert Revision.objects.filter(statement=statement, action="verdict").count() == revisions + 1


def test_rationale_and_evidence_are_saved_with_the_verdict(
    client, demo_article, statement, reviewer
):
    client.force_login(reviewer)
    Verdict.objects.filter(statement=statement).delete()
    response = client.post(
        url(demo_article, statement, "verdict/"),
        {
            "value": "denied",
            "detailed": "on",
            "version": "0",
            "rationale": "The June letter contradicts it.",
            "evidence": "https://example.org/letter Board letter, 12 June\n\nhttps://e.org/x",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    verdict = Verdict.objects.get(statement=statement, reviewer=reviewer)
    assert verdict.rationale == "The June letter contradicts it."
    assert verdict.evidence == [
        {"url": "https://example.org/letter", "title": "Board letter, 12 June"},
        {"url": "https://e.org/x", "title": ""},
    ]
    assert "Board letter, 12 June</a>" in response.content.decode()


def test_bad_evidence_is_refused_with_a_message_and_changes_nothing(
    client, demo_article, statement, reviewer
):
    client.force_login(reviewer)
    Verdict.objects.filter(statement=statement).delete()
    response = client.post(
        url(demo_article, statement, "verdict/"),
        {"value": "denied", "detailed": "on", "version": "0", "evidence": "javascript:alert(1)"},
        headers=HTMX,
    )
    assert response.status_code == 400
    assert "does not start with a web address" in response.content.decode()
    assert not Verdict.objects.filter(statement=statement).exists()

    response = client.post(url(demo_article, statement, "verdict/"), {"value": "maybe"})
    assert response.status_code == 400
    assert not Verdict.objects.filter(statement=statement).exists()


def test_a_stale_rationale_form_gets_a_conflict_showing_the_saved_version(
    client, demo_article, statement, reviewer
):
    client.force_login(reviewer)
    statement.set_verdict(reviewer, "confirmed", rationale="First tab.")
    statement.set_verdict(reviewer, "confirmed", rationale="Second tab, saved first.")
    response = client.post(
        url(demo_article, statement, "verdict/"),
        {"current": "confirmed", "detailed": "on", "version": "1", "rationale": "First tab, late."},
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Second tab, saved first." in html
    assert "First tab, late." in html  # kept in the form
    assert Verdict.objects.get(statement=statement).rationale == "Second tab, saved first."


def test_blind_review_hides_colleagues_until_the_reviewer_gives_a_verdict(
    client, demo_article, statement, editor, reviewer, second_reviewer
):
    demo_article.set_blind_review(editor, True)
    statement.set_verdict(reviewer, "confirmed", rationale="Secret reasoning.")
    client.force_login(second_reviewer)
    tools = url(demo_article, statement, "tools/")
    page = client.get(demo_article.get_absolute_url()).content.decode()
    row = page[page.index(f'id="s{statement.pk}"') :].split("</li>")[0]
    assert "Secret reasoning." not in page and "<b>Reviewer</b>" not in row
    assert "1 colleague's verdict hidden" in row
    # Nor can the fragments or the live updates reveal it.
    assert "Secret reasoning." not in client.get(tools, headers=HTMX).content.decode()
    since = Revision.objects.filter(article=demo_article).order_by("id").first().pk - 1
    changes = client.get(url(demo_article, tail=f"changes/?since={since}"), headers=HTMX)
    assert "Secret reasoning." not in changes.content.decode()

    response = client.post(url(demo_article, statement, "verdict/"),
                           {"value": "denied", "version": "0"}, headers=HTMX)  # fmt: skip
    # The row now names the colleague and their verdict; the row's tools say why.
    assert "Reviewers disagree" in response.content.decode()
    assert "<b>Reviewer</b> <span>Confirmed</span>" in response.content.decode()
    assert "Secret reasoning." in client.get(tools, headers=HTMX).content.decode()

    client.force_login(editor)
    assert "Secret reasoning." in client.get(tools, headers=HTMX).content.decode()


# Final verdicts, statements, history -------------------------------------------------------------


def test_final_verdict_with_a_stale_version_is_a_conflict(client, demo_article, statement, editor):
    client.force_login(editor)
    version = statement.version
    statement.set_final_verdict(editor, "confirmed", "Log checked.")
    response = client.post(
        url(demo_article, statement, "final/"),
        {"final_verdict": "denied", "final_note": "Mine.", "version": version},
        headers=HTMX,
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Log checked." in html and "Mine." in html
    statement.refresh_from_db()
    assert statement.final_verdict == "confirmed"


def test_settling_every_statement_marks_the_article_done(client, demo_article, editor):
    client.force_login(editor)
    for statement in demo_article.statements.live().filter(final_verdict=""):
        response = client.post(
            url(demo_article, statement, "final/"),
            {"final_verdict": "confirmed", "final_note": "", "version": statement.version},
        )
        assert response.status_code == 302
    demo_article.refresh_from_db()
    assert demo_article.status == Article.Status.DONE


def test_adding_a_statement_twice_adds_it_once_and_trims_the_selection(
    client, demo_article, editor
):
    client.force_login(editor)
    phrase = "Residents can request free testing kits"
    start = demo_article.text.index(phrase)
    data = {"start": start - 1, "end": start + len(phrase) + 1, "new_speaker": "Town library"}
    for _ in range(2):
        response = client.post(url(demo_article, tail="statements/new/"), data, headers=HTMX)
        assert response.status_code == 200
    statements = Statement.objects.filter(article=demo_article, quote=phrase)
    assert statements.count() == 1
    assert Party.objects.filter(name="Town library").count() == 1


def test_adding_a_statement_over_no_text_is_refused(client, demo_article, editor):
    client.force_login(editor)
    count = Statement.objects.count()
    for data in ({"start": 5, "end": 5}, {"start": 10**6, "end": 10**6 + 4}, {"start": "x"}):
        response = client.post(url(demo_article, tail="statements/new/"), data, headers=HTMX)
        assert response.status_code == 400
    assert Statement.objects.count() == count


def test_editing_span_and_speaker_records_history_and_restoring_puts_it_back(
    client, demo_article, statement, editor
):
    client.force_login(editor)
    original = (statement.start, statement.end, statement.speaker_id)
    kowalczyk = Party.objects.get(name="Martin Kowalczyk")
    response = client.post(
        url(demo_article, statement, "edit/"),
        {
            "start": statement.start + 1,
            "end": statement.end,
            "speaker": kowalczyk.pk,
            "direct": "on",
            "version": statement.version,
        },
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.speaker == kowalczyk and statement.direct
    assert statement.quote == demo_article.text[statement.start : statement.end]
    revision = Revision.objects.get(statement=statement, action="statement_edited")
    assert revision.actor == editor and revision.before["speaker_id"] == original[2]

    response = client.post(url(demo_article, tail=f"revisions/{revision.pk}/restore/"))
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.start, statement.end, statement.speaker_id) == original


def test_delete_is_soft_and_restorable_from_the_article_history(
    client, demo_article, statement, editor
):
    client.force_login(editor)
    client.post(url(demo_article, statement, "delete/"))
    client.post(url(demo_article, statement, "delete/"))  # resent: deletes once
    statement.refresh_from_db()
    assert statement.deleted_at is not None
    assert Revision.objects.filter(statement=statement, action="statement_deleted").count() == 1
    page = client.get(url(demo_article, tail="history/")).content.decode()
    assert "Deleted statements" in page and statement.quote[:40] in page
    client.post(url(demo_article, statement, "restore/"))
    statement.refresh_from_db()
    assert statement.deleted_at is None


def test_comments_thread_posts_once_per_resend(client, demo_article, statement, reviewer):
    client.force_login(reviewer)
    for _ in range(2):
        response = client.post(
            url(demo_article, statement, "comments/"), {"body": "Called the board."}, headers=HTMX
        )
    assert response.status_code == 200
    assert "Called the board." in response.content.decode()
    assert Comment.objects.filter(statement=statement).count() == 1
    response = client.post(url(demo_article, statement, "comments/"), {"body": "  "}, headers=HTMX)
    assert response.status_code == 400
    assert Comment.objects.filter(statement=statement).count() == 1


def test_speaker_search_finds_parties_by_alias_and_offers_a_new_one(
    client, demo_article, editor, viewer
):
    client.force_login(editor)
    html = client.get(url(demo_article, tail="speakers/?q=achebe"), headers=HTMX).content.decode()
    assert "Helen Achebe" in html and "new party" not in html
    html = client.get(url(demo_article, tail="speakers/?q=Zed+Q"), headers=HTMX).content.decode()
    assert "Add “Zed Q” as a new party" in html
    client.force_login(viewer)
    html = client.get(url(demo_article, tail="speakers/?q=Zed+Q"), headers=HTMX).content.decode()
    assert "new party" not in html


# Assignments and live updates --------------------------------------------------------------------


def test_editor_assigns_chosen_statements_and_the_queue_counts_them(
    client, demo_article, editor, reviewer, second_reviewer
):
    client.force_login(editor)
    response = client.post(
        url(demo_article, tail="assignments/"),
        {"reviewers": [second_reviewer.pk], "due_on": "2026-12-01", "statements": "1-3, 5"},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get(article=demo_article, reviewer=second_reviewer)
    assert assignment.due_on == datetime.date(2026, 12, 1)
    assert assignment.statements.count() == 4
    chosen = list(assignment.statements.order_by("position"))
    chosen[0].set_verdict(second_reviewer, "confirmed")
    other = build_long_article(3, title="Second article")
    other.assign(editor, second_reviewer, due_on=datetime.date(2026, 11, 30))
    queue = list(Assignment.objects.queue_for(second_reviewer))
    assert [a.article for a in queue] == [other, demo_article]  # soonest due first
    assert (queue[1].total, queue[1].done) == (4, 1)
    assert (queue[0].total, queue[0].done) == (3, 0)

    response = client.post(url(demo_article, tail="assignments/"), {"statements": "99"})
    assert response.status_code == 302
    assert Assignment.objects.count() == 2


def test_live_changes_answer_204_when_nothing_is_new_and_rows_when_a_colleague_acted(
    client, demo_article, statement, reviewer, second_reviewer, django_assert_max_num_queries
):
    client.force_login(reviewer)
    since = Revision.objects.filter(article=demo_article).order_by("-id").first().pk
    with django_assert_max_num_queries(5):  # session, user, two permission lookups, one query
        response = client.get(url(demo_article, tail=f"changes/?since={since}"), headers=HTMX)
    assert response.status_code == 204
    statement.set_verdict(second_reviewer, "disputed", rationale="Numbers differ.")
    response = client.get(url(demo_article, tail=f"changes/?since={since}"), headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'hx-swap-oob="outerHTML:#s{statement.pk} .others"' in html
    assert "<b>Reviewer2</b> <span>Disputed</span>" in html
    newest = Revision.objects.order_by("-id").first().pk
    assert f"since={newest}" in html
    assert client.get(url(demo_article, tail="changes/?since=x")).status_code == 400


# Query counts at 500 statements ------------------------------------------------------------------


@pytest.fixture
def long_article(db, editor, reviewer):
    return build_long_article(500, reviewers=[editor, reviewer])


@pytest.mark.parametrize("who", ["reviewer", "editor"])
def test_review_page_of_500_statements_takes_at_most_15_queries(
    client, long_article, request, who, django_assert_max_num_queries
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    long_article.assign(request.getfixturevalue("editor"), user)
    with django_assert_max_num_queries(15):
        response = client.get(long_article.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('<li class="statement') == 500


def test_review_page_queries_do_not_grow_with_statements(
    client, editor, reviewer, django_assert_num_queries
):
    client.force_login(reviewer)
    small = build_long_article(5, reviewers=[editor, reviewer], title="small")
    large = build_long_article(200, reviewers=[editor, reviewer], title="large")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for article in (small, large):
        with CaptureQueriesContext(connection) as queries:
            client.get(article.get_absolute_url())
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db(transaction=True)  # a real transaction, as in production: no savepoints
def test_verdict_save_takes_at_most_8_queries(client, long_article, reviewer):
    """8 SQL statements; Django 6 also lists the transaction's BEGIN and COMMIT, not counted."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(reviewer)
    statement = long_article.statements.order_by("position")[1]
    mine = Verdict.objects.filter(statement=statement, reviewer=reviewer)
    client.post(
        url(long_article, statement, "verdict/"),
        {"value": "denied", "version": mine.values_list("version", flat=True).first() or 0},
        headers=HTMX,
    )
    version = mine.get().version
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            url(long_article, statement, "verdict/"),
            {"value": "confirmed", "version": version},
            headers=HTMX,
        )
    assert response.status_code == 200
    statements = [q["sql"] for q in queries if q["sql"] not in ("BEGIN", "COMMIT")]
    assert len(statements) <= 8, "\n".join(statements)
    assert len(queries) - len(statements) <= 2
    assert Verdict.objects.get(statement=statement, reviewer=reviewer).value == "confirmed"


@pytest.mark.django_db(transaction=True)
def test_a_first_verdict_from_the_pages_button_takes_at_most_8_queries(
    client, long_article, reviewer
):
    """Session, user, permissions (one query: roles.PermissionBackend), the statement, the lock on
    its verdicts, the verdict, its revision and the progress line: 8, BEGIN and COMMIT aside."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(reviewer)
    long_article.statements.first().set_verdict(reviewer, "denied")  # the article is in review
    statement = long_article.statements.exclude(verdicts__reviewer=reviewer).first()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            url(long_article, tail="verdicts/"),
            {"statement": statement.pk, "value": "disputed", "version": "0"},
            headers=HTMX,
        )
    assert response.status_code == 200
    assert 'id="progress"' in response.content.decode()  # the first verdict moves the line
    statements = [q["sql"] for q in queries if q["sql"] not in ("BEGIN", "COMMIT")]
    assert len(statements) <= 8, "\n".join(statements)
    assert Verdict.objects.get(statement=statement, reviewer=reviewer).value == "disputed"


def test_a_stale_statement_edit_is_a_conflict_that_stays_in_the_edit_form(
    client, demo_article, statement, editor
):
    client.force_login(editor)
    stale = statement.version
    tran = Party.objects.get(name="Lucy Tran")
    statement.edit(editor, version=stale, speaker=tran)
    response = client.post(
        url(demo_article, statement, "edit/"),
        {"start": statement.start, "end": statement.end, "new_speaker": "Helen Achebe",
         "version": stale},
        headers=HTMX,
    )  # fmt: skip
    assert response.status_code == 409
    assert response["HX-Retarget"] == f"#edit-form-{statement.pk}"
    html = response.content.decode()
    assert "Saved version:</strong> Lucy Tran" in html
    assert 'value="Helen Achebe"' in html  # the editor's choice, kept
    statement.refresh_from_db()
    assert statement.speaker == tran


def test_agreement_is_shown_per_article_and_across_the_desk(
    client, editor, reviewer, second_reviewer
):
    article = build_long_article(4, title="Agreement")
    first, second, third, _ = article.statements.order_by("position")
    for statement, values in ((first, "aa"), (second, "ab"), (third, "bb")):
        for user, value in zip((reviewer, second_reviewer), values, strict=True):
            statement.set_verdict(user, {"a": "confirmed", "b": "denied"}[value])
    client.force_login(editor)
    page = client.get(article.get_absolute_url()).content.decode()
    # 4/9 by hand (see test_review_agreement): 0.44 on 3 statements.
    assert "α 0.44" in page and "on 3 statements" in page
    desk = client.get("/agreement/").content.decode()
    assert "α 0.44" in desk and "Agreement" in desk


# One form for the page -------------------------------------------------------------------------


def test_without_javascript_a_verdict_is_given_and_changed_on_the_statements_page(
    client, demo_article, statement, reviewer
):
    import re

    from django.test import Client

    browser = Client(enforce_csrf_checks=True)  # as a browser without JavaScript posts it
    browser.force_login(reviewer)
    html = browser.get(demo_article.get_absolute_url()).content.decode()
    assert html.count('name="csrfmiddlewaretoken"') <= 3  # the page's forms, not one per row
    assert f'href="statements/{statement.pk}/tools/"' in html  # where the row's link leads
    Verdict.objects.filter(statement=statement).delete()
    for value in ("denied", "confirmed"):  # given, then changed
        page = browser.get(url(demo_article, statement, "tools/")).content.decode()
        assert f'value="{value}"' in page and 'name="rationale"' in page
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        version = re.search(r'name="version" value="(\d+)"', page).group(1)
        response = browser.post(
            url(demo_article, statement, "verdict/"),
            {"csrfmiddlewaretoken": token, "value": value, "version": version, "detailed": "on",
             "rationale": "Read the filing."},
        )  # fmt: skip
        assert response.status_code == 302
        assert response["Location"].endswith(f"#s{statement.pk}")
        assert Verdict.objects.get(statement=statement, reviewer=reviewer).value == value


@pytest.mark.parametrize(
    "sent",
    [
        {},
        {"statement": "x", "value": "confirmed", "version": "0"},
        {"value": "maybe", "version": "0"},
    ],
)
def test_a_malformed_verdict_button_is_refused_and_changes_nothing(
    client, demo_article, statement, reviewer, sent
):
    client.force_login(reviewer)
    before = Verdict.objects.count()
    sent = {"statement": str(statement.pk), **sent} if sent else sent
    response = client.post(url(demo_article, tail="verdicts/"), sent, headers=HTMX)
    assert response.status_code == 400
    assert Verdict.objects.count() == before


def test_a_verdict_button_for_another_articles_statement_is_not_found(
    client, demo_article, reviewer
):
    other = build_long_article(2, title="Another article")
    elsewhere = other.statements.first()
    client.force_login(reviewer)
    response = client.post(
        url(demo_article, tail="verdicts/"),
        {"statement": elsewhere.pk, "value": "denied", "version": "0"},
    )
    assert response.status_code == 404
    assert not Verdict.objects.filter(statement=elsewhere).exists()


def test_a_row_its_tools_and_its_accepted_fragment_escape_hostile_names(
    client, editor, django_assert_max_num_queries
):
    hostile = '<script>alert("x")</script>'
    text = f"The mayor said {hostile} on Monday."
    article = Article.objects.create(raw_text=text, text=text, title="Hostile")
    party = Party.objects.create(name='<img src=x onerror="alert(1)">')
    start = text.index(hostile)
    statement = Statement.objects.create(
        article=article, speaker=party, start=start, end=start + len(hostile), quote=hostile
    )
    statement.add_comment(editor, '<b onmouseover="x()">look</b>')
    client.force_login(editor)
    tools = client.get(url(article, statement, "tools/"), headers=HTMX).content.decode()
    accepted = client.post(url(article, statement, "accept/"), headers=HTMX).content.decode()
    for html in (tools, accepted):
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onm" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in accepted
    assert f'id="s{statement.pk}" hx-swap-oob="true"' in accepted
    assert "Save final verdict" in tools and 'name="rationale"' in tools
