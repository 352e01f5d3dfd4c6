from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from factcheck.views import articles, dashboard, exports, health, jobs, parties, review, search

urlpatterns = [
    # search area: dashboard, search, parties
    path("", dashboard.dashboard, name="home"),
    path("search/", search.search, name="search"),
    path("statements/<int:pk>/similar/", search.similar_statements, name="similar_statements"),
    path("parties/", parties.party_list, name="party_list"),
    path("parties/<int:pk>/", parties.party_detail, name="party_detail"),
    path("parties/<int:pk>/edit/", parties.party_edit, name="party_edit"),
    path("parties/<int:pk>/merge/", parties.party_merge_review, name="party_merge_review"),
    path("parties/<int:pk>/merge/confirm/", parties.party_merge, name="party_merge"),
    # end search area
    path("articles/", articles.article_list, name="article_list"),
    path("articles/new/", articles.article_new, name="article_new"),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    # The review desk (issue 4)
    path(
        "articles/<int:article_pk>/statements/<int:pk>/verdict/",
        review.statement_verdict,
        name="statement_verdict",
    ),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/rationale/",
        review.statement_rationale,
        name="statement_rationale",
    ),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/final/",
        review.final_verdict,
        name="final_verdict",
    ),
    path("articles/<int:article_pk>/statements/new/", review.statement_add, name="statement_add"),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/edit/",
        review.statement_edit,
        name="statement_edit",
    ),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/delete/",
        review.statement_delete,
        name="statement_delete",
    ),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/restore/",
        review.statement_restore,
        name="statement_restore",
    ),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/comments/",
        review.statement_comments,
        name="statement_comments",
    ),
    path(
        "articles/<int:article_pk>/statements/<int:pk>/history/",
        review.statement_history,
        name="statement_history",
    ),
    path("articles/<int:article_pk>/speakers/", review.speaker_search, name="speaker_search"),
    path("articles/<int:pk>/history/", review.article_history, name="article_history"),
    path(
        "articles/<int:article_pk>/revisions/<int:pk>/restore/",
        review.revision_restore,
        name="revision_restore",
    ),
    path("articles/<int:article_pk>/assignments/", review.assignment_save, name="assignment_save"),
    path(
        "articles/<int:article_pk>/assignments/<int:reviewer_pk>/delete/",
        review.assignment_delete,
        name="assignment_delete",
    ),
    path("articles/<int:article_pk>/blind/", review.blind_review, name="blind_review"),
    path("articles/<int:pk>/changes/", review.article_changes, name="article_changes"),
    path("agreement/", review.desk_agreement, name="desk_agreement"),
    # end of the review desk
    # Integration: accepting the extraction's proposals
    path(
        "articles/<int:article_pk>/statements/<int:pk>/accept/",
        review.statement_accept,
        name="statement_accept",
    ),
    path("articles/<int:article_pk>/accept/", review.proposals_accept, name="proposals_accept"),
    # end of integration
    # Reports, exports and batch import
    path("articles/<int:pk>/export/<str:fmt>/", exports.article_export, name="article_export"),
    path("exports/", exports.export_page, name="export_page"),
    path("exports/download/<str:fmt>/", exports.export_download, name="export_download"),
    path("exports/import/", exports.batch_import, name="batch_import"),
    path("exports/background/<str:fmt>/", exports.export_background, name="export_background"),
    path("articles/<int:pk>/export/pdf/background/", exports.pdf_background, name="pdf_background"),
    # Background jobs
    path("jobs/", jobs.job_list, name="job_list"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:pk>/result/", jobs.job_result, name="job_result"),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
