"""The desk's front page: the reviewer's queue, the editor's overview, and the SVG charts."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from search_support import article_with, party

from factcheck import charts
from factcheck.models import Assignment, Verdict

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "viewer", "reviewer", "editor"]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def work(editor, reviewer, second_reviewer):
    speaker = party("Helen Achebe")
    today = timezone.localdate()
    late, late_statements = article_with(
        "Late article",
        [(f"Claim {n} about the late plant", speaker, "") for n in range(4)],
        editor=editor,
    )
    soon, soon_statements = article_with(
        "Due tomorrow", [(f"Claim {n} about tomorrow", speaker, "") for n in range(5)]
    )
    undated, _ = article_with("No deadline", [("A claim with no deadline", speaker, "")])
    picked = Assignment.objects.create(
        article=soon, reviewer=reviewer, due_on=today + datetime.timedelta(days=1)
    )
    picked.statements.set(soon_statements[:2])
    Assignment.objects.create(article=undated, reviewer=reviewer)
    Assignment.objects.create(
        article=late,
        reviewer=reviewer,
        due_on=today - datetime.timedelta(days=3),
        assigned_by=editor,
    )
    Assignment.objects.create(
        article=late, reviewer=second_reviewer, due_on=today - datetime.timedelta(days=1)
    )
    late_statements[0].set_verdict(reviewer, "confirmed")
    soon_statements[0].set_verdict(reviewer, "denied")
    soon_statements[4].set_verdict(reviewer, "denied")  # not one of the two assigned
    # Two reviewers agree on one statement and disagree on another.
    late_statements[1].set_verdict(reviewer, "denied")
    late_statements[1].set_verdict(second_reviewer, "denied")
    late_statements[2].set_verdict(reviewer, "confirmed")
    late_statements[2].set_verdict(second_reviewer, "disputed")
    return {"late": late, "soon": soon, "undated": undated}


def test_the_front_page_answers_each_role(as_role, work):
    for role, expected in zip(ROLES, [302, 403, 200, 200, 200], strict=True):
        response = as_role(role).get(reverse("home"))
        assert response.status_code == expected, role
        if expected == 302:
            assert response["Location"].startswith("/accounts/login/")


def test_a_reviewers_queue_comes_first_ordered_by_due_date_with_progress(client, reviewer, work):
    client.force_login(reviewer)
    response = client.get(reverse("home"))
    queue = response.context["queue"]
    assert [a.article.title for a in queue] == ["Late article", "Due tomorrow", "No deadline"]
    late, soon, undated = queue
    assert (late.progress.done, late.progress.total, late.overdue) == (3, 4, True)
    # Only the two picked statements count, not the one outside the assignment.
    assert (soon.progress.done, soon.progress.total, soon.due_soon) == (1, 2, True)
    assert (undated.progress.done, undated.progress.total) == (0, 1)
    body = response.content.decode()
    assert body.index("Your queue") < body.index("In review")
    assert "Overdue since" in body and "Due tomorrow" in body and "No due date" in body
    assert "Verdicts this week" not in body  # the editor's charts are not a reviewer's


def test_a_finished_assignment_leaves_the_queue(client, reviewer, work):
    for statement in work["undated"].statements.all():
        statement.set_verdict(reviewer, "confirmed")
    client.force_login(reviewer)
    response = client.get(reverse("home"))
    assert "No deadline" not in [a.article.title for a in response.context["queue"]]
    assert [a.article.title for a in response.context["done"]] == ["No deadline"]


def test_an_editor_sees_overdue_work_verdicts_throughput_and_agreement(
    client, editor, reviewer, work
):
    client.force_login(editor)
    response = client.get(reverse("home"))
    context = response.context
    assert [(a.article.title, a.reviewer.username) for a in context["overdue"]] == [
        ("Late article", "reviewer2"),
        ("Late article", "reviewer"),
    ]
    assert context["throughput"][0] == ("Reviewer", 5, 5)
    assert context["throughput"][1] == ("Reviewer2", 2, 2)
    this_week = context["agreement"][-1]
    assert this_week[1:] == (1, 2)  # one of two doubly-judged statements agreed
    body = response.content.decode()
    # This week's verdicts, written in the chart's description: 3 denied by one, 1 by the other.
    assert "Confirmed: 2; Denied: 4; Disputed: 1" in body
    assert "50%" in body  # agreement this week
    assert [a.title for a in context["in_review"]][:1]


def test_a_viewer_sees_recent_final_verdicts_not_a_queue(client, viewer, editor):
    speaker = party("Lucy Tran")
    article_with("Settled", [("No record of any submission", speaker, "confirmed")], editor=editor)
    client.force_login(viewer)
    response = client.get(reverse("home"))
    assert "queue" not in response.context
    assert [s.quote for s in response.context["recently_settled"]] == [
        "No record of any submission"
    ]


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_the_dashboard_costs_the_same_queries_as_work_grows(
    as_role, role, reviewer, second_reviewer, editor, work
):
    client = as_role(role)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home"))
    speaker = party("Another Speaker")
    today = timezone.localdate()
    for n in range(6):
        article, statements = article_with(
            f"Extra {n}", [(f"Extra claim {n} {k}", speaker, "") for k in range(4)]
        )
        Assignment.objects.create(
            article=article, reviewer=reviewer, due_on=today - datetime.timedelta(days=n + 1)
        )
        for statement in statements:
            statement.set_verdict(reviewer, "disputed")
            statement.set_verdict(second_reviewer, "confirmed")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("home"))
    assert len(many) == len(few)
    assert Verdict.objects.count() > 40


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_charts_are_valid_svg_with_title_description_and_escaped_text():
    svg = charts.share_bar(
        "s1", {"confirmed": 3, "denied": 1, "disputed": 0}, title="<b>Ruiz</b> & co"
    )
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "<b>Ruiz</b> & co"
    assert "Confirmed: 3 of 4 (75%)" in root.find(f"{SVG}desc").text
    assert "<b>" not in svg and svg.__html__() == svg
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "75%" in texts and "Denied 1 25%" in texts  # figures written, not colour alone
    patterns = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert {"s1-confirmed", "s1-denied", "s1-disputed"} <= patterns


def test_each_chart_kind_draws_its_figures_and_handles_no_data():
    bars = charts.bar_chart(
        "b", [charts.Bar("<x>", 4, "denied"), charts.Bar("y", 2)], title="t", unit=""
    )
    assert [t.text for t in _parse(bars).iter(f"{SVG}text")] == ["<x>", "4", "y", "2"]
    columns = charts.stacked_columns(
        "c", [("Jan", {"confirmed": 2, "denied": 1}), ("Feb", {})], title="t"
    )
    assert "Jan: 2 confirmed, 1 denied, 0 disputed" in _parse(columns).find(f"{SVG}desc").text
    line = charts.line_chart("l", [("1 Jan", 50), ("8 Jan", None), ("15 Jan", 100)], title="t")
    root = _parse(line)
    assert "8 Jan: no data" in root.find(f"{SVG}desc").text
    points = [c for c in root.iter(f"{SVG}circle") if c.find(f"{SVG}title") is not None]
    assert [p.find(f"{SVG}title").text for p in points] == ["1 Jan: 50%", "15 Jan: 100%"]
    grouped = charts.grouped_bars("g", [("Ravi", 3, 10)], series=("7 d", "30 d"), title="t")
    assert {"3", "10"} <= {t.text for t in _parse(grouped).iter(f"{SVG}text")}
    for empty in (
        charts.share_bar("e1", {}, title="t"),
        charts.bar_chart("e2", [], title="t"),
        charts.stacked_columns("e3", [], title="t"),
        charts.line_chart("e4", [], title="t"),
        charts.grouped_bars("e5", [], series=("a", "b"), title="t"),
    ):
        _parse(empty)


def test_the_daily_tally_follows_every_verdict_given_changed_or_removed(
    reviewer, second_reviewer, work
):
    from django.db.models import Count, Sum

    from factcheck.models import VerdictTally

    def tallied() -> dict:
        rows = VerdictTally.objects.values_list("reviewer_id", "value").annotate(n=Sum("given"))
        return {(r, v): n for r, v, n in rows if n}

    def counted() -> dict:
        rows = Verdict.objects.values_list("reviewer_id", "value").annotate(n=Count("*"))
        return {(r, v): n for r, v, n in rows.order_by()}

    assert tallied() == counted()
    statement = work["late"].statements.order_by("position")[3]
    statement.set_verdict(reviewer, "denied")
    statement.set_verdict(second_reviewer, "confirmed")
    statement.set_verdict(reviewer, "confirmed")  # a change: moves value, keeps its judgement
    assert tallied() == counted()
    Verdict.objects.filter(statement=statement, reviewer=second_reviewer).delete()
    assert tallied() == counted()
    totals = VerdictTally.objects.aggregate(judged=Sum("second_opinions"), agreed=Sum("agreed"))
    assert totals == {"judged": 3, "agreed": 1}
