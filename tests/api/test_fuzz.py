"""The API's description against the API: schemathesis, with every check, through every phase.

/api/v1/openapi.json must say exactly what the code accepts and answers. Schemathesis reads it and
sends the examples it gives, then requests covering each constraint's edges (the coverage phase),
then generated valid and invalid requests (fuzzing), then chains of requests that follow the
links between operations, e.g. a search result's slug to its service (stateful; the description
declares them, servicemap/api_links.py, and schemathesis infers a few more).
Every check is on: no server error, an answer the description documents, valid input accepted,
invalid input refused, and the rest. One failure of any check, in any phase, fails the test.

Requests go through the Django WSGI application in-process (no network), inside the test's
transaction. The run is bounded and derandomized, as the suite runs twice (SQLite and
PostgreSQL): the same requests every run, about 20 seconds each. `make fuzz` (stress/) sends far
more requests; this is the check that the description and the code agree.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema
from schemathesis.python.wsgi import HOST

pytestmark = pytest.mark.django_db

PHASES = ["examples", "coverage", "fuzzing", "stateful"]
# Per operation and generation mode in the fuzzing phase, and per run in the stateful one. The
# coverage phase sends what the constraints call for, whatever this is.
MAX_EXAMPLES = 20
SEED = 19


@dataclass
class Report:
    requests: Counter = field(default_factory=Counter)
    phases: dict[str, Status] = field(default_factory=dict)
    operations: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)


@pytest.fixture
def application(settings):
    """The project's WSGI application, serving every request in the test's own transaction."""
    # The in-process client addresses the application as "localhost".
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    # Each request would otherwise close the database connection as it ends (as it should in
    # production), and with it the test's transaction; Django's test client does the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # Thousands of refused requests are the point here, not news.
    request_logger = logging.getLogger("django.request")
    level = request_logger.level
    request_logger.setLevel(logging.CRITICAL)
    # Schemathesis calls the application from worker threads, which would each open a connection
    # of their own, outside the transaction (what they wrote would outlast the test, and
    # PostgreSQL could not drop the test database for their open sessions). They share the
    # test's connection instead, one at a time, as Django's live server shares an in-memory
    # SQLite database.
    connection = connections[DEFAULT_DB_ALIAS]
    connection.inc_thread_sharing()
    wsgi = get_wsgi_application()

    def in_the_tests_transaction(environ, start_response):
        connections[DEFAULT_DB_ALIAS] = connection
        return wsgi(environ, start_response)

    yield in_the_tests_transaction
    connection.dec_thread_sharing()
    request_logger.setLevel(level)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def schemathesis_config() -> SchemathesisConfig:
    """What `schemathesis run --checks all --phases examples,coverage,fuzzing,stateful
    --generation-deterministic --generation-database none --generation-allow-x00 false` would
    run, with fewer examples."""
    config = SchemathesisConfig()
    config.update(seed=SEED, max_failures=None)
    project = config.projects.override
    project.phases.update(phases=PHASES)
    project.checks.update(included_check_names=["all"])
    # allow_x00=False: schemathesis 4.32.5's generator of valid query text now and then puts a
    # "\x00" in text whose pattern (PLAIN_TEXT) excludes it, then reports its refusal as a valid
    # request rejected. Null characters are refused, with a message, as tests/api test.
    project.generation.update(
        max_examples=MAX_EXAMPLES, deterministic=True, database="none", allow_x00=False
    )
    # Plain answers the checks can read (the areas come gzipped when a client accepts that);
    # every failure reported, not only each operation's first.
    project.update(headers={"Accept-Encoding": "identity"}, continue_on_failure=True)
    return config


def run_schemathesis(application) -> Report:
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", application, config=schemathesis_config()
    )
    report = Report()
    for event in from_schema(schema).execute():
        if isinstance(event, events.PhaseFinished):
            report.phases[event.phase.name.value] = event.status
        elif isinstance(event, events.ScenarioFinished):
            report.requests[event.phase.value] += len(event.recorder.interactions)
            report.operations.update(
                node.value.operation.label for node in event.recorder.cases.values()
            )
            report.failures.extend(
                f"{event.phase.value}: {check.name}: {check.failure_info.failure.title}\n"
                f"{check.failure_info.code_sample}"
                for checks in event.recorder.checks.values()
                for check in checks
                if check.failure_info is not None
            )
        elif isinstance(event, events.NonFatalError):
            report.failures.append(
                f"{event.phase}: {event.label}: {event.info.title}\n{event.info}"
            )
        elif isinstance(event, events.FatalError):
            raise event.exception
        elif isinstance(event, events.EngineFinished):
            report.failures.extend(failure.title for failure in event.failures)
    return report


def test_the_api_does_what_its_description_says(application):
    report = run_schemathesis(application)
    operations = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    every_operation = {result.ok().label for result in operations.get_all_operations()}

    assert not report.failures, "\n\n".join(report.failures)
    # Every phase ran (the examples phase needs the description's examples, the stateful one
    # links between operations) and sent requests, and every operation was called.
    assert {phase: report.phases.get(phase) for phase in PHASES} == dict.fromkeys(
        PHASES, Status.SUCCESS
    )
    assert all(report.requests[phase] for phase in PHASES), report.requests
    assert report.operations == every_operation
    print(f"\nschemathesis sent {dict(report.requests)} requests")
