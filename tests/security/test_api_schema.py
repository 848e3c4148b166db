"""Schemathesis against the FX API's own OpenAPI description: every generated request, valid
(positive) and invalid (negative), gets an answer that is not a 5xx and conforms to the described
responses (status, content type, headers, body schema)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

# Status codes, content types, headers and bodies as described. Not "positive data acceptance":
# the description cannot express that currencies outside the ticker need `source`, so a
# schema-valid `currency=CBR` alone is rightly answered 400.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
TOTALS = {"tried": 0, "5xx": 0, "nonconforming": 0}


def test_fx_api_matches_its_openapi_description_under_fuzzing():
    call_command("fx_load_recorded", verbosity=0)
    # As Django's test client does: the in-process WSGI calls must not close the test's
    # connection (it is inside the test transaction) at the end of each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        run_schemathesis()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def run_schemathesis():
    from steppe.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/fx/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 2
    problems: list[str] = []
    for operation, mode in [(op, mode) for op in operations for mode in GenerationMode]:

        @settings(
            max_examples=100,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case):
            # The in-process WSGI client does not decompress; the page cache would send brotli.
            response = case.call(headers={"Accept-Encoding": "identity"})
            TOTALS["tried"] += 1
            if response.status_code >= 500:
                TOTALS["5xx"] += 1
                problems.append(f"{response.status_code} {case.operation.label} {case.query}")
                return
            try:
                case.validate_response(response, checks=CHECKS)
            except (Exception, BaseExceptionGroup) as exc:  # schemathesis groups its failures
                TOTALS["nonconforming"] += 1
                problems.append(f"{case.operation.label} {case.query}: {str(exc)[:300]}")

        try:
            run()
        except Unsatisfiable:  # no way to send invalid data to an operation without parameters
            assert mode == GenerationMode.NEGATIVE and not operation.query
    print(
        f"\nschemathesis: {TOTALS['tried']} requests, {TOTALS['5xx']} 5xx, {TOTALS['nonconforming']} nonconforming"
    )
    assert not problems, "\n".join(problems[:10])
