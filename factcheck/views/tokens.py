"""A signed-in user's own API tokens: list, create (the secret shown once) and revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from factcheck.models import ApiToken

MAX_TOKENS = 20


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        required=False,
        label="What is it for?",
        help_text="A name you will recognise later, such as “CMS plugin” or “Slack bot”.",
        widget=forms.TextInput(attrs={"placeholder": "CMS plugin", "autocomplete": "off"}),
    )


@require_http_methods(["GET", "POST"])
@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The page, and creating a token. The new secret is rendered in the answer to the POST, not
    after a redirect: it is never stored, so it cannot be shown again."""
    form = TokenForm(request.POST or None)
    secret = ""
    status = 200
    if request.method == "POST":
        if request.user.api_tokens.count() >= MAX_TOKENS:
            form.add_error(None, f"You have {MAX_TOKENS} tokens: revoke one you no longer use.")
        if form.is_valid():
            _, secret = ApiToken.objects.issue(request.user, form.cleaned_data["name"])
            form = TokenForm()
        else:
            status = 400
    context = {
        "form": form,
        "secret": secret,
        "tokens": request.user.api_tokens.all(),
    }
    template = "accounts/tokens.html" + ("#tokens" if request.htmx else "")
    return render(request, template, context, status=status)


@require_POST
@login_required
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Only one's own: another user's token is "not found", not "forbidden".
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.delete()
    note = f"Revoked the token {token.prefix}…{' (' + token.name + ')' if token.name else ''}."
    if not request.htmx:
        messages.success(request, note)
        return redirect("api_tokens")
    context = {
        "form": TokenForm(),
        "revoked": note,
        "tokens": request.user.api_tokens.all(),
    }
    return render(request, "accounts/tokens.html#tokens", context)
