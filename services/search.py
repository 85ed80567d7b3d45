"""The finder's one search: the pure rules over the compiled catalogue of published services.

Every published service is judged for eligibility (the map shades each council area by how many
of the person's possible services reach it); the list holds those within reach of the person.
Distance only orders the list; it never hides a service.
"""

from dataclasses import dataclass, field

import numpy

from geography.locate import Located
from geography.models import CouncilArea
from services.availability import (
    AreaRef,
    Availability,
    Point,
    Reach,
    availability,
    coverage,
)
from services.catalogue import Catalogue, Entry, area_ref, current_catalogue, label_point
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
    # At most this many results, the best first (for you, then check with them; nearest first
    # within each); None for all of them.
    limit: int | None = None


@dataclass(frozen=True)
class Result:
    entry: Entry
    verdict: Verdict
    availability: Availability
    distance_km: float | None

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def service(self) -> Service:
        return self.entry.service

    @property
    def reach(self) -> Reach:
        return self.entry.reach


@dataclass(frozen=True)
class SearchOutcome:
    results: list[Result]
    # How many services matched, of which ``results`` holds the first ``limit``.
    total: int
    # For the map: how many services the person may use (eligible or unclear) reach each area.
    counts_by_area: dict[str, int]
    # True when no service the person may use lists their own area (whether or not they asked
    # for remote support only): nothing works in person where they are.
    no_local_service: bool


def search(query: SearchQuery) -> SearchOutcome:
    catalogue = current_catalogue()
    area = area_ref(query.area)
    point = query.point or label_point(query.area)
    group_rank = catalogue.group_columns.statuses(query.person)
    usable_groups = group_rank < Status.NOT_ELIGIBLE.rank
    candidates = catalogue.within_reach(area, query.located, query.remote_only)
    ranks = group_rank[catalogue.group_of[candidates]]
    if not query.include_not_eligible:
        kept = ranks < Status.NOT_ELIGIBLE.rank
        candidates, ranks = candidates[kept], ranks[kept]
    distances = catalogue.distances_km(point)[candidates]
    order = numpy.lexsort((catalogue.name_order[candidates], distances, ranks))
    chosen = order if query.limit is None else order[: query.limit]
    results = []
    for position in chosen:
        entry = catalogue.entries[candidates[position]]
        if query.located:
            where = availability(entry.reach, area, query.remote_only)
        else:
            where = coverage(entry.reach, query.remote_only)
        distance = float(distances[position])
        # The reasons are worded only for the services listed.
        verdict = evaluate(entry.rules, query.person)
        results.append(Result(entry, verdict, where, distance if distance < numpy.inf else None))
    return SearchOutcome(
        results=results,
        total=len(candidates),
        counts_by_area=catalogue.counts_by_area(usable_groups, query.remote_only),
        no_local_service=query.located
        and area is not None
        and not _works_in_person_for(catalogue, area, usable_groups, query.include_not_eligible),
    )


def _works_in_person_for(
    catalogue: Catalogue, area: AreaRef, usable_groups: numpy.ndarray, any_verdict: bool
) -> bool:
    local = catalogue.listing.get(area.code)
    if local is None:
        return False
    return any_verdict or bool(usable_groups[catalogue.group_of[local]].any())


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
