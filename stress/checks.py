"""What every answer to a hostile request must show, for the suite and the long fuzz run alike."""

import json
import re

from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext

from services.models import UsedFinderToken
from stress.strategies import Probe, send

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|TRUNCATE)\b", re.I)
# A whole-page finder form's token is used up by writing it down: it is random, made by the page,
# and says nothing about anyone (services/finder_tokens.py), so it is not something a visitor sent.
NOT_WHAT_A_VISITOR_SENT = UsedFinderToken._meta.db_table
PROBLEM = "application/problem+json"


def sent(client: Client, probe: Probe) -> tuple[HttpResponse, list[str]]:
    """The answer, and every statement that would have changed the database on the way."""
    # The log keeps 9 000 queries: once full, a capture counting from its length sees nothing.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        response = send(client, probe)
    return response, [
        query["sql"]
        for query in queries
        if WRITE.match(query["sql"]) and NOT_WHAT_A_VISITOR_SENT not in query["sql"]
    ]


def complaints(probe: Probe, response: HttpResponse, writes: list[str]) -> list[str]:
    """Everything wrong with an answer; empty when it is as it should be."""
    found = []
    if response.status_code >= 500:
        found.append(f"server error {response.status_code}")
    if writes and not probe.writes:
        found.append(f"a read wrote to the database: {writes[0][:200]}")
    # A suggestion refused by the rate limit was never read, so it names no field.
    if probe.bad_field is not None and response.status_code != 429:
        if response.status_code != 400:
            found.append(f"{probe.bad_field!r} was bad but the answer was {response.status_code}")
        elif not names_the_field(probe, response):
            found.append(f"the 400 does not name {probe.bad_field!r}")
    return found


def names_the_field(probe: Probe, response: HttpResponse) -> bool:
    if probe.wants_json:
        # RFC 9457 problem details, with the field among its errors (nested ones as "needs.0").
        if not response["Content-Type"].startswith(PROBLEM):
            return False
        errors = json.loads(response.content).get("errors", {})
        nested = f"{probe.bad_field}."
        return any(name == probe.bad_field or name.startswith(nested) for name in errors)
    # The form's error summary links each message to its field.
    return f'href="#id_{probe.bad_field}"'.encode() in response.content
