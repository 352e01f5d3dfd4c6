"""`bench` and `generate_data` never run on a production desk; bench deletes only its own rows."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from factcheck.benchmarks import Made
from factcheck.benchmarks.exports import _grow_to
from factcheck.benchmarks.review import bench_user, build_long_article
from factcheck.models import Article, Party, Statement, Verdict

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    with connection.cursor() as cur:
        counts = {}
        for table in ("article", "statement", "verdict", "party"):
            cur.execute(f"SELECT count(*) FROM factcheck_{table}")
            counts[table] = cur.fetchone()[0]
        return counts


def test_generate_data_refuses_with_debug_off_and_writes_nothing(settings):
    settings.DEBUG = False
    before = row_counts()
    with pytest.raises(CommandError, match="DEBUG off: it writes fake articles"):
        call_command("generate_data", articles=2, statements=10, verbosity=0)
    assert row_counts() == before


def test_bench_refuses_with_debug_off_before_measuring_anything(settings, capsys):
    settings.DEBUG = False
    before = row_counts()
    with pytest.raises(CommandError, match="bench refuses to run with DEBUG off"):
        call_command("bench", "data")  # the area that would write 100,000 statements
    assert row_counts() == before
    assert "generate_data" not in capsys.readouterr().out


def test_bench_clean_up_spares_what_the_desk_created_during_the_run(settings, editor, reviewer):
    """The incident of issue 9: an editor and a reviewer worked while bench ran; its clean-up
    (then `DELETE ... WHERE id > <max at start>`) took their article, statement and verdict."""
    settings.DEBUG = True
    kept = Article.objects.submit(raw_text="The mayor said the budget was balanced.", title="Old")
    made = Made()
    _grow_to(Statement.objects.count() + 40, seed=3, made=made)
    generated = sorted(made.articles)
    assert len(generated) >= 1 and Statement.objects.filter(article__in=generated).count() == 40
    # Meanwhile, on the desk: a new article, a statement on it, a verdict, a new party.
    article = Article.objects.create(title="Live", raw_text="Ana said no.", text="Ana said no.")
    assert article.pk > max(generated)
    party = Party.objects.create(name="Ana Live")
    statement, _ = article.add_statement(editor, start=0, end=12, speaker=party)
    statement.set_verdict(reviewer, "denied", rationale="Checked the minutes.")

    made.clean_up()

    assert not Article.objects.filter(pk__in=generated).exists()
    assert not Statement.objects.filter(article__in=generated).exists()
    assert Article.objects.filter(pk__in=[kept.pk, article.pk]).count() == 2
    assert Statement.objects.filter(pk=statement.pk).exists()
    assert Verdict.objects.get(statement=statement).rationale == "Checked the minutes."
    assert Party.objects.filter(pk=party.pk).exists()


def test_bench_keeps_parties_and_users_it_found_rather_than_made(settings, editor):
    settings.DEBUG = True
    existing = Party.objects.create(name="bench-review party 0")  # someone's real party
    made = Made()
    user = bench_user(editor.username, "Editor", made)  # an existing account, reused
    article = build_long_article(30, reviewers=[user], made=made)
    assert made.articles == {article.pk}
    assert existing.pk not in made.parties and len(made.parties) == 19
    made.clean_up()
    assert not Article.objects.filter(pk=article.pk).exists()
    assert Party.objects.filter(pk=existing.pk).exists()
    assert not Party.objects.filter(name__startswith="bench-review party 1").exists()
    assert type(editor).objects.filter(pk=editor.pk).exists()
