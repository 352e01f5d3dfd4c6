"""An article from a web address: fetch the page server-side, keep its main text and metadata.

    fetched = fetch_article("https://news.example/2026/11/council-vote")
    Article.objects.submit(**fetched.article_fields(title=typed_title), created_by=editor)

The fetch is the desk's own (http.client, not trafilatura's downloader) so that every safeguard
is ours to see: only http and https, a deadline for the whole fetch, a size limit, a handful of
redirects each checked again, and no private, loopback or link-local addresses unless
INGEST_ALLOW_PRIVATE_ADDRESSES is on. The address checked is the one connected to: the host is
resolved once, each address vetted, and the socket opened to that very address, so a DNS answer
that changes between the check and the connection (DNS rebinding) can't slip through.

trafilatura finds the article in the page and drops its furniture (navigation, promos, related
links, footers); it reads only the HTML given to it and fetches nothing.
"""

from __future__ import annotations

import datetime
import http.client
import ipaddress
import re
import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

MAX_REDIRECTS = 5
MIN_WORDS = 25  # fewer than this is a teaser, a paywall notice or a cookie banner
_CHUNK = 64 * 1024
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_REDIRECTS = {301, 302, 303, 307, 308}
_USER_AGENT = "factcheck-desk/1.0 (newsroom fact-checking; fetches one page per request)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


class IngestError(Exception):
    """A page the desk could not fetch or read; the message is for the editor."""


@dataclass(frozen=True)
class FetchedArticle:
    url: str  # as the editor gave it
    final_url: str  # after redirects
    canonical_url: str  # the page's own <link rel=canonical> or og:url, else final_url
    title: str
    byline: str
    outlet: str
    published_on: datetime.date | None
    text: str  # the article's paragraphs, separated by blank lines
    html: str  # the page as fetched

    def article_fields(self, **given) -> dict:
        """Keyword arguments for Article.objects.submit; the values `given` (title, outlet, url,
        byline, published_on as an editor typed them) win over the page's unless empty."""
        fields = {
            "raw_text": self.text,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.canonical_url,
            "byline": self.byline,
            "published_on": self.published_on,
            "fetched_url": self.final_url,
            "fetched_html": self.html,
        }
        fields.update((name, value) for name, value in given.items() if value)
        return fields


def fetch_article(url: str) -> FetchedArticle:
    """Fetch the page at `url` and extract its article; IngestError says what went wrong."""
    url = url.strip()
    final_url, html = fetch_page(url)
    return extract_page(html, url=url, final_url=final_url)


# Fetching


def fetch_page(url: str) -> tuple[str, str]:
    """(final address, HTML) of the page at `url`, following a few checked redirects."""
    deadline = time.monotonic() + settings.INGEST_TIMEOUT_SECONDS
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        connection, response = _request(current, deadline)
        try:
            if response.status in _REDIRECTS:
                location = (response.getheader("Location") or "").strip()
                if not location:
                    raise IngestError(f"{_site(current)} sent a redirect without an address.")
                current = urljoin(current, location)
                continue
            _check_status(response, current)
            content_type, charset = _content_type(response)
            body = _read_body(connection, response, deadline)
            if not content_type and body.lstrip()[:1] != b"<":
                content_type = "application/octet-stream"
            if content_type and content_type not in _HTML_TYPES:
                raise IngestError(
                    f"The address leads to {_describe(content_type)} ({content_type}), not a web "
                    "page. Download it and paste or upload its text instead."
                )
            return current, _decode(body, charset)
        finally:
            connection.close()
    raise IngestError(
        f"The address redirects more than {MAX_REDIRECTS} times; give the article's own address."
    )


