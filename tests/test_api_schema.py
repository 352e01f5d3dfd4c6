"""A property-based fuzz run of the whole API against its own OpenAPI schema (schemathesis).

Every operation gets generated requests, valid and invalid, sent through the WSGI app to the real
database as an editor; ids are often those of real records so the operations do real work. No
answer may be a server error, and every answer must match what the schema says it sends.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from factcheck.api import api
from factcheck.models import ApiToken
from factcheck.wsgi import application

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application

# The records of the current example run, by the kind of id a path takes.
KNOWN: dict[str, list[int]] = {}


@schema.hook
def flatmap_path_parameters(context, path_parameters: dict):
    kind = context.operation.path.split("/")[2]  # /api/<kind>/{pk}...
    ids = KNOWN.get(kind)
    if not path_parameters or "pk" not in path_parameters or not ids:
        return st.just(path_parameters)
    real = st.sampled_from(ids).map(lambda pk: {**path_parameters, "pk": pk})
    return st.one_of(real, st.just(path_parameters))


@pytest.fixture
def fuzz_token(db, editor, reviewer, api_desk, django_settings):
    """An editor's token, a small desk to work on, and no rate limit in the way."""
    django_settings.API_RATE_LIMIT = "1000000/min"
    api_desk["statement"].set_verdict(reviewer, "denied", rationale="Borrowing rose.")
    KNOWN["articles"] = [api_desk["article"].pk]
    KNOWN["statements"] = [api_desk["statement"].pk, api_desk["proposal"].pk]
    KNOWN["parties"] = [api_desk["party"].pk, api_desk["duplicate"].pk]
    _, secret = ApiToken.objects.issue(editor, "fuzz")
    # As Django's test client does: the WSGI app would otherwise close the test's connection,
    # and with it the transaction that keeps each test's records apart.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield secret
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
    KNOWN.clear()


@pytest.fixture
def django_settings(settings):
    return settings


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,  # the same cases every run: a failure reproduces, the time is bounded
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
)
def test_api_answers_within_its_own_schema(case, fuzz_token):
    response = case.call(headers={"Authorization": f"Bearer {fuzz_token}"})
    case.validate_response(
        response,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
