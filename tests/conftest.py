"""Shared fixtures: the real Scottish boundaries and the 16 real services, loaded once a run.

The test database is migrated and filled with the reference data and the seed once a run and, with
workers (pytest-xdist's -n), copied for each (tests/databases.py). Tests that use ``db`` see that
data and roll their changes back. Transactional tests (live servers) empty the database when they
end, so they ask for ``reference_data_committed``: its test's closing flush leaves the reference
geography (areas, places, postcodes: 236,000 rows, seconds to write) in place, and it writes again
only what is missing, the services always (a few plain inserts) and the geography only when a test
has changed it."""

import hashlib
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
from django.test import TransactionTestCase, override_settings
from psycopg.types.json import Jsonb
from pytest_django.plugin import blocking_manager_key
from whitenoise.base import WhiteNoise

from geography import lookup
from geography.models import CouncilArea, Place, Postcode, PostcodeDistrict
from services.catalogue import forget_catalogue
from services.models import Service, UsedFinderToken
from tests import databases

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


# What a test reaches the test database through. pytest-django refuses the database to a test
# with none of them (and no django_db mark), unless a fixture of its own lifts that block.
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "django_db_setup",
        "live_server",
    }
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="leave out the tests that never reach a database: make test runs them once, with its "
        "first database (tests/run_suite.py)",
    )


