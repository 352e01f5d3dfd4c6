"""load_demo and generate_data: the data every page and benchmark starts from."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from factcheck.models import Article, Party, Statement, Verdict

pytestmark = pytest.mark.django_db


def test_load_demo_creates_the_demo_desk_and_is_idempotent(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    assert Article.objects.count() == 2  # the hand-checked story, and wire copy to extract
    article = Article.objects.get(title__startswith="Harbor Point")
    assert not article.statements.filter(origin="automatic").exists()
    wire = Article.objects.exclude(pk=article.pk).get()
    assert "&" not in wire.text  # the entity debris is cleaned
    assert wire.statements.filter(origin="automatic").count() >= 10
    assert article.statements.count() > 15
    assert Party.objects.filter(kind="anonymous").exists()
    assert Verdict.objects.exists()
    assert Statement.objects.exclude(final_verdict="").exists()
    for username in ["editor", "reviewer", "viewer"]:
        # A request, as in a real sign-in: the login throttle (django-axes) needs its address.
        request = RequestFactory().post("/accounts/login/")
        assert authenticate(request, username=username, password="factcheck-demo") is not None
    for statement in article.statements.all():
        assert article.text[statement.start : statement.end] == statement.quote


def test_load_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert not Article.objects.exists()


def test_generate_data_fills_the_database_with_consistent_rows(settings):
    settings.DEBUG = True
    call_command("generate_data", articles=7, statements=351, reviewers=3, seed=5)
    assert Article.objects.count() == 7
    assert Statement.objects.count() == 351
    assert Verdict.objects.exists()
    for statement in Statement.objects.select_related("article"):
        assert statement.article.text[statement.start : statement.end] == statement.quote
    # The sequences moved past the copied ids, so ordinary inserts still work.
    Article.objects.submit(raw_text="After the copy.", title="Next")
    call_command("generate_data", articles=2, statements=10, reviewers=3, seed=5)
    assert Statement.objects.count() == 361
