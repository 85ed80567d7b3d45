"""The rules' promises, checked on people and services made up by Hypothesis.

The tables in test_eligibility.py and test_search.py read as a specification; these look for the
case nobody wrote down. Hypothesis shrinks a failure to the smallest person and service that show
it. On CI (CI set) its built-in "ci" profile makes the runs the same every time.
"""

import itertools
import math
from dataclasses import replace

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geography.models import CouncilArea
from services.catalogue import published_services
from services.eligibility import Gender, Person, PersonInvolvement, ServiceRules, Status, evaluate
from services.models import (
    Inclusion,
    Involvement,
    MenServed,
    Offer,
    OfferCode,
    Organisation,
    Scope,
    Service,
    WaitingList,
)
from services.search import Placing, SearchQuery, search

NOT_ELIGIBLE = Status.NOT_ELIGIBLE

# Ages around the real limits (16, 18, 25), so that people land on them.
ages = st.integers(min_value=12, max_value=30)
answers = {
    "age": ages,
    "gender": st.sampled_from(Gender),
    "trans": st.booleans(),
    "involvement": st.sampled_from(PersonInvolvement),
    "trafficked": st.booleans(),
    "needs": st.frozensets(st.sampled_from(OfferCode.values), min_size=1, max_size=3),
}
# What each answer is when the person leaves it out.
LEFT_OUT = {"needs": frozenset()}

people = st.builds(
    Person,
    **{answer: st.just(LEFT_OUT.get(answer)) | given for answer, given in answers.items()},
)
service_rules = st.builds(
    ServiceRules,
    min_age=st.none() | ages,
    max_age=st.none() | ages,
    women=st.booleans(),
    men=st.sampled_from(MenServed),
    trans=st.sampled_from(Inclusion),
    non_binary=st.sampled_from(Inclusion),
    involvement=st.sampled_from(Involvement),
    for_trafficked_people=st.booleans(),
    offers=st.frozensets(st.sampled_from(OfferCode.values), min_size=1, max_size=4),
    other_criteria=st.sampled_from(["", "Referral from a GP"]),
).filter(
    # As the database allows: a service supports someone, and its ages make a range.
    lambda rules: (
        (rules.women or rules.men is not MenServed.NONE)
        and (rules.min_age is None or rules.max_age is None or rules.min_age <= rules.max_age)
    )
)


@given(rules=service_rules, person=people, answer=st.sampled_from(list(answers)))
def test_leaving_out_an_answer_never_rules_out_a_service_the_person_could_use(
    rules, person, answer
):
    left_out = replace(person, **{answer: LEFT_OUT.get(answer)})

    if evaluate(rules, person).status is not NOT_ELIGIBLE:
        assert evaluate(rules, left_out).status is not NOT_ELIGIBLE


@given(rules=service_rules, person=people, answer=st.sampled_from(list(answers)), data=st.data())
def test_adding_an_answer_never_opens_a_service_that_was_not_for_the_person(
    rules, person, answer, data
):
    without = replace(person, **{answer: LEFT_OUT.get(answer)})
    with_it = replace(without, **{answer: data.draw(answers[answer], label=answer)})

    if evaluate(rules, without).status is NOT_ELIGIBLE:
        assert evaluate(rules, with_it).status is NOT_ELIGIBLE


def add_service(number: int, rules: ServiceRules) -> None:
    service = Service.all_objects.create(
        organisation=Organisation.objects.get_or_create(name="Made-up services")[0],
        name=f"Made up {number}",
        slug=f"made-up-{number}",
        summary="A made-up service.",
        primary_offer=Offer.objects.get(code=min(rules.offers)),
        scope=Scope.AREAS,
        min_age=rules.min_age,
        max_age=rules.max_age,
        women=rules.women,
        men=rules.men,
        trans=rules.trans,
        non_binary=rules.non_binary,
        involvement=rules.involvement,
        for_trafficked_people=rules.for_trafficked_people,
        other_criteria=rules.other_criteria,
        waiting_list=WaitingList.NONE,
    )
    service.offers.set(Offer.objects.filter(code__in=rules.offers))


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    # The database is rolled back after each example, by hand; and writing it is the slow part.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(crowd=st.lists(service_rules, min_size=1, max_size=5), person=people)
def test_the_search_lists_and_ranks_services_by_each_one_s_own_verdict(crowd, person):
    with transaction.atomic():
        for number, rules in enumerate(crowd):
            add_service(number, rules)
        verdicts = {
            service.slug: evaluate(ServiceRules.of(service), person).status
            for service in published_services().in_finder()
        }

        public = search(SearchQuery(person=person))
        everyone = search(SearchQuery(person=person, include_not_eligible=True))
        transaction.set_rollback(True)

    assert sorted(r.entry.slug for r in public.results) == sorted(
        slug for slug, status in verdicts.items() if status is not NOT_ELIGIBLE
    )
    # Without a place, no distances: the verdict alone orders the list, best first.
    ranks = [verdicts[r.entry.slug].rank for r in everyone.results]
    assert ranks == sorted(ranks)
    assert len(ranks) == len(verdicts)


def ranking(result) -> tuple:
    """The documented order: for a person who gave their area, those working in person there
    before the others; then for you, then check with them, then not for you; within each, the
    services a person can contact before those we hold no route for; nearest first within
    those, services without a base last; then by name."""
    distance = math.inf if result.distance_km is None else result.distance_km
    no_route = not result.entry.contactable
    elsewhere = result.placing is Placing.WIDER
    return (elsewhere, result.status.rank, no_route, distance, result.entry.name.lower())


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(
    person=people,
    lon=st.floats(min_value=-8.0, max_value=0.0),
    lat=st.floats(min_value=54.5, max_value=61.0),
    area_code=st.sampled_from([None, "S12000036", "S12000027", "S12000033"]),
    include_not_eligible=st.booleans(),
    limit=st.integers(min_value=1, max_value=16),
)
def test_results_come_in_one_order_by_place_then_verdict_then_route_then_distance_then_name(
    person, lon, lat, area_code, include_not_eligible, limit
):
    query = SearchQuery(
        person=person,
        located=True,
        area=CouncilArea.objects.get(code=area_code) if area_code else None,
        point=(lon, lat),
        include_not_eligible=include_not_eligible,
    )

    every = search(query).results
    first = search(replace(query, limit=limit)).results

    keys = [ranking(result) for result in every]
    assert all(before < after for before, after in itertools.pairwise(keys))
    assert [r.entry.slug for r in first] == [r.entry.slug for r in every[:limit]]
