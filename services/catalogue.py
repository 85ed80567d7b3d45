"""The published services still running (a closed one keeps its page but leaves the search),
compiled once per data version for fast searches.

A search must take milliseconds at ten thousand services, so each server process keeps the
compiled catalogue in memory and rebuilds it only when the data changes: at once when this
process changes it, and within CATALOGUE_VERSION_CHECK_SECONDS when another process does, found
by reading one row (``CatalogueVersion``), not by reloading the services (see
catalogue_version.py).

The catalogue holds what searches ask of every service, read from the database as plain rows
(one query per table, no model instances) and indexed the ways searches ask: services with the
same eligibility rules form a group (a search judges each group once), each council area knows
which services list it, and each base is a point on the sphere. What a person reads about a
listed service in an answer (its summary: a compact msgspec structure, not its model instance) is
made the first time a search lists it and kept for the SUMMARIES_KEPT most recently listed, so the
memory a process holds does not grow with the number of services it could list. A page that shows
more of a service than the summary loads the records of the services it lists
(services.search.with_records).
"""

import functools
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy
from django.conf import settings
from django.db import connections
from django.db.models import Prefetch, QuerySet
from django.db.models.fields.json import KT
from django.utils import translation

from geography.distance import great_circle_km, unit_vectors
from geography.models import CouncilArea
from services.availability import AreaRef, Point, Reach, ways_of_reaching
from services.catalogue_version import changes_in_this_process
from services.eligibility import ADULTHOOD, RULE_FIELDS, RuleColumns, ServiceRules
from services.models import CatalogueVersion, ContactRoute, Location, Scope, Service
from services.summary import Base, ServiceSummary


def published_services() -> QuerySet[Service]:
    """Published services with what the rules, the list and a service's page need: a fixed
    seven queries however many services there are.

    What it loads is not what it answers: changing its lists of fields and relations changes the
    memory and time the benchmarks measure, never an answer, so mutation testing leaves them be
    (mutation/README.md).
    """
    public_locations = Location.public_objects.select_related("council_area").defer(
        "council_area__boundary",  # pragma: no mutate
        "council_area__display_boundary",  # pragma: no mutate
    )
    return Service.published_objects.select_related(
        "organisation",
        "primary_offer",  # pragma: no mutate
    ).prefetch_related(
        "offers",
        "access_routes",
        "sources",
        Prefetch("coverage", queryset=CouncilArea.objects.without_geometry()),  # pragma: no mutate
        Prefetch("locations", queryset=public_locations, to_attr="public_locations"),
        Prefetch(
            "contact_routes", queryset=ContactRoute.public_objects.all(), to_attr="public_contacts"
        ),
    )


def base_at(name: str, point: Point | None, area_point: Point | None) -> Base | None:
    """A base at its own point, else at its council area's (approximate), else nowhere."""
    if point is not None:
        return Base(name, *point, approximate=False)
    if area_point is not None:
        return Base(name, *area_point, approximate=True)
    return None


def public_bases(service: Service) -> list[Base]:
    """The public bases of a service loaded by :func:`published_services`."""
    bases = (
        base_at(
            location.name,
            _lon_lat(location.point) if location.point else None,
            label_point(location.council_area),
        )
        for location in service.public_locations
    )
    return [base for base in bases if base is not None]


def known_distance_km(bases: Sequence[Base], person_point: Point | None) -> float | None:
    """How far the service is from the person, only as far as we know it: to its nearest base
    with an address, from a point the person gave (a place, a postcode, the map, their device).
    None when either end is known only by its council area, or the service has no base: a
    distance from an area's middle would be a guess read as a fact."""
    if person_point is None:
        return None
    exact = [base for base in bases if not base.approximate]
    if not exact:
        return None
    return min(great_circle_km(*person_point, base.lon, base.lat) for base in exact)


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
    return _lon_lat(area.label_point)


def _lon_lat(point: dict) -> Point:
    # Written by the boundary import and the admin's map as 2-D points: [:2] and [:3] are the
    # same here.
    lon, lat = point["coordinates"][:2]  # pragma: no mutate
    return (lon, lat)


def area_ref(area: CouncilArea | None) -> AreaRef | None:
    return None if area is None else AreaRef(area.code, area.name, area.country)


