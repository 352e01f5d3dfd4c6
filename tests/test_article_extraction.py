"""A new article arrives with its statements proposed and its speakers matched to the registry."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.demo import wire
from factcheck.models import Article, Party, Statement

ROOT = Path(__file__).resolve().parent.parent

STORY = (
    "City Hall &amp; the unions clashed again on Monday.\n\n"
    '"The budget is balanced," said Mayor Lena Ortiz. "Nobody will lose their job."\n\n'
    "Union leader Sam Brooks said the figures were wrong. Ortiz denied that."
)


@pytest.mark.django_db
def test_submitting_an_article_cleans_it_and_proposes_its_statements(editor):
    article = Article.objects.submit(raw_text=STORY, title="Budget row", created_by=editor)
    assert article.raw_text == STORY
    assert "&amp;" not in article.text and "City Hall & the unions" in article.text
    statements = list(article.statements.order_by("position"))
    assert statements, "the extractor found nothing"
    for s in statements:
        assert article.text[s.start : s.end] == s.quote
        assert s.origin == Statement.Origin.AUTOMATIC
    quotes = " ".join(s.quote for s in statements)
    assert "The budget is balanced" in quotes
    ortiz = Party.objects.named("Lena Ortiz")
    assert ortiz is not None and ortiz.kind == "person"
    assert any(s.speaker_id == ortiz.pk for s in statements)


@pytest.mark.django_db
def test_speakers_already_in_the_registry_are_reused_not_duplicated(editor):
    known = Party.objects.create(name="Lena Ortiz", kind="person", aliases=["Mayor Ortiz"])
    Article.objects.submit(raw_text=STORY, title="Budget row", created_by=editor)
    Article.objects.submit(raw_text=STORY, title="Budget row, again", created_by=editor)
    assert Party.objects.filter(name_key="lena ortiz").count() == 1
    assert Statement.objects.filter(speaker=known).count() >= 2


@pytest.mark.django_db
def test_an_article_with_no_statements_is_kept_with_none_proposed(editor):
    article = Article.objects.submit(
        raw_text="The river rose two metres overnight.", title="Flood", created_by=editor
    )
    assert article.text == "The river rose two metres overnight."
    assert not article.statements.exists()


@pytest.mark.django_db
def test_messy_wire_copy_arrives_with_its_statements(editor):
    article = Article.objects.submit(raw_text=wire.TEXT.encode(), title=wire.TITLE)
    assert "& # 39;" not in article.text
    assert article.text.count("Caption: Containers wait") == 3  # kept, but annotated once
    assert article.statements.count() >= 10
    assert Party.objects.named("Kestrel Systems") is not None
    assert Party.objects.named("Ilse Brandt") is not None


@pytest.fixture
def wire_file(tmp_path) -> Path:
    path = tmp_path / "wire.txt"
    path.write_text(wire.TEXT, encoding="utf-8")
    return path


def run_extract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "extract", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_extract_command_prints_json_whose_offsets_hold(wire_file):
    done = run_extract(str(wire_file), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"text", "parties", "statements"}
    for s in result["statements"]:
        assert result["text"][s["start"] : s["end"]] == s["quote"]
    assert {"name", "kind", "affiliation", "aliases"} <= set(result["parties"][0])


def test_the_extract_command_prints_a_table_and_explains_a_missing_file(tmp_path, wire_file):
    done = run_extract(str(wire_file))
    assert done.returncode == 0 and "statements" in done.stdout.splitlines()[0]
    missing = run_extract(str(tmp_path / "nope.txt"))
    assert missing.returncode == 1
    assert "cannot read" in missing.stderr and "Traceback" not in missing.stderr
