"""The one test of whether an address may become a link: http(s) with a host, nothing else.

Addresses come from people and from imported archives, so a `javascript:` or `data:` address is
shown as text, never linked. Every template, report and export that links an address asks here
(templates through the `safe_href` filter); pure Python, no Django.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SCHEMES = frozenset({"http", "https"})


def safe_href(url: object) -> str:
    """The address if a reader may follow it (http or https, with a host), else ""."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    if any(ord(c) < 32 or c == "\x7f" for c in url):
        return ""  # a tab or newline inside "java\nscript:" still runs in some browsers
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in SCHEMES and parts.netloc else ""
