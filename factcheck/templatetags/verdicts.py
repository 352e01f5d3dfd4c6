"""{{ value|verdict_icon }}: the sign printed beside a verdict's label, from the one definition."""

from __future__ import annotations

from django import template

from factcheck.models import VERDICT_ICONS

register = template.Library()


@register.filter
def verdict_icon(value: str) -> str:
    return VERDICT_ICONS.get(value, "")
