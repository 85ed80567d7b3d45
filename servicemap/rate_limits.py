"""How the suggestion form's rate limit (django-ratelimit) keeps its counts.

A count is named by a hash of the client's address with the group, the rate and the hour; with
plain SHA-256 anyone holding the table could try all four billion IPv4 addresses and read off
who had made suggestions. Keyed with SECRET_KEY (an HMAC) they cannot.

In the database (the default, without Redis) a count must also last as long as its hour: Django's
database cache re-writes an incremented value with its default five-minute timeout (Django ticket
#26619), so five suggestions an hour became five every five minutes. And it keeps expired rows
until the table is full; here they are deleted as soon as their hour is over. Redis keeps an
incremented count's expiry and expires it itself.
"""

import base64
import hashlib
import hmac
import pickle

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils import timezone


def keyed_hash(data: bytes) -> hmac.HMAC:
    """Used by django-ratelimit as RATELIMIT_HASH_ALGORITHM."""
    return hmac.new(settings.SECRET_KEY.encode(), data, hashlib.sha256)


class RateLimitDatabaseCache(DatabaseCache):
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        # Each new count is the moment to forget those whose hour is over.
        self._delete_expired()
        return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None) -> int:
        """Like Django's, but the count keeps its expiry."""
        value = self.get(key, version=version)
        if value is None:
            raise ValueError(f"Key '{key}' not found")
        value += delta
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        self._execute(
            "UPDATE {table} SET {value} = %s WHERE {key} = %s",
            [encoded, self.make_and_validate_key(key, version=version)],
        )
        return value

    def _delete_expired(self) -> None:
        connection = connections[router.db_for_write(self.cache_model_class)]
        now = timezone.now().replace(microsecond=0)
        self._execute(
            "DELETE FROM {table} WHERE {expires} < %s",
            [connection.ops.adapt_datetimefield_value(now)],
        )

    def _execute(self, statement: str, parameters: list) -> None:
        connection = connections[router.db_for_write(self.cache_model_class)]
        quote = connection.ops.quote_name
        sql = statement.format(
            table=quote(self._table),
            value=quote("value"),
            key=quote("cache_key"),
            expires=quote("expires"),
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, parameters)
