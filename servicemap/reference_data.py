"""The real reference data in a database: Scotland's council areas, every place and postcode, the
services, their contact routes and the helplines, from the team's shared files and the seed fixture.

The suite's test databases (tests/conftest.py) and `make fuzz`'s (stress/fuzz.py) are filled by
the same function. Reading and repairing the files takes seconds, so each is read once a process.
"""

import functools
from pathlib import Path

from django.conf import settings

from geography.boundaries import PreparedImport, prepare_import, store_areas
from geography.gazetteer_import import (
    SHARED_DISTRICTS_FILE,
    SHARED_PLACES_FILE,
    SHARED_POSTCODES_FILE,
    PreparedGazetteer,
    read_gazetteer,
    store_gazetteer,
)
from helplines.directory import HELPLINES_FILE
from helplines.loading import load_helplines
from services.contacts_import import load_contacts
from services.seed import load_services

SEED_FILE = settings.BASE_DIR / "fixtures" / "services.json"


def shared_data(*parts: str) -> Path:
    """A file from the team's shared reference data; its absence is a set-up error, not a skip."""
    path = settings.SHARED_DATA_DIR.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: set SHARED_DATA to the folder holding the shared reference data"
        )
    return path


def contacts_file() -> Path:
    return shared_data("services", "contacts.yaml")


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


def load_seed() -> None:
    """The services, their contact routes and the helplines, as `make data` loads them."""
    load_services(SEED_FILE)
    load_contacts(contacts_file())
    load_helplines(HELPLINES_FILE)


def store_reference_data() -> None:
    store_areas(prepared_scotland())
    store_reference_places()
    load_seed()
