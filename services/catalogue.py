"""The published services, loaded and compiled once per data version for fast searches.

Loading and compiling every service takes six queries and, at ten thousand services, a good
fraction of a second; a search must take milliseconds. So each server process keeps the compiled
catalogue in memory and rebuilds it only when the data changes: at once when this process changes
it (see signals.py), and within CATALOGUE_VERSION_CHECK_SECONDS when another process does, found
by reading one row (``CatalogueVersion``), not by reloading the services.

The catalogue holds what searches ask of every service, indexed the ways they ask: services with
the same eligibility rules form a group (a search judges each group once), each council area
knows which services list it, and a matrix says which areas each group's services reach.
"""

import threading
import time
import uuid
from dataclasses import dataclass

import numpy
from django.conf import settings
from django.db.models import Prefetch, QuerySet

from geography.distance import EARTH_RADIUS_KM
from geography.models import CouncilArea, Country
from services.availability import AreaRef, Point, Reach
from services.eligibility import RuleColumns, ServiceRules
from services.models import CatalogueVersion, ContactRoute, Location, Scope, Service


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
    """The public bases of a service loaded by :func:`published_services`."""
    bases = []
    for location in service.public_locations:
        if location.point:
            lon, lat = location.point["coordinates"][:2]
            bases.append(Base(location.name, lon, lat, approximate=False))
        elif (point := label_point(location.council_area)) is not None:
            bases.append(Base(location.name, *point, approximate=True))
    return bases


def reach_of(service: Service) -> Reach:
    """Where a service loaded by :func:`published_services` works."""
    return Reach(
        scope=Scope(service.scope),
        areas=tuple(
            area_ref(area) for area in sorted(service.coverage.all(), key=lambda a: a.name)
        ),
        remote=service.remote,
        access=frozenset(route.code for route in service.access_routes.all()),
        bases=tuple((base.lon, base.lat) for base in public_bases(service)),
    )


def label_point(area: CouncilArea | None) -> Point | None:
    if area is None or not area.label_point:
        return None
    lon, lat = area.label_point["coordinates"][:2]
    return (lon, lat)


def area_ref(area: CouncilArea | None) -> AreaRef | None:
    return None if area is None else AreaRef(area.code, area.name, area.country)


@dataclass(frozen=True)
class Entry:
    """A published service as searches use it, worked out once per catalogue."""

    service: Service
    rules: ServiceRules
    reach: Reach
    # The part of a search result that is the same whoever asks (see serializers.result_json).
    summary: dict

    @classmethod
    def of(cls, service: Service) -> "Entry":
        reach = reach_of(service)
        return cls(service, ServiceRules.of(service), reach, service_summary(service, reach))


def service_summary(service: Service, reach: Reach) -> dict:
    return {
        "slug": service.slug,
        "name": service.name,
        "organisation": service.organisation.name,
        "summary": service.summary,
        "url": service.get_absolute_url(),
        "coverage": [area.code for area in reach.areas],
        "scope": service.scope,
        "remote": service.remote,
        "bases": [
            {"name": base.name, "lon": base.lon, "lat": base.lat, "approximate": base.approximate}
            for base in public_bases(service)
        ],
    }


