"""While the database cannot be reached, public pages and the API answer 503 promptly, and they
recover by themselves as soon as it is back (servicemap/database_outage.py)."""

import json
import socket
import time
from contextlib import contextmanager

import pytest
from django.db import connections
from django.test import Client

from servicemap.database_outage import RETRY_AFTER_SECONDS

SEARCH = {"area": "S12000036", "age": 25, "gender": "woman"}

# (method, url, body): the public answers that need the database.
PUBLIC_REQUESTS = [
    ("get", "/", None),
    ("get", "/services/roam/", None),
    ("get", "/api/v1/areas", None),
    ("post", "/api/v1/search", SEARCH),
]


@contextmanager
def database_unreachable():
    """The next connection attempt fails as it would with the database stopped; then back."""
    connection = connections["default"]
    saved = {key: connection.settings_dict[key] for key in ("NAME", "HOST", "PORT")}
    if connection.vendor == "sqlite":
        # The test database lives in memory and closing its only connection would destroy it,
        # so the connection is put aside and the next one is opened on a path that cannot exist.
        kept_aside, connection.connection = connection.connection, None
        connection.settings_dict["NAME"] = "/no-such-folder/servicemap.sqlite3"
    else:
        connection.close()
        # Nothing listens on the discard port: the connection is refused, as by a stopped server.
        connection.settings_dict.update(HOST="127.0.0.1", PORT="9")
    try:
        yield
    finally:
        connection.settings_dict.update(saved)
        if connection.vendor == "sqlite":
            connection.connection = kept_aside


def send(client: Client, method: str, url: str, body: dict | None):
    if body is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


@pytest.fixture
def browser_client():
    return Client(raise_request_exception=False)


@pytest.mark.every_database
def test_postgresql_gives_up_connecting_within_two_seconds():
    settings_dict = connections["default"].settings_dict
    if connections["default"].vendor != "postgresql":
        assert "CONNECT_DEADLINE" not in settings_dict
    else:
        assert settings_dict["CONNECT_DEADLINE"] == 1.5
        # libpq's own timeout ends an abandoned attempt; it cannot be set under 2 seconds.
        assert settings_dict["OPTIONS"]["connect_timeout"] == 2


@contextmanager
def database_that_never_answers():
    """A server that takes the connection and then says nothing: overloaded or half gone."""
    connection = connections["default"]
    saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
    connection.close()
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)  # the kernel completes each handshake; nobody ever reads or writes
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(silent.getsockname()[1]))
        try:
            yield
        finally:
            connection.settings_dict.update(saved)


@pytest.mark.usefixtures("reference_data_committed")
def test_a_database_that_takes_the_connection_and_never_answers_gives_a_503_within_two_seconds(
    browser_client, settings
):
    if connections["default"].vendor != "postgresql":
        pytest.skip("SQLite is a file: there is no server to hang")
    settings.DEBUG = False

    with database_that_never_answers():
        started = time.monotonic()
        during = browser_client.get("/")
        waited = time.monotonic() - started

    assert during.status_code == 503
    assert waited < 2
    assert browser_client.get("/").status_code == 200


# Transactional: the connection is closed and reopened, which a test inside one transaction
# cannot survive. reference_data_committed writes the real services for the pages to show.
@pytest.mark.usefixtures("reference_data_committed")
@pytest.mark.parametrize(("method", "url", "body"), PUBLIC_REQUESTS)
def test_a_public_answer_is_a_503_while_the_database_is_away_and_a_200_when_it_returns(
    browser_client, settings, method, url, body
):
    settings.DEBUG = False
    assert send(browser_client, method, url, body).status_code == 200

    with database_unreachable():
        during = send(browser_client, method, url, body)

    after = send(browser_client, method, url, body)

    assert during.status_code == 503
    assert during["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in during["Cache-Control"]
    assert not during.cookies
    if url.startswith("/api/"):
        assert during["Content-Type"] == "application/problem+json"
        assert json.loads(during.content)["status"] == 503
    else:
        assert "Sorry, this site is not working just now" in during.content.decode()
        assert 'href="/leave"' in during.content.decode()
    assert "Traceback" not in during.content.decode()
    assert after.status_code == 200
