"""Fetching an article from a web address: its text and metadata, and every way a fetch is refused.

Pages come from the local news site in ingest_support (127.0.0.1); nothing reaches the internet.
"""

from __future__ import annotations

import datetime
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_support import (
    BYLINE,
    CANONICAL,
    FURNITURE,
    HEADLINE,
    OUTLET,
    article_page,
    make_certificate,
    serving_news_site,
)

from factcheck import ingest
from factcheck.ingest import IngestError, extract_page, fetch_article

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def news_site():
    with serving_news_site() as site:
        yield site


@pytest.fixture
def local_allowed(settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    return settings


@pytest.fixture
def public_news_site(news_site, monkeypatch, settings):
    """The local site stands in for a public one; every other address is judged as usual."""
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    judged = ingest._refusal
    monkeypatch.setattr(ingest, "_refusal", lambda a: None if a == "127.0.0.1" else judged(a))
    return news_site


def refused(url: str) -> str:
    with pytest.raises(IngestError) as caught:
        fetch_article(url)
    return str(caught.value)


def test_a_news_page_gives_its_article_text_and_metadata(news_site, local_allowed):
    fetched = fetch_article(news_site.url("/news/council-vote"))
    assert fetched.title == HEADLINE
    assert fetched.byline == BYLINE
    assert fetched.outlet == OUTLET
    assert fetched.published_on == datetime.date(2026, 11, 17)
    assert fetched.canonical_url == CANONICAL
    assert fetched.final_url == fetched.url == news_site.url("/news/council-vote")
    assert fetched.html == article_page()
    assert fetched.text.startswith("The city council voted 7 to 4")
    assert "“We will not raise the levy" in fetched.text
    assert fetched.text.count("\n\n") == 4  # five paragraphs, as the page has


def test_the_page_furniture_is_dropped(news_site, local_allowed):
    text = fetch_article(news_site.url("/news/council-vote")).text
    for furniture in [*FURNITURE, "Dredging tender reopened", "About us", "Politics"]:
        assert furniture not in text


def test_article_fields_are_what_submit_takes(news_site, local_allowed):
    fields = fetch_article(news_site.url("/short-link")).article_fields()
    assert fields["url"] == CANONICAL
    assert fields["fetched_url"] == news_site.url("/news/council-vote")
    assert fields["raw_text"].startswith("The city council")
    assert "<nav" in fields["fetched_html"]


@pytest.mark.parametrize("path", ["/news/council-vote-gzip", "/news/latin-1", "/news/meta-charset"])
def test_compressed_and_older_encoded_pages_are_read(news_site, local_allowed, path):
    assert "fishers’ association" in fetch_article(news_site.url(path)).text.replace("?", "’")


def test_a_plain_page_gives_what_metadata_it_has():
    page = """<html><head><title>Bridge to open in May</title>
    <meta name="author" content="Jo Park"></head><body>
    <p>The new bridge over the Esk will open in May, the roads department said on Monday, two
    years later than planned and eleven million euros over its first budget.</p>
    <p>"The hard part is behind us," said the project's chief engineer, Ruth Dale.</p>
    </body></html>"""
    fetched = extract_page(page, url="https://short.example/x", final_url="https://a.example/b")
    assert (fetched.title, fetched.byline) == ("Bridge to open in May", "Jo Park")
    assert fetched.canonical_url == "https://a.example/b"
    assert fetched.outlet == "a.example"  # no site name on the page: its host
    assert fetched.published_on is None
    assert fetched.text.count("\n\n") == 1


def test_a_short_link_is_followed_to_the_article(news_site, local_allowed):
    fetched = fetch_article(news_site.url("/short-link"))
    assert fetched.url == news_site.url("/short-link")
    assert fetched.final_url == news_site.url("/news/council-vote")


def test_loopback_is_refused_unless_private_addresses_are_allowed(news_site, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    message = refused(news_site.url("/news/council-vote"))
    assert "does not fetch pages from private or internal networks" in message
    assert "127.0.0.1 is a loopback address" in message
    assert "INGEST_ALLOW_PRIVATE_ADDRESSES" in message


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("2130706433", "loopback"),  # 127.0.0.1 written as one number
        ("localhost", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # the cloud metadata service
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("0.0.0.0", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("[::1]", "loopback"),
        ("[fe80::1]", "link-local"),
        ("[fd00::1]", "private"),  # IPv6 unique local
        ("[::ffff:127.0.0.1]", "IPv4-mapped"),
        ("[2002:7f00:1::1]", "private"),  # 6to4 around 127.0.0.1
        ("[64:ff9b::a00:1]", "reserved"),  # NAT64 around 10.0.0.1
    ],
)
def test_private_and_internal_addresses_are_refused(settings, host, kind):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    message = refused(f"http://{host}/latest/meta-data/")
    assert "private or internal networks" in message
    assert kind in message


def test_a_host_with_any_private_address_is_refused(monkeypatch, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    answers = [("8.8.8.8", 80), ("10.0.0.5", 80)]
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", sa) for sa in answers],
    )
    assert "10.0.0.5" in refused("http://news.example/story")


def test_the_desk_connects_to_the_address_it_checked(news_site, monkeypatch, local_allowed):
    """One lookup per fetch, and the socket goes to its answer: a second lookup could answer
    differently (DNS rebinding) after the check."""
    port = news_site.server.server_address[1]
    lookups = []

    def lookup(host, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    fetched = fetch_article(f"http://harbourledger.example:{port}/news/council-vote")
    assert fetched.title == HEADLINE
    assert lookups == ["harbourledger.example"]


@pytest.fixture
def secure_news_site(tmp_path, monkeypatch, local_allowed):
    """The site over TLS as harbourledger.example, its certificate trusted through
    SSL_CERT_FILE (which OpenSSL reads for its default trust store)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    certificate = make_certificate(tmp_path, "harbourledger.example")
    with serving_news_site(certificate) as site:
        monkeypatch.setattr(
            socket,
            "getaddrinfo",
            lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", site.port))],
        )
        yield site, certificate[0]


def test_https_is_verified_against_the_site_name(secure_news_site, monkeypatch):
    site, cert = secure_news_site
    address = f"https://harbourledger.example:{site.port}/news/council-vote"
    assert "no valid security certificate" in refused(address)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    assert fetch_article(address).title == HEADLINE
    # The same trusted certificate doesn't pass for another name on the same address.
    other = f"https://ledger-mirror.example:{site.port}/news/council-vote"
    assert "no valid security certificate" in refused(other)


def test_a_redirect_to_a_private_address_is_refused(public_news_site):
    assert fetch_article(public_news_site.url("/short-link")).title == HEADLINE
    message = refused(public_news_site.url("/to-metadata"))
    assert "169.254.169.254 is a link-local address" in message


def test_a_redirect_to_another_scheme_is_refused(public_news_site):
    assert "only http:// and https://" in refused(public_news_site.url("/to-ftp"))


def test_endless_redirects_stop(news_site, local_allowed):
    assert "redirects more than 5 times" in refused(news_site.url("/hop-1"))


@pytest.mark.parametrize(
    "url",
    ["ftp://files.example/story.txt", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"],
)
def test_only_http_and_https_are_fetched(url):
    assert "only http:// and https://" in refused(url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("harbourledger.example/news", "give the full address, with https://"),
        ("https://user:secret@harbourledger.example/", "user name or password"),
        ("http://[::1/", "not a valid web address"),
    ],
)
def test_malformed_addresses_are_refused(url, message):
    assert message in refused(url)


def test_an_unknown_site_is_named(monkeypatch):
    def lookup(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    assert "could not find the site nowhere.example" in refused("https://nowhere.example/a")


@pytest.mark.parametrize("path", ["/huge", "/huge-unannounced", "/gzip-bomb"])
def test_a_page_over_the_size_limit_is_refused(news_site, local_allowed, path):
    local_allowed.INGEST_MAX_BYTES = 1024 * 1024
    assert "larger than the 1 MB the desk fetches" in refused(news_site.url(path))


@pytest.mark.parametrize("path", ["/slow", "/dribble"])
def test_a_site_that_takes_too_long_is_given_up_on(news_site, local_allowed, path):
    local_allowed.INGEST_TIMEOUT_SECONDS = 1
    assert "took too long to answer (over 1 seconds)" in refused(news_site.url(path))


def test_a_pdf_is_not_a_web_page(news_site, local_allowed):
    message = refused(news_site.url("/report.pdf"))
    assert "leads to a PDF document (application/pdf), not a web page" in message


def test_a_page_without_article_text_is_refused(news_site, local_allowed):
    assert "has no article text the desk could find" in refused(news_site.url("/empty"))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/paywall", "refused to show the page (403 Forbidden): it may be behind a paywall"),
        ("/broken", "had an error (503 Service Unavailable)"),
        ("/gone", "has no page at that address (404 Not Found)"),
    ],
)
def test_an_error_from_the_site_is_explained(news_site, local_allowed, path, message):
    assert message in refused(news_site.url(path))


def test_extraction_reads_only_the_page_it_is_given(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the extractor tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    fetched = extract_page(article_page(), url="https://harbourledger.example/x")
    assert fetched.title == HEADLINE


def test_an_address_with_spaces_and_accents_is_sent_as_a_browser_would(news_site, local_allowed):
    message = refused(news_site.url("/news/council vote café?q=levy rise"))
    assert "has no page at that address (404 Not Found)" in message


@pytest.mark.parametrize(("value", "allowed"), [(None, "False"), ("true", "True")])
def test_private_addresses_are_allowed_only_from_the_environment(value, allowed):
    env = {k: v for k, v in os.environ.items() if k != "INGEST_ALLOW_PRIVATE_ADDRESSES"}
    if value:
        env["INGEST_ALLOW_PRIVATE_ADDRESSES"] = value
    done = subprocess.run(
        [sys.executable, "-c", "from factcheck import settings as s; "
         "print(s.INGEST_ALLOW_PRIVATE_ADDRESSES)"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == allowed