class Catalogue:
    """Every published service, with numpy indexes so that a search touches in Python only the
    few services it returns, however many there are."""

    def __init__(self, services: list[Service], areas: list[AreaRef]):
        self.entries = tuple(Entry.of(service) for service in services)
        self.areas = tuple(areas)
        members: dict[ServiceRules, list[int]] = {}
        for index, entry in enumerate(self.entries):
            members.setdefault(entry.rules, []).append(index)
        self.group_rules = tuple(members)
        self.group_columns = RuleColumns(self.group_rules)
        self.group_of = numpy.zeros(len(self.entries), dtype=numpy.intp)
        for group, indices in enumerate(members.values()):
            self.group_of[indices] = group
        # Ties in distance are listed by name, as people read them.
        names = [entry.service.name.lower() for entry in self.entries]
        self.name_order = numpy.argsort(numpy.argsort(names, kind="stable"), kind="stable")
        listing: dict[str, list[int]] = {}
        for index, entry in enumerate(self.entries):
            for code in entry.reach.area_codes:
                listing.setdefault(code, []).append(index)
        self.listing = {code: numpy.array(indices) for code, indices in listing.items()}
        self.everyone = numpy.arange(len(self.entries))
        self.uk_wide = self._where(lambda reach: reach.scope == Scope.UK)
        self.scotland_wide = self._where(lambda reach: reach.scope == Scope.SCOTLAND)
        self.remote = self._where(lambda reach: reach.remote)
        bases = [(index, base) for index, e in enumerate(self.entries) for base in e.reach.bases]
        self._base_entry = numpy.array([index for index, _ in bases], dtype=numpy.intp)
        self._base_lon = numpy.radians([base[0] for _, base in bases])
        self._base_lat = numpy.radians([base[1] for _, base in bases])
        reached = self._areas_each_service_reaches()
        self._group_reach = (
            numpy.stack([reached[indices].sum(axis=0) for indices in members.values()])
            if members
            else numpy.zeros((0, len(self.areas)))
        ).astype(numpy.float64)
        self._group_remote = numpy.array(
            [sum(self.entries[i].reach.remote for i in indices) for indices in members.values()],
            dtype=numpy.int64,
        )

    def _where(self, test) -> numpy.ndarray:
        return numpy.array(
            [index for index, entry in enumerate(self.entries) if test(entry.reach)],
            dtype=numpy.intp,
        )

    def _areas_each_service_reaches(self) -> numpy.ndarray:
        """reached[service, area]: the service is within reach of someone in the area, by
        services.availability's rule: it lists the area, works nationwide there, or remotely."""
        position = {area.code: index for index, area in enumerate(self.areas)}
        scottish = numpy.array([area.country == Country.SCOTLAND for area in self.areas])
        reached = numpy.zeros((len(self.entries), len(self.areas)), dtype=numpy.int64)
        for index, entry in enumerate(self.entries):
            reach = entry.reach
            if reach.remote or reach.scope == Scope.UK:
                reached[index, :] = 1
                continue
            if reach.scope == Scope.SCOTLAND:
                reached[index, scottish] = 1
            reached[index, [position[code] for code in reach.area_codes if code in position]] = 1
        return reached

    def within_reach(self, area: AreaRef | None, located: bool, remote_only: bool) -> numpy.ndarray:
        """Indexes of the services within reach, by services.availability's rule."""
        if remote_only:
            return self.remote
        if not located:
            return self.everyone
        parts = [self.uk_wide, self.remote]
        if area is None or area.country == Country.SCOTLAND:
            parts.append(self.scotland_wide)
        if area is not None and area.code in self.listing:
            parts.append(self.listing[area.code])
        return numpy.unique(numpy.concatenate(parts))

    def distances_km(self, point: Point | None) -> numpy.ndarray:
        """Each service's great-circle distance to its nearest base (inf without one), the
        haversine of geography.distance, for every service at once."""
        nearest = numpy.full(len(self.entries), numpy.inf)
        if point is None or not len(self._base_entry):
            return nearest
        lon, lat = numpy.radians(point[0]), numpy.radians(point[1])
        half_dlat = (self._base_lat - lat) / 2
        half_dlon = (self._base_lon - lon) / 2
        a = (
            numpy.sin(half_dlat) ** 2
            + numpy.cos(lat) * numpy.cos(self._base_lat) * numpy.sin(half_dlon) ** 2
        )
        distances = 2 * EARTH_RADIUS_KM * numpy.arcsin(numpy.minimum(1.0, numpy.sqrt(a)))
        numpy.minimum.at(nearest, self._base_entry, distances)
        return nearest

    def counts_by_area(self, usable_groups: numpy.ndarray, remote_only: bool) -> dict[str, int]:
        """For each area, how many services of the usable groups (a boolean mask) reach it."""
        if remote_only:
            count = int(self._group_remote[usable_groups].sum())
            return {area.code: count for area in self.areas}
        # In floating point the product goes to BLAS: ten times faster at 10,000 services than
        # numpy's integer loop, and exact for counts far below 2**53.
        totals = usable_groups.astype(numpy.float64) @ self._group_reach
        return {area.code: int(total) for area, total in zip(self.areas, totals, strict=True)}


def build_catalogue() -> Catalogue:
    areas = [
        AreaRef(code, name, country)
        for code, name, country in CouncilArea.objects.order_by("code").values_list(
            "code", "name", "country"
        )
    ]
    return Catalogue(list(published_services()), areas)


_lock = threading.Lock()
_state: dict = {"catalogue": None, "version": None, "checked_at": float("-inf")}


def catalogue_version() -> uuid.UUID | None:
    return CatalogueVersion.objects.filter(pk=1).values_list("token", flat=True).first()


def current_catalogue() -> Catalogue:
    now = time.monotonic()
    catalogue = _state["catalogue"]
    fresh = now - _state["checked_at"] < settings.CATALOGUE_VERSION_CHECK_SECONDS
    if catalogue is not None and fresh:
        return catalogue
    with _lock:
        version = catalogue_version()
        if _state["catalogue"] is None or version != _state["version"]:
            _state["catalogue"] = build_catalogue()
            _state["version"] = version
        _state["checked_at"] = time.monotonic()
        return _state["catalogue"]


def forget_catalogue() -> None:
    with _lock:
        _state.update(catalogue=None, version=None, checked_at=float("-inf"))


def catalogue_changed() -> None:
    """Record that something the finder shows has changed: a new token for every process."""
    token = uuid.uuid4()
    if not CatalogueVersion.objects.filter(pk=1).update(token=token):
        CatalogueVersion.objects.create(pk=1, token=token)
    forget_catalogue()
