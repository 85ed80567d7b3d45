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


def gunicorn_logger() -> Logger:
    config = gunicorn_config()
    return config.logger_class(config)


def access_line(capsys, environ: dict, sent: int = 5120) -> str:
    response = SimpleNamespace(status="200 OK", sent=sent, headers=[])
    request = SimpleNamespace(headers=[])
    gunicorn_logger().access(response, request, environ, datetime.timedelta(milliseconds=12))
    return capsys.readouterr().out


def test_gunicorn_access_log_has_no_query_string_address_or_browser(capsys):
    log = gunicorn_logger()
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
    assert line.endswith('"GET / HTTP/1.1" 200 12ms')
    for secret in ("EH1", "203.0.113.9", "Android", "search.example"):
        assert secret not in line


SEARCH = {
    "REQUEST_METHOD": "POST",
    "RAW_URI": "/api/v1/search",
    "PATH_INFO": "/api/v1/search",
    "SERVER_PROTOCOL": "HTTP/1.1",
}


def test_the_size_of_an_answer_to_a_search_is_not_logged(capsys):
    """Answers for a few places differ in size from all others: a size would say where."""
    glasgow, shetland = access_line(capsys, SEARCH, sent=7391), access_line(capsys, SEARCH, 5120)

    assert glasgow.split("]", 1)[1] == shetland.split("]", 1)[1]
    assert "7391" not in glasgow


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ('/about/\n[01/Jan/2026:00:00:00 +0000] "GET /admin/ HTTP/1.1" 200', "/about/\\x0a["),
        ("/about/\r\x1b[2J", "/about/\\x0d\\x1b[2J"),
    ],
)
def test_control_characters_in_a_path_cannot_forge_log_lines(capsys, path, logged):
    line = access_line(capsys, {**SEARCH, "REQUEST_METHOD": "GET", "PATH_INFO": path})

    assert line.count("\n") == 1
    assert logged in line


def test_the_development_server_log_escapes_control_characters():
    assert redact("GET /about/\n200 HTTP/1.1") == "GET /about/\\x0a200 HTTP/1.1"


def test_gunicorn_opens_no_control_socket():
    """gunicorn 25.1+ opens a socket through which anyone with the service's account could
    reconfigure or stop the server; nothing here uses it."""
    assert gunicorn_config().control_socket_disable is True


def test_gunicorn_workers_redact_their_error_log():
    worker = SimpleNamespace(log=gunicorn_logger())

    gunicorn_config().post_fork(None, worker)

    assert any(
        type(log_filter).__name__ == "RedactRequestDetails"
        for log_filter in worker.log.error_log.filters
    )


def test_the_apps_own_log_lines_cannot_be_forged_through_a_path():
    console = next(handler for handler in logging.getLogger().handlers if handler.name == "console")
    # As django.request logs a page it could not find.
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/a\n[forged]",), None
    )

    assert console.filter(record)
    assert console.format(record) == "Not Found: /a\\x0a[forged]"
