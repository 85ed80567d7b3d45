"""The suggestion form's hourly limit, on both caches a deployment may count it in: the database
table (the default) and Redis (CACHE_URL). A limit of five an hour holds for the hour, the stored
counts cannot be turned back into visitors' addresses, and they go once their hour is over."""

import hashlib
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_ratelimit.core import _get_window

from tests.services.test_suggestions import NEW_SERVICE

pytestmark = pytest.mark.django_db

VISITOR = "198.51.100.23"
REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(params=["database", "redis"])
def backend(request, settings):
    if request.param == "redis":
        # A prefix of its own, so nothing else using this Redis is touched.
        prefix = f"test-rate-limits-{uuid.uuid4().hex}"
        settings.CACHES = {
            **settings.CACHES,
            "rate-limits": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": prefix,
            },
        }
        yield request.param
        client = redis_client()
        for key in client.keys(f"{prefix}:*"):
            client.delete(key)
    else:
        caches["rate-limits"].clear()
        yield request.param


def redis_client():
    return caches["rate-limits"]._cache.get_client(write=True)


def stored_counts(backend: str) -> dict[str, float]:
    """Each stored count's key, and for how many more seconds it is kept."""
    if backend == "redis":
        client = redis_client()
        prefix = caches["rate-limits"].key_prefix
        return {key.decode(): client.ttl(key) for key in client.keys(f"{prefix}:*")}
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, expires FROM servicemap_rate_limits")
        rows = cursor.fetchall()
    return {key: (aware(expires) - now).total_seconds() for key, expires in rows}


def aware(moment) -> datetime:
    """A time read straight from the table: SQLite gives text in UTC, PostgreSQL a datetime."""
    if isinstance(moment, str):
        moment = parse_datetime(moment)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, UTC)


def suggest(address: str = VISITOR) -> int:
    return Client(REMOTE_ADDR=address).post(reverse("suggest-form"), NEW_SERVICE).status_code


def later(monkeypatch, minutes: int) -> None:
    """Every clock the limit reads (django-ratelimit's, the caches'), moved on."""
    now, moved = time.time(), timezone.now() + timedelta(minutes=minutes)
    monkeypatch.setattr(time, "time", lambda: now + minutes * 60)
    monkeypatch.setattr("django.core.cache.backends.db.tz_now", lambda: moved)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moved)


def seconds_left_in_the_hour(address: str) -> int:
    """Until the end of the hour-long window django-ratelimit counts this address in (each
    address's hour starts at its own minute)."""
    return _get_window(address, 3600) - int(time.time())


def test_five_an_hour_still_holds_ten_minutes_after_the_last(monkeypatch):
    caches["rate-limits"].clear()
    # An address whose hour has more than ten minutes to run.
    address = next(
        address
        for address in (f"198.51.100.{number}" for number in range(1, 255))
        if seconds_left_in_the_hour(address) > 15 * 60
    )
    answers = [suggest(address) for _ in range(6)]

    later(monkeypatch, minutes=10)

    assert answers == [302] * 5 + [429]
    assert suggest(address) == 429


def test_a_count_is_kept_for_the_rest_of_its_hour(backend):
    for _ in range(5):
        suggest()

    (kept_for,) = stored_counts(backend).values()
    # Django's default timeout is five minutes: a count must outlive it, to the end of its hour.
    assert kept_for > 300
    assert kept_for >= seconds_left_in_the_hour(VISITOR) - 1


def test_stored_counts_cannot_be_turned_back_into_addresses(backend, settings):
    suggest()
    (key,) = stored_counts(backend)

    # django-ratelimit's own key is a plain SHA-256 of what anyone can guess: the group, the
    # rate, the address and the hour. Trying every address would find it.
    guessable = "".join(
        ["suggestions", "5/3600s", VISITOR, str(_get_window(VISITOR, 3600)), "POST"]
    )
    assert hashlib.sha256(guessable.encode()).hexdigest() not in key
    assert VISITOR not in key
    settings.SECRET_KEY = "another-secret-key-for-this-test-only"
    suggest()
    assert len(stored_counts(backend)) == 2


def test_counts_go_once_their_hour_is_over(monkeypatch):
    caches["rate-limits"].clear()
    suggest(VISITOR)

    later(monkeypatch, minutes=125)
    suggest("198.51.100.99")

    assert len(stored_counts("database")) == 1
