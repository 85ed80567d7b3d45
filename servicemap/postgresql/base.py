"""Django's PostgreSQL backend with a connection deadline that may be under two seconds.

libpq (and psycopg, which follows it) will not wait less than 2 seconds for a connection, and a
database that accepts the connection but never answers (overloaded, or half gone) holds the
request for all of that. Public pages promise a 503 within 2 seconds, so the connection is made
in a thread of its own and given up on at the deadline; a connection that arrives after it is
closed, never used. DATABASES[...]["CONNECT_DEADLINE"] holds the deadline in seconds
(servicemap/settings.py fills it from DATABASE_CONNECT_TIMEOUT).
"""

import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as DeadlinePassed

from django.db.backends.postgresql import base


def _close_if_connected(attempt: Future) -> None:
    if attempt.exception() is None:
        attempt.result().close()


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        deadline = self.settings_dict.get("CONNECT_DEADLINE")
        if deadline is None:
            return super().get_new_connection(conn_params)
        attempt = Future()
        # A thread per attempt rather than a pool: connections are kept for CONN_MAX_AGE, so
        # attempts are rare, and a pool's threads would not survive gunicorn forking its workers.
        threading.Thread(
            target=self._connect, args=(attempt, conn_params), daemon=True, name="db-connect"
        ).start()
        try:
            return attempt.result(timeout=deadline)
        except DeadlinePassed:
            attempt.add_done_callback(_close_if_connected)
            raise self.Database.OperationalError(
                f"no connection to the database within {deadline} seconds"
            ) from None

    def _connect(self, attempt: Future, conn_params: dict) -> None:
        try:
            attempt.set_result(super().get_new_connection(conn_params))
        except BaseException as error:  # handed to the waiting request, which raises it
            attempt.set_exception(error)
