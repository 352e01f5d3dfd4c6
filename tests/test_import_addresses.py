"""Batch import of web addresses: a .urls or .txt list, or CSV rows with a url and no text; each
address is a draft of its own, fetched from the local news site (never the internet)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from ingest_support import CANONICAL, HEADLINE, OUTLET, serving_news_site

from factcheck.models import Article, Job, JobItem
from factcheck.reports import batch

PAGE = "/exports/import/"


@pytest.fixture
def news_site(settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    with serving_news_site() as site:
        yield site


def test_a_list_of_addresses_is_one_draft_per_address(news_site):
    listing = f"# Tuesday's council coverage\n{news_site.url('/news/council-vote')}\n\n"
    listing += f"  {news_site.url('/short-link')}  \n"
    found = batch.from_files([("links.urls", listing.encode())])
    assert [d.address for d in found.drafts] == [
        news_site.url("/news/council-vote"),
        news_site.url("/short-link"),
    ]
    assert [d.source.split(" (")[0] for d in found.drafts] == [
        "line 2 of links.urls",
        "line 4 of links.urls",
    ]
    assert all(d.raw_text == "" and d.title == "" for d in found.drafts)


def test_a_txt_of_addresses_only_is_a_list_and_an_article_stays_an_article():
    links = batch.from_files([("links.txt", b"https://a.example/one\nhttps://b.example/two\n")])
    assert [d.address for d in links.drafts] == ["https://a.example/one", "https://b.example/two"]
    story = b"Council vote\n\nRead more at https://a.example/one\n"
    (draft,) = batch.from_files([("story.txt", story)]).drafts
    assert draft.address == "" and draft.title == "Council vote"


def test_a_line_that_is_not_an_address_in_a_urls_file_is_named():
    with pytest.raises(batch.BatchProblem, match=r"line 2 of links\.urls is not a web address"):
        batch.from_files([("links.urls", b"https://a.example/one\nftp://b.example/two\n")])


def test_a_csv_row_with_a_url_and_no_text_is_fetched(news_site):
    rows = "title,outlet,url,date,text\n"
    rows += f",,{news_site.url('/news/council-vote')},,\n"
    rows += f"Levy frozen,,{news_site.url('/short-link')},2026-11-18,\n"
    rows += "Pasted story,The Ledger,https://ledger.example/s,,The mayor said no.\n"
    drafts = batch.from_csv(rows, "feed.csv")
    assert [d.address for d in drafts] == [
        news_site.url("/news/council-vote"),
        news_site.url("/short-link"),
        "",
    ]
    assert drafts[2].url == "https://ledger.example/s"
    assert batch.from_csv(f"url\n{news_site.url('/empty')}\n")[0].address.endswith("/empty")


def test_an_editor_imports_a_list_of_addresses(client, editor, news_site, run_worker):
    client.force_login(editor)
    rows = "title,url,date,text\n"
    rows += f"Levy frozen,{news_site.url('/short-link')},2026-11-18,\n"
    listing = news_site.url("/news/council-vote-gzip") + "\n"
    response = client.post(
        PAGE,
        {
            "files": [
                SimpleUploadedFile("links.urls", listing.encode()),
                SimpleUploadedFile("feed.csv", rows.encode()),
            ]
        },
    )
    assert response.status_code == 302
    assert Article.objects.count() == 0  # the worker fetches each address, not the request
    run_worker()
    articles = list(Article.objects.defer(None).order_by("id"))
    assert [a.title for a in articles] == [HEADLINE, "Levy frozen"]
    assert all(a.outlet == OUTLET and a.url == CANONICAL for a in articles)
    assert str(articles[1].published_on) == "2026-11-18"  # the CSV's date wins over the page's
    assert articles[0].fetched_url == news_site.url("/news/council-vote-gzip")
    assert all("<nav" in a.fetched_html and a.statements.exists() for a in articles)


def test_a_page_that_fails_is_reported_and_the_others_are_imported(
    client, editor, news_site, run_worker
):
    client.force_login(editor)
    listing = f"{news_site.url('/news/council-vote')}\n{news_site.url('/paywall')}\n"
    response = client.post(PAGE, {"files": SimpleUploadedFile("links.urls", listing.encode())})
    assert response.status_code == 302
    run_worker()
    assert [a.title for a in Article.objects.all()] == [HEADLINE]
    (failed,) = Job.objects.get().items.filter(state=JobItem.State.FAILED)
    assert failed.source.startswith("line 2 of links.urls") and "behind a paywall" in failed.error
    run_worker()  # done items are skipped: the page is not fetched and stored twice
    assert Article.objects.count() == 1


def test_a_private_address_in_a_list_is_refused_by_default(client, editor, settings, run_worker):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    client.force_login(editor)
    upload = SimpleUploadedFile("links.urls", b"http://169.254.169.254/latest/meta-data/\n")
    client.post(PAGE, {"files": upload})
    run_worker()
    (item,) = Job.objects.get().items.all()
    assert item.state == JobItem.State.FAILED
    assert "private or internal networks" in item.error
    assert Article.objects.count() == 0


def test_a_urls_file_in_a_zip_is_a_list(news_site):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("coverage/links.urls", news_site.url("/news/council-vote") + "\n")
    (draft,) = batch.from_files([("batch.zip", buffer.getvalue())]).drafts
    assert draft.address == news_site.url("/news/council-vote")
