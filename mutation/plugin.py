"""A pytest plugin for `make mutation` only (mutation/README.md), loaded with ``-p``.

mutmut runs each mutant's tests in a process forked from a server that has collected the tests
once. Collecting the static files, building the test database and storing the reference data
take seconds, far longer than most mutants' tests, so the server does them once, here, when it
collects: every forked run starts with a copy of that in-memory database (``--reuse-db`` keeps
pytest-django from building it again) and links the collected files instead of collecting them.

mutmut also learns which tests reach each function by watching one run of them. A cache that
outlives a test hides the later tests that reach the function, and its mutants would meet fewer
tests than check it in truth: each test here starts with the rule caches empty. And a mutant's
run stops at its first failing test, so the quickest tests go first.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# The same examples in every run, so a mutant is killed or not whichever process tries it.
# And no health check may fail a test because a busy machine generates its examples slowly.
hypothesis_settings.register_profile(
    "mutation",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.load_profile("mutation")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Quickest tests first, from the durations mutmut measured (run with -x, a mutant's run ends
    at its first failing test), but tests that empty the database still after those that need
    its reference data."""
    try:
        durations = json.loads(Path("mutmut-stats.json").read_text())["duration_by_test"]
    except FileNotFoundError:
        return
    items.sort(key=lambda item: (_empties_the_database(item), durations.get(item.nodeid, 0)))


def _empties_the_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    transaction = marker is not None and marker.kwargs.get("transaction", False)
    return bool(transaction) or "transactional_db" in getattr(item, "fixturenames", ())


def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.option.collectonly:
        _prepare_once(session.config)


def _prepare_once(config: pytest.Config) -> None:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings
    from pytest_django.plugin import blocking_manager_key

    from geography.models import CouncilArea
    from tests import conftest

    collected = tempfile.mkdtemp(prefix="mutation-static-")
    with override_settings(STATIC_ROOT=collected):
        call_command("collectstatic", interactive=False, verbosity=0)

    def link_collected(name: str, *args, **options) -> None:
        if name != "collectstatic":
            return call_command(name, *args, **options)
        shutil.copytree(collected, settings.STATIC_ROOT, dirs_exist_ok=True, copy_function=os.link)
        return None

    conftest.call_command = link_collected

    with config.stash[blocking_manager_key].unblock():
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        conftest.store_reference_data()
    store = conftest.store_reference_data

    def store_unless_stored() -> None:
        # Still stored unless a transactional test has emptied the database.
        if not CouncilArea.objects.exists():
            store()

    conftest.store_reference_data = store_unless_stored


@pytest.fixture(autouse=True)
def cold_rule_caches():
    from geography import lookup
    from services import availability, eligibility, search

    for module in (availability, eligibility, search):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    lookup.invalidate()
