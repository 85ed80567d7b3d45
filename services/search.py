"""The finder's one search: one set of queries for the services, then the pure rules.

Every published service is judged for eligibility (the map shades each council area by how many
of the person's possible services reach it); the list holds those within reach of the person.
Distance only orders the list; it never hides a service.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from geography.locate import Located
from geography.models import CouncilArea
from services.availability import (
    AreaRef,
    Availability,
    Point,
    Reach,
    availability,
    coverage,
    nearest_base_km,
)
from services.eligibility import Person, ServiceRules, Status, Verdict, evaluate
from services.models import ContactRoute, Location, Scope, Service


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
    area = _area_ref(query.area)
    point = query.point or _label_point(query.area)
    results = []
    usable_reaches = []
    for service in published_services():
        reach = reach_of(service)
        verdict = evaluate(ServiceRules.of(service), query.person)
        if verdict.status is not Status.NOT_ELIGIBLE:
            usable_reaches.append(reach)
        if query.located:
            where = availability(reach, area, query.remote_only)
        else:
            where = coverage(reach, query.remote_only)
        if not where.reachable:
            continue
        if verdict.status is Status.NOT_ELIGIBLE and not query.include_not_eligible:
            continue
        results.append(Result(service, verdict, where, nearest_base_km(reach, point), reach))
    results.sort(key=_ranking)
    return SearchOutcome(
        results=results,
        counts_by_area=_counts_by_area(usable_reaches, query.remote_only),
        no_local_service=query.located
        and area is not None
        and not any(area in result.reach.areas for result in results),
    )


def published_services() -> QuerySet[Service]:
    """Published services with what the rules, the list and a service's page need: a fixed six
    queries however many services there are."""
    public_locations = Location.public_objects.select_related("council_area").defer(
        "council_area__boundary", "council_area__display_boundary"
    )
    return Service.published_objects.select_related(
        "organisation", "primary_offer"
    ).prefetch_related(
        "offers",
        "access_routes",
        Prefetch("coverage", queryset=CouncilArea.objects.without_geometry()),
        Prefetch("locations", queryset=public_locations, to_attr="public_locations"),
        Prefetch(
            "contact_routes", queryset=ContactRoute.public_objects.all(), to_attr="public_contacts"
        ),
    )


def reach_of(service: Service) -> Reach:
    """Where a prefetched service works (see :func:`published_services`)."""
    return Reach(
        scope=Scope(service.scope),
        areas=tuple(
            _area_ref(area) for area in sorted(service.coverage.all(), key=lambda a: a.name)
        ),
        remote=service.remote,
        access=frozenset(route.code for route in service.access_routes.all()),
        bases=tuple((base.lon, base.lat) for base in public_bases(service)),
    )


@dataclass(frozen=True)
class Base:
    """A public base of a service, placed on the map."""

    name: str
    lon: float
    lat: float
    # A base known only by its council area is placed at a point inside that area: good enough to
    # rank by distance and to mark on a whole-country map; the page says to ask for the address.
    approximate: bool


def public_bases(service: Service) -> list[Base]:
    """The public bases of a service prefetched by :func:`published_services`."""
    bases = []
    for location in service.public_locations:
        if location.point:
            lon, lat = location.point["coordinates"][:2]
            bases.append(Base(location.name, lon, lat, approximate=False))
        elif (point := _label_point(location.council_area)) is not None:
            bases.append(Base(location.name, *point, approximate=True))
    return bases


def _label_point(area: CouncilArea | None) -> Point | None:
    if area is None or not area.label_point:
        return None
    lon, lat = area.label_point["coordinates"][:2]
    return (lon, lat)


def _area_ref(area: CouncilArea | None) -> AreaRef | None:
    return None if area is None else AreaRef(area.code, area.name, area.country)


def _ranking(result: Result) -> tuple:
    distance = result.distance_km if result.distance_km is not None else float("inf")
    return (result.status.rank, distance, result.service.name.lower())


def _counts_by_area(reaches: list[Reach], remote_only: bool) -> dict[str, int]:
    areas = [
        AreaRef(code, name, country)
        for code, name, country in CouncilArea.objects.values_list("code", "name", "country")
    ]
    return {
        area.code: sum(availability(reach, area, remote_only).reachable for reach in reaches)
        for area in areas
    }


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
