"""The desk's three roles as Django groups, each a superset of the one before.

Viewers read and export; reviewers also give verdicts and comment; editors also create and edit
articles, statements and parties, assign work and set final verdicts.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

VIEWER, REVIEWER, EDITOR = "Viewer", "Reviewer", "Editor"

_VIEWER = [
    "view_article",
    "view_statement",
    "view_party",
    "view_verdict",
    "view_comment",
    "view_revision",
    "view_assignment",
    "export_article",
]
_REVIEWER = [*_VIEWER, "add_verdict", "change_verdict", "add_comment"]
_EDITOR = [
    *_REVIEWER,
    "add_article",
    "change_article",
    "delete_article",
    "add_statement",
    "change_statement",
    "delete_statement",
    "add_party",
    "change_party",
    "delete_party",
    "add_assignment",
    "change_assignment",
    "delete_assignment",
    "set_final_verdict",
]
ROLE_PERMISSIONS = {VIEWER: _VIEWER, REVIEWER: _REVIEWER, EDITOR: _EDITOR}


def ensure_roles(**kwargs) -> None:
    """Create the groups and give each exactly its permissions (runs after every migrate)."""
    perms = {p.codename: p for p in Permission.objects.filter(content_type__app_label="factcheck")}
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([perms[c] for c in codenames if c in perms])


def role_of(user) -> str | None:
    """The highest role a user holds, for display; permissions decide access, not this."""
    if not user.is_authenticated:
        return None
    if user.has_perm("factcheck.set_final_verdict"):
        return EDITOR
    if user.has_perm("factcheck.add_verdict"):
        return REVIEWER
    if user.has_perm("factcheck.view_article"):
        return VIEWER
    return None


class PermissionBackend(ModelBackend):
    """Django's ModelBackend, reading a user's permissions (their own and their groups') in one
    query instead of two: every view checks a role, and a verdict's whole save is eight."""

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            perms = Permission.objects.all()
            if not user_obj.is_superuser:
                perms = perms.filter(Q(user=user_obj) | Q(group__user=user_obj))
            rows = perms.values_list("content_type__app_label", "codename").order_by()
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in rows}
        return user_obj._perm_cache