@dataclass(frozen=True, slots=True)
class Entry:
    """A published service as searches judge and rank it: plain values, read once per catalogue
    from the database's rows (no model instances: at ten thousand services building those took
    seconds and hundreds of megabytes)."""

    pk: int
    slug: str
    name: str
    rules: ServiceRules
    reach: Reach
    bases: tuple[Base, ...]
    # The council areas of its public bases known only by their area, by name: what its card says
    # it is based in and the map outlines, never a pin that would look like an address.
    based_in: tuple[AreaRef, ...]
    # We hold a public way to get in touch with it.
    contactable: bool


def summary_of(service: Service) -> ServiceSummary:
    """What an answer says of a listed service whoever asks, from its record loaded with
    published_services()."""
    return ServiceSummary.of(service, reach_of(service), tuple(public_bases(service)))


# Every kind of service the availability rule tells apart: its scope, and whether it works remotely.
_KINDS = tuple((scope, remote) for scope in Scope for remote in (False, True))


def _judged_kinds(country: str | None, remote_only: bool) -> numpy.ndarray:
    """services.availability's rule for each kind of service, as a table: row = kind, column =
    whether the service lists the person's area (0 or 1). Read-only: it is shared."""
    table = numpy.array(
        [
            [
                bool(ways_of_reaching(scope, remote, bool(lists), country, remote_only))
                for lists in (0, 1)
            ]
            for scope, remote in _KINDS
        ],
        dtype=bool,
    )
    table.flags.writeable = False
    return table


# Kept per country and setting (a handful); wrapped, not decorated, so that mutation testing
# reaches the table (make mutation skips decorated functions).
_reaches_by_kind = functools.cache(_judged_kinds)


