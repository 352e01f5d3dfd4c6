"""Background jobs: the editor's list, one job's progress, and its result file."""

from __future__ import annotations

from django.urls import path

from factcheck.views import jobs

urlpatterns = [
    path("", jobs.job_list, name="job_list"),
    path("<int:pk>/", jobs.job_detail, name="job_detail"),
    path("<int:pk>/result/", jobs.job_result, name="job_result"),
]
