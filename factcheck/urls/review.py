"""The review desk around one article, under /articles/<id>/."""

from __future__ import annotations

from django.urls import include, path

from factcheck.views.review import assignments, history, live, statements, verdicts

statement_urls = [
    path("verdict/", verdicts.statement_verdict, name="statement_verdict"),
    path("rationale/", verdicts.statement_rationale, name="statement_rationale"),
    path("final/", verdicts.final_verdict, name="final_verdict"),
    path("edit/", statements.statement_edit, name="statement_edit"),
    path("delete/", statements.statement_delete, name="statement_delete"),
    path("restore/", statements.statement_restore, name="statement_restore"),
    path("accept/", statements.statement_accept, name="statement_accept"),
    path("tools/", statements.statement_tools, name="statement_tools"),
    path("comments/", history.statement_comments, name="statement_comments"),
    path("history/", history.statement_history, name="statement_history"),
]

urlpatterns = [
    path("<int:article_pk>/statements/<int:pk>/", include(statement_urls)),
    path("<int:article_pk>/verdicts/", verdicts.desk_verdict, name="desk_verdict"),
    path("<int:article_pk>/statements/new/", statements.statement_add, name="statement_add"),
    path("<int:article_pk>/accept/", statements.proposals_accept, name="proposals_accept"),
    path("<int:article_pk>/speakers/", statements.speaker_search, name="speaker_search"),
    path("<int:pk>/history/", history.article_history, name="article_history"),
    path(
        "<int:article_pk>/revisions/<int:pk>/restore/",
        history.revision_restore,
        name="revision_restore",
    ),
    path("<int:article_pk>/assignments/", assignments.assignment_save, name="assignment_save"),
    path(
        "<int:article_pk>/assignments/<int:reviewer_pk>/delete/",
        assignments.assignment_delete,
        name="assignment_delete",
    ),
    path("<int:article_pk>/blind/", assignments.blind_review, name="blind_review"),
    path("<int:pk>/changes/", live.article_changes, name="article_changes"),
]