class Catalogue:
    """Every published service, with numpy indexes so that a search touches in Python only the
    few services it returns, however many there are. Each index is an array with one value per
    service (entry) or per area, so a search works on whole columns at once."""

    # How many listed services' summaries a process keeps (Catalogue.summaries), the least
    # recently listed dropped first: more than the longest answer (serializers.MAX_RESULTS), and
    # at about 9 KB each (a model instance with its relations took 31 KB), 9 MB however many
    # services there are.
    SUMMARIES_KEPT = 1000

    def __init__(self, entries: Sequence[Entry], areas: Sequence[AreaRef]):
        self.entries = tuple(entries)
        # By (language, service's primary key).
        self._summaries: OrderedDict[tuple[str, int], ServiceSummary] = OrderedDict()
        self._summaries_lock = threading.Lock()
        self.areas = tuple(areas)
        self.area_codes = tuple(area.code for area in self.areas)
        members: dict[ServiceRules, list[int]] = {}
        for index, entry in enumerate(self.entries):
            members.setdefault(entry.rules, []).append(index)
        self.group_rules = tuple(members)
        self.group_columns = RuleColumns(self.group_rules)
        self.group_of = numpy.zeros(len(self.entries), dtype=numpy.intp)
        for group, indices in enumerate(members.values()):
            self.group_of[indices] = group
        # Ties in distance are listed by name, as people read them.
        # lower() or upper() differ only for [\]^_` (no service name has them); the sorts are
        # stable only so that equal names keep an order, which nothing promises.
        names = [entry.name.lower() for entry in self.entries]  # pragma: no mutate
        by_name = numpy.argsort(names, kind="stable")  # pragma: no mutate
        self.name_order = numpy.argsort(by_name, kind="stable")  # pragma: no mutate
        # 1 for a service we hold no public route to: it is listed after those a person can
        # contact that have the same verdict (issue 14: never a dead end first).
        self.no_route = numpy.array(
            [not entry.contactable for entry in self.entries], dtype=numpy.int64
        )
        # Each service's kind for the availability rule: its scope and whether it works remotely.
        # A search judges each kind once (services.availability.ways_of_reaching), whatever the
        # number of services.
        kind_of = {kind: number for number, kind in enumerate(_KINDS)}
        self._kind = numpy.array(
            [kind_of[(entry.reach.scope, entry.reach.remote)] for entry in self.entries],
            dtype=numpy.intp,  # pragma: no mutate
        )
        # The services that take people under 18, with their minimum age (None when none is
        # stated), by name: the under-18 answer names them (services.ways_forward).
        self.open_to_younger = tuple(
            (entry.name, entry.rules.min_age)
            for entry in self.entries
            if entry.rules.min_age is None or entry.rules.min_age < ADULTHOOD
        )
        self._index_bases()
        self._index_listed_areas()

    def _index_bases(self) -> None:
        """Each base as a point on the unit sphere, and the service it belongs to."""
        bases = [(index, base) for index, e in enumerate(self.entries) for base in e.reach.bases]
        # Indices are the platform's integers with or without the dtype (mutation/README.md).
        base_entry = [index for index, _ in bases]
        self._base_entry = numpy.array(base_entry, dtype=numpy.intp)  # pragma: no mutate
        lon = numpy.radians([base[0] for _, base in bases])
        lat = numpy.radians([base[1] for _, base in bases])
        # x, y and z as three rows: arithmetic on a row is ten times faster than across columns.
        self._base_xyz = unit_vectors(lon, lat)
        # Services a person could go to: each has a public base, exact or known by its area.
        self.has_base = numpy.zeros(len(self.entries), dtype=bool)
        self.has_base[self._base_entry] = True

    def _index_listed_areas(self) -> None:
        """Each (service, area it lists) pair, sorted by area, for the map's counts; and each
        area's country, the only thing about an area the availability rule reads."""
        self._countries = tuple(sorted({area.country for area in self.areas}))
        self._area_country = numpy.array(
            [self._countries.index(area.country) for area in self.areas],
            dtype=numpy.intp,  # pragma: no mutate
        )
        position = {code: index for index, code in enumerate(self.area_codes)}
        pair_area, pair_entry = [], []
        for index, entry in enumerate(self.entries):
            for area in entry.reach.areas:
                pair_area.append(position[area.code])
                pair_entry.append(index)
        # By area, then by service: each area's services in the catalogue's order.
        by_area = numpy.lexsort((pair_entry, pair_area))
        pair_area = numpy.array(pair_area, dtype=numpy.intp)[by_area]  # pragma: no mutate
        self._pair_entry = numpy.array(pair_entry, dtype=numpy.intp)[by_area]  # pragma: no mutate
        self._pair_kind = self._kind[self._pair_entry]
        self._pair_country = self._area_country[pair_area]
        self._listed_areas, self._first_pair = numpy.unique(pair_area, return_index=True)
        # Each area's listing services, by the area's code (split at each area's first pair;
        # with no pairs at all there is nothing to split).
        by_listed_area = numpy.split(self._pair_entry, self._first_pair[1:])
        self.listing = {
            self.area_codes[area]: services
            for area, services in zip(self._listed_areas, by_listed_area, strict=False)
            if len(services)
        }
        self._count_rules = {
            remote_only: self._judge_counts(remote_only) for remote_only in (False, True)
        }

    def summaries(self, indices: Sequence[int]) -> list[ServiceSummary | None]:
        """The summaries of these services (indices into ``entries``) in the page's language
        (their words are kept in each), loading in one go the records of those not kept yet: a
        fixed seven queries, none when every one is kept. None for a service that has left the
        finder since this catalogue was built (the next version check rebuilds it)."""
        language = translation.get_language()
        wanted = [(language, self.entries[index].pk) for index in indices]
        with self._summaries_lock:
            missing = [key[1] for key in wanted if key not in self._summaries]
        loaded = {}
        if missing:
            services = published_services().in_finder().filter(pk__in=missing)
            loaded = {(language, service.pk): summary_of(service) for service in services}
        with self._summaries_lock:
            self._summaries.update(loaded)
            found = [self._summaries.get(key) or loaded.get(key) for key in wanted]
            for key in wanted:
                if key in self._summaries:
                    self._summaries.move_to_end(key)
            while len(self._summaries) > self.SUMMARIES_KEPT:
                self._summaries.popitem(last=False)
        return found

    def within_reach(self, area: AreaRef | None, located: bool, remote_only: bool) -> numpy.ndarray:
        """For each service, whether it is within reach, by services.availability's rule. A
        person who has not said where they are is shown every service (or, asking for remote
        support only, every remote one)."""
        if not located and not remote_only:
            return numpy.ones(len(self.entries), dtype=bool)
        lists_area = numpy.zeros(len(self.entries), dtype=numpy.intp)  # pragma: no mutate
        if located and area is not None and area.code in self.listing:
            lists_area[self.listing[area.code]] = 1
        country = area.country if located and area is not None else None
        return _reaches_by_kind(country, remote_only)[self._kind, lists_area]

    def area_counts(self, usable: numpy.ndarray, remote_only: bool) -> numpy.ndarray:
        """For each area (in ``area_codes`` order), how many of the usable services (a boolean
        mask) reach it, by services.availability's rule.

        Whether a service reaches an area depends only on its kind, the area's country and
        whether it lists the area. So each area starts with the usable services of each kind that
        reach its country without listing it, and each listed pair adds what listing changes
        (nothing for a service that reaches the area anyway)."""
        unlisted, listing_adds = self._count_rules[remote_only]
        usable_by_kind = numpy.bincount(self._kind[usable], minlength=len(_KINDS))
        totals = (unlisted @ usable_by_kind)[self._area_country]
        if len(self._pair_entry):
            adds = listing_adds & usable[self._pair_entry]
            totals[self._listed_areas] += numpy.add.reduceat(
                adds.view(numpy.uint8),
                self._first_pair,
                # Only an 8-bit sum could lose counts, and numpy never sums bytes in bytes.
                dtype=numpy.int64,  # pragma: no mutate
            )
        return totals

    def _judge_counts(self, remote_only: bool) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The availability rule as area_counts reads it, judged once per catalogue: for each
        country and kind, whether a service reaches an area there without listing it; and for
        each listed pair, whether listing the area is what brings the service there."""
        tables = [_reaches_by_kind(country, remote_only) for country in self._countries]
        # Shaped, so that with no areas yet there are no counts rather than no matrix.
        unlisted = numpy.array([table[:, 0] for table in tables], dtype=numpy.int64).reshape(
            len(tables), len(_KINDS)
        )
        by_country = numpy.array([table[:, 1] & ~table[:, 0] for table in tables], dtype=bool)
        listing_adds = (
            by_country[self._pair_country, self._pair_kind]
            if len(self._pair_entry)
            else numpy.zeros(0, dtype=bool)
        )
        return unlisted, listing_adds

    def squared_chords(self, point: Point | None) -> numpy.ndarray:
        """For each service, the squared chord through the unit sphere from ``point`` to its
        nearest base (inf without one), for every service at once. It orders services as their
        distance does; geography.distance.chords_km turns it into that distance for the few
        listed."""
        nearest = numpy.full(len(self.entries), numpy.inf)
        if point is None or not len(self._base_entry):
            return nearest
        here = unit_vectors(numpy.radians(point[0]), numpy.radians(point[1]))
        x, y, z = self._base_xyz
        squared = (x - here[0]) ** 2 + (y - here[1]) ** 2 + (z - here[2]) ** 2
        numpy.minimum.at(nearest, self._base_entry, squared)
        return nearest


def build_catalogue() -> Catalogue:
    """The catalogue from the database's rows: seven queries, and no model instances."""
    areas, label_points, codes = [], {}, {}
    for pk, code, name, country, point in CouncilArea.objects.order_by("code").values_list(
        "pk", "code", "name", "country", "label_point"
    ):
        areas.append(AreaRef(code, name, country))
        codes[pk] = areas[-1]
        label_points[pk] = _lon_lat(point) if point else None
    return Catalogue(list(_entries(codes, label_points)), areas)


