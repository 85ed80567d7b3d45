"""While the database cannot be reached, say so with a 503 that asks to try again, not a 500.

Django raises OperationalError (or InterfaceError, for a connection that broke) when it cannot
connect or the connection drops; settings give PostgreSQL a short connect timeout, so a database
that does not answer fails fast instead of holding the page. Recovery needs nothing from here:
Django opens a new connection for the next request (CONN_HEALTH_CHECKS drops a dead persistent
one first), so pages come back by themselves once the database does.
"""

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse

from servicemap.error_pages import error_response

logger = logging.getLogger(__name__)

# Seconds a client (or a program using the API) is asked to wait before trying again.
RETRY_AFTER_SECONDS = 30


class DatabaseOutageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # The error's class and message name the database, never the visitor or what they asked.
        logger.error("Database unavailable, answering 503: %r", exception)
        response = error_response(request.path, 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
