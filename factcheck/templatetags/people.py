"""`{{ revision.actor|person:"someone" }}`: a person's name, or the fallback when there is none
(an account deleted since, or an archive's unknown author). A `default:` filter reading
`actor.username` raised instead, since Django resolves filter arguments strictly."""

from __future__ import annotations

from django import template

from factcheck.reports.article import person_name

register = template.Library()


@register.filter
def person(user, missing: str = "someone no longer on the desk") -> str:
    return person_name(user) or missing
