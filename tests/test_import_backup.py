"""Backup and restore: export everything, wipe, import, export again; and imports that must fail
whole, naming the problem, with the database exactly as it was."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from factcheck.models import (
    Article,
    Assignment,
    Comment,
    Party,
    Revision,
    Statement,
    Verdict,
)
from tests.export_helpers import SCHEMA, drop_unsafe_evidence, seed_article

MODELS = [Article, Statement, Party, Verdict, Comment, Assignment, Revision]


@pytest.fixture
def desk(db, editor, reviewer, second_reviewer, demo_article):
    """Two articles with everything a desk records, including the awkward cases."""
    seed = seed_article(editor, reviewer, second_reviewer)
    # The seed's javascript: evidence tests the reports' escaping; an archive may not carry one
    # (see test_hostile_archives_are_refused_by_name), so the round trip keeps the http links.
    drop_unsafe_evidence()
    assignment = Assignment.objects.create(
        article=seed, reviewer=second_reviewer, assigned_by=editor, due_on="2026-12-01"
    )
    assignment.statements.set(seed.statements.order_by("position")[:3])
    seed.statements.order_by("position")[1].accept(second_reviewer)  # the rest stay proposed
    Assignment.objects.create(article=demo_article, reviewer=reviewer, assigned_by=editor)
    gone = seed.statements.order_by("-position").first()
    Statement.objects.filter(pk=gone.pk).update(deleted_at=timezone.now())
    party = Party.objects.get(name="Helen Achebe")
    Revision.objects.create(
        party=party, actor=editor, action="party_edited", before={"aliases": []}, after=None
    )
    Party.objects.create(name="Nobody Quoted Yet", kind="anonymous", aliases=["a source"])
    Comment.objects.create(statement=gone, author=None, body="Author's account was removed.")
    return seed


def export(tmp_path, name="export.json") -> str:
    path = tmp_path / name
    call_command("export", format="json", output=str(path))
    return path.read_text(encoding="utf-8")


def without_timestamp(text: str) -> str:
    return re.sub(r'"exported_at":"[^"]+"', '"exported_at":""', text, count=1)


def counts() -> dict:
    out = {m.__name__: m.objects.count() for m in MODELS}
    out["users"] = get_user_model().objects.count()
    out["assigned"] = Assignment.statements.through.objects.count()
    return out


def wipe() -> None:
    Revision.objects.all().delete()
    Article.objects.all().delete()
    Party.objects.all().delete()
    get_user_model().objects.all().delete()


def test_export_wipe_import_export_gives_the_same_file(desk, tmp_path):
    first = export(tmp_path, "first.json")
    jsonschema.validate(json.loads(first), SCHEMA)
    before = counts()
    wipe()
    assert counts()["Article"] == 0
    call_command("import", str(tmp_path / "first.json"))
    assert counts() == before
    second = export(tmp_path, "second.json")
    assert json.loads(second)["exported_at"] >= json.loads(first)["exported_at"]
    assert without_timestamp(second) == without_timestamp(first)
    data = json.loads(second)
    assert len(data["articles"]) == 2
    assert any(s["deleted_at"] for s in data["statements"])
    assert any(a["statements"] for a in data["assignments"])
    accepted = [s for s in data["statements"] if s["accepted_at"]]
    assert {s["accepted_by"] for s in accepted} == {"reviewer2", "editor"}  # demo: editor
    assert any(s["accepted_at"] is None and s["origin"] == "automatic" for s in data["statements"])


def test_an_archive_from_before_acceptance_imports_its_statements_as_proposals(desk, tmp_path):
    def drop_acceptance(data):
        for row in data["statements"]:
            del row["accepted_at"], row["accepted_by"]

    path = broken(tmp_path, drop_acceptance)
    wipe()
    call_command("import", path)
    assert Statement.objects.filter(origin="automatic", accepted_at__isnull=True).count() == (
        Statement.objects.filter(origin="automatic").count()
    )
    assert Statement.objects.proposals().exists()


def test_restored_people_cannot_sign_in_and_new_rows_get_fresh_ids(desk, tmp_path, editor):
    export(tmp_path)
    wipe()
    call_command("import", str(tmp_path / "export.json"))
    restored = get_user_model().objects.get(username="editor")
    assert not restored.has_usable_password()
    assert not restored.groups.exists()
    article = Article.objects.submit(raw_text="A new story.", title="After the restore")
    assert article.pk > max(
        a for a in Article.objects.exclude(pk=article.pk).values_list("pk", flat=True)
    )


def test_import_reuses_people_and_parties_the_desk_already_has(desk, tmp_path):
    export(tmp_path)
    Revision.objects.all().delete()
    Article.objects.all().delete()  # keep users and parties
    parties = dict(Party.objects.values_list("name", "pk"))
    call_command("import", str(tmp_path / "export.json"))
    assert dict(Party.objects.values_list("name", "pk")) == parties
    assert get_user_model().objects.filter(username="editor").count() == 1


def broken(tmp_path, edit) -> str:
    data = json.loads(export(tmp_path, "good.json"))
    edit(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def fails_and_changes_nothing(path: str, *message: str) -> None:
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("import", path)
    assert counts() == before
    text = str(error.value)
    assert text.startswith("Nothing was imported:")
    for part in message:
        assert part in text, text


def test_malformed_json_is_refused(desk, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "factcheck-export", "schema_version": 1, "articles": [', "utf-8")
    fails_and_changes_nothing(str(path), "not valid JSON", "at character")


def test_unknown_schema_version_is_refused(desk, tmp_path):
    fails_and_changes_nothing(
        broken(tmp_path, lambda d: d.update(schema_version=7)), "Unknown schema version 7"
    )


def test_dangling_reference_is_named(desk, tmp_path):
    def dangle(data):
        wipe_ids(data)
        data["verdicts"][0]["statement"] = 987654

    fails_and_changes_nothing(broken(tmp_path, dangle), "verdict", "statement 987654")


def test_unknown_reviewer_is_named(desk, tmp_path):
    def stranger(data):
        wipe_ids(data)
        data["verdicts"][-1]["reviewer"] = "mallory"

    fails_and_changes_nothing(broken(tmp_path, stranger), "user 'mallory'")


def test_duplicate_inside_the_file_is_refused(desk, tmp_path):
    def twice(data):
        wipe_ids(data)
        data["statements"].append(dict(data["statements"][0]))

    fails_and_changes_nothing(broken(tmp_path, twice), "Duplicate in statements")


def test_article_already_on_the_desk_is_a_duplicate(desk, tmp_path):
    fails_and_changes_nothing(broken(tmp_path, lambda d: None), "Duplicate", "already on the desk")


def test_quote_that_does_not_match_the_text_is_refused_after_partial_work(desk, tmp_path):
    """The database trigger refuses it after earlier rows were written: all of them roll back."""

    def misquote(data):
        wipe_ids(data)
        data["statements"][-1]["quote"] = "words nobody said"

    fails_and_changes_nothing(broken(tmp_path, misquote), "refused", "does not match")


def wipe_ids(data: dict) -> None:
    """Shift every id so the file doesn't collide with the desk it was exported from."""
    shift = 100_000
    for table in ["articles", "statements", "verdicts", "comments", "assignments", "revisions"]:
        for row in data[table]:
            row["id"] += shift
    for row in data["statements"]:
        row["article"] += shift
    for table in ["verdicts", "comments"]:
        for row in data[table]:
            row["statement"] += shift
    for row in data["assignments"]:
        row["article"] += shift
        row["statements"] = [s + shift for s in row["statements"] or []]
    for row in data["revisions"]:
        for key in ("article", "statement"):
            if row[key] is not None:
                row[key] += shift


