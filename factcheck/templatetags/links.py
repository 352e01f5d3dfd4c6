"""`{{ address|safe_href }}`: the address if it may be a link, else "" (see factcheck.links)."""

from __future__ import annotations

from django import template

from factcheck import links

register = template.Library()
register.filter("safe_href", links.safe_href)
