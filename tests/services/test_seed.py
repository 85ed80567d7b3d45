"""The 16 services of the 2022 mapping survey and the 3 known since, as loaded from
fixtures/services.json.

Each figure below is one the survey published (lived experience engagement report, section 3.1),
counted over the survey's own 16: the services added since never change them.
"""

import json

import pytest
from django.db.models import Count, Q

from geography.models import Country
from servicemap.reference_data import SEED_FILE
from services.models import (
    ContactRoute,
    Inclusion,
    Location,
    MenServed,
    Offer,
    Scope,
    Service,
    WaitingList,
)
from services.seed import SeedError, load_services, service_record

services = Service.all_objects
ADDED_SINCE_THE_SURVEY = ["click-sacro", "numbrella-lane", "steve-retson-project"]


class _SurveyServices:
    """The survey's 16, asked afresh in each test (a queryset made at import would be reused)."""

    def __getattr__(self, name):
        return getattr(Service.all_objects.filter(in_2022_survey=True), name)


survey = _SurveyServices()


@pytest.mark.parametrize(
    ("figure", "count", "expected"),
    [
        ("services", lambda: survey.count(), 16),
        (
            "with a base in Scotland",
            lambda: (
                survey.filter(locations__council_area__country=Country.SCOTLAND).distinct().count()
            ),
            14,
        ),
        ("UK-wide", lambda: survey.filter(scope=Scope.UK).count(), 2),
        (
            "UK-wide ones are remote",
            lambda: survey.filter(scope=Scope.UK, remote=True).count(),
            2,
        ),
        ("police-led", lambda: survey.filter(police_led=True).count(), 2),
        ("support women", lambda: survey.filter(women=True).count(), 15),
        (
            "support women and men",
            lambda: survey.filter(women=True).exclude(men=MenServed.NONE).count(),
            6,
        ),
        (
            "men who have sex with men only",
            lambda: survey.filter(men=MenServed.MSM_ONLY).count(),
            1,
        ),
        (
            "explicitly include trans and non-binary people",
            lambda: survey.filter(trans=Inclusion.INCLUDED, non_binary=Inclusion.INCLUDED).count(),
            11,
        ),
        (
            "do not say",
            lambda: survey.filter(
                trans=Inclusion.NOT_STATED, non_binary=Inclusion.NOT_STATED
            ).count(),
            5,
        ),
        (
            "have a waiting list",
            lambda: survey.exclude(waiting_list=WaitingList.NONE).count(),
            3,
        ),
        ("18 or over", lambda: survey.filter(min_age=18).count(), 15),
        ("16 or over", lambda: survey.filter(min_age=16).count(), 1),
        ("remote", lambda: survey.filter(remote=True).count(), 3),
        ("travel costs covered", lambda: survey.filter(travel_costs_covered=True).count(), 1),
    ],
)
def test_loaded_data_reproduces_the_survey_figures(db, figure, count, expected):
    assert count() == expected, figure


def test_primary_offers_match_the_survey(db):
    by_offer = dict(
        # No ordering: modeltranslation makes a model's default ordering explicit, and Django
        # groups by the columns a query is ordered by.
        survey.values_list("primary_offer")
        .order_by()
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
    assert survey.count() == 16
    for service in survey.all():
        assert service.sources.filter(url__contains="gov.scot").exists(), service.slug
        assert service.last_verified.isoformat() == "2022-05-31"
        assert service.eligibility_confidence in {"high", "medium", "low"}


def test_services_known_since_the_survey_are_published_with_their_sources_unchecked(db):
    added = services.filter(in_2022_survey=False)

    assert sorted(added.values_list("slug", flat=True)) == ADDED_SINCE_THE_SURVEY
    for service in added:
        assert service.published, service.slug
        assert service.listed_in_finder, service.slug
        assert service.sources.exists(), service.slug
        # Nothing about them was ever checked with the service, so no check date is claimed.
        assert service.last_verified is None, service.slug
        assert service.eligibility_confidence == "low", service.slug
    assert not services.filter(slug="scotland-cse-national-hub").exists()


def test_operation_begonia_stays_in_the_survey_but_out_of_the_finder(db):
    begonia = services.get(slug="operation-begonia")

    assert begonia.in_2022_survey
    assert begonia.published
    assert not begonia.listed_in_finder
    assert "not a support service a person can contact" in begonia.not_listed_because
    assert not Service.published_objects.in_finder().filter(slug="operation-begonia").exists()


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

    # The seed owns no contact routes: those the contacts file loaded after it are not edits.
    assert report.kept == []
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 19)
    after = {
        service.slug: (service.updated_at, service_record(service)) for service in services.all()
    }
    assert after == before


def test_an_admin_edit_is_kept_unless_overwrite_is_asked_for(db):
    services.filter(slug="wishes").update(summary="Edited by an admin")

    routes = set(ContactRoute.all_objects.values_list("service__slug", "kind", "value"))

    kept = load_services(SEED_FILE)
    assert kept.kept == ["wishes"]
    assert services.get(slug="wishes").summary == "Edited by an admin"

    reset = load_services(SEED_FILE, overwrite=True)
    assert reset.updated == ["wishes"]
    assert services.get(slug="wishes").summary.startswith("A women-only sexual health service")
    # Overwriting a service from the seed keeps the routes the contacts file gave it.
    assert set(ContactRoute.all_objects.values_list("service__slug", "kind", "value")) == routes


def test_a_new_database_gets_every_service(db):
    services.all().delete()

    report = load_services(SEED_FILE)

    assert len(report.created) == 19
    assert services.filter(Q(offers__isnull=False)).distinct().count() == 19


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
