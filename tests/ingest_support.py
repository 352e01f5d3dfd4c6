"""A small news site on 127.0.0.1 for the web-address tests: pages written here, never the internet.

`with serving_news_site() as site:` serves them on a free port; `site.url("/news/council-vote")`
is a full address.
"""

from __future__ import annotations

import gzip
import json
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HEADLINE = "Council freezes the harbour levy after a night of protest"
BYLINE = "Marta Keane"
OUTLET = "The Harbour Ledger"
CANONICAL = "https://harbourledger.example/news/2026/11/council-freezes-harbour-levy"

ARTICLE_PARAGRAPHS = [
    "The city council voted 7 to 4 on Tuesday night to freeze the harbour levy for another "
    "year, after more than two hundred fishers and dock workers filled the chamber.",
    "“We will not raise the levy while the fleet is still paying off last winter’s storm "
    "damage,” said Mayor Ana Ruiz, who cast the deciding vote.",
    "Councillor Tom Becker, who opposed the freeze, said the harbour fund would run dry by "
    "2028 without the increase. “Someone will have to pay for the dredging, and it will be "
    "the taxpayers of this city,” he said.",
    "According to the port authority, the levy brought in 4.2 million euros last year, a "
    "third of it from the ferry company.",
    "The fishers’ association welcomed the decision. Its chair, Lena Ortiz, said the freeze "
    "would save a typical boat owner about 1,800 euros.",
]

FURNITURE = [
    "Subscribe for 1 euro a month",
    "Most read this week",
    "Ferry timetable changes for the winter season",
    "All rights reserved",
    "Accept all cookies",
]


def article_page(paragraphs: list[str] | None = None) -> str:
    """A news page as a CMS prints it: navigation, promos, related links, a footer, metadata."""
    paragraphs = ARTICLE_PARAGRAPHS if paragraphs is None else paragraphs
    body = "\n".join(f"      <p>{p}</p>" for p in paragraphs)
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": HEADLINE,
            "datePublished": "2026-11-17T21:40:00+01:00",
            "dateModified": "2026-11-18T08:05:00+01:00",
            "author": [{"@type": "Person", "name": BYLINE}],
            "publisher": {"@type": "Organization", "name": OUTLET},
            "mainEntityOfPage": CANONICAL,
        }
    )
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{HEADLINE} | {OUTLET}</title>
  <link rel="canonical" href="{CANONICAL}">
  <meta property="og:title" content="{HEADLINE}">
  <meta property="og:site_name" content="{OUTLET}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2026-11-17T21:40:00+01:00">
  <meta name="author" content="{BYLINE}">
  <script type="application/ld+json">{ld}</script>
  <style>body {{ font-family: serif; }}</style>
</head>
<body>
  <div class="cookie-banner" id="consent">We use cookies to improve your experience.
    <button>Accept all cookies</button></div>
  <header class="site-header">
    <a class="logo" href="/">{OUTLET}</a>
    <nav class="main-nav" aria-label="Sections">
      <ul>
        <li><a href="/news/">News</a></li><li><a href="/politics/">Politics</a></li>
        <li><a href="/business/">Business</a></li><li><a href="/sport/">Sport</a></li>
        <li><a href="/culture/">Culture</a></li><li><a href="/opinion/">Opinion</a></li>
      </ul>
    </nav>
    <div class="promo promo-subscribe"><a href="/subscribe">Subscribe for 1 euro a month</a>
      and read without limits.</div>
  </header>
  <main>
    <article class="story">
      <header>
        <p class="kicker"><a href="/politics/">Politics</a></p>
        <h1 class="headline">{HEADLINE}</h1>
        <p class="byline">By <a rel="author" href="/authors/marta-keane">{BYLINE}</a>,
          <time datetime="2026-11-17T21:40:00+01:00">17 November 2026</time></p>
      </header>
      <div class="story-body">
{body}
      </div>
      <aside class="related">
        <h2>Related</h2>
        <ul>
          <li><a href="/news/ferry-timetable">Ferry timetable changes for the winter season</a></li>
          <li><a href="/news/dredging-tender">Dredging tender reopened after complaints</a></li>
          <li><a href="/news/storm-damage">Storm damage bill passes 10 million</a></li>
        </ul>
      </aside>
    </article>
    <section class="most-read">
      <h2>Most read this week</h2>
      <ol>
        <li><a href="/a">Harbour cafe wins national prize</a></li>
        <li><a href="/b">New cycle lane divides the old town</a></li>
      </ol>
    </section>
  </main>
  <footer class="site-footer">
    <nav><a href="/about">About us</a> · <a href="/contact">Contact</a> ·
      <a href="/privacy">Privacy</a></nav>
    <p>© 2026 {OUTLET}. All rights reserved.</p>
  </footer>
