"""A schema-driven fuzzer: every operation of /api/v1/openapi.json, with valid and invalid input
generated from its description, must never answer with a server error.

Requests go through the Django WSGI application in-process (no network). The examples are few
and derandomized, as the suite runs twice (SQLite and PostgreSQL): the same requests every run.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.python.wsgi import HOST
from schemathesis.specs.openapi.checks import response_schema_conformance

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION_AND_MODE = 20
POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE


def modes(operation) -> list:
    """Valid input for every operation; invalid input where there can be any (a query or a body:
    a path's text or a header cannot be of the wrong type)."""
    return [POSITIVE, NEGATIVE] if list(operation.query) or operation.body else [POSITIVE]


@pytest.fixture
def application(settings):
    """The project's WSGI application, as the test's own database transaction can serve it."""
    # The in-process client addresses the application as "localhost".
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    # Each request would otherwise close the database connection as it ends (as it should in
    # production), and with it the test's transaction; Django's test client does the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def fuzz(operation, mode, sent: list[str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION_AND_MODE,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        # Uncompressed answers, so the check below can read them (the areas may come gzipped).
        response = case.call(headers={"Accept-Encoding": "identity"})
        sent.append(operation.label)
        # Every answer must also be what the schema documents: the search's answer is built by
        # hand for speed, and this is what holds it to its description.
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

    run()


def test_no_generated_request_gets_a_server_error(application):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    sent: list[str] = []

    for operation in operations:
        for mode in modes(operation):
            fuzz(operation, mode, sent)

    assert set(sent) == {operation.label for operation in operations}
    print(f"\nthe fuzzer sent {len(sent)} requests to {len(operations)} operations")
