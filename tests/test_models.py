"""The database itself refuses data that breaks the desk's invariants."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from factcheck.models import Article, Party, Statement, Verdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return Article.objects.submit(raw_text="The mayor said taxes will fall.", title="Taxes")


def refused(**fields) -> bool:
    try:
        with transaction.atomic():
            Statement.objects.create(**fields)
    except IntegrityError:
        return True
    return False


def test_a_statement_must_quote_the_text_between_its_offsets(article):
    assert not refused(article=article, start=15, end=30, quote="taxes will fall")
    assert refused(article=article, start=15, end=30, quote="taxes will rise")


def test_an_empty_or_backwards_span_is_refused(article):
    assert refused(article=article, start=5, end=5, quote="")
    assert refused(article=article, start=9, end=4, quote="")


def test_a_span_past_the_end_of_the_text_is_refused(article):
    assert refused(article=article, start=15, end=500, quote="taxes will fall.")


def test_a_negative_offset_is_refused(article):
    assert refused(article=article, start=-1, end=3, quote="The")


def test_changing_the_text_under_a_statement_is_refused(article):
    Statement.objects.create(article=article, start=4, end=9, quote="mayor")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(text="The council said taxes will fall.")


def test_parties_are_unique_by_normalised_name():
    Party.objects.create(name="Tim Cook", kind="person")
    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.create(name="  tim   COOK ", kind="person")


def test_a_party_is_found_by_name_or_alias_ignoring_case():
    cook = Party.objects.create(name="Tim Cook", kind="person", aliases=["Cook", "Apple's CEO"])
    assert Party.objects.named("tim cook") == cook
    assert Party.objects.named("apple's  ceo") == cook
    assert Party.objects.named("Cookie") is None


def test_an_unknown_party_kind_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.create(name="Someone", kind="alien")


def test_a_reviewer_gives_one_verdict_per_statement(article, reviewer):
    statement = Statement.objects.create(article=article, start=4, end=9, quote="mayor")
    Verdict.objects.create(statement=statement, reviewer=reviewer, value="confirmed")
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(statement=statement, reviewer=reviewer, value="denied")


def test_an_unknown_verdict_value_is_refused(article, reviewer):
    statement = Statement.objects.create(article=article, start=4, end=9, quote="mayor")
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(statement=statement, reviewer=reviewer, value="maybe")


def test_a_final_verdict_needs_a_date(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(
            article=article, start=4, end=9, quote="mayor", final_verdict="denied"
        )


def test_an_article_needs_a_title_and_text():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(title="   ", raw_text="x", text="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(title="T", raw_text=" ", text=" \n ")


def test_saying_the_same_verdict_twice_changes_nothing_twice(article, reviewer):
    statement = Statement.objects.create(article=article, start=4, end=9, quote="mayor")
    statement.set_verdict(reviewer, "denied")
    statement.set_verdict(reviewer, "denied")
    assert Verdict.objects.filter(statement=statement).count() == 1
    assert statement.revisions.count() == 1


def test_the_first_verdict_puts_a_draft_in_review_and_final_verdicts_finish_it(
    article, reviewer, editor
):
    statement = Statement.objects.create(article=article, start=4, end=9, quote="mayor")
    assert article.status == Article.Status.DRAFT
    statement.set_verdict(reviewer, "denied")
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    statement.set_final_verdict(editor, "denied", note="Records show otherwise.")
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
