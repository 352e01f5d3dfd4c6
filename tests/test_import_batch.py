"""Batch import of articles from files, from the editors' page and from manage.py import."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from factcheck.models import Article, Job
from factcheck.reports import batch

PAGE = "/exports/import/"


def zipped(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return out.getvalue()


STORIES = {
    "council.txt": "Council approves bridge budget\n\nThe mayor said the bridge would open in May.",
    "web/tariffs.html": "<html><head><title>Tariffs &amp; trade</title></head><body><p>The"
    " minister said exports rose.</p></body></html>",
    "notes.md": '# Water board warns town\n\n"We wrote in June," the board said.',
    "__MACOSX/._council.txt": "junk",
    "photo.jpg": "not really a photo",
}


def test_signed_out_editor_goes_to_login(client):
    assert client.get(PAGE).status_code == 302


@pytest.mark.parametrize("who", ["outsider", "viewer", "reviewer"])
def test_only_editors_import(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(PAGE).status_code == 403
    upload = SimpleUploadedFile("a.txt", b"Title\n\nText.")
    assert client.post(PAGE, {"files": upload}).status_code == 403
    assert Article.objects.count() == 0


def test_editor_imports_a_zip_and_each_file_becomes_an_article(client, editor, run_worker):
    client.force_login(editor)
    upload = SimpleUploadedFile("batch.zip", zipped(STORIES), content_type="application/zip")
    response = client.post(PAGE, {"files": upload})
    job = Job.objects.get()
    assert response.url == f"/jobs/{job.pk}/"
    run_worker()
    page = client.get(response.url).content.decode()
    assert "3 imported" in page
    assert "photo.jpg" in page  # skipped, and said so
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {"Council approves bridge budget", "Tariffs & trade", "Water board warns town"}
    assert set(Article.objects.values_list("created_by__username", flat=True)) == {"editor"}


def test_editor_imports_several_files_at_once(client, editor, run_worker):
    client.force_login(editor)
    files = [
        SimpleUploadedFile("one.txt", b"First story\n\nOfficials said so."),
        SimpleUploadedFile("two.md", b"# Second story\n\nThe union said no."),
    ]
    client.post(PAGE, {"files": files})
    run_worker()
    assert Article.objects.count() == 2


def test_editor_imports_a_csv(client, editor, run_worker):
    client.force_login(editor)
    text = (
        "title,outlet,url,date,text\n"
        "Port strike ends,The Ledger,https://example.org/port,2026-11-01,"
        '"The union said, ""done."""\n'
        "Rail fares rise,,,,The operator said fares would rise.\n"
    )
    client.post(PAGE, {"files": SimpleUploadedFile("feed.csv", text.encode())})
    run_worker()
    port = Article.objects.get(title="Port strike ends")
    assert port.outlet == "The Ledger"
    assert port.url == "https://example.org/port"
    assert port.published_on.isoformat() == "2026-11-01"
    assert Article.objects.get(title="Rail fares rise").published_on is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title,text\nGood,Fine text\n,No title here\n", "row 3 of feed.csv has no title"),
        ("title,outlet,url,date,text\nA,,,19/10/2018,Text\n", "the date &#x27;19/10/2018&#x27;"),
        ("title,url,text\nA,javascript:alert(1),Text\n", "is not a web address"),
        ("headline,body\nA,B\n", "lacks title, text"),
    ],
)
def test_a_bad_csv_row_imports_nothing_and_says_which(client, editor, text, message):
    client.force_login(editor)
    response = client.post(PAGE, {"files": SimpleUploadedFile("feed.csv", text.encode())})
    assert response.status_code == 400
    assert "Nothing was imported" in response.content.decode()
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_a_binary_file_in_the_zip_imports_nothing(client, editor):
    client.force_login(editor)
    data = zipped({"good.txt": "Fine\n\nText.", "bad.txt": "\x00\x01\x02"})
    response = client.post(PAGE, {"files": SimpleUploadedFile("b.zip", data)})
    assert response.status_code == 400
    assert "bad.txt is not a text file" in response.content.decode()
    assert Article.objects.count() == 0


def test_no_file_is_a_form_error(client, editor):
    client.force_login(editor)
    response = client.post(PAGE, {})
    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_cli_imports_a_folder(db, tmp_path, editor):
    for name, text in STORIES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    call_command("import", str(tmp_path), created_by="editor")
    assert Article.objects.count() == 3
    assert set(Article.objects.values_list("created_by__username", flat=True)) == {"editor"}


def test_cli_batch_failure_imports_nothing(db, tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("title,text\nOne,Text\nTwo,\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"row 3 of feed\.csv has no text"):
        call_command("import", str(path))
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "text", "title"),
    [
        ("a.html", "<h1>Headline here</h1><p>Body.</p>", "Headline here"),
        ("b.md", "Intro paragraph without heading.", "B"),
        (
            "city_council-vote.txt",
            "A long first line that reads like a sentence, not a title.",
            "City council vote",
        ),
    ],
)
def test_titles_come_from_the_file(name, text, title):
    assert batch.title_for(name, text) == title


def test_a_batch_too_large_is_refused_before_reading_it(client, editor, monkeypatch):
    monkeypatch.setattr(batch, "MAX_BATCH_BYTES", 1000)
    client.force_login(editor)
    upload = SimpleUploadedFile("big.txt", b"Big story\n\n" + b"word " * 400)
    response = client.post(PAGE, {"files": upload})
    assert response.status_code == 400
    assert "more than 0 MB" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_zip_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(batch, "MAX_BATCH_BYTES", 1000)
    with pytest.raises(batch.BatchProblem, match="unpacks to more than"):
        batch.from_files([("bomb.zip", zipped({"a.txt": "x" * 2000}))])