def _split(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise IngestError(f"“{url}” is not a valid web address.") from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise IngestError(
            "The desk fetches only http:// and https:// addresses"
            + (f", not {scheme}://." if scheme else "; give the full address, with https://.")
        )
    if not parts.hostname:
        raise IngestError(f"“{url}” names no site; give the full address, with https://.")
    if parts.username or parts.password:
        raise IngestError("The desk does not fetch addresses carrying a user name or password.")
    try:
        host = parts.hostname.encode("idna").decode("ascii")  # ünïcode.example as DNS spells it
    except UnicodeError:
        raise IngestError(f"“{url}” is not a valid web address.") from None
    # Spaces and accented letters as browsers send them; existing %-escapes are kept.
    path = quote(parts.path or "/", safe="/%!$&'()*+,;=:@~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%!$&'()*+,;=:@~?")
    return scheme, host, port or (443 if scheme == "https" else 80), path


def _refusal(address: str) -> str | None:
    """Why the desk won't connect to this address, or None if it may."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return "an IPv4-mapped address"
    for kind, flag in (  # most telling first: a link-local address is also "private"
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("an unspecified", ip.is_unspecified),
        ("a multicast", ip.is_multicast),
        ("a private", ip.is_private),
        ("a reserved", ip.is_reserved),
    ):
        if flag:
            return f"{kind} address"
    if not ip.is_global:
        return "a non-public address"
    return None


def _resolve(host: str, port: int) -> list[tuple]:
    """The addresses to try for `host`, all of them vetted unless private ones are allowed."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise IngestError(f"The desk could not find the site {host}; check the address.") from None
    if not settings.INGEST_ALLOW_PRIVATE_ADDRESSES:
        for *_, sockaddr in found:
            reason = _refusal(sockaddr[0])
            if reason:
                where = (
                    f"{host} is {reason}"
                    if host.strip("[]") == sockaddr[0]
                    else f"{host} resolves to {reason} ({sockaddr[0]})"
                )
                raise IngestError(
                    f"The desk does not fetch pages from private or internal networks: {where}. "
                    "If this is your newsroom's intranet, an administrator can allow it "
                    "(INGEST_ALLOW_PRIVATE_ADDRESSES)."
                )
    return found


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Talks to `host` (Host header, TLS name) over a socket to an address already vetted."""

    def __init__(self, host: str, port: int, addresses: list[tuple], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses
        # http.client lets go of .sock once a response says it will close; the body is still
        # read from this socket, and the deadline is set on it.
        self.socket: socket.socket | None = None

    def connect(self) -> None:
        error: OSError | None = None
        for family, kind, proto, _, sockaddr in self.addresses:
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(self.timeout)
                sock.connect(sockaddr)
            except OSError as e:
                sock.close()
                error = e
                continue
            self.sock = self.socket = sock
            return
        raise error or OSError("no address to connect to")


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    default_port = 443  # so the Host header leaves out ":443"

    def connect(self) -> None:
        super().connect()
        context = ssl.create_default_context()
        self.sock = self.socket = context.wrap_socket(self.sock, server_hostname=self.host)


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _request(url: str, deadline: float):
    scheme, host, port, path = _split(url)
    addresses = _resolve(host, port)
    kind = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    connection = kind(host, port, addresses, timeout=10.0)
    try:
        connection.timeout = min(10.0, _remaining(deadline))
        connection.request(
            "GET",
            path,
            headers={
                "User-Agent": _USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "gzip, deflate",
            },
        )
        connection.socket.settimeout(_remaining(deadline))
        return connection, connection.getresponse()
    except Exception as e:
        connection.close()
        raise _explain(e, host) from None


def _explain(error: Exception, host: str) -> Exception:
    if isinstance(error, IngestError):
        return error
    if isinstance(error, TimeoutError):
        return IngestError(
            f"{host} took too long to answer (over {settings.INGEST_TIMEOUT_SECONDS} seconds). "
            "Try again, or paste the article's text instead."
        )
    if isinstance(error, ssl.SSLCertVerificationError):
        return IngestError(f"{host} has no valid security certificate; the desk won't trust it.")
    if isinstance(error, ConnectionRefusedError):
        return IngestError(f"{host} refused the connection; check the address.")
    if isinstance(error, (OSError, http.client.HTTPException)):
        reason = error or "no answer"
        return IngestError(f"The desk could not read the page from {host} ({reason}).")
    return error


def _site(url: str) -> str:
    return urlsplit(url).hostname or url


def _check_status(response: http.client.HTTPResponse, url: str) -> None:
    status, site = response.status, _site(url)
    said = f"{status} {response.reason}".strip()
    if status in {401, 402, 403}:
        raise IngestError(
            f"{site} refused to show the page ({said}): it may be behind a paywall or a login. "
            "Paste the article's text instead."
        )
    if status in {404, 410}:
        raise IngestError(f"{site} has no page at that address ({said}); check the address.")
    if status == 429:
        raise IngestError(f"{site} is turning requests away ({said}); try again in a few minutes.")
    if status >= 500:
        raise IngestError(f"{site} had an error ({said}); try again later, or paste the text.")
    if not 200 <= status < 300:
        raise IngestError(f"{site} answered {said} instead of the page.")


def _content_type(response: http.client.HTTPResponse) -> tuple[str, str]:
    """The media type, lower-cased, and the charset the server declared (or "")."""
    header = response.getheader("Content-Type") or ""
    media, _, params = header.partition(";")
    charset = re.search(r"charset\s*=\s*\"?([A-Za-z0-9._:-]+)", params, re.I)
    return media.strip().lower(), charset.group(1) if charset else ""


def _describe(content_type: str) -> str:
    if content_type == "application/pdf":
        return "a PDF document"
    for prefix, what in (("image/", "an image"), ("video/", "a video"), ("audio/", "audio")):
        if content_type.startswith(prefix):
            return what
    return "a file"


def _read_body(connection, response: http.client.HTTPResponse, deadline: float) -> bytes:
    limit = settings.INGEST_MAX_BYTES
    too_large = IngestError(
        f"The page is larger than the {limit // (1024 * 1024) or 1} MB the desk fetches; paste "
        "the article's text instead."
    )
    length = response.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > limit:
        raise too_large
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in {"identity", "gzip", "x-gzip", "deflate"}:
        raise IngestError(f"The page is compressed in a way the desk can't read ({encoding}).")
    # Inflate as it arrives, never past the limit: a small gzip can unpack to gigabytes.
    inflater = zlib.decompressobj(47) if encoding != "identity" else None
    body = bytearray()
    try:
        while not response.isclosed():  # it closes itself after the last byte
            connection.socket.settimeout(_remaining(deadline))
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            if inflater:
                chunk = inflater.decompress(chunk, limit + 1 - len(body))
                if inflater.unconsumed_tail:
                    raise too_large
            body += chunk
            if len(body) > limit:
                raise too_large
            _remaining(deadline)
    except IngestError:
        raise
    except zlib.error:
        raise IngestError("The page arrived garbled (its compression is broken).") from None
    except Exception as e:
        raise _explain(e, connection.host) from None
    return bytes(body)


def _decode(body: bytes, charset: str) -> str:
    if not charset:
        declared = _META_CHARSET.search(body[:4096])
        charset = declared.group(1).decode("ascii") if declared else "utf-8"
    for encoding in (charset, "utf-8"):
        try:
            # PostgreSQL text can't hold NUL; no page needs one.
            return body.decode(encoding).replace("\x00", "")
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace").replace("\x00", "")


# Extraction


def extract_page(html: str, *, url: str, final_url: str | None = None) -> FetchedArticle:
    """The article in a page: its paragraphs without the page's furniture, and its metadata."""
    final_url = final_url or url
    try:
        document = _extract(html, final_url)
    except Exception:  # the extractor copes with most broken HTML; this is the last guard
        document = None
    text = ""
    if document is not None and document.text:
        lines = (" ".join(line.split()) for line in document.text.splitlines())
        text = "\n\n".join(line for line in lines if line)
    if len(text.split()) < MIN_WORDS:
        raise IngestError(
            f"The page at {_site(final_url)} has no article text the desk could find. If the "
            "article is behind a paywall or drawn by JavaScript, paste its text instead."
        )
    canonical = next(
        (u for u in (urljoin(final_url, document.url or ""), final_url) if _valid_address(u)), ""
    )
    return FetchedArticle(
        url=url,
        final_url=final_url,
        canonical_url=canonical,
        title=_clip(document.title or "", 300),
        byline=_clip(document.author or "", 300),
        outlet=_clip(document.sitename or "", 200),
        published_on=_date(document.date),
        text=text,
        html=html,
    )


def _extract(html: str, url: str):
    """trafilatura as the desk wants it: precision over recall (furniture out even if a caption
    goes with it), no comments, tables or images, and the first publication date."""
    # Imported here: it takes a second or more to load, which every manage.py run would pay.
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _valid_address(url: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return len(url) <= 2000


def _clip(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rsplit(" ", 1)[0] + "…"


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
