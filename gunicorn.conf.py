"""gunicorn's settings for production: `gunicorn servicemap.wsgi` reads this file by itself.

The access log records when, which page (the path without its query string), the answer and how
long it took: never the client's address, its browser, where it came from, or a query string.
"""

from servicemap.log_filters import RedactRequestDetails

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'


def post_fork(server, worker):
    # gunicorn's error log names the request URI when a request fails and the client address when
    # one is malformed: keep both out of it too.
    worker.log.error_log.addFilter(RedactRequestDetails())
