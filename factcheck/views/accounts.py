"""Signing in: the login form, and what a person sees when sign-in is locked after too many
wrong passwords (django-axes)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def locked_out(
    request: HttpRequest, response=None, credentials: dict | None = None
) -> HttpResponse:
    """The sign-in page with the lockout explained, answered 429 (axes' AXES_LOCKOUT_CALLABLE)."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        "username": (credentials or {}).get("username") or request.POST.get("username", ""),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=429)


class LoginForm(AuthenticationForm):
    """Django's form, with the username's length enforced: Django sets max_length after the
    field is built, so nothing checked it, and the login throttle's 255-character column was a
    500 for a longer name."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
