"""Bad input gets a clear 4xx (or a named error) and changes nothing: NUL bytes, damaged or hostile
zips, huge CSV cells, UTF-16 and binary uploads, over-long fields."""

from __future__ import annotations

import io
import random
import struct
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from factcheck.extraction.clean import NotText, decode_text
from factcheck.models import Article, Party, Statement
from factcheck.reports import batch

STORY = "Council approves bridge\n\nThe mayor said the bridge would open in May."


def _zip(name: str, data: bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as z:
        z.writestr(name, data)
    return out.getvalue()


def _data_offset(raw: bytes) -> int:
    """Where the first member's data starts (after its local header)."""
    name_len, extra_len = struct.unpack_from("<HH", raw, 26)
    return 30 + name_len + extra_len


def _patch_method(raw: bytes, method: int) -> bytes:
    out = bytearray(raw)
    struct.pack_into("<H", out, 8, method)  # local header
    central = raw.rindex(b"PK\x01\x02")
    struct.pack_into("<H", out, central + 10, method)
    return bytes(out)


def _patch_flags(raw: bytes, flags: int) -> bytes:
    out = bytearray(raw)
    struct.pack_into("<H", out, 6, flags)
    central = raw.rindex(b"PK\x01\x02")
    struct.pack_into("<H", out, central + 8, flags)
    return bytes(out)


def _bad_crc() -> bytes:
    raw = bytearray(_zip("a.txt", STORY.encode(), zipfile.ZIP_STORED))
    raw[_data_offset(raw) + 5] ^= 0x20  # stored data: change one letter, keep the CRC
    return bytes(raw)


def _corrupt_deflate() -> bytes:
    raw = bytearray(_zip("a.txt", (STORY * 50).encode()))
    start = _data_offset(raw)
    raw[start : start + 8] = b"\xff" * 8  # an invalid block type
    return bytes(raw)


@pytest.mark.parametrize(
    ("archive", "message"),
    [
        (_bad_crc(), "a.txt in batch.zip is damaged"),
        (_corrupt_deflate(), "a.txt in batch.zip is damaged"),
        (_patch_flags(_zip("a.txt", STORY.encode()), 0x1), "a.txt in batch.zip is encrypted"),
        (_patch_method(_zip("a.txt", STORY.encode()), 99), "a method the desk cannot read"),
        (b"PK\x03\x04 not a zip at all", "batch.zip is not a readable zip file"),
    ],
    ids=["bad-crc", "corrupt-deflate", "encrypted", "unknown-method", "not-a-zip"],
)
def test_a_damaged_zip_is_refused_by_name_on_the_page(client, editor, archive, message):
    client.force_login(editor)
    upload = SimpleUploadedFile("batch.zip", archive, content_type="application/zip")
    response = client.post("/exports/import/", {"files": [upload]})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Article.objects.exists()


def test_a_huge_member_is_refused_without_inflating_it_in_memory():
    archive = _zip("bomb.txt", b"a" * (90 * 1024 * 1024))
    assert len(archive) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(batch.BatchProblem, match=r"bomb\.txt in bomb\.zip is larger than"):
            batch.from_files([("bomb.zip", archive)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 12 * 1024 * 1024  # a few chunks over the 2 MB article limit, never 90 MB


def test_a_csv_cell_longer_than_the_csv_modules_default_is_an_article(client, editor, run_worker):
    text = ("The mayor said the bridge would open in May. " * 4000).strip()
    assert len(text) > 131_072 and len(text.encode()) < 2 * 1024 * 1024
    csv = f'title,outlet,url,date,text\nLong story,Gazette,,2026-11-18,"{text}"\n'.encode()
    client.force_login(editor)
    upload = SimpleUploadedFile("feed.csv", csv, content_type="text/csv")
    assert client.post("/exports/import/", {"files": [upload]}).status_code == 302
    run_worker()
    assert Article.objects.get().raw_text == text


def test_a_csv_cell_longer_than_an_article_is_refused_by_row(settings):
    settings.ARTICLE_MAX_BYTES = 1000
    csv = "title,text\nShort,fine\nLong," + "x" * 5000 + "\n"
    with pytest.raises(batch.BatchProblem, match=r"is not valid CSV|longer than an article"):
        batch.from_csv(csv, "feed.csv")


def _utf16(text: str) -> bytes:
    return text.encode("utf-16")  # with its byte-order mark, as Windows "Unicode" saves


def test_utf16_files_with_a_bom_are_read_everywhere(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("story.txt", _utf16("Zürich — " + STORY), "text/plain")
    response = client.post("/articles/new/", {"title": "Bridge", "upload": upload})
    assert response.status_code == 302
    assert Article.objects.get().text.startswith("Zürich — Council approves bridge")
    found = batch.from_files(
        [
            ("a.txt", _utf16(STORY)),
            ("feed.csv", _utf16(f'title,text\nFrom CSV,"{STORY}"\n')),
            ("b.zip", _zip("c.md", _utf16("# Heading\n\n" + STORY))),
        ]
    )
    assert [d.title for d in found.drafts] == ["Council approves bridge", "From CSV", "Heading"]


def _garbage() -> bytes:
    rng = random.Random(9)
    return bytes(b for b in rng.randbytes(20_000) if b != 0)


def test_binary_garbage_without_nul_bytes_is_not_text(client, editor):
    assert b"\x00" not in _garbage()
    with pytest.raises(NotText):
        decode_text(_garbage())
    client.force_login(editor)
    upload = SimpleUploadedFile("story.txt", _garbage(), "text/plain")
    response = client.post("/articles/new/", {"title": "Bridge", "upload": upload})
    assert response.status_code == 400
    assert "That file is not text" in response.content.decode()
    with pytest.raises(batch.BatchProblem, match=r"story\.txt is not a text file"):
        batch.from_files([("story.txt", _garbage())])
    assert not Article.objects.exists()


def test_ordinary_text_in_any_of_the_usual_encodings_is_text():
    for raw in [STORY.encode(), ("Café " + STORY).encode("cp1252"), "\ufeffBOM".encode()]:
        assert decode_text(raw).lstrip("\ufeff")


def test_invalid_article_form_answers_400(client, editor):
    client.force_login(editor)
    response = client.post("/articles/new/", {"title": "", "raw_text": ""})
    assert response.status_code == 400
    assert "Give the article a title" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/articles/{article}/speakers/?q=a%00b",
        "/parties/{party}/merge/?duplicate=a%00b",
        "/search/?q=a%00b",
        "/parties/?q=%00",
        "/articles/{article}/changes/?since=1%00",
        "/exports/?party=a%00b",
    ],
)
def test_a_nul_byte_in_a_query_string_is_a_clear_400(client, editor, demo_article, path):
    client.force_login(editor)
    party = Party.objects.first()
    response = client.get(path.format(article=demo_article.pk, party=party.pk))
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_a_nul_byte_in_a_form_field_is_a_clear_400_and_saves_nothing(client, editor):
    client.force_login(editor)
    response = client.post("/articles/new/", {"title": "Bridge\x00", "raw_text": STORY})
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert not Article.objects.exists()


def test_an_over_long_new_speaker_name_says_so(client, editor, demo_article):
    client.force_login(editor)
    before = Statement.objects.count()
    response = client.post(
        f"/articles/{demo_article.pk}/statements/new/",
        {"start": 0, "end": 20, "new_speaker": "N" * 301},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "The speaker&#x27;s name is too long: up to 300 characters (it has 301)" in text
    assert "Select some text" not in text
    assert Statement.objects.count() == before


def test_an_over_long_final_note_says_so(client, editor, demo_article):
    client.force_login(editor)
    statement = demo_article.statements.first()
    response = client.post(
        f"/articles/{demo_article.pk}/statements/{statement.pk}/final/",
        {"final_verdict": "confirmed", "final_note": "n" * 5001, "version": statement.version},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "The note is too long: up to 5000 characters (it has 5001)" in text
    assert "Choose a final verdict" not in text
    statement.refresh_from_db()
    assert statement.final_verdict == ""


def test_history_comments_and_party_pages_survive_a_deleted_colleague(
    client, editor, reviewer, demo_article, django_user_model
):
    from factcheck.models import Comment, Revision

    statement = demo_article.statements.exclude(speaker=None).first()
    gone = django_user_model.objects.create_user("gone", password="x")
    statement.set_verdict(gone, "denied")
    Comment.objects.create(statement=statement, author=gone, body="Checked the minutes.")
    Revision.objects.create(party=statement.speaker, actor=gone, action="party_edited")
    gone.delete()  # actors and authors are kept as NULL
    client.force_login(editor)
    base = f"/articles/{demo_article.pk}"
    for path, shown in [
        (f"{base}/history/", "someone no longer on the desk"),
        (f"{base}/statements/{statement.pk}/history/", "someone no longer on the desk"),
        (f"{base}/statements/{statement.pk}/comments/", "Former colleague"),
        (f"/parties/{statement.speaker_id}/", "someone"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert shown in response.content.decode(), path
