"""The loss-less JSON archive on data built to trip it up: every table, awkward text, JSON values,
timestamps with and without microseconds, missing values, deleted statements, and every filter."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from factcheck.models import Article, Assignment, Comment, Party, Revision, Statement, Verdict
from factcheck.reports import backup
from factcheck.reports.selection import Selection
from tests.test_export_spreadsheet_golden import SELECTIONS, tricky_desk  # noqa: F401

GOLDEN_JSON = Path(__file__).resolve().parent / "golden" / "desk_json"
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
    _pin_the_clock()
    return desk


def _pin_the_clock() -> None:
    """Every row's times fixed (some with microseconds, some without), so files can hold them."""
    base = datetime.datetime(2025, 6, 1, 8, 0, tzinfo=datetime.UTC)
    for model in MODELS.values():
        fields = {f.name for f in model._meta.fields} & {"created_at", "updated_at"}
        for n, pk in enumerate(model.objects.order_by("pk").values_list("pk", flat=True)):
            at = base + datetime.timedelta(minutes=n, microseconds=0 if n % 2 else 1000 * n + 7)
            model.objects.filter(pk=pk).update(**dict.fromkeys(fields, at))


def _text(module, selection: Selection, indent: bool) -> str:
    text = "".join(module.stream(selection, indent=indent))
    return re.sub(r'"exported_at":"[^"]+"', '"exported_at":"-"', text, count=1)


MODELS = {
    "party": Party,
    "article": Article,
    "statement": Statement,
    "verdict": Verdict,
    "comment": Comment,
    "assignment": Assignment,
    "revision": Revision,
}


def _ranks() -> dict[str, dict[int, int]]:
    """Each kind's ids in creation order: the golden files call a row `@statement#3`."""
    ranks = {}
    for kind, model in MODELS.items():
        pks = model.objects.order_by("pk").values_list("pk", flat=True)
        ranks[kind] = {pk: n for n, pk in enumerate(pks)}
    return ranks


def _expected(name: str) -> str:
    """The golden file (written by the Python export this one replaced) with its row names
    swapped for this run's ids."""
    pks = {kind: dict(enumerate(ranks)) for kind, ranks in _ranks().items()}
    golden = (GOLDEN_JSON / f"{name}.json").read_bytes().decode()
    return re.sub(r'"@(\w+)#(\d+)"', lambda m: str(pks[m[1]][int(m[2])]), golden)


@pytest.mark.parametrize("name", SELECTIONS)
def test_archive_matches_the_golden_file_byte_for_byte(archive_desk, name):
    assert _text(backup, SELECTIONS[name](archive_desk), False) == _expected(name)


def test_indented_archive_has_the_same_records_one_per_line(archive_desk):
    indented = _text(backup, Selection(), True)
    assert ',\n{"id":' in indented and '"statements":[\n{' in indented
    # JSON escapes newlines inside strings, so every raw newline is framing.
    assert indented.replace("\n", "") + "\n" == _expected("everything")


def test_pieces_of_any_size_give_the_same_archive(archive_desk, monkeypatch):
    monkeypatch.setattr(backup, "FLUSH_AT", 1)
    monkeypatch.setattr(backup, "CHUNK", 2)
    pieces = list(backup.stream(Selection()))
    assert len(pieces) > 10
    text = re.sub(r'"exported_at":"[^"]+"', '"exported_at":"-"', "".join(pieces), count=1)
    assert text == _expected("everything")


def test_the_archive_holds_every_table(archive_desk):
    archive = backup.dump()
    assert all(archive[table] for table, _ in backup.TABLES)
    assert archive["exported_at"].endswith("+00:00")
