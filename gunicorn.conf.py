"""gunicorn's settings for production: `gunicorn servicemap.wsgi` reads this file by itself.

The access log records when, which page (the path without its query string, control characters
escaped), the answer's status and how long it took: never the client's address, its browser, where
it came from, a query string, or the answer's size, which for a search says which area was asked
about (a few areas' answers differ in size from all others).
"""

from gunicorn.glogging import Logger

from servicemap.log_filters import RedactRequestDetails, escaped


class AccessLogger(Logger):
    """gunicorn's logger, with control characters escaped in every value an access line shows."""

    def atoms(self, resp, req, environ, request_time) -> dict:
        return {
            name: escaped(value) if isinstance(value, str) else value
            for name, value in super().atoms(resp, req, environ, request_time).items()
        }


accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(M)sms'
logger_class = AccessLogger

# gunicorn 25.1 and newer open a control socket (for gunicornc) in the service account's home or
# runtime folder, through which workers can be added or the server stopped; nothing here uses it.
control_socket_disable = True

# The app is loaded once, in the master, and the workers are forked from it: the code, Django and
# the libraries (frozen for the garbage collector by servicemap/wsgi.py, so a worker's collections
# do not write to them) stay shared between workers rather than copied into each. Measured with
# `make bench` at 10,000 services (benchmarks/memory.py, SQLite, 5 workers): what each worker costs
# the machine (Pss) fell from 199 MB to 158 MB, and the five with their master from 991 to 814 MB.
# The price: a HUP no longer loads new code, so an upgrade restarts the service (docs/deploy.md
# keeps the listening socket open across the restart, so no request is lost).
preload_app = True


def post_fork(server, worker):
    # gunicorn's error log names the request URI when a request fails and the client address when
    # one is malformed: keep both out of it too.
    worker.log.error_log.addFilter(RedactRequestDetails())