def reaches_the_database(item: pytest.Item) -> bool:
    """Whether a test may reach the database, or reads which one is configured: only then can it
    pass on one database and fail on another."""
    if item.get_closest_marker("django_db") or item.get_closest_marker("every_database"):
        return True
    if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    if issubclass(getattr(item, "cls", None) or object, TransactionTestCase):
        return True  # Django's own test cases (the suite has none; pytest-django runs them)
    # A fixture of the suite's own that lifts pytest-django's block (django_db_blocker.unblock()).
    fixture_info = getattr(item, "_fixtureinfo", None)
    return fixture_info is None or any(
        "django_db_blocker" in definition.argnames
        and not definition.func.__module__.startswith("pytest_django")
        for definitions in fixture_info.name2fixturedefs.values()
        for definition in definitions
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("database_tests_only"):
        return
    kept, left_out = [], []
    for item in items:
        (kept if reaches_the_database(item) else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def _worker_input(config: pytest.Config) -> dict | None:
    return getattr(config, "workerinput", None)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """With workers (pytest-xdist's -n), the controlling process builds the template database
    before they start (tests/databases.py)."""
    config = session.config
    if _worker_input(config) is not None or not getattr(config.option, "numprocesses", None):
        return
    with config.stash[blocking_manager_key].unblock():
        config.stash[TEMPLATE] = databases.build_template()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    built, _ = node.config.stash[TEMPLATE]
    node.workerinput[databases.TEMPLATE_KEY] = built.as_plain()


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if TEMPLATE in config.stash:
        with config.stash[blocking_manager_key].unblock():
            databases.destroy_template(*config.stash[TEMPLATE])


TEMPLATE = pytest.StashKey[tuple[databases.Built, str]]()


@pytest.fixture(scope="session", autouse=True)
def static_files_read_once(collected_static):
    """Each test's client builds the middleware anew, and WhiteNoise's reads every collected
    file's details when built (a seventh of the suite's time, before this). The files do not
    change during the run, so each folder is read once, as a server's process does."""
    read_before: dict[tuple, dict] = {}
    read_folder = WhiteNoise.update_files_dictionary

    def update_files_dictionary(whitenoise: WhiteNoise, root: str, prefix: str) -> None:
        # What the responses' headers depend on; the rest of the middleware's settings are fixed.
        key = (
            root,
            prefix,
            whitenoise.max_age,
            whitenoise.allow_all_origins,
            whitenoise.charset,
            whitenoise.add_headers_function,
            whitenoise.index_file,
        )
        if key not in read_before:
            files_before = dict(whitenoise.files)
            read_folder(whitenoise, root, prefix)
            read_before[key] = {
                url: file
                for url, file in whitenoise.files.items()
                if files_before.get(url) is not file
            }
        whitenoise.files.update(read_before[key])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WhiteNoise, "update_files_dictionary", update_files_dictionary)
        yield


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """The test database, migrated and holding the reference data and the seed: this process's
    own copy of the run's template, or, in a run without workers, built here."""
    worker_input = _worker_input(request.config)
    original_name = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        if worker_input is None:
            built = databases.build()
        else:
            template = databases.Built.from_plain(worker_input[databases.TEMPLATE_KEY])
            built = databases.Built(
                databases.copy_template(template, worker_input["workerid"]),
                template.seed_tables,
            )
        ReferenceKeeping.stored = geography_fingerprint()
        CommittedAreaIndex.remember()
        SeedRows.rows = _table_rows(built.seed_tables)
    yield
    with django_db_blocker.unblock():
        databases.end_other_sessions()
        if worker_input is None:
            connection.creation.destroy_test_db(original_name, verbosity=0)
        else:
            databases.destroy_copy(built.name)


@pytest.fixture(autouse=True)
def flush_empties_everything_unless_asked():
    # Set when each test starts: the last test's closing flush has run by then.
    ReferenceKeeping.active = False


class CommittedAreaIndex:
    """The point-to-area index of the areas as committed (at session start, or as a transactional
    test stored them again), built once: each test starts from it, not from nothing (a tenth of
    a second a test). A test's own changes are rolled back, which its version check then sees."""

    state: dict = {"index": None, "version": None}

    @classmethod
    def remember(cls) -> None:
        cls.state = {"index": lookup.load_index(), "version": lookup.boundary_version()}


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
    """For a test that writes while a live server reads: the reference data and the seed
    committed, and everything but the geography emptied when the test ends."""
    committed_as_at_session_start()
    ReferenceKeeping.active = True


@pytest.fixture
def committed_data_read_only(request, django_db_setup, django_db_blocker):
    """For a live-server test that only reads, as most browser tests do: the reference data and
    the seed as committed, shared with the server, with no transaction and no closing flush. A
    flush, and the seed put back for the next test, cost about a second a test, and the browser
    tests run hundreds of times.

    A test that writes must ask for ``reference_data_committed`` (or ``transactional_db``, which
    may also be asked for part-way, as a caseworker's sign-in does): this fails a test that
    added, removed or changed a row of any table but the geography and the bookkeeping without
    asking. Browser tests get this fixture unless they ask for one of those (tests/browser)."""
    with django_db_blocker.unblock():
        committed_as_at_session_start()
        # Should the test ask for transactional_db after all, its flush keeps the geography.
        ReferenceKeeping.active = True
        before = table_digests()
        yield
        if "transactional_db" in request.fixturenames:
            return
        changed = tables_written_since(before)
        assert not changed, (
            f"{request.node.nodeid} wrote to {', '.join(changed)}: a test that writes must ask for "
            "reference_data_committed, whose flush empties what it wrote"
        )


def committed_as_at_session_start() -> None:
    """Puts back what the last transactional test's closing flush emptied, and the geography if a
    test changed it: the database as committed at session start."""
    if geography_fingerprint() != ReferenceKeeping.stored:
        # A test changed the geography (or a flush emptied it): start again from nothing, as an
        # import leaves rows the files do not name.
        call_command("flush", interactive=False, verbosity=0)
        seed_tables = databases.fill_with_reference_data()
        ReferenceKeeping.stored = geography_fingerprint()
        CommittedAreaIndex.remember()
        # The services' rows refer to the areas by id, which the new areas changed.
        SeedRows.rows = _table_rows(seed_tables)
    if not Service.all_objects.exists():
        # The last transactional test's flush removed them; before the first, they are the
        # session's own, as written.
        _put_back(SeedRows.rows)


# Rows a read-only test may leave: the finder's used tokens, one for each search sent without
# JavaScript. Each token is random and used once, so no other test can meet one.
BOOKKEEPING_TABLES = frozenset({UsedFinderToken._meta.db_table})


def table_digests() -> dict[str, str]:
    """A digest of every table's rows but the reference geography's and the bookkeeping's (about
    1,500 rows in all): it changes when a row is added, removed or changed in place."""
    quote = connection.ops.quote_name
    tables = [
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table not in REFERENCE_TABLES | BOOKKEEPING_TABLES
    ]
    digests = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY 1")  # noqa: S608
            rows = repr(cursor.fetchall()).encode()
            digests[table] = hashlib.blake2b(rows, digest_size=16).hexdigest()
    return digests


def tables_written_since(before: dict[str, str]) -> list[str]:
    """The tables whose rows differ from ``before`` (from ``table_digests()``), by name."""
    after = table_digests()
    return sorted(
        table for table in after.keys() | before.keys() if after.get(table) != before.get(table)
    )


@pytest.fixture(autouse=True)
def caches_follow_each_test(settings):
    # Rolled-back transactions send no signal, so the point-to-area index and the services
    # catalogue compare their versions with the database on every use; and each test starts with
    # no catalogue, as the one built in the last test may hold its rolled-back changes.
    settings.BOUNDARY_VERSION_CHECK_SECONDS = 0
    settings.CATALOGUE_VERSION_CHECK_SECONDS = 0
    settings.HELPLINES_CHECK_SECONDS = 0
    forget_catalogue()
    # Each test starts from the index of the areas as committed, due for its version check (a
    # test that faked the clock may have left a check time in the real one's future).
    lookup._state.update(CommittedAreaIndex.state, checked_at=float("-inf"))
