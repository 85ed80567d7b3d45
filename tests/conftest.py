"""Shared fixtures: the real Scottish boundaries and the 16 real services, loaded once.

Repairing the reference boundaries takes seconds, so the repaired areas are computed once per test
process and written into the test database at session start. Tests that use ``db`` see that data
and roll their changes back. Transactional tests (live servers) empty the database when they end,
so they ask for ``reference_data_committed``, which writes it again from the cached repair.
"""

import functools
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from geography import lookup
from geography.boundaries import PreparedImport, prepare_import, store_areas
from geography.places import (
    SHARED_DISTRICTS_FILE,
    SHARED_PLACES_FILE,
    SHARED_POSTCODES_FILE,
    PreparedGazetteer,
    read_gazetteer,
    store_gazetteer,
)
from services.catalogue import forget_catalogue
from services.contacts_import import load_contacts
from services.seed import load_services

SEED_FILE = settings.BASE_DIR / "fixtures" / "services.json"

# Tests speak plain HTTP to the test client and to live servers on loopback. Production's redirect
# to HTTPS, on whenever DEBUG is off, is tested on its own (tests/test_security.py).
settings.SECURE_SSL_REDIRECT = False


def shared_data(*parts: str) -> Path:
    """A file from the team's shared reference data; its absence is a set-up error, not a skip."""
    path = settings.SHARED_DATA_DIR.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: set SHARED_DATA to the folder holding the shared reference data"
        )
    return path


@functools.cache
def prepared_scotland() -> PreparedImport:
    return prepare_import(str(shared_data("boundaries", "sco-topo_lad.json")))


@functools.cache
def prepared_places() -> PreparedGazetteer:
    return read_gazetteer(
        str(shared_data("places", SHARED_PLACES_FILE)),
        str(shared_data("places", SHARED_POSTCODES_FILE)),
        str(shared_data("places", SHARED_DISTRICTS_FILE)),
    )


def store_reference_places() -> None:
    """Every real place, district and postcode: a subset would hide the bugs of the rest."""
    store_gazetteer(prepared_places())


def store_reference_data() -> None:
    store_areas(prepared_scotland())
    store_reference_places()
    load_services(SEED_FILE)
    load_contacts(contacts_file())


def contacts_file() -> Path:
    return shared_data("services", "contacts.yaml")


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


@pytest.fixture
def reference_data_committed(transactional_db):
    store_reference_data()


@pytest.fixture(autouse=True)
def caches_follow_each_test(settings):
    # Rolled-back transactions send no signal, so the point-to-area index and the services
    # catalogue compare their versions with the database on every use; and each test starts with
    # no catalogue, as the one built in the last test may hold its rolled-back changes.
    settings.BOUNDARY_VERSION_CHECK_SECONDS = 0
    settings.CATALOGUE_VERSION_CHECK_SECONDS = 0
    forget_catalogue()
    # A test that faked the clock may leave a check time still in the future of the real one,
    # which no interval makes due: the next test would read its areas as they were.
    lookup.invalidate()