</body>
</html>"""


EMPTY_PAGE = """<!doctype html><html><head><title>Live: harbour council</title>
<meta property="og:site_name" content="The Harbour Ledger"></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<div id="app">Loading…</div><footer>© 2026 The Harbour Ledger</footer></body></html>"""


def click(page, locator) -> None:
    """A real mouse click in the middle of `locator`, as a person would make it."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


class NewsSite:
    """The running server: its base address, and the pages it serves by path."""

    def __init__(self, server: ThreadingHTTPServer, scheme: str = "http") -> None:
        self.server = server
        self.port = server.server_address[1]
        self.base = f"{scheme}://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path


def _handler():
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            html = "text/html; charset=utf-8"
            path = self.path
            if path == "/news/council-vote":
                self.send(200, article_page().encode(), html)
            elif path == "/news/council-vote-gzip":
                body = gzip.compress(article_page().encode())
                self.send(200, body, html, Content_Encoding="gzip")
            elif path == "/news/latin-1":
                page = article_page().replace('charset="utf-8"', "")
                self.send(200, page.encode("cp1252", errors="replace"), "text/html; charset=cp1252")
            elif path == "/news/meta-charset":
                page = article_page().replace('charset="utf-8"', 'charset="windows-1252"')
                self.send(200, page.encode("cp1252"), "text/html")
            elif path == "/short-link":
                self.send(301, b"", html, Location="/news/council-vote")
            elif path == "/hop-1":
                self.send(302, b"", html, Location="/hop-2")
            elif path.startswith("/hop-"):
                n = int(path.removeprefix("/hop-"))
                self.send(302, b"", html, Location=f"/hop-{n + 1}")
            elif path == "/to-metadata":
                self.send(302, b"", html, Location="http://169.254.169.254/latest/meta-data/")
            elif path == "/to-ftp":
                self.send(302, b"", html, Location="ftp://127.0.0.1/article.txt")
            elif path == "/empty":
                self.send(200, EMPTY_PAGE.encode(), html)
            elif path == "/report.pdf":
                self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
            elif path == "/huge":
                self.send(200, b"<p>" + b"word " * (3 * 1024 * 1024) + b"</p>", html)
            elif path == "/huge-unannounced":
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.end_headers()
                self.wfile.write(b"<p>" + b"word " * (3 * 1024 * 1024))
            elif path == "/gzip-bomb":
                body = gzip.compress(b" " * (50 * 1024 * 1024))
                self.send(200, body, html, Content_Encoding="gzip")
            elif path == "/slow":
                time.sleep(3)
                self.send(200, article_page().encode(), html)
            elif path == "/dribble":
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.end_headers()
                for _ in range(30):
                    self.wfile.write(b"<p>word</p>")
                    self.wfile.flush()
                    time.sleep(0.2)
            elif path == "/paywall":
                self.send(403, b"<h1>Subscribers only</h1>", html)
            elif path == "/broken":
                self.send(503, b"<h1>Service unavailable</h1>", html)
            else:
                self.send(404, b"<h1>Not found</h1>", html)

    return Handler


def make_certificate(folder: Path, host: str) -> tuple[Path, Path]:
    """A self-signed certificate and key for `host`, made with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={host}",
         "-addext", f"subjectAltName=DNS:{host}"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # The desk hangs up on pages it refuses (too large, too slow): expected, not news.
        if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError, TimeoutError)):
            super().handle_error(request, client_address)


@contextmanager
def serving_news_site(certificate: tuple[Path, Path] | None = None) -> Iterator[NewsSite]:
    """The news site on a free port of 127.0.0.1; over TLS with `certificate` (cert, key)."""
    server = _Server(("127.0.0.1", 0), _handler())
    if certificate:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*certificate)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield NewsSite(server, "https" if certificate else "http")
    finally:
        server.shutdown()
        server.server_close()
