"""Hostile input to every public form and endpoint: never a server error, never a write from a
read, and a 400 naming the field for input that is certainly wrong.

The strategies are stress/strategies.py's, which `make fuzz` runs 100 000 times; here each runs a
few dozen derandomized examples, so both of the suite's runs (SQLite, PostgreSQL) send the same
requests. The schema-driven fuzz of the JSON API (tests/api/test_fuzz.py) sends what its OpenAPI
description allows and forbids; these add what a schema cannot describe: broken JSON, wrong
content types, lone surrogates, oversized and repeated fields, hostile headers, and the HTML forms.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from hypothesis import HealthCheck, given, settings

from services.models import Suggestion
from services.roles import CASEWORKER
from stress import strategies
from stress.checks import NOT_WHAT_A_VISITOR_SENT, complaints, sent
from stress.fuzz import fuzz
from stress.strategies import Probe

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

READS = {
    "finder": strategies.finder_probes(),
    "caseworker finder": strategies.finder_probes(caseworker=True),
    "referral list": strategies.referral_list_probes(),
    "search API": strategies.search_probes(),
    "place suggestions": strategies.place_suggestion_probes(),
    "area lookup": strategies.AREA_LOOKUP,
    "service list API": strategies.SERVICE_LIST,
    "Open Referral services": strategies.OPEN_REFERRAL_SERVICES,
    "Open Referral lists": strategies.OPEN_REFERRAL_LISTS,
    "slugs and ids": strategies.path_probes(),
    "area shapes": strategies.area_shapes_probes(),
    "plain pages": strategies.public_page_probes(),
}


# Server errors the strategies found, kept as fixed examples: each was a 500 (see api_json.py and
# services/api.py), now a 400 or a 404 naming what was wrong.
FOUND = {
    "JSON nested too deeply": (
        Probe("search", "POST", "/api/v1/search", b"[" * 100_000, strategies.JSON),
        400,
    ),
    "a lone surrogate in a field's name, echoed in the error": (
        Probe("search", "POST", "/api/v1/search", b'{"\\ud800": 1}', strategies.JSON),
        400,
    ),
    "a NUL byte in a service's slug (PostgreSQL refuses it)": (
        Probe("service", "GET", "/api/v1/services/roam%00"),
        404,
    ),
}


@pytest.mark.parametrize(("probe", "status"), FOUND.values(), ids=FOUND.keys())
def test_input_that_once_caused_server_errors_is_answered(clients, probe, status):
    response, writes = sent(clients[False], probe)

    assert response.status_code == status
    assert complaints(probe, response, writes) == []
    assert response["Content-Type"].startswith(("application/json", "application/problem+json"))


def row_counts() -> dict[str, int]:
    """Rows of every table but the finder's used tokens: a whole-page finder form uses its token up
    (stress/checks.py says why that is no visitor's input)."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.db_table != NOT_WHAT_A_VISITOR_SENT
    }


@pytest.fixture
def clients(django_user_model, settings) -> dict[bool, Client]:
    """An anonymous visitor, and a signed-in caseworker: keyed by Probe.caseworker."""
    # Every suggestion reaches the form, rather than the hourly limit's page.
    settings.SUGGESTIONS_PER_HOUR = 10**9
    user = django_user_model.objects.create_user("casey", password="a long passphrase 42")
    user.groups.add(Group.objects.get(name=CASEWORKER))
    caseworker = Client()
    caseworker.force_login(user)
    return {False: Client(), True: caseworker}


def answers_well(clients: dict[bool, Client], probe: Probe) -> None:
    response, writes = sent(clients[probe.caseworker], probe)
    assert complaints(probe, response, writes) == [], probe


@pytest.mark.parametrize("strategy", READS.values(), ids=READS.keys())
def test_hostile_reads_get_no_server_error_change_nothing_and_name_bad_fields(clients, strategy):
    before = row_counts()

    @given(probe=strategy)
    @EXAMPLES
    def run(probe):
        answers_well(clients, probe)

    run()
    assert row_counts() == before


def test_hostile_suggestions_get_no_server_error_and_name_bad_fields(clients):
    before = row_counts()

    @given(probe=strategies.suggestion_probes())
    @EXAMPLES
    def run(probe):
        answers_well(clients, probe)

    run()
    changed = {label for label, count in row_counts().items() if count != before[label]}
    assert changed <= {Suggestion._meta.label}


def test_the_long_fuzz_run_counts_every_request_and_each_status(clients):
    report = fuzz(clients, requests=40)

    assert report.sent == 40
    assert report.server_errors == 0
    assert report.complaints == {}
    assert "requests sent: 40 " in report.text()
    assert "5xx answers: 0" in report.text()
