"""The suite's own guards (tests/conftest.py), each shown to see what it guards against: a guard
that saw nothing would let every test it guards pass.

- The write guard of read-only live-server tests (committed_data_read_only) compares a digest of
  every table's rows before and after: a row changed in place or removed shows, the
  reference geography and the bookkeeping it leaves aside do not.
- make test runs a test that reaches no database once (--database-tests-only leaves it out of
  the later databases' runs): a test that reaches one, in any of the ways pytest-django allows,
  must never be left out."""

import subprocess
import sys
from datetime import UTC, datetime

import pytest
from django.db import connection

from geography.models import Place
from services.models import Service, UsedFinderToken
from tests.conftest import table_digests, tables_written_since


@pytest.mark.django_db
def test_the_write_guard_sees_a_row_changed_in_place_or_removed():
    # Straight in SQL: the guard must see a write whichever way it was made.
    before = table_digests()
    service = Service.all_objects.filter(offers__isnull=False).order_by("pk").first()
    services = Service._meta.db_table
    offers = Service.offers.through._meta.db_table

    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {services} SET name = %s WHERE id = %s", ["Changed", service.pk])  # noqa: S608
        assert tables_written_since(before) == [services]
        cursor.execute(f"UPDATE {services} SET name = %s WHERE id = %s", [service.name, service.pk])  # noqa: S608
        assert tables_written_since(before) == []
        cursor.execute(f"DELETE FROM {offers} WHERE service_id = %s", [service.pk])  # noqa: S608
        assert tables_written_since(before) == [offers]


@pytest.mark.django_db
def test_the_write_guard_leaves_aside_the_reference_geography_and_the_used_finder_tokens():
    before = table_digests()

    Place.objects.filter(pk=Place.objects.order_by("pk").values("pk")[:1]).update(name="Renamed")
    UsedFinderToken.objects.create(token="a" * 32, expires=datetime(2030, 1, 1, tzinfo=UTC))

    assert tables_written_since(before) == []


def test_only_the_tests_that_reach_no_database_are_left_out_of_a_later_database_s_run():
    listed = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"),
            *("--database-tests-only", "tests/services/test_eligibility.py"),
            "tests/test_database_outage.py",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    eligibility = "tests/services/test_eligibility.py::"
    outage = "tests/test_database_outage.py::"

    # Marked django_db; read through a fixture that lifts pytest-django's block itself; marked
    # every_database, as it reads which database is configured without connecting.
    assert (
        f"{eligibility}test_a_stored_service_is_judged_by_the_rules_its_editors_set[offers]"
        in listed
    )
    assert (
        f"{eligibility}test_searches_judge_the_real_services_as_evaluate_does_for_every_kind_of_person"
        in listed
    )
    assert f"{outage}test_postgresql_gives_up_connecting_within_two_seconds" in listed
    # Asks for the database through a fixture (reference_data_committed, then transactional_db).
    assert any(line.startswith(f"{outage}test_a_database_that_takes") for line in listed)
    # Pure rules, run once.
    assert not any(
        "test_searches_judge_every_set_of_rules_as_evaluate_does[" in line for line in listed
    )
    assert f"{eligibility}test_no_services_have_no_statuses" not in listed
