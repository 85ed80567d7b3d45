"""Synthetic services for the scale test: reproducible, varied, and never beside real ones."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from geography.lookup import area_at
from geography.models import Country
from servicemap.reference_data import SEED_FILE
from services.models import (
    AccessCode,
    Inclusion,
    Interpreters,
    Involvement,
    Location,
    MenServed,
    OfferCode,
    Scope,
    Service,
    WorkingLanguage,
)
from services.scale import SYNTHETIC_ORGANISATION, ScaleDataError, generate_scale_data
from services.seed import SeedError, load_services, service_record

synthetic = Service.all_objects.filter(is_synthetic=True)


def records() -> list[dict]:
    return [service_record(service) for service in synthetic.order_by("slug")]


def test_the_same_seed_gives_the_same_services(great_britain):
    generate_scale_data(60, seed=7)
    first = records()

    generate_scale_data(60, seed=7)

    assert records() == first
    generate_scale_data(60, seed=8)
    assert records() != first


def test_every_record_is_marked_and_counted(great_britain):
    report = generate_scale_data(250)

    assert synthetic.count() == Service.all_objects.count() == report.services == 250
    assert set(synthetic.values_list("organisation__name", flat=True)) == {SYNTHETIC_ORGANISATION}
    assert synthetic.order_by("slug").first().name == "Synthetic service 00001"
    assert synthetic.order_by("slug").last().name == "Synthetic service 00250"
    locations = Location.all_objects.filter(service__is_synthetic=True)
    assert locations.filter(public=True).count() == report.public_locations
    assert locations.filter(public=False).count() == report.confidential_locations
    assert Service.coverage.through.objects.count() == report.coverage_rows


def test_generating_again_replaces_the_synthetic_services(great_britain):
    generate_scale_data(80)

    report = generate_scale_data(30)

    assert report.replaced == 80
    assert synthetic.count() == 30
    assert not Location.all_objects.filter(service__isnull=True).exists()


def test_the_services_vary_as_real_ones_do(great_britain):
    generate_scale_data(600)
    coverage_sizes = synthetic.filter(scope=Scope.AREAS).annotate(areas=Count("coverage"))
    base_counts = synthetic.annotate(bases=Count("locations"))

    observed = {
        "scopes": set(synthetic.values_list("scope", flat=True)),
        "remote": set(synthetic.values_list("remote", flat=True)),
        "offers": set(Service.offers.through.objects.values_list("offer_id", flat=True)),
        "access": set(Service.access_routes.through.objects.values_list("accessroute", flat=True)),
        "minimum ages": {16, 18, None} <= set(synthetic.values_list("min_age", flat=True)),
        "age ranges": synthetic.filter(max_age__isnull=False).exists(),
        "women": set(synthetic.values_list("women", flat=True)),
        "men": set(synthetic.values_list("men", flat=True)),
        "trans": set(synthetic.values_list("trans", flat=True)),
        "non-binary": set(synthetic.values_list("non_binary", flat=True)),
        "involvement": set(synthetic.values_list("involvement", flat=True)),
        "trafficked only": set(synthetic.values_list("for_trafficked_people", flat=True)),
        "fewest areas": min(service.areas for service in coverage_sizes),
        "most areas between 16 and 40": 16
        <= max(service.areas for service in coverage_sizes)
        <= 40,
        "nationwide cover no listed areas": not synthetic.exclude(scope=Scope.AREAS)
        .filter(coverage__isnull=False)
        .exists(),
        "bases per service": {service.bases for service in base_counts},
        "confidential bases": Location.all_objects.filter(public=False).exists(),
        "interpreters": set(synthetic.values_list("interpreters", flat=True)),
        "languages listed": {
            len(languages) for languages in synthetic.values_list("working_languages", flat=True)
        },
        "languages on the list": {
            code
            for languages in synthetic.values_list("working_languages", flat=True)
            for code in languages
        }
        <= set(WorkingLanguage.values),
    }

    assert observed == {
        "scopes": set(Scope.values),
        "remote": {True, False},
        "offers": set(OfferCode.values),
        "access": set(AccessCode.values),
        "minimum ages": True,
        "age ranges": True,
        "women": {True, False},
        "men": set(MenServed.values),
        "trans": set(Inclusion.values),
        "non-binary": set(Inclusion.values),
        "involvement": set(Involvement.values),
        "trafficked only": {True, False},
        "fewest areas": 1,
        "most areas between 16 and 40": True,
        "nationwide cover no listed areas": True,
        "bases per service": {0, 1, 2, 3},
        "confidential bases": True,
        "interpreters": set(Interpreters.values),
        "languages listed": {0, 1, 2, 3},
        "languages on the list": True,
    }


def test_each_base_lies_in_an_area_its_service_works_in(great_britain):
    generate_scale_data(150)
    bases = Location.all_objects.select_related("service", "council_area")

    # 150 services with 0 to 3 bases each: about 225; an empty table would prove nothing.
    assert bases.count() > 100
    for location in bases:
        lon, lat = location.point["coordinates"]
        assert area_at(lon, lat) == location.council_area, location
        if location.service.scope == Scope.AREAS:
            assert location.service.coverage.filter(pk=location.council_area_id).exists()
        elif location.service.scope == Scope.SCOTLAND:
            assert location.council_area.country == Country.SCOTLAND


def test_the_generator_refuses_a_database_with_real_services(db):
    with pytest.raises(ScaleDataError, match="holds real services"):
        generate_scale_data(10)

    assert not synthetic.exists()


def test_the_generator_asks_for_the_great_britain_areas_when_they_are_missing(db):
    Service.all_objects.all().delete()

    with pytest.raises(ScaleDataError, match=r"none in England, Wales\).*gb-topo_lad\.json"):
        generate_scale_data(10)


def test_the_seed_loader_refuses_a_database_with_synthetic_services(great_britain):
    generate_scale_data(5)

    with pytest.raises(SeedError, match="holds synthetic scale-test services"):
        load_services(SEED_FILE)

    assert Service.all_objects.filter(is_synthetic=False).count() == 0


def test_the_command_reports_what_it_made(great_britain):
    output = StringIO()

    call_command("generate_scale_data", "--services", "12", "--seed", "3", stdout=output)

    assert "Created 12 synthetic services (seed 3) over 380 council areas" in output.getvalue()


def test_the_command_says_in_one_line_why_it_refuses(db):
    with pytest.raises(CommandError, match=r"^this database holds real services[^\n]*$"):
        call_command("generate_scale_data", "--services", "12")
