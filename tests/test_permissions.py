"""Who may do what, checked on the server for every view so far, whatever the page shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.models import Verdict

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "viewer", "reviewer", "editor"]


def verdict_url(article):
    statement = article.statements.first()
    return reverse("statement_verdict", args=[article.pk, statement.pk])


PAGES = {
    # url name: expected status per role, anonymous first
    "article_list": [302, 403, 200, 200, 200],
    "article_new": [302, 403, 403, 403, 200],
}


@pytest.mark.parametrize("name", PAGES)
def test_pages_answer_each_role_as_the_matrix_says(as_role, name):
    for role, expected in zip(ROLES, PAGES[name], strict=True):
        response = as_role(role).get(reverse(name))
        assert response.status_code == expected, (role, name)
        if expected == 302:
            assert response["Location"].startswith("/accounts/login/")


def test_the_article_page_answers_each_role(as_role, demo_article):
    url = demo_article.get_absolute_url()
    for role, expected in zip(ROLES, [302, 403, 200, 200, 200], strict=True):
        assert as_role(role).get(url).status_code == expected, role


@pytest.mark.parametrize("htmx", [False, True])
def test_only_reviewers_and_editors_may_give_verdicts(as_role, demo_article, htmx):
    url = verdict_url(demo_article)
    headers = {"HX-Request": "true"} if htmx else {}
    before = Verdict.objects.count()
    for role, expected in zip(ROLES, [302, 403, 403], strict=False):
        response = as_role(role).post(url, {"value": "denied"}, headers=headers)
        assert response.status_code == expected, role
    assert Verdict.objects.count() == before
    ok = 200 if htmx else 302
    statement = demo_article.statements.first()
    for role in ["reviewer", "editor"]:
        mine = Verdict.objects.filter(statement=statement, reviewer__username=role)
        data = {"value": "denied", "version": mine.values_list("version", flat=True).first() or 0}
        assert as_role(role).post(url, data, headers=headers).status_code == ok


def test_a_verdict_view_refuses_get(as_role, demo_article):
    assert as_role("reviewer").get(verdict_url(demo_article)).status_code == 405


def test_a_statement_of_another_article_is_not_found(as_role, demo_article, editor):
    from factcheck.models import Article

    other = Article.objects.submit(
        raw_text="Nothing quoted here.", title="Other", created_by=editor
    )
    statement = demo_article.statements.first()
    url = reverse("statement_verdict", args=[other.pk, statement.pk])
    assert as_role("reviewer").post(url, {"value": "denied"}).status_code == 404


def test_the_admin_is_for_staff_only(as_role):
    assert as_role("editor").get("/admin/").status_code == 302
