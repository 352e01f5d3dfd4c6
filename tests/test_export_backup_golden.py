"""The loss-less JSON archive on data built to trip it up: every table, awkward text, JSON values,
timestamps with and without microseconds, missing values, deleted statements, and every filter."""

from __future__ import annotations

import datetime
import re

import pytest

from factcheck.models import Assignment, Comment, Party, Revision, Statement
from factcheck.reports import backup
from factcheck.reports.selection import UNSETTLED, Selection
from tests import legacy_backup
from tests.test_export_spreadsheet_golden import SELECTIONS, tricky_desk  # noqa: F401

ODD_TEXT = 'back\\slash "quoted" \x01\x1f\x7f tab\tnew\nline \u2028 ✓ 😀 </script>'


@pytest.fixture
def archive_desk(tricky_desk, editor, reviewer):  # noqa: F811
    desk = tricky_desk
    desk.person.aliases = ["Ørjan", 'The "Boss"', "back\\slash"]
    desk.person.save()
    Party.objects.create(name="Nobody in particular", aliases=[])
    statements = desk.statements
    Statement.objects.filter(pk=statements[3].pk).update(
        created_at=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    )
    Comment.objects.create(statement=statements[0], author=reviewer, body=ODD_TEXT)
    Comment.objects.create(statement=statements[9], author=editor, body="=1")
    busy = Assignment.objects.create(
        article=desk.first, reviewer=reviewer, assigned_by=editor, due_on="2026-12-01"
    )
    busy.statements.set([*statements[:3], statements[7]])
    Assignment.objects.create(article=desk.second, reviewer=reviewer, assigned_by=None)
    for before, after in [
        (None, {"quote": ODD_TEXT, "nested": {"b": [1, 2.5, 1.10, None, True], "a": {}}}),
        ({"position": 3, "speaker": None}, {"position": 4, "big": 12345678901234567890}),
        ([], {"": "empty key", "z": -0.0, "e": 1e-7, "f": 1e20}),
    ]:
        Revision.objects.create(
            article=desk.first,
            statement=statements[1],
            actor=editor,
            action=Revision.Action.STATEMENT_EDITED,
            before=before,
            after=after,
        )
    Revision.objects.create(
        article=desk.second, party=desk.person, actor=None, action=Revision.Action.ARTICLE_EDITED
    )
    return desk


def _text(module, selection: Selection, indent: bool) -> str:
    text = "".join(module.stream(selection, indent=indent))
    return re.sub(r'"exported_at":"[^"]+"', '"exported_at":"-"', text, count=1)


@pytest.mark.parametrize("indent", [False, True])
@pytest.mark.parametrize("name", SELECTIONS)
def test_postgres_writes_the_same_archive_as_the_python_export(archive_desk, name, indent):
    selection = SELECTIONS[name](archive_desk)
    assert _text(backup, selection, indent) == _text(legacy_backup, selection, indent)


def test_the_archive_holds_every_table(archive_desk):
    archive = backup.dump()
    assert {len(archive[t]) > 0 for t, _ in backup.TABLES} == {True}
    assert UNSETTLED
