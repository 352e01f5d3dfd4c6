"""Signing in: the login form, and what a person sees when sign-in is locked after too many
wrong passwords (django-axes); a person's preferences for the desk's keyboard."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from factcheck.forms import ShortcutsForm
from factcheck.models import Preferences


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


def _back(request: HttpRequest) -> str:
    """Where to return after saving: the page that linked here, a path on this site; else the
    preferences page."""
    back = request.POST.get("next") or request.GET.get("next") or ""
    safe = back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return back if safe else ""


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """The desk's keyboard: single-key shortcuts on or off, and which key does what."""
    saved = Preferences.of(request.user)
    back = _back(request)
    if request.method == "POST":
        form = ShortcutsForm(request.POST, keymap=saved.keymap)
        if form.is_valid():
            saved.shortcuts = form.cleaned_data["shortcuts"]
            saved.keys = form.keys()
            saved.save()
            messages.success(request, "Keyboard preferences saved.")
            return HttpResponseRedirect(back or reverse("preferences"))
    else:
        form = ShortcutsForm(initial={"shortcuts": saved.shortcuts}, keymap=saved.keymap)
    status = 400 if form.errors else 200
    context = {"form": form, "next": back}
    return render(request, "accounts/preferences.html", context, status=status)


@require_POST
@login_required
def shortcuts_switch(request: HttpRequest) -> HttpResponse:
    """The switch in the review desk's key list: shortcuts on (`shortcuts` sent) or off."""
    saved = Preferences.of(request.user)
    saved.shortcuts = bool(request.POST.get("shortcuts"))
    saved.save()
    if request.htmx:
        return HttpResponse(status=204)
    return HttpResponseRedirect(_back(request) or reverse("preferences"))