def test_a_shifted_copy_imports_cleanly(desk, tmp_path):
    """The control for the failures above: the same edit without the fault goes in."""
    path = broken(tmp_path, wipe_ids)
    before = counts()
    call_command("import", path)
    after = counts()
    assert after["Article"] == before["Article"] * 2
    assert after["Party"] == before["Party"]  # matched by name


def test_not_an_export_is_refused(db, tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"hello": "world"}', "utf-8")
    fails_and_changes_nothing(str(path), "not a factcheck export")


def test_restore_reads_the_file_in_pieces_whatever_their_size(desk, tmp_path, monkeypatch):
    """Tiny read blocks split every number, string and row: the restore must not notice."""
    from factcheck.reports import restore

    first = export(tmp_path, "first.json")
    wipe()
    monkeypatch.setattr(restore, "BLOCK", 7)
    call_command("import", str(tmp_path / "first.json"))
    assert without_timestamp(export(tmp_path, "second.json")) == without_timestamp(first)


def test_a_file_cut_short_is_refused(desk, tmp_path):
    text = export(tmp_path, "whole.json")
    wipe_everything_but_users = counts()
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    Revision.objects.all().delete()
    Article.objects.all().delete()
    before = counts()
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import", str(path))
    assert counts() == before != wipe_everything_but_users


def _set(table: str, field: str, value, row: int = 0):
    def change(data):
        wipe_ids(data)
        data[table][row][field] = value

    return change


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (_set("verdicts", "evidence", "https://example.org"), "verdicts row 1"),
        (_set("verdicts", "evidence", [1, 2]), "evidence must be a list of"),
        (_set("verdicts", "evidence", [{"title": "no address"}]), "evidence must be a list of"),
        (_set("verdicts", "evidence", [{"url": "javascript:alert(1)", "title": "x"}]), "evidence"),
        (_set("verdicts", "evidence", [{"url": "https://e.org", "title": 5}]), "evidence"),
        (_set("verdicts", "value", "true"), "value must be one of 'confirmed'"),
        (_set("revisions", "action", "owned"), "action must be one of"),
        (_set("revisions", "after", {"evidence": [{"url": "data:text/html,x"}]}), "after must"),
        (_set("articles", "title", 42), "title must be non-empty text, not 42"),
        (_set("articles", "status", "published"), "status must be one of"),
        (_set("statements", "start", -3), "start must be a whole number, 0 or more"),
        (_set("statements", "end", 0), "end must"),
        (_set("statements", "direct", "yes"), "direct must be true or false"),
        (_set("parties", "aliases", "Mayor"), "aliases must be a list of text"),
        (_set("comments", "body", ""), "body must be non-empty text"),
    ],
)
def test_hostile_archives_are_refused_by_name(desk, tmp_path, change, named):
    fails_and_changes_nothing(broken(tmp_path, change), named)


def test_the_schema_lists_every_history_action_the_desk_records():
    assert sorted(SCHEMA["properties"]["revisions"]["items"]["properties"]["action"]["enum"]) == (
        sorted(Revision.Action.values)
    )
