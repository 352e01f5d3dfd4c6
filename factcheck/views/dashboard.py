"""The desk's front page: a reviewer's queue first; for editors, where the work stands."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncWeek
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from factcheck import charts
from factcheck.models import Article, Assignment, Statement, Verdicts, VerdictTally
from factcheck.views.access import require

AGREEMENT_WEEKS = 8
# The charts sit in a third of the page: drawn at about that size, their text stays readable.
CHART_WIDTH = 400


@dataclass
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


def with_progress(assignments: list[Assignment]) -> list[Assignment]:
    """Give each assignment (annotated by `AssignmentQuerySet.with_progress`) its Progress."""
    for a in assignments:
        a.progress = Progress(a.done, a.total)
    return assignments


def reviewer_queue(user, today: datetime.date) -> tuple[list[Assignment], list[Assignment]]:
    """The reviewer's open assignments, soonest due first (undated last), and recent done ones."""
    assignments = with_progress(
        list(
            Assignment.objects.queue_for(user).only(
                "id",
                "due_on",
                "created_at",
                "reviewer_id",
                "article__id",
                "article__title",
                "article__outlet",
                "article__status",
                "assigned_by__username",
                "assigned_by__first_name",
                "assigned_by__last_name",
            )[:200]
        )
    )
    for a in assignments:
        a.overdue = bool(a.due_on and a.due_on < today and not a.progress.complete)
        a.due_soon = bool(a.due_on and today <= a.due_on <= today + datetime.timedelta(days=1))
    open_ = [a for a in assignments if not a.progress.complete]
    done = [a for a in assignments if a.progress.complete][-5:]
    return open_, done


def _articles_in_review() -> list[Article]:
    """The newest articles in review, counted one by one: a grouped count over every article
    in review would read all their statements before the limit applies."""
    articles = list(
        Article.objects.filter(status=Article.Status.IN_REVIEW)
        .only("id", "title", "outlet", "published_on", "status", "created_at")
        .order_by("-created_at", "-id")[:12]
    )
    counts = {
        article_id: (total, settled)
        for article_id, total, settled in Statement.objects.live()
        .filter(article__in=articles)
        .values_list("article")
        .annotate(total=Count("*"), settled=Count("final_at", filter=~Q(final_verdict="")))
        .values_list("article", "total", "settled")
        .order_by()
    }
    for article in articles:
        article.statement_count, article.settled_count = counts.get(article.pk, (0, 0))
    return articles


def _overdue(today: datetime.date) -> list[Assignment]:
    assignments = with_progress(
        list(
            Assignment.objects.filter(due_on__lt=today)
            .with_progress()
            .select_related("article", "reviewer")
            .only(
                "id",
                "due_on",
                "reviewer__id",
                "reviewer__username",
                "reviewer__first_name",
                "reviewer__last_name",
                "article__id",
                "article__title",
            )
            .order_by("-due_on", "id")[:60]
        )
    )
    late = [a for a in assignments if not a.progress.complete]
    for a in late:
        a.days_late = (today - a.due_on).days
    return late[:15]


def _names(user_ids: Iterable[int]) -> dict[int, str]:
    users = get_user_model().objects.filter(pk__in=set(user_ids))
    return {u.pk: u.get_full_name() or u.username for u in users}


def _throughput(today: datetime.date) -> tuple[list[tuple[str, int, int]], charts.Svg]:
    week_from = today - datetime.timedelta(days=6)
    rows = list(
        VerdictTally.objects.filter(day__gte=today - datetime.timedelta(days=29))
        .values_list("reviewer_id")
        .annotate(month=Sum("given"), week=Sum("given", filter=Q(day__gte=week_from)))
        .order_by("-month", "reviewer_id")[:10]
    )
    names = _names(r[0] for r in rows)
    table = [(names.get(r, "—"), week or 0, month) for r, month, week in rows]
    chart = charts.grouped_bars(
        "throughput",
        table,
        series=("Last 7 days", "Last 30 days"),
        title="Verdicts given per reviewer, last 7 and 30 days",
        width=CHART_WIDTH,
    )
    return table, chart


def _week_by_value(monday: datetime.date) -> charts.Svg:
    counts = dict(
        VerdictTally.objects.filter(day__gte=monday)
        .values_list("value")
        .annotate(n=Sum("given"))
        .order_by()
    )
    bars = [charts.Bar(label, counts.get(value) or 0, value) for value, label in Verdicts.choices]
    return charts.bar_chart(
        "week", bars, title="Verdicts given this week, by value", width=CHART_WIDTH
    )


def agreement_trend(today: datetime.date) -> list[tuple[datetime.date, int, int]]:
    """Per week: verdicts given on statements another reviewer had already judged, and how many
    of them matched every earlier verdict. Read from the daily tallies, one query."""
    monday = today - datetime.timedelta(days=today.weekday())
    first = monday - datetime.timedelta(weeks=AGREEMENT_WEEKS - 1)
    found = {
        week.date() if isinstance(week, datetime.datetime) else week: (agreed or 0, judged or 0)
        for week, agreed, judged in VerdictTally.objects.filter(day__gte=first)
        .annotate(week=TruncWeek("day"))
        .values_list("week")
        .annotate(agreed=Sum("agreed"), judged=Sum("second_opinions"))
        .values_list("week", "agreed", "judged")
        .order_by()
    }
    weeks = [first + datetime.timedelta(weeks=i) for i in range(AGREEMENT_WEEKS)]
    return [(week, *found.get(week, (0, 0))) for week in weeks]


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    require(request, "view_article")
    user = request.user
    now = timezone.now()
    today = timezone.localdate(now)
    context: dict = {"today": today}
    if user.has_perm("factcheck.add_verdict"):
        context["queue"], context["done"] = reviewer_queue(user, today)
    is_editor = user.has_perm("factcheck.set_final_verdict")
    context["is_editor"] = is_editor
    context["in_review"] = _articles_in_review()
    if is_editor:
        monday = today - datetime.timedelta(days=today.weekday())
        context["overdue"] = _overdue(today)
        context["week_chart"] = _week_by_value(monday)
        context["throughput"], context["throughput_chart"] = _throughput(today)
        trend = agreement_trend(today)
        context["agreement"] = trend
        context["agreement_chart"] = charts.line_chart(
            "agreement",
            [
                (f"{week:%-d %b}", round(100 * agreed / judged) if judged else None)
                for week, agreed, judged in trend
            ],
            title="Share of second opinions that agreed with every earlier verdict, by week",
            width=CHART_WIDTH,
            height=220,
        )
    else:
        context["recently_settled"] = list(
            Statement.objects.live()
            .exclude(final_verdict="")
            .filter(final_at__isnull=False)
            .select_related("speaker", "article")
            .only(
                "id",
                "quote",
                "final_verdict",
                "final_at",
                "speaker__id",
                "speaker__name",
                "article__id",
                "article__title",
            )
            .order_by("-final_at")[:8]
        )
    return render(request, "dashboard/dashboard.html", context)
