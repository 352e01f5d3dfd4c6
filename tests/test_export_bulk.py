"""Exports across articles: filters, the editors' page and its fragment, and flat memory."""

from __future__ import annotations

import csv
import gc
import io
import json
import tracemalloc

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from factcheck.models import Article, Party, Statement
from factcheck.reports import backup, spreadsheet
from factcheck.reports.selection import Selection
from tests.export_helpers import seed_article


@pytest.fixture
def two_articles(db, editor, reviewer, second_reviewer, demo_article):
    seed = seed_article(editor, reviewer, second_reviewer)
    Article.objects.filter(pk=seed.pk).update(published_on="2018-10-19")
    return demo_article, seed


def cli_csv(tmp_path, **filters) -> list[dict]:
    path = tmp_path / "out.csv"
    call_command("export", format="csv", output=str(path), **filters)
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_cli_exports_every_live_statement_of_every_article(two_articles, tmp_path):
    rows = cli_csv(tmp_path)
    assert len(rows) == Statement.objects.live().count()
    assert len(rows) >= 14 + 22  # the seed's statements and at least the demo's own
    assert {r["article_id"] for r in rows} == {str(a.pk) for a in two_articles}
    numbers = [int(r["number"]) for r in rows if r["article_id"] == str(two_articles[1].pk)]
    assert numbers == list(range(1, 15))


def test_cli_filters_by_date_status_party_and_verdict(two_articles, tmp_path):
    _, seed = two_articles
    dated = cli_csv(tmp_path, published_from="2018-01-01", published_to="2018-12-31")
    assert {r["article_id"] for r in dated} == {str(seed.pk)}
    assert {r["article_id"] for r in cli_csv(tmp_path, status="in_review")} == {
        str(a.pk) for a in Article.objects.filter(status="in_review")
    }
    achebe = cli_csv(tmp_path, party="achebe")  # an alias finds the party
    assert achebe and {r["speaker"] for r in achebe} == {"Helen Achebe"}
    denied = cli_csv(tmp_path, verdict="denied")
    assert denied and {r["final_verdict"] for r in denied} == {"Denied"}
    open_rows = cli_csv(tmp_path, verdict="none")
    assert open_rows and {r["final_verdict"] for r in open_rows} == {""}


def test_cli_filtered_json_holds_only_what_the_rows_need(two_articles, tmp_path):
    path = tmp_path / "out.json"
    call_command("export", format="json", output=str(path), party="Helen Achebe")
    data = json.loads(path.read_text())
    assert data["filters"] == {"party": Party.objects.get(name="Helen Achebe").pk}
    assert {s["speaker"] for s in data["statements"]} == {data["filters"]["party"]}
    assert {p["name"] for p in data["parties"]} == {
        "Helen Achebe",
        "State Water Quality Board",
    }  # and its affiliation
    statement_ids = {s["id"] for s in data["statements"]}
    assert all(v["statement"] in statement_ids for v in data["verdicts"])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"published_from": "19 Oct"}, "--from must be a date"),
        ({"party": "Nobody Atall"}, "No party is called"),
        ({"article": 99999}, "no article 99999"),
        ({"published_from": "2020-01-02", "published_to": "2020-01-01"}, "ends before it starts"),
    ],
)
def test_cli_says_what_is_wrong_with_a_filter(two_articles, tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("export", format="csv", output=str(tmp_path / "x.csv"), **options)


def test_cli_needs_an_article_for_report_formats(db, tmp_path):
    with pytest.raises(CommandError, match="needs --article"):
        call_command("export", format="pdf", output=str(tmp_path / "x.pdf"))


def test_cli_writes_a_pdf_and_claimreview_for_one_article(two_articles, tmp_path):
    demo, _ = two_articles
    call_command("export", article=demo.pk, format="pdf", output=str(tmp_path / "r.pdf"))
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    out = tmp_path / "cr.json"
    call_command(
        "export",
        article=demo.pk,
        format="claimreview",
        output=str(out),
        base_url="https://desk.example/",
    )
    reviews = json.loads(out.read_text())
    assert reviews[0]["url"].startswith(f"https://desk.example/articles/{demo.pk}/export/html/#")


# --- The editors' page --------------------------------------------------------------------

PAGE = "/exports/"


def test_export_page_signed_out_goes_to_login(client):
    assert client.get(PAGE).status_code == 302
    assert client.get("/exports/download/csv/").status_code == 302


@pytest.mark.parametrize("who", ["outsider", "viewer", "reviewer"])
def test_export_page_is_for_editors_only(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(PAGE).status_code == 403
    assert client.get(PAGE, headers={"HX-Request": "true"}).status_code == 403
    assert client.get("/exports/download/json/").status_code == 403


def test_export_page_counts_what_the_filters_select(client, editor, two_articles):
    client.force_login(editor)
    page = client.get(PAGE)
    assert page.status_code == 200
    total = Statement.objects.live().count()
    assert (
        f"<strong>{total}</strong> statements in <strong>2</strong> articles"
        in page.content.decode()
    )
    fragment = client.get(PAGE, {"verdict": "confirmed"}, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert "<html" not in html
    assert 'id="export-summary"' in html
    assert "<strong>3</strong> statements in <strong>2</strong> articles" in html
    assert "/exports/download/csv/?verdict=confirmed" in html


def test_export_page_fragment_names_a_bad_filter(client, editor, two_articles):
    client.force_login(editor)
    html = client.get(PAGE, {"party": "Zorro"}, headers={"HX-Request": "true"}).content.decode()
    assert "No party is called “Zorro”" in html
    assert "/exports/download/" not in html


def test_download_streams_the_filtered_csv(client, editor, two_articles):
    client.force_login(editor)
    response = client.get("/exports/download/csv/", {"party": "Helen Achebe"})
    assert response.status_code == 200
    assert response.streaming
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["speaker"] for r in rows} == {"Helen Achebe"}


def test_download_with_a_bad_filter_goes_back_to_the_page(client, editor, two_articles):
    client.force_login(editor)
    response = client.get("/exports/download/json/", {"published_from": "yesterday"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("export_page"))


# --- Flat memory ----------------------------------------------------------------------------


def peak_while_exporting(stream) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    size = 0
    for piece in stream:
        size += len(piece)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, size


def test_streaming_exports_keep_memory_flat_as_the_desk_grows(db, settings):
    settings.DEBUG = True  # generate_data refuses to run on a production desk
    call_command("generate_data", articles=20, statements=2_000, seed=3, verbosity=0)
    small_csv, small_csv_size = peak_while_exporting(spreadsheet.stream(Selection()))
    small_json, small_json_size = peak_while_exporting(backup.stream())
    call_command("generate_data", articles=180, statements=18_000, seed=4, verbosity=0)
    large_csv, large_csv_size = peak_while_exporting(spreadsheet.stream(Selection()))
    large_json, large_json_size = peak_while_exporting(backup.stream())
    # Ten times the statements (articles of the same length), ten times the output...
    assert large_csv_size > 8 * small_csv_size
    assert large_json_size > 8 * small_json_size
    # ...in about the same memory: one chunk of rows and one buffered piece, whatever the size.
    assert large_csv < 1.5 * small_csv + 512 * 1024, (small_csv, large_csv)
    assert large_json < 1.5 * small_json + 512 * 1024, (small_json, large_json)
