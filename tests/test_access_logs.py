"""Access logs keep what a visitor asked for, and who asked, out of the record."""

import datetime
import logging
import runpy
from types import SimpleNamespace

import pytest
from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger

from servicemap.log_filters import redact


@pytest.mark.parametrize(
    ("line", "logged"),
    [
        ("GET /about/ HTTP/1.1", "GET /about/ HTTP/1.1"),
        ("GET /?postcode=EH1+1AA&age=19 HTTP/1.1", "GET / HTTP/1.1"),
        ("Error handling request /areas/fife/?q=x", "Error handling request /areas/fife/"),
        (
            "Invalid request from ip=203.0.113.9: Bad request",
            "Invalid request from ip=-: Bad request",
        ),
        (
            "code 400, message Bad request syntax ('GET /?a=b')",
            "code 400, message Bad request syntax ('GET /')",
        ),
    ],
)
def test_redaction_keeps_the_path_and_drops_the_rest(line, logged):
    assert redact(line) == logged


def test_development_server_log_leaves_out_query_strings(caplog):
    server_log = logging.getLogger("django.server")
    server_log.addHandler(caplog.handler)
    try:
        # As django.core.servers.basehttp.WSGIRequestHandler.log_message logs each request.
        server_log.info(
            '"%s" %s %s',
            "GET /?postcode=EH1+1AA HTTP/1.1",
            "200",
            "5120",
            extra={"request": None, "server_time": "25/Nov/2026 12:00:00", "status_code": 200},
        )
    finally:
        server_log.removeHandler(caplog.handler)

    assert caplog.messages == ['"GET / HTTP/1.1" 200 5120']


def gunicorn_config() -> Config:
    config = Config()
    for name, value in runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_gunicorn_access_log_has_no_query_string_address_or_browser(capsys):
    log = Logger(gunicorn_config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/?postcode=EH1+1AA",
        "PATH_INFO": "/",
        "QUERY_STRING": "postcode=EH1+1AA",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 10; K)",
        "HTTP_REFERER": "https://search.example/?q=support",
    }
    response = SimpleNamespace(status="200 OK", sent=5120, headers=[])
    request = SimpleNamespace(headers=[("USER-AGENT", environ["HTTP_USER_AGENT"])])

    log.access(response, request, environ, datetime.timedelta(milliseconds=12))

    line = capsys.readouterr().out.strip()
    assert line.endswith('"GET / HTTP/1.1" 200 5120 12ms')
    for secret in ("EH1", "203.0.113.9", "Android", "search.example"):
        assert secret not in line


def test_gunicorn_workers_redact_their_error_log():
    worker = SimpleNamespace(log=Logger(gunicorn_config()))

    gunicorn_config().post_fork(None, worker)

    assert any(
        type(log_filter).__name__ == "RedactRequestDetails"
        for log_filter in worker.log.error_log.filters
    )
