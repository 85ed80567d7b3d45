"""The finder's search written the plain way: every published service, one at a time, through the
pure rules. services/search.py answers the same questions from a compiled catalogue, fast;
tests/services/test_search_equivalence.py checks the two never disagree."""

import numpy

from geography.distance import great_circle_km
from geography.models import CouncilArea
from services.availability import AreaRef, Point, Reach, availability, coverage
from services.catalogue import Entry, area_ref, label_point, published_services, reach_of
from services.eligibility import ServiceRules, Status, evaluate
from services.search import FURTHER_AWAY_LIMIT, Placing, Result, SearchOutcome, SearchQuery


def reference_search(query: SearchQuery, services=None) -> SearchOutcome:
    area = area_ref(query.area)
    point = query.point or label_point(query.area)
    results = []
    further = []
    # Only a person who gave their area, wanting more than remote support, is told where.
    placed = query.located and area is not None and not query.remote_only
    usable_reaches = []
    all_reaches = []
    for service in services if services is not None else published_services().in_finder():
        reach = reach_of(service)
        verdict = evaluate(ServiceRules.of(service), query.person)
        all_reaches.append((reach, verdict.status is not Status.NOT_ELIGIBLE))
        if verdict.status is not Status.NOT_ELIGIBLE:
            usable_reaches.append(reach)
        if query.located:
            where = availability(reach, area, query.remote_only)
        else:
            where = coverage(reach, query.remote_only)
        usable = verdict.status is not Status.NOT_ELIGIBLE
        if not where.reachable:
            # Somewhere else, in person: a place the person could travel to.
            if placed and usable and reach.bases:
                distance = nearest_base_km(reach, point)
                further.append(
                    Result(
                        _entry_of(service, reach),
                        None,
                        verdict,
                        coverage(reach),
                        distance,
                        placing=Placing.FURTHER_AWAY,
                        service=service,
                    )
                )
            continue
        if not usable and not query.include_not_eligible:
            continue
        placing = None
        if placed:
            placing = Placing.HERE if reach.lists(area) else Placing.WIDER
        results.append(
            Result(
                _entry_of(service, reach),
                None,
                verdict,
                where,
                nearest_base_km(reach, point),
                placing=placing,
                service=service,
            )
        )
    results.sort(key=_ranking)
    further.sort(key=lambda result: (result.distance_km, result.service.name.lower()))
    return SearchOutcome(
        further_away=further[:FURTHER_AWAY_LIMIT],
        results=results if query.limit is None else results[: query.limit],
        total=len(results),
        **_counts_by_area(usable_reaches, query.remote_only),
        no_local_service=query.located
        and area is not None
        and not any(
            reach.lists(area) and (query.include_not_eligible or usable)
            for reach, usable in all_reaches
        ),
        **_in_person(area if query.located else None, all_reaches),
    )


def _entry_of(service, reach: Reach) -> Entry:
    """What a Result holds of a service, from its model instance: what the comparison reads
    (the summary an answer is made of is left out)."""
    entry = Entry(
        pk=service.pk,
        slug=service.slug,
        name=service.name,
        rules=ServiceRules.of(service),
        reach=reach,
        bases=(),
        based_in=(),
        contactable=bool(service.public_contacts),
    )
    return entry


def _in_person(area: AreaRef | None, all_reaches) -> dict:
    local = [usable for reach, usable in all_reaches if area and reach.lists(area)]
    return {"in_person_here": len(local), "in_person_for_them": sum(local)}


def _counts_by_area(reaches, remote_only: bool) -> dict:
    areas = [
        AreaRef(code, name, country)
        for code, name, country in CouncilArea.objects.values_list("code", "name", "country")
    ]
    return {
        "area_codes": tuple(area.code for area in areas),
        "area_counts": numpy.array(
            [
                sum(availability(reach, area, remote_only).reachable for reach in reaches)
                for area in areas
            ]
        ),
    }


def _ranking(result: Result) -> tuple:
    distance = result.distance_km if result.distance_km is not None else float("inf")
    no_route = not result.service.public_contacts
    elsewhere = result.placing is Placing.WIDER
    return (elsewhere, result.status.rank, no_route, distance, result.service.name.lower())


def nearest_base_km(reach: Reach, point: Point | None) -> float | None:
    """Great-circle distance to the nearest base, or None without a point or a base: the
    distance the search's squared chords must order services by."""
    if point is None or not reach.bases:
        return None
    return min(great_circle_km(*point, *base) for base in reach.bases)
