"""The desk CSV on data built to trip it up: formula-like cells, quotes, newlines, non-ASCII,
missing values, evidence lists, several reviewers, deleted statements, and every filter."""

from __future__ import annotations

import csv
import datetime
import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection

from factcheck.models import Article, Party, Statement, Verdict
from factcheck.reports import backup, spreadsheet
from factcheck.reports.selection import UNSETTLED, Selection
from factcheck.reports.spreadsheet import COLUMNS

GOLDEN = Path(__file__).resolve().parent / "golden" / "desk_csv"

# Each statement's quote, where the text of its article has it.
QUOTES = [
    '=HYPERLINK("http://evil.example","click")',
    'He said "no, never",\r\nand left.',
    "Zürich — «the ‘plan’ is dead» 日本語 😀",
    "-42 is the number",
    "@everyone \tlisten",
    "+1 for that",
    "An ordinary, quiet remark",
    "A deleted remark",
]


@pytest.fixture
def tricky_desk(db, editor, reviewer, second_reviewer, django_user_model):
    editor.first_name, editor.last_name = "Ève", 'D\'Arc, "Jr"'
    editor.save()
    second_reviewer.first_name = ""
    second_reviewer.save()
    third = django_user_model.objects.create_user(
        username="=cmd", password="x", first_name="", last_name="@last"
    )
    network = Party.objects.create(name='+Network, "Inc"', kind="organization")
    person = Party.objects.create(name="Ørjan Ñúñez", affiliation=network)
    bare = Party.objects.create(name="-Dash", kind="person")
    text = " … ".join(QUOTES) + "\nTail."
    first = Article.objects.create(
        title='=SUM(A1:A9), "quoted"\nsecond line',
        outlet="+Outlet",
        url="",
        published_on=datetime.date(2024, 2, 29),
        status="in_review",
        raw_text=text,
        text=text,
        created_by=editor,
    )
    second = Article.objects.create(
        title="\tTabbed title",
        outlet="",
        url="-http://x",
        raw_text=text,
        text=text,
        created_by=editor,
    )
    made = []
    for article in (first, second):
        offset = 0
        for position, quote in enumerate(QUOTES):
            start = text.index(quote, offset)
            offset = start + len(quote)
            made.append(
                Statement.objects.create(
                    article=article,
                    start=start,
                    end=offset,
                    quote=quote,
                    direct=position % 2 == 0,
                    position=position // 2,  # pairs share a position: start orders them
                    speaker=[person, bare, None, network][position % 4],
                )
            )
    made[-1].deleted_at = datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC)
    made[-1].save()
    made[7].deleted_at = made[-1].deleted_at
    made[7].save()
    settled_at = datetime.datetime(2024, 3, 2, 10, 11, 12, 999999, tzinfo=datetime.UTC)
    for statement, verdict, by, note in [
        (made[0], "confirmed", editor, "=1+1"),
        (made[1], "denied", third, 'Says "so"\non two lines'),
        (made[2], "disputed", editor, ""),
        (made[9], "confirmed", second_reviewer, "@note"),
    ]:
        Statement.objects.filter(pk=statement.pk).update(
            final_verdict=verdict, final_note=note, final_by=by, final_at=settled_at
        )
    evidence = [
        {"url": "  https://a.example/1\u00a0", "title": "padded"},
        {"url": "https://b.example/=2", "title": ""},
        {"url": "https://a.example/1"},
        {"url": ""},
        {"url": "   "},
        {"title": "no address"},
        "not an object",
        ["nor", "this"],
        {"url": 7},
        {"url": True},
        {"url": None},
    ]
    stamp = datetime.datetime(2024, 3, 1, 9, tzinfo=datetime.UTC)
    for n, (statement, who, value, rationale, links) in enumerate(
        [
            (made[0], reviewer, "confirmed", "=cmd|' /C calc'!A0", evidence),
            (made[0], second_reviewer, "denied", "", [{"url": "https://b.example/=2"}]),
            (made[0], third, "confirmed", 'Line one\nline "two"', []),
            (made[1], second_reviewer, "denied", "-minus", {"url": "https://dict.example"}),
            (made[1], reviewer, "disputed", "", "a string"),
            (made[2], third, "disputed", "ÄÖÜ ß", [{"url": "https://c.example/ü?q=1,2"}]),
            (made[5], reviewer, "confirmed", "", []),
            (made[9], reviewer, "denied", "\t", [{"url": "@https://d.example"}]),
            (made[9], third, "confirmed", "Agreed.", []),
        ]
    ):
        Verdict.objects.create(
            statement=statement,
            reviewer=who,
            value=value,
            rationale=rationale,
            evidence=links,
            created_at=stamp + datetime.timedelta(minutes=10 - n),  # not in id order
        )
    return SimpleNamespace(
        first=first, second=second, person=person, network=network, statements=made
    )


