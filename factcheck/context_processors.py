from __future__ import annotations

from django.http import HttpRequest

from factcheck.roles import role_of


def roles(request: HttpRequest) -> dict:
    user = request.user
    return {
        "role": role_of(user),
        "can_review": user.has_perm("factcheck.add_verdict"),
        "can_edit": user.has_perm("factcheck.change_article"),
        "can_export": user.has_perm("factcheck.export_article"),
    }
