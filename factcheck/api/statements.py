"""Statements: read, edit, accept, delete; reviewers' verdicts and editors' final verdicts."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from factcheck.api import present
from factcheck.api.errors import Invalid, responses
from factcheck.api.schemas import (
    FinalVerdictIn,
    StatementConflict,
    StatementOut,
    StatementPatch,
    VerdictConflict,
    VerdictIn,
    VerdictList,
    VerdictOut,
)
from factcheck.models import EditConflict, Statement, Verdict
from factcheck.views.access import require, statement_for
from factcheck.views.review.statements import _speaker_from
from factcheck.views.review.verdicts import conflict_message

router = Router(tags=["statements"])


@router.get("/statements/{int:pk}", response=responses({200: StatementOut}), summary="Read")
def read_statement(request: HttpRequest, pk: int):
    return present.statement_out(request.user, statement_for(request, None, pk))


@router.patch(
    "/statements/{int:pk}",
    response=responses({200: StatementOut, 409: StatementConflict}, 400),
    summary="Edit span, speaker or direct/reported",
)
def edit_statement(request: HttpRequest, pk: int, payload: StatementPatch):
    """Fields left out stay as they are. With `version`, a colleague's newer edit answers 409."""
    statement = statement_for(request, None, pk, perm="change_statement")
    given = payload.model_fields_set
    speaker = False
    try:
        with transaction.atomic():
            if given & {"speaker_id", "speaker_name"}:
                speaker = _speaker_from(
                    request, {"speaker": payload.speaker_id, "new_speaker": payload.speaker_name}
                )
            statement.edit(
                request.user,
                version=statement.version if payload.version is None else payload.version,
                start=payload.start,
                end=payload.end,
                speaker=speaker,
                direct=payload.direct,
            )
    except EditConflict as conflict:
        current = present.statement_out(request.user, conflict.current)
        return Status(409, {"detail": conflict_message(None), "current": current})
    except (ValueError, IntegrityError) as error:
        message = str(error) if isinstance(error, ValueError) else "That change could not be saved."
        raise Invalid(message, status=400) from None
    return present.statement_out(request.user, statement)


@router.delete(
    "/statements/{int:pk}", response=responses({204: None}), summary="Delete (recoverably)"
)
def delete_statement(request: HttpRequest, pk: int):
    """Takes the statement off the desk; it can be restored from the article's history."""
    require(request, "delete_statement")
    statement = get_object_or_404(Statement.objects.select_related("article"), pk=pk)
    statement.soft_delete(request.user)
    return Status(204, None)


@router.post(
    "/statements/{int:pk}/accept", response=responses({200: StatementOut}), summary="Accept"
)
def accept_statement(request: HttpRequest, pk: int):
    """Keep a statement the extraction proposed; accepting twice changes nothing."""
    statement = statement_for(request, None, pk, perm="change_statement")
    statement.accept(request.user)
    return present.statement_out(request.user, statement)


@router.get(
    "/statements/{int:pk}/verdicts",
    response=responses({200: VerdictList}),
    summary="Reviewers' verdicts",
)
def list_verdicts(request: HttpRequest, pk: int):
    """Every verdict you may see; under blind review, others' only once you have given yours."""
    statement = statement_for(request, None, pk, perm="view_verdict")
    given = Verdict.objects.filter(statement=statement)
    shown = given.visible_to(request.user).select_related("reviewer").order_by("created_at", "id")
    return {
        "items": [present.verdict_out(v) for v in shown],
        "hidden": given.hidden_from(request.user).count(),
    }


@router.put(
    "/statements/{int:pk}/verdict",
    response=responses({200: VerdictOut, 409: VerdictConflict}),
    summary="Give your verdict",
)
def put_verdict(request: HttpRequest, pk: int, payload: VerdictIn):
    """Confirmed, denied or disputed, with a rationale and evidence links. Send the `version`
    you read (0 for none yet) and a colleague's or another tab's newer save answers 409."""
    statement = statement_for(request, None, pk, perm="add_verdict")
    try:
        verdict = statement.set_verdict(
            request.user,
            payload.value,
            rationale=payload.rationale.strip() if payload.rationale is not None else None,
            evidence=[e.model_dump() for e in payload.evidence]
            if payload.evidence is not None
            else None,
            version=payload.version,
        )
    except EditConflict as conflict:
        return Status(
            409,
            {
                "detail": conflict_message(conflict.current),
                "current": present.my_verdict(conflict.current) if conflict.current else None,
            },
        )
    verdict.reviewer = request.user
    return present.verdict_out(verdict)


@router.put(
    "/statements/{int:pk}/final-verdict",
    response=responses({200: StatementOut, 409: StatementConflict}),
    summary="Settle (editors)",
)
def put_final_verdict(request: HttpRequest, pk: int, payload: FinalVerdictIn):
    """The verdict reports publish; "" unsettles. `version` is the statement's (409 if stale)."""
    statement = statement_for(request, None, pk, perm="set_final_verdict")
    try:
        statement.set_final_verdict(
            request.user, payload.value, payload.note.strip(), version=payload.version
        )
    except EditConflict:
        current = present.statement_out(request.user, statement)
        return Status(409, {"detail": conflict_message(None), "current": current})
    return present.statement_out(request.user, statement)
