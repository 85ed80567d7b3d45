"""The 16 services of the 2022 mapping survey, as loaded from fixtures/services.json.

Each figure below is one the survey published (lived experience engagement report, section 3.1).
"""

import json

import pytest
from django.db.models import Count, Q

from geography.models import Country
from services.models import (
    Inclusion,
    Location,
    MenServed,
    Offer,
    Scope,
    Service,
    WaitingList,
)
from services.seed import SeedError, load_services, service_record
from tests.conftest import SEED_FILE

services = Service.all_objects
ROUTES_ADDED_BY_THE_CONTACTS_FILE = [
    "quay-services",
    "rasac-perth-kinross",
    "routes-out",
    "tara",
    "national-ugly-mugs",
    "you-my-sister",
]


@pytest.mark.parametrize(
    ("figure", "count", "expected"),
    [
        ("services", lambda: services.count(), 16),
        ("with a base in Scotland", lambda: services.based_in(Country.SCOTLAND).count(), 14),
        ("UK-wide", lambda: services.filter(scope=Scope.UK).count(), 2),
        (
            "UK-wide ones are remote",
            lambda: services.filter(scope=Scope.UK, remote=True).count(),
            2,
        ),
        ("police-led", lambda: services.filter(police_led=True).count(), 2),
        ("support women", lambda: services.filter(women=True).count(), 15),
        (
            "support women and men",
            lambda: services.filter(women=True).exclude(men=MenServed.NONE).count(),
            6,
        ),
        (
            "men who have sex with men only",
            lambda: services.filter(men=MenServed.MSM_ONLY).count(),
            1,
        ),
        (
            "explicitly include trans and non-binary people",
            lambda: services.filter(
                trans=Inclusion.INCLUDED, non_binary=Inclusion.INCLUDED
            ).count(),
            11,
        ),
        (
            "do not say",
            lambda: services.filter(
                trans=Inclusion.NOT_STATED, non_binary=Inclusion.NOT_STATED
            ).count(),
            5,
        ),
        (
            "have a waiting list",
            lambda: services.exclude(waiting_list=WaitingList.NONE).count(),
            3,
        ),
        ("18 or over", lambda: services.filter(min_age=18).count(), 15),
        ("16 or over", lambda: services.filter(min_age=16).count(), 1),
        ("remote", lambda: services.filter(remote=True).count(), 3),
        ("travel costs covered", lambda: services.filter(travel_costs_covered=True).count(), 1),
    ],
)
def test_loaded_data_reproduces_the_survey_figures(db, figure, count, expected):
    assert count() == expected, figure


def test_primary_offers_match_the_survey(db):
    by_offer = dict(
        services.values_list("primary_offer")
        .annotate(n=Count("id"))
        .values_list("primary_offer", "n")
    )

    assert by_offer == {
        "holistic_support": 7,
        "outreach_harm_reduction": 3,
        "sexual_health": 2,
        "employability": 2,
        "courses_peer_support": 1,
        "incident_reporting_alerts": 1,
    }


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("roam", {"min_age": 16, "women": False, "men": MenServed.MSM_ONLY}),
        ("you-my-sister", {"involvement": "former", "waiting_list": WaitingList.NEXT_COURSE}),
        ("tara", {"for_trafficked_people": True, "scope": Scope.SCOTLAND, "remote": True}),
        ("leith-partnership", {"police_led": True, "trans": Inclusion.NOT_STATED}),
        ("national-ugly-mugs", {"scope": Scope.UK, "remote": True}),
    ],
)
def test_named_services_keep_their_distinctive_rules(db, slug, expected):
    service = services.get(slug=slug)

    assert {field: getattr(service, field) for field in expected} == expected


def test_every_service_keeps_its_sources_confidence_and_check_date(db):
    for service in services.all():
        assert service.sources.filter(url__contains="gov.scot").exists(), service.slug
        assert service.last_verified.isoformat() == "2022-05-31"
        assert service.eligibility_confidence in {"high", "medium", "low"}


def test_coverage_and_bases_come_from_the_seed(db):
    roam = services.get(slug="roam")

    assert set(roam.coverage.values_list("code", flat=True)) == {
        "S12000036",
        "S12000010",
        "S12000019",
        "S12000040",
    }
    assert Location.all_objects.get(service=roam).council_area.code == "S12000036"
    assert not Location.all_objects.filter(service__slug="national-ugly-mugs").exists()
    assert set(Offer.objects.get(code="sexual_health").services.values_list("slug", flat=True)) >= {
        "roam",
        "wishes",
        "quay-services",
    }


def test_loading_twice_changes_nothing(db):
    before = {
        service.slug: (service.updated_at, service_record(service)) for service in services.all()
    }

    report = load_services(SEED_FILE)

    # The contacts file (loaded after the seed) gave these routes, or sources for routes, that the
    # seed does not hold: the seed keeps them, as it keeps any change made since seeding.
    assert sorted(report.kept) == sorted(ROUTES_ADDED_BY_THE_CONTACTS_FILE)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 10)
    after = {
        service.slug: (service.updated_at, service_record(service)) for service in services.all()
    }
    assert after == before


def test_an_admin_edit_is_kept_unless_overwrite_is_asked_for(db):
    services.filter(slug="wishes").update(summary="Edited by an admin")

    kept = load_services(SEED_FILE)
    assert sorted(kept.kept) == sorted([*ROUTES_ADDED_BY_THE_CONTACTS_FILE, "wishes"])
    assert services.get(slug="wishes").summary == "Edited by an admin"

    reset = load_services(SEED_FILE, overwrite=True)
    assert sorted(reset.updated) == sorted([*ROUTES_ADDED_BY_THE_CONTACTS_FILE, "wishes"])
    assert services.get(slug="wishes").summary.startswith("A women-only sexual health service")


def test_a_new_database_gets_every_service(db):
    services.all().delete()

    report = load_services(SEED_FILE)

    assert len(report.created) == 16
    assert services.filter(Q(offers__isnull=False)).distinct().count() == 16


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda doc: doc["services"][3].update(men="some"), "service 'rasac-perth-kinross': men"),
        (lambda doc: doc["services"][5].update(min_age=30, max_age=20), "minimum age"),
        (lambda doc: doc["services"][0].update(coverage=["S12999999"]), "S12999999"),
        (lambda doc: doc["services"][0].update(offers=["massage"]), "massage"),
        (lambda doc: doc["services"][0].update(colour="red"), "unknown field 'colour'"),
        (lambda doc: doc["services"][15].update(organisation="Nobody"), "'Nobody'"),
    ],
    ids=["bad choice", "ages reversed", "unknown area", "unknown offer", "typo", "no organisation"],
)
def test_a_bad_seed_file_is_refused_whole(db, tmp_path, change, message):
    services.all().delete()
    document = json.loads(SEED_FILE.read_text())
    change(document)
    path = tmp_path / "services.json"
    path.write_text(json.dumps(document))

    with pytest.raises(SeedError, match=message):
        load_services(path)

    assert services.count() == 0
