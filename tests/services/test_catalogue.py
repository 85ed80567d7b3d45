"""Keeping the search current across processes.

Each server process keeps its compiled catalogue of services and asks the database at most once
every CATALOGUE_VERSION_CHECK_SECONDS (5 s in production) whether another process has changed
them. The other tests set that interval to 0; these run it at 5 s, on a clock they move by hand.
"""

import threading
import time
import uuid

import pytest
from django.db import connection

from services.catalogue import catalogue_version
from services.catalogue_version import mark_catalogue_stale
from services.models import CatalogueVersion, Service
from services.search import SearchQuery, search


@pytest.fixture
def clock(monkeypatch):
    """time.monotonic as a number the test moves, from an hour after start-up."""
    now = [3600.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    return now


def names_found() -> dict[str, str]:
    return {result.entry.slug: result.entry.name for result in search(SearchQuery()).results}


def edit_in_another_process(slug: str, name: str) -> None:
    """What another server's edit leaves behind: the changed row and a new version token,
    committed on a connection of its own, and nothing said to this process."""

    def edit() -> None:
        try:
            # The base manager's update tells this process nothing, as another process's would.
            Service._base_manager.filter(slug=slug).update(name=name)
            CatalogueVersion.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})
        finally:
            connection.close()

    other = threading.Thread(target=edit)
    other.start()
    other.join()


@pytest.mark.django_db(transaction=True)
def test_another_process_s_edit_is_found_at_the_first_check_5_s_after_the_last_not_before(
    reference_data_committed, settings, clock, django_assert_num_queries
):
    settings.CATALOGUE_VERSION_CHECK_SECONDS = 5
    assert names_found()["wishes"] == "WISHES"

    edit_in_another_process("wishes", "WISHES Edinburgh")
    clock[0] += 4.9
    # Still fresh: the search answers from the catalogue it has, without asking the database.
    with django_assert_num_queries(0):
        assert names_found()["wishes"] == "WISHES"
    clock[0] += 0.1

    assert names_found()["wishes"] == "WISHES Edinburgh"
    # And that check starts the next 5 s.
    edit_in_another_process("wishes", "WISHES Lothians")
    clock[0] += 4.9
    with django_assert_num_queries(0):
        assert names_found()["wishes"] == "WISHES Edinburgh"


@pytest.mark.django_db
def test_every_change_leaves_a_new_version_for_other_processes_even_on_a_new_database():
    CatalogueVersion.objects.all().delete()
    versions = []

    for _ in range(2):
        mark_catalogue_stale()
        versions.append(catalogue_version())

    assert None not in versions
    assert versions[0] != versions[1]
