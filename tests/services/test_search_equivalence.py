"""The fast search over the compiled catalogue answers exactly as the plain reading of the rules
(tests/services/reference_search.py), for the real services and a crowd of random ones."""

import itertools
import random

import pytest

from geography.models import CouncilArea
from services.catalogue import published_services
from services.eligibility import Gender, Person, PersonInvolvement, Status
from services.models import (
    ContactRoute,
    Inclusion,
    Involvement,
    Location,
    MenServed,
    Offer,
    Organisation,
    Scope,
    Service,
    WaitingList,
)
from services.search import Placing, SearchQuery, search
from tests.services.reference_search import reference_search


def add_random_services(count: int, seed: int) -> None:
    chance = random.Random(seed)
    organisation = Organisation.objects.create(name="Random services")
    areas = list(CouncilArea.objects.without_geometry())
    offers = list(Offer.objects.all())
    for number in range(count):
        min_age = chance.choice([None, 16, 18, 21])
        service = Service.all_objects.create(
            organisation=organisation,
            name=f"Random {number:03d}",
            slug=f"random-{number:03d}",
            summary="A random service.",
            primary_offer=chance.choice(offers),
            scope=chance.choice([Scope.AREAS] * 6 + [Scope.SCOTLAND, Scope.UK]),
            remote=chance.random() < 0.2,
            min_age=min_age,
            max_age=chance.choice([None, None, 25, 65]) if min_age != 21 else None,
            women=(women := chance.random() < 0.8),
            men=chance.choice([MenServed.ALL, MenServed.MSM_ONLY])
            if not women
            else chance.choice(list(MenServed)),
            trans=chance.choice(list(Inclusion)),
            non_binary=chance.choice(list(Inclusion)),
            involvement=chance.choice(list(Involvement)),
            for_trafficked_people=chance.random() < 0.1,
            waiting_list=WaitingList.NONE,
        )
        service.offers.set(chance.sample(offers, chance.randint(1, 4)))
        covered = chance.sample(areas, chance.randint(1, 6))
        service.coverage.set(covered)
        for base in range(chance.randint(0, 2)):
            area = chance.choice(covered)
            point = area.label_point["coordinates"] if chance.random() < 0.5 else None
            Location.all_objects.create(
                service=service,
                name=f"Base {base}",
                council_area=area,
                point={"type": "Point", "coordinates": point} if point else None,
                public=chance.random() < 0.8,
            )
        # Some can be contacted (and come first within their verdict), some only by professionals.
        if chance.random() < 0.5:
            ContactRoute.all_objects.create(
                service=service,
                kind="phone",
                value=f"0131 496 {number:04d}",
                public=chance.random() < 0.8,
            )


def people():
    """Nobody, someone asking for particular help, and a seeded sample of every combination of
    answers (each answer given or left out)."""
    every = [
        Person(age, gender, trans, involvement, trafficked)
        for age, gender, trans, involvement, trafficked in itertools.product(
            (None, 17, 30),
            (None, *Gender),
            (None, True),
            (None, PersonInvolvement.FORMER),
            (None, True),
        )
    ]
    return [
        Person(),
        Person(age=30, gender=Gender.WOMAN, needs=frozenset({"sexual_health", "counselling"})),
        *random.Random(3).sample(every, 24),
    ]


def outcome_summary(outcome):
    return (
        [
            (
                r.entry.slug,
                r.placing,
                r.status,
                r.verdict.reasons,
                r.availability.because,
                None if r.distance_km is None else round(r.distance_km, 6),
            )
            for r in outcome.results
        ],
        outcome.total,
        outcome.counts_by_area,
        outcome.no_local_service,
        outcome.in_person_here,
        outcome.in_person_for_them,
        [
            (r.entry.slug, r.placing, r.status, r.availability.because, round(r.distance_km, 6))
            for r in outcome.further_away
        ],
    )


@pytest.mark.django_db
def test_the_fast_search_agrees_with_the_plain_rules():
    add_random_services(60, seed=20261125)
    edinburgh = CouncilArea.objects.get(code="S12000036")
    shetland = CouncilArea.objects.get(code="S12000027")
    places = [
        {"located": False},
        {"located": True, "area": edinburgh},
        {"located": True, "area": shetland, "point": (-1.15, 60.15)},
        {"located": True, "area": None, "point": (1.0, 57.0)},
    ]

    assert fast_and_plain_searches_agree(people(), places) == 26 * 4 * 2 * 2 * 2


def test_the_fast_search_agrees_with_the_plain_rules_across_great_britain(great_britain):
    # Scotland-wide services reach no English or Welsh area; UK-wide and remote ones reach all.
    add_random_services(40, seed=20261205)
    carlisle = CouncilArea.objects.get(code="E07000028")
    cardiff = CouncilArea.objects.get(code="W06000015")
    places = [
        {"located": True, "area": carlisle, "point": (-2.93, 54.89)},
        {"located": True, "area": cardiff},
        {"located": True, "area": CouncilArea.objects.get(code="S12000036")},
    ]

    assert fast_and_plain_searches_agree(people()[:6], places) == 6 * 3 * 2 * 2 * 2


def fast_and_plain_searches_agree(persons: list[Person], places: list[dict]) -> int:
    """Every search of these people at these places, answered by the fast search and by the plain
    rules (tests/services/reference_search.py), the same; how many were compared."""
    services = list(published_services().in_finder())
    compared = 0
    verdicts = set()
    placings = set()
    for person in persons:
        for place, remote_only, include, limit in itertools.product(
            places, (False, True), (False, True), (None, 3)
        ):
            query = SearchQuery(
                person=person,
                remote_only=remote_only,
                include_not_eligible=include,
                limit=limit,
                **place,
            )
            expected = outcome_summary(reference_search(query, services))
            assert outcome_summary(search(query)) == expected, query
            compared += 1
            verdicts.update(status for _, _, status, *_ in expected[0])
            placings.update(placing for _, placing, *_ in expected[0])
    assert verdicts == set(Status)
    assert placings == {None, Placing.HERE, Placing.WIDER}
    return compared


@pytest.mark.django_db
def test_the_database_filter_of_services_working_in_an_area_agrees_with_the_plain_rule():
    add_random_services(60, seed=20261205)
    services = list(published_services())
    areas = list(CouncilArea.objects.without_geometry())
    assert len(services) > 60
    assert len(areas) == 32

    for area in areas:
        expected = {
            service.slug
            for service in services
            if area in service.coverage.all()
            or service.scope == Scope.UK
            or (service.scope == Scope.SCOTLAND and area.country == "S")
        }
        found = set(published_services().working_in(area).values_list("slug", flat=True))
        assert found == expected, area.name
