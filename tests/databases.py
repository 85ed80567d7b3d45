"""The test database with the reference data in it, built once a run and copied for each worker.

Building it means running every migration (about 20 s, mostly Django rendering model states) and
writing Scotland's areas, places and postcodes and the seed (about 15 s). One process builds it;
with pytest-xdist, the controlling process builds a template and each worker takes a copy
(PostgreSQL: CREATE DATABASE … TEMPLATE; SQLite: the template file read into the worker's own
in-memory database), so the cost is paid once, not once a worker.

Each build also names the tables the seed loaders wrote into (services, routes, helplines and their
history), which start empty: the rows a transactional test's closing flush removes and the next
one puts back (tests/conftest.py, reference_data_committed).
"""

import contextlib
import io
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

from geography.boundaries import store_areas
from servicemap.reference_data import load_seed, prepared_scotland, store_reference_places

# What the controlling process hands each worker (pytest-xdist's workerinput): plain values only.
TEMPLATE_KEY = "servicemap_test_template"


@dataclass(frozen=True)
class Built:
    """A filled test database: its name (for SQLite, the file) and the tables the seed fills."""

    name: str
    seed_tables: tuple[str, ...]

    def as_plain(self) -> dict:
        return {"name": self.name, "seed_tables": list(self.seed_tables)}

    @classmethod
    def from_plain(cls, plain: dict) -> "Built":
        return cls(plain["name"], tuple(plain["seed_tables"]))


def row_counts() -> dict[str, int]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.django_table_names(only_existing=True):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def fill_with_reference_data() -> tuple[str, ...]:
    """Writes the reference geography and the seed into the (new, migrated) database; returns the
    tables the seed filled, which must have been empty: rows beside others could not be told
    apart to put back."""
    store_areas(prepared_scotland())
    store_reference_places()
    before = row_counts()
    load_seed()
    after = row_counts()
    written = [table for table, count in after.items() if count != before.get(table, 0)]
    not_empty = [table for table in written if before.get(table)]
    assert not not_empty, f"the seed loaders wrote into tables that were not empty: {not_empty}"
    return tuple(written)


def build(verbosity: int = 0) -> Built:
    """This process's test database, migrated and filled (one process, no workers)."""
    connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
    return Built(connection.settings_dict["NAME"], fill_with_reference_data())


def build_template(verbosity: int = 0) -> tuple[Built, str]:
    """The database every worker copies; returns it and the name to give back to destroy it.
    SQLite's is a file, as an in-memory database cannot be read by another process."""
    original_name = connection.settings_dict["NAME"]
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(Path(tempfile.mkdtemp(prefix="servicemap-")) / "template.db")
    else:
        test_settings["NAME"] = f"test_{original_name}_template"
    # createcachetable prints that the migrations made the cache's table already.
    with contextlib.redirect_stdout(io.StringIO()):
        built = build(verbosity)
    # PostgreSQL copies a template only while nobody is connected to it.
    connection.close()
    return built, original_name


def destroy_template(built: Built, original_name: str) -> None:
    connection.creation.destroy_test_db(original_name, verbosity=0, keepdb=False)
    if connection.vendor == "sqlite":
        Path(built.name).parent.rmdir()


def copy_template(template: Built, worker: str) -> str:
    """Points this worker's connection at its own copy of the template; returns the copy's name."""
    connection.close()
    if connection.vendor == "sqlite":
        copy = f"file:memorydb_{worker}?mode=memory&cache=shared"
        connection.settings_dict["NAME"] = copy
        connection.ensure_connection()
        # Django keeps an in-memory database's one connection open for the whole run (and shares
        # it with the live server's thread), so the copy lives as long as the worker.
        source = sqlite3.connect(f"file:{template.name}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return copy
    connection.settings_dict["NAME"] = template.name
    connection.creation._clone_test_db(worker, verbosity=0, keepdb=False)
    copy = connection.creation.get_test_db_clone_settings(worker)["NAME"]
    connection.settings_dict["NAME"] = copy
    return copy


def end_other_sessions() -> None:
    """Ends every other session on this process's PostgreSQL test database, which cannot be
    dropped while anyone is connected. The live server's request threads each hold a connection
    until the browser lets go of the thread's keep-alive socket, which can be after the last test
    has ended (seen once, after a test that did not flush)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def destroy_copy(copy: str) -> None:
    connection.close()
    if connection.vendor != "sqlite":
        connection.creation._destroy_test_db(copy, verbosity=0)
