"""The finder's one search: the pure rules over the compiled catalogue of published services.

Every published service is judged for eligibility (the map shades each council area by how many
of the person's possible services reach it); the list holds those within reach of the person.
Distance only orders the list; it never hides a service.
"""

from dataclasses import dataclass, field

import numpy

from geography.locate import Located
from geography.models import CouncilArea, Country
from services.availability import (
    AreaRef,
    Availability,
    Point,
    Reach,
    availability,
    coverage,
    nearest_base_km,
)
from services.catalogue import Catalogue, area_ref, current_catalogue, label_point
from services.eligibility import Person, Status, Verdict, evaluate
from services.models import Service


@dataclass(frozen=True)
class SearchQuery:
    person: Person = field(default_factory=Person)
    # located: the person said where they are. area is None when that place is in no area we hold.
    located: bool = False
    area: CouncilArea | None = None
    point: Point | None = None
    remote_only: bool = False
    include_not_eligible: bool = False


@dataclass(frozen=True)
class Result:
    service: Service
    verdict: Verdict
    availability: Availability
    distance_km: float | None
    reach: Reach

    @property
    def status(self) -> Status:
        return self.verdict.status


@dataclass(frozen=True)
class SearchOutcome:
    results: list[Result]
    # For the map: how many services the person may use (eligible or unclear) reach each area.
    counts_by_area: dict[str, int]
    # True when a located person has no specialist service covering their own area.
    no_local_service: bool


def search(query: SearchQuery) -> SearchOutcome:
    catalogue = current_catalogue()
    area = area_ref(query.area)
    point = query.point or label_point(query.area)
    verdicts = [evaluate(rules, query.person) for rules, _ in catalogue.groups]
    usable = numpy.array([v.status is not Status.NOT_ELIGIBLE for v in verdicts], dtype=bool)
    verdict_of = {
        index: verdict
        for verdict, (_, indices) in zip(verdicts, catalogue.groups, strict=True)
        for index in indices
    }
    results = []
    for index in _candidates(catalogue, query, area):
        verdict = verdict_of[index]
        if verdict.status is Status.NOT_ELIGIBLE and not query.include_not_eligible:
            continue
        entry = catalogue.entries[index]
        if query.located:
            where = availability(entry.reach, area, query.remote_only)
        else:
            where = coverage(entry.reach, query.remote_only)
        distance = nearest_base_km(entry.reach, point)
        results.append(Result(entry.service, verdict, where, distance, entry.reach))
    results.sort(key=_ranking)
    return SearchOutcome(
        results=results,
        counts_by_area=catalogue.counts_by_area(usable, query.remote_only),
        no_local_service=query.located
        and area is not None
        and not any(area.code in result.reach.area_codes for result in results),
    )


def _candidates(catalogue: Catalogue, query: SearchQuery, area: AreaRef | None) -> list[int]:
    """The services within reach, by services.availability's rule, read from the indexes."""
    if query.remote_only:
        return list(catalogue.remote)
    if not query.located:
        return list(range(len(catalogue.entries)))
    reachable = set(catalogue.uk_wide) | set(catalogue.remote)
    if area is None or area.country == Country.SCOTLAND:
        reachable |= set(catalogue.scotland_wide)
    if area is not None:
        reachable |= set(catalogue.listing.get(area.code, ()))
    return sorted(reachable)


def _ranking(result: Result) -> tuple:
    distance = result.distance_km if result.distance_km is not None else float("inf")
    return (result.status.rank, distance, result.service.name.lower())


def location_message(outcome: SearchOutcome, located: Located | None) -> str:
    """What the visitor should know about the place they gave, or an empty string."""
    if located is None:
        return ""
    if located.area is None:
        return f"{located.message} These services work across Scotland, the UK or remotely."
    sentences = [located.message] if located.message else []
    if outcome.no_local_service:
        sentences.append(
            f"No specialist service works in person in {located.area.name}. These services "
            "support people there from across Scotland, the UK or remotely."
        )
    return " ".join(sentences)
