"""Races on the review desk, run for real: a second database connection in a thread holds its
transaction open while a request arrives, the way two people's clicks overlap on a busy desk."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, transaction
from django.test import Client

from factcheck import roles
from factcheck.models import Article, Party, Revision, Statement, Verdict
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)

HTMX = {"HX-Request": "true"}
TEXT = "The mayor said the bridge would open in June. The council said the budget was balanced."
HOLD = 1.0  # seconds the other transaction stays open after its change


def hold_open(change: Callable[[], object]) -> tuple[threading.Thread, threading.Event]:
    """Run `change` in its own transaction on its own connection, and keep that transaction
    open for HOLD seconds after the returned event is set, then commit."""
    changed = threading.Event()
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with transaction.atomic():
                change()
                changed.set()
                time.sleep(HOLD)
        except BaseException as error:  # reported by the test, not lost in the thread
            failures.append(error)
            changed.set()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.failures = failures
    thread.start()
    assert changed.wait(10)
    return thread, changed


def finish(thread: threading.Thread) -> None:
    thread.join(10)
    assert not thread.failures, thread.failures


@pytest.fixture
def article(editor) -> Article:
    article = Article.objects.create(title="Bridge", raw_text=TEXT, text=TEXT, created_by=editor)
    for position, (start, end) in enumerate([(0, 46), (47, len(TEXT))]):
        Statement.objects.create(
            article=article, start=start, end=end, quote=TEXT[start:end], position=position
        )
    return article


def statements(article: Article) -> list[Statement]:
    return list(article.statements.order_by("position"))


def base(article: Article, statement: Statement) -> str:
    return f"{article.get_absolute_url()}statements/{statement.pk}/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# The same reviewer's first verdict, twice at once ------------------------------------------------


def test_the_same_first_verdict_sent_twice_at_once_is_saved_once(article, reviewer):
    first = statements(article)[0]
    other, _ = hold_open(lambda: first.set_verdict(reviewer, "denied"))
    response = signed_in(reviewer).post(
        f"{base(article, first)}verdict/", {"value": "denied", "version": "0"}, headers=HTMX
    )
    finish(other)
    assert response.status_code == 200
    assert Verdict.objects.filter(statement=first, reviewer=reviewer).count() == 1
    assert Revision.objects.filter(statement=first, action="verdict").count() == 1


def test_two_different_first_verdicts_at_once_the_second_is_a_conflict(article, reviewer):
    first = statements(article)[0]
    other, _ = hold_open(lambda: first.set_verdict(reviewer, "denied", rationale="Tab one"))
    response = signed_in(reviewer).post(
        f"{base(article, first)}verdict/", {"value": "confirmed", "version": "0"}, headers=HTMX
    )
    finish(other)
    assert response.status_code == 409
    assert "Tab one" in response.content.decode()  # the saved version is shown
    verdict = Verdict.objects.get(statement=first, reviewer=reviewer)
    assert (verdict.value, verdict.rationale) == ("denied", "Tab one")


# Two editors settle an article's last statements at once ---------------------------------------


def test_settling_the_last_statements_at_once_leaves_the_article_done(
    article, editor, django_user_model
):
    colleague = make_user(django_user_model, "editor2", roles.EDITOR)
    first, second = statements(article)
    assert article.status == "draft"
    other, _ = hold_open(lambda: first.set_final_verdict(editor, "confirmed", "Minutes say so."))
    response = signed_in(colleague).post(
        f"{base(article, second)}final/",
        {"final_verdict": "denied", "final_note": "", "version": second.final_version},
        headers=HTMX,
    )
    finish(other)
    assert response.status_code == 200
    assert not article.statements.filter(final_verdict="").exists()
    article.refresh_from_db()
    assert article.status == "done"


# Restoring a revision while someone edits --------------------------------------------------------


def test_restoring_while_a_colleague_edits_is_a_409_not_a_500(article, editor, django_user_model):
    colleague = make_user(django_user_model, "editor2", roles.EDITOR)
    first = statements(article)[0]
    first.edit(editor, version=first.version, start=first.start + 4)  # "mayor said ..."
    revision = Revision.objects.get(statement=first, action="statement_edited")
    current = Statement.objects.get(pk=first.pk)
    other, _ = hold_open(lambda: current.edit(colleague, version=current.version, direct=True))
    response = signed_in(editor).post(
        f"{article.get_absolute_url()}revisions/{revision.pk}/restore/"
    )
    finish(other)
    assert response.status_code == 409
    assert "Not restored: someone changed this statement" in response.content.decode()
    first.refresh_from_db()
    assert (first.start, first.direct) == (4, True)  # the colleague's edit stands, untouched


# A stale tab's verdict button --------------------------------------------------------------------


def button_value(html: str, statement: Statement, value: str) -> dict:
    """What the row's verdict button sends (review.js: the statement, the value and the version
    the row was drawn with), read from the page as the browser would."""
    row = re.search(rf'<li [^>]*id="s{statement.pk}".*?</li>', html, re.S).group(0)
    version = re.search(r'class="verdict-buttons" data-version="(\d+)"', row).group(1)
    return {"statement": statement.pk, "value": value, "version": version}


def test_a_stale_tabs_verdict_button_does_not_overwrite_another_tabs_rationale(article, reviewer):
    first = statements(article)[0]
    stale_tab, fresh_tab = signed_in(reviewer), signed_in(reviewer)
    button = button_value(
        stale_tab.get(article.get_absolute_url()).content.decode(), first, "denied"
    )
    saved = fresh_tab.post(
        f"{base(article, first)}verdict/",
        {"value": "confirmed", "detailed": "on", "version": "0", "rationale": "Fresh tab"},
        headers=HTMX,
    )
    assert saved.status_code == 200
    response = stale_tab.post(f"{article.get_absolute_url()}verdicts/", button, headers=HTMX)
    assert response.status_code == 409
    html = response.content.decode()
    assert "choose your verdict again to replace it" in html
    assert "Fresh tab" in html  # the saved version is shown
    assert "<textarea" not in html  # and no empty rationale form that would wipe it
    verdict = Verdict.objects.get(statement=first, reviewer=reviewer)
    assert (verdict.value, verdict.rationale) == ("confirmed", "Fresh tab")


def test_a_verdict_without_a_version_is_refused_with_a_message(article, reviewer):
    first = statements(article)[0]
    first.set_verdict(reviewer, "confirmed", rationale="Mine")
    response = signed_in(reviewer).post(
        f"{base(article, first)}verdict/", {"value": "denied"}, headers=HTMX
    )
    assert response.status_code == 409
    assert "Reload the page and choose your verdict again" in response.content.decode()
    assert Verdict.objects.get(statement=first, reviewer=reviewer).value == "confirmed"


# Statement edits: a version is required, and only the span's own version counts ----------------


def test_a_statement_edit_without_a_version_is_refused(article, editor):
    first = statements(article)[0]
    response = signed_in(editor).post(
        f"{base(article, first)}edit/", {"start": 4, "end": first.end, "speaker": ""}
    )
    assert response.status_code == 400
    assert "did not say which version of the statement" in response.content.decode()
    first.refresh_from_db()
    assert first.start == 0


def test_a_final_verdict_does_not_make_a_concurrent_span_edit_a_conflict(
    article, editor, django_user_model
):
    colleague = make_user(django_user_model, "editor2", roles.EDITOR)
    first = statements(article)[0]
    speaker = Party.objects.create(name="The mayor")
    span_version, final_version = first.version, first.final_version
    # The colleague settles the statement while the editor's edit form is open ...
    settled = signed_in(colleague).post(
        f"{base(article, first)}final/",
        {"final_verdict": "disputed", "final_note": "", "version": final_version},
    )
    assert settled.status_code == 302
    drawn = Statement.objects.get(pk=first.pk).final_version  # a final form opened now
    # ... and the editor's span edit, drawn before it, still saves.
    edited = signed_in(editor).post(
        f"{base(article, first)}edit/",
        {"start": 4, "end": first.end, "speaker": speaker.pk, "version": span_version},
    )
    assert edited.status_code == 302
    first.refresh_from_db()
    assert (first.start, first.speaker, first.final_verdict) == (4, speaker, "disputed")
    # The other way round: the final verdict form drawn before the span edit saves too.
    response = signed_in(colleague).post(
        f"{base(article, first)}final/",
        {"final_verdict": "denied", "final_note": "", "version": drawn},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.final_verdict == "denied"
