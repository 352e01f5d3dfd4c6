"""Errors as JSON with a sentence a person can act on, and the error responses every operation
documents, so a client (and the schema fuzz test) knows each one's shape."""

from __future__ import annotations

from django import forms
from ninja.errors import HttpError

from factcheck.api.schemas import Error

ERRORS = {401: Error, 403: Error, 404: Error, 422: Error, 429: Error}


def responses(ok: dict, *extra: int) -> dict:
    """`ok` plus the errors every operation may answer, and `extra` codes (400, 409)."""
    return {**ok, **ERRORS, **dict.fromkeys(extra, Error)}


class Invalid(HttpError):
    """Input that parses but that the desk refuses (a form's errors, a model's ValueError)."""

    def __init__(self, message: str, errors: list[dict] | None = None, status: int = 422):
        super().__init__(status, message)
        self.errors = errors


def form_invalid(form: forms.Form) -> Invalid:
    errors = [
        {"field": name if name != "__all__" else None, "message": str(message)}
        for name, messages in form.errors.items()
        for message in messages
    ]
    return Invalid(" ".join(e["message"] for e in errors), errors)