def _entries(areas: dict[int, AreaRef], label_points: dict[int, Point | None]) -> Iterator[Entry]:
    """Each service in the finder as an Entry, by name, from one row of each table it needs.

    ``areas`` and ``label_points`` are keyed by the council area's primary key."""
    # rewrite(False): the rows are read as they are (no translated field is read), not through
    # modeltranslation's per-row handling of the page's language, a third of the build.
    services = Service.published_objects.in_finder().rewrite(False)
    ids = services.values("pk")
    offers = _by_service(Service.offers.through.objects.filter(service__in=ids), "offer_id")
    access = _by_service(
        Service.access_routes.through.objects.filter(service__in=ids), "accessroute_id"
    )
    coverage = _by_service(
        Service.coverage.through.objects.filter(service__in=ids), "councilarea_id"
    )
    # Each service's areas by name, as the list of areas it covers reads: sorted here, by each
    # area's place in that order, rather than by the database, whose join and sort of every row
    # (45,000 at ten thousand services) took PostgreSQL 50 ms, past its memory for sorts.
    place_by_name = {
        pk: place for place, pk in enumerate(sorted(areas, key=lambda pk: _name(areas[pk])))
    }
    # A point's two numbers read as text from its GeoJSON, rather than the whole of it decoded:
    # a fifth of the catalogue's build at ten thousand services.
    locations = _by_service(
        Location.public_objects.rewrite(False)
        .filter(service__in=ids)
        .annotate(lon=KT("point__coordinates__0"), lat=KT("point__coordinates__1")),
        "name",
        "lon",
        "lat",
        "council_area_id",
    )
    contactable = set(
        ContactRoute.public_objects.rewrite(False)
        .filter(service__in=ids)
        .values_list("service_id", flat=True)
    )
    # Services with the same rules share one ServiceRules, made once from the row's values.
    shared_rules: dict[tuple, ServiceRules] = {}
    for pk, slug, name, scope, remote, *rule_values in services.values_list(
        "pk", "slug", "name", "scope", "remote", *RULE_FIELDS
    ):
        facts = (*rule_values, frozenset(offers.get(pk, ())))
        if (rules := shared_rules.get(facts)) is None:
            rules = shared_rules[facts] = ServiceRules.from_values(rule_values, facts[-1])
        bases = []
        based_in = set()
        for location_name, lon, lat, area in locations.get(pk, ()):
            point = None if lon is None else (float(lon), float(lat))
            if (base := base_at(location_name, point, label_points.get(area))) is not None:
                bases.append(base)
            if point is None and area is not None:
                based_in.add(areas[area])
        yield Entry(
            pk=pk,
            slug=slug,
            name=name,
            rules=rules,
            reach=Reach(
                scope=Scope(scope),
                areas=tuple(
                    areas[area] for area in sorted(coverage.get(pk, ()), key=place_by_name.get)
                ),
                remote=remote,
                access=frozenset(access.get(pk, ())),
                bases=tuple((base.lon, base.lat) for base in bases),
            ),
            bases=tuple(bases),
            based_in=tuple(sorted(based_in, key=_name)),
            contactable=pk in contactable,
        )