def _text(selection: Selection, module) -> str:
    return "".join(module.stream(selection))


SELECTIONS = {
    "everything": lambda desk: Selection(),
    "first_article": lambda desk: Selection(article=desk.first.pk),
    "second_article": lambda desk: Selection(article=desk.second.pk),
    "in_review": lambda desk: Selection(status="in_review"),
    "published_from": lambda desk: Selection(published_from=datetime.date(2024, 1, 1)),
    "published_to": lambda desk: Selection(published_to=datetime.date(2023, 1, 1)),
    "party": lambda desk: Selection(party=desk.person.pk),
    "party_unsettled": lambda desk: Selection(party=desk.network.pk, verdict=UNSETTLED),
    "confirmed": lambda desk: Selection(verdict="confirmed"),
    "denied_in_first": lambda desk: Selection(verdict="denied", article=desk.first.pk),
}
ID_COLUMNS = (COLUMNS.index("article_id"), COLUMNS.index("statement_id"))


def _expected(name: str, desk) -> str:
    """The golden file with the names of its rows swapped for this run's ids; csv rewrites it
    as the old Python export wrote it (the files came from it), and the export must match."""
    ids = {"A1": desk.first.pk, "A2": desk.second.pk}
    ids.update({f"S{n}": s.pk for n, s in enumerate(desk.statements)})
    golden = (GOLDEN / f"{name}.csv").read_bytes().decode()
    out = io.StringIO()
    writer = csv.writer(out)
    reader = csv.reader(io.StringIO(golden.removeprefix("\ufeff"), newline=""))
    writer.writerow(next(reader))
    for row in reader:
        for column in ID_COLUMNS:
            row[column] = str(ids[row[column]])
        writer.writerow(row)
    return "\ufeff" + out.getvalue()


@pytest.mark.parametrize("name", SELECTIONS)
def test_export_matches_the_golden_file_byte_for_byte(tricky_desk, name):
    """The files were written by the Python export this one replaced, so PostgreSQL's rows are
    the old rows: same quoting, CRLF, neutralised formulas, numbering, names and evidence."""
    selection = SELECTIONS[name](tricky_desk)
    assert _text(selection, spreadsheet) == _expected(name, tricky_desk)


def test_pieces_split_at_every_row_give_the_same_file(tricky_desk, monkeypatch):
    monkeypatch.setattr(spreadsheet, "FLUSH_AT", 1)
    pieces = list(spreadsheet.stream(Selection()))
    assert len(pieces) > 10
    assert "".join(pieces) == _expected("everything", tricky_desk)


def test_row_ends_become_crlf_wherever_postgres_splits_its_pieces():
    copied = b'1,"a\nb ""c""\n",x\n2,"",\n3,"\r\n"\n'
    expected = b'1,"a\nb ""c""\n",x\r\n2,"",\r\n3,"\r\n"\r\n'
    for cut in range(len(copied) + 1):
        ends = spreadsheet._RowEnds()
        assert ends(copied[:cut]) + ends(copied[cut:]) == expected


def test_the_whole_tricky_desk_is_exported(tricky_desk):
    text = _text(Selection(), spreadsheet)
    assert text.startswith("\ufeffarticle_id,")
    assert text.count("Zürich") == 2 and "A deleted remark" not in text


def test_evidence_is_trimmed_of_exactly_what_python_strips():
    python_strips = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert python_strips == spreadsheet._WHITESPACE


def test_exports_leave_the_callers_planner_settings_as_they_were(tricky_desk):
    "".join(spreadsheet.stream(Selection()))
    "".join(backup.stream(Selection()))
    with connection.cursor() as cursor:  # the test's own transaction goes on
        cursor.execute("SELECT current_setting('enable_sort'), current_setting('jit')")
        assert cursor.fetchone() == ("on", "on")
