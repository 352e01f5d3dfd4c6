from __future__ import annotations

from django.contrib import admin

from factcheck.models import (
    ApiToken,
    Article,
    Assignment,
    Comment,
    Party,
    Revision,
    Statement,
    Verdict,
)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_on", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "outlet"]
    # The fetched page is a record of where the text came from (up to 5 MB): not edited here.
    readonly_fields = ["fetched_url"]
    exclude = ["fetched_html"]


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "affiliation"]
    list_filter = ["kind"]
    search_fields = ["name"]
    raw_id_fields = ["affiliation"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["quote", "speaker", "article", "final_verdict", "origin"]
    list_filter = ["final_verdict", "origin", "direct"]
    raw_id_fields = ["article", "speaker", "final_by"]


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    list_display = ["statement", "reviewer", "value", "updated_at"]
    list_filter = ["value"]
    raw_id_fields = ["statement", "reviewer"]


admin.site.register(Assignment, raw_id_fields=["article", "reviewer", "assigned_by"])
admin.site.register(Comment, raw_id_fields=["statement", "author"])
admin.site.register(Revision, raw_id_fields=["article", "statement", "party", "actor"])


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Admins see and revoke tokens; they cannot make one, whose secret only its user may see."""

    list_display = ["prefix", "user", "name", "created_at", "last_used_at"]
    search_fields = ["prefix", "user__username", "name"]
    readonly_fields = ["user", "prefix", "key_hash", "created_at", "last_used_at"]

    def has_add_permission(self, request) -> bool:
        return False