def _by_service(rows: QuerySet, *fields: str) -> dict[int, list]:
    """The rows' ``fields`` grouped by their service, in the rows' order: one value each when
    one field is asked, a tuple each otherwise."""
    grouped: dict[int, list] = {}
    if len(fields) == 1:
        for service, value in _plain_rows(rows, "service_id", fields[0]):
            grouped.setdefault(service, []).append(value)
    else:
        for row in _plain_rows(rows, "service_id", *fields):
            grouped.setdefault(row[0], []).append(row[1:])
    return grouped


def _plain_rows(rows: QuerySet, *fields: str) -> list[tuple]:
    """The queryset's SQL for ``fields``, its rows fetched as the database driver gives them.
    Only for fields the driver gives as Django would (numbers, text, booleans): at ten thousand
    services there are a hundred thousand rows, and Django's handling of each was a third of the
    catalogue's build."""
    sql, params = rows.values_list(*fields).query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _name(area: AreaRef) -> str:
    return area.name


_lock = threading.Lock()
_state: dict = {
    "catalogue": None,
    "version": None,
    "local_changes": None,
    "checked_at": float("-inf"),
}


def catalogue_version() -> uuid.UUID | None:
    # Only ever compared with the version read before: a bare token or a one-item row tells the
    # same change.
    return (
        CatalogueVersion.objects.filter(pk=1)
        .values_list("token", flat=True)  # pragma: no mutate
        .first()
    )


def current_catalogue() -> Catalogue:
    now = time.monotonic()
    catalogue = _state["catalogue"]
    fresh = (
        now - _state["checked_at"] < settings.CATALOGUE_VERSION_CHECK_SECONDS
        and _state["local_changes"] == changes_in_this_process()
    )
    if catalogue is not None and fresh:
        return catalogue
    with _lock:
        # Read before the version, so a change made while building is seen by the next search.
        local_changes = changes_in_this_process()
        version = catalogue_version()
        if _state["catalogue"] is None or version != _state["version"]:
            # Either half forces the rebuild; both first frees the old one's memory sooner.
            _state.update(catalogue=None, version=None)  # pragma: no mutate
            _state["catalogue"] = build_catalogue()
            _state["version"] = version
        _state.update(checked_at=time.monotonic(), local_changes=local_changes)
        return _state["catalogue"]


def forget_catalogue() -> None:
    with _lock:
        # Any one of the three forces the next search to rebuild.
        _state.update(catalogue=None, version=None, checked_at=float("-inf"))  # pragma: no mutate
