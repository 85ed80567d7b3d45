"""Shared fixtures: the real Scottish boundaries and the 16 real services, loaded once.

Repairing the reference boundaries takes seconds, so the repaired areas are computed once per test
process (servicemap/reference_data.py) and written into the test database at session start. Tests
that use ``db`` see that data and roll their changes back. Transactional tests (live servers) empty
the database when they end, so they ask for ``reference_data_committed``: its test's closing flush
leaves the reference geography (areas, places, postcodes: 236,000 rows, seconds to write) in
place, and it writes again only what is missing, the services always (a fifth of a second) and the
geography only when a test has changed it.
"""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.commands import flush as flush_command
from django.core.management.sql import sql_flush
from django.db import connection, transaction
from django.db.models import Max
from django.test import override_settings
from psycopg.types.json import Jsonb

from geography import lookup
from geography.boundaries import store_areas
from geography.models import CouncilArea, Place, Postcode, PostcodeDistrict
from servicemap.reference_data import (
    load_seed,
    prepared_scotland,
    store_reference_data,
    store_reference_places,
)
from services.catalogue import forget_catalogue
from services.models import Service

# Tests speak plain HTTP to the test client and to live servers on loopback. Production's redirect
# to HTTPS, on whenever DEBUG is off, is tested on its own (tests/test_security.py).
settings.SECURE_SSL_REDIRECT = False
# A password's hash is made slow on purpose (about a second here); the tests create and sign in
# hundreds of accounts and test who may do what, not the hash, so they use a fast one. Production
# keeps Django's default.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The reference geography: what a transactional test's closing flush leaves in place when the test
# asked for reference_data_committed. Only these four tables' own rows refer to one another, so
# emptying every other table never breaks a reference from them.
REFERENCE_MODELS = (CouncilArea, Place, PostcodeDistrict, Postcode)
REFERENCE_TABLES = frozenset(model._meta.db_table for model in REFERENCE_MODELS)


class ReferenceKeeping:
    """Whether the flush at the end of the current test leaves the reference geography, and the
    geography as it was stored at session start, to tell whether a test changed it."""

    active = False
    stored: tuple | None = None


def geography_fingerprint() -> tuple:
    """Each reference table's row count and highest id, and when an area last changed: what any
    test that adds, removes or edits areas, or adds or removes places, changes. (No test edits a
    place or postcode row in place; one that did would have to restore it.)"""
    return (
        *(
            (model.objects.count(), model.objects.aggregate(Max("pk"))["pk__max"])
            for model in REFERENCE_MODELS
        ),
        CouncilArea.objects.aggregate(Max("updated_at"))["updated_at__max"],
    )


def flush_keeping_reference(style, connection, reset_sequences=True, allow_cascade=False):
    if not ReferenceKeeping.active:
        return sql_flush(style, connection, reset_sequences, allow_cascade)
    tables = [
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table not in REFERENCE_TABLES
    ]
    return connection.ops.sql_flush(
        style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
    )


# Django's flush command (which a transactional test's teardown calls) finds sql_flush here.
flush_command.sql_flush = flush_keeping_reference


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Pages are rendered with production's hashed, compressed static files, as served."""
    static_root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=static_root):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield static_root


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        store_reference_data()
        ReferenceKeeping.stored = geography_fingerprint()


@pytest.fixture(autouse=True)
def flush_empties_everything_unless_asked():
    # Set when each test starts: the last test's closing flush has run by then.
    ReferenceKeeping.active = False


class SeedRows:
    """Every row the seed loaders write into an empty database (services, their relations, their
    history), as they wrote them: each transactional test after the first gets them back by a
    few plain inserts, not by loading the seed again (1.4 s a test, over 200 tests)."""

    rows: dict[str, tuple[list[str], list[tuple]]] | None = None


# PostgreSQL's type ids for json and jsonb. psycopg reads json columns as Python values, and
# Django has it read jsonb as its text (JSONField decodes it); both are written back marked as
# JSON, the jsonb text decoded first, or a list would come back as a JSON string.
_JSON = 114
_JSONB = 3802
_JSON_TYPES = {_JSON, _JSONB}


def _as_json(value, type_code: int) -> Jsonb:
    return Jsonb(json.loads(value) if type_code == _JSONB else value)


def _table_rows(tables) -> dict[str, tuple[list[str], list[tuple]]]:
    copied = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = cursor.fetchall()
            if not rows:
                continue
            json_columns = [
                column[1]
                if connection.vendor == "postgresql" and column[1] in _JSON_TYPES
                else None
                for column in cursor.description
            ]
            copied[table] = (
                [column[0] for column in cursor.description],
                [
                    tuple(
                        _as_json(value, json_type)
                        if json_type is not None and value is not None
                        else value
                        for value, json_type in zip(row, json_columns, strict=True)
                    )
                    for row in rows
                ],
            )
    return copied


def _put_back(copied: dict[str, tuple[list[str], list[tuple]]]) -> None:
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        # Foreign keys are checked when the transaction commits (Django makes them deferrable),
        # so the tables can go back in any order.
        for table, (columns, rows) in copied.items():
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
                f"VALUES ({', '.join(['%s'] * len(columns))})",
                rows,
            )
        by_table = {
            model._meta.db_table: model for model in apps.get_models(include_auto_created=True)
        }
        models = [by_table[table] for table in copied if table in by_table]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


@pytest.fixture
def reference_data_committed(transactional_db):
    if geography_fingerprint() != ReferenceKeeping.stored:
        # A test changed the geography (or a flush emptied it): start again from nothing, as an
        # import leaves rows the files do not name.
        call_command("flush", interactive=False, verbosity=0)
        store_areas(prepared_scotland())
        store_reference_places()
        ReferenceKeeping.stored = geography_fingerprint()
        # The services' rows refer to the areas by id.
        SeedRows.rows = None
    ReferenceKeeping.active = True
    if Service.all_objects.exists():
        # The data of the session's start, not yet flushed: the loaders change nothing.
        load_seed()
    elif SeedRows.rows is not None:
        _put_back(SeedRows.rows)
    else:
        tables = [
            table
            for table in connection.introspection.django_table_names(only_existing=True)
            if table not in REFERENCE_TABLES
        ]
        there_before = {table: len(rows) for table, (_, rows) in _table_rows(tables).items()}
        load_seed()
        written = _table_rows(tables)
        added_to = [
            table for table, count in there_before.items() if len(written[table][1]) != count
        ]
        # Rows added beside others (the flush's own, say) could not be told apart to put back.
        assert not added_to, f"the seed loaders wrote into tables that were not empty: {added_to}"
        SeedRows.rows = {
            table: rows for table, rows in written.items() if table not in there_before
        }


@pytest.fixture(autouse=True)
def caches_follow_each_test(settings):
    # Rolled-back transactions send no signal, so the point-to-area index and the services
    # catalogue compare their versions with the database on every use; and each test starts with
    # no catalogue, as the one built in the last test may hold its rolled-back changes.
    settings.BOUNDARY_VERSION_CHECK_SECONDS = 0
    settings.CATALOGUE_VERSION_CHECK_SECONDS = 0
    settings.HELPLINES_CHECK_SECONDS = 0
    forget_catalogue()
    # A test that faked the clock may leave a check time still in the future of the real one,
    # which no interval makes due: the next test would read its areas as they were.
    lookup.invalidate()
