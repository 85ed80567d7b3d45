"""Synthetic services in bulk, for the benchmarks and the UK-wide scale test (issue 6).

The same count and seed always give the same records, so two benchmark runs measure the same
data. The variety follows what the 2022 mapping survey found in the real 16 (mostly one or a few
council areas, a few nationwide and remote services, eligibility that is often not stated), spread
over every council area of Great Britain.

Synthetic records must never be shown beside real ones: each is marked ``is_synthetic``, belongs to
an organisation whose name says it is not real, and this module writes only into a database that
holds no real service (``services.seed`` refuses the converse).

No history rows are written. History lets an admin see and undo an edit; nobody edits these
records and their database is thrown away after the benchmark, while a history row for every
service, base, contact and coverage row would double the time generating takes.
"""

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy
import shapely
from django.conf import settings
from django.db import connection, models, transaction
from django.test.utils import override_settings

from geography.lookup import AreaIndex, area_index
from geography.models import CouncilArea, Country
from services.models import (
    AccessCode,
    Confidence,
    ContactKind,
    ContactRoute,
    Inclusion,
    Interpreters,
    Involvement,
    Location,
    MenServed,
    OfferCode,
    Organisation,
    Scope,
    Service,
    WaitingList,
    WorkingLanguage,
)

DEFAULT_SEED = 20260601
SYNTHETIC_ORGANISATION = "Synthetic data (not a real service)"
GREAT_BRITAIN = (Country.ENGLAND, Country.SCOTLAND, Country.WALES)
GREAT_BRITAIN_FILE = "gb-topo_lad.json"
# Dates are counted back from a fixed day, not today, so a seed gives the same records every day.
REFERENCE_DATE = date(2026, 6, 1)
BATCH_SIZE = 1000

# (value, weight) tables: the mix of each fact across the generated services.
SCOPES = [(Scope.AREAS, 85), (Scope.SCOTLAND, 6), (Scope.UK, 9)]
REMOTE_SHARE = {Scope.AREAS: 0.1, Scope.SCOTLAND: 0.4, Scope.UK: 0.75}
# How many council areas a service working in listed areas covers (inclusive ranges).
AREAS_COVERED = [((1, 1), 45), ((2, 5), 30), ((6, 15), 17), ((16, 40), 8)]
LOCATIONS_PER_SERVICE = [(0, 10), (1, 55), (2, 25), (3, 10)]
CONFIDENTIAL_SHARE = 0.04
AGES = [
    ((18, None), 55),
    ((16, None), 15),
    ((None, None), 10),
    ((21, None), 5),
    ((16, 25), 7),
    ((18, 25), 5),
    ((13, 18), 3),
]
# (women, men)
GENDERS = [
    ((True, MenServed.NONE), 45),
    ((True, MenServed.ALL), 30),
    ((False, MenServed.ALL), 8),
    ((False, MenServed.MSM_ONLY), 7),
    ((True, MenServed.MSM_ONLY), 10),
]
INCLUSION = [(Inclusion.INCLUDED, 55), (Inclusion.NOT_STATED, 35), (Inclusion.EXCLUDED, 10)]
INVOLVEMENT = [(Involvement.EITHER, 70), (Involvement.CURRENT, 20), (Involvement.FORMER, 10)]
WAITING = [(WaitingList.NONE, 80), (WaitingList.WAITING_LIST, 14), (WaitingList.NEXT_COURSE, 6)]
CONFIDENCE = [(Confidence.HIGH, 30), (Confidence.MEDIUM, 40), (Confidence.LOW, 30)]
CONTACTS = [(ContactKind.PHONE, 50), (ContactKind.EMAIL, 30), (ContactKind.WEBSITE, 20)]
REMOTE_ACCESS = (AccessCode.ONLINE, AccessCode.PHONE)
# Most real services have said nothing of their languages (contacts.yaml); those that have name one
# to three, most often the languages of the people the services see.
INTERPRETERS = [
    (Interpreters.NOT_KNOWN, 60),
    (Interpreters.YES, 30),
    (Interpreters.NO, 10),
]
LANGUAGES_LISTED = [(0, 70), (1, 15), (2, 10), (3, 5)]
WORKING_LANGUAGES = [
    (WorkingLanguage.POLISH, 20),
    (WorkingLanguage.ROMANIAN, 15),
    (WorkingLanguage.ARABIC, 12),
    (WorkingLanguage.CHINESE, 10),
    (WorkingLanguage.ALBANIAN, 8),
    (WorkingLanguage.VIETNAMESE, 8),
    (WorkingLanguage.URDU, 6),
    (WorkingLanguage.PUNJABI, 5),
    (WorkingLanguage.SPANISH, 5),
    (WorkingLanguage.PORTUGUESE, 4),
    (WorkingLanguage.BULGARIAN, 4),
    (WorkingLanguage.THAI, 3),
    (WorkingLanguage.BRITISH_SIGN_LANGUAGE, 2),
]


class ScaleDataError(Exception):
    """Synthetic data cannot be generated here; the message is one line a person can act on."""


@dataclass
class ScaleReport:
    seed: int
    areas: int
    replaced: int = 0
    services: int = 0
    by_scope: Counter = field(default_factory=Counter)
    remote: int = 0
    coverage_rows: int = 0
    public_locations: int = 0
    confidential_locations: int = 0
    contact_routes: int = 0

    def summary_lines(self) -> list[str]:
        lines = []
        if self.replaced:
            lines.append(f"Removed {self.replaced} synthetic services generated before.")
        scopes = ", ".join(f"{self.by_scope[scope]} {scope.label}" for scope in Scope)
        lines += [
            f"Created {self.services} synthetic services (seed {self.seed}) over {self.areas} "
            f"council areas: {scopes}; {self.remote} remote.",
            f"Coverage rows {self.coverage_rows}, public bases {self.public_locations}, "
            f"confidential bases {self.confidential_locations}, "
            f"contact routes {self.contact_routes}.",
        ]
        return lines


def generate_scale_data(
    count: int, seed: int = DEFAULT_SEED, progress: Callable[[str], None] | None = None
) -> ScaleReport:
    """Replace the database's synthetic services with ``count`` new ones made from ``seed``."""
    if count < 0:
        raise ScaleDataError("the number of services cannot be negative")
    if Service.all_objects.filter(is_synthetic=False).exists():
        raise ScaleDataError(
            "this database holds real services: generate synthetic data only into a database of "
            "its own (e.g. DATABASE_URL=sqlite:///bench.sqlite3 after migrate)"
        )
    index = _great_britain_index()
    report = ScaleReport(seed=seed, areas=len(index.areas))
    plan = _Planner(index, random.Random(seed))
    with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
        report.replaced = _remove_synthetic_services()
        organisation = _synthetic_organisation()
        for start in range(1, count + 1, BATCH_SIZE):
            numbers = range(start, min(start + BATCH_SIZE, count + 1))
            _write([plan.service(number, organisation) for number in numbers], report)
            if progress:
                progress(f"{numbers[-1]}/{count} services")
    return report


def _great_britain_index() -> AreaIndex:
    countries = set(CouncilArea.objects.values_list("country", flat=True).distinct())
    missing = [country.label for country in GREAT_BRITAIN if country not in countries]
    if missing:
        source = settings.SHARED_DATA_DIR / "boundaries" / GREAT_BRITAIN_FILE
        raise ScaleDataError(
            f"the Great Britain council areas are not in the database (none in "
            f"{', '.join(missing)}): import them first with `manage.py import_boundaries {source}`"
        )
    return area_index()


def _remove_synthetic_services() -> int:
    """Delete the synthetic services made before, and the rows that hang off them, with one
    statement a table. The ORM's delete sends two signals for every row, and history writes a row
    for each: a minute for 10,000 services, where these statements take a second."""
    count = Service.all_objects.filter(is_synthetic=True).count()
    if not count:
        return 0
    quote = connection.ops.quote_name
    services_table = quote(Service._meta.db_table)
    is_synthetic = f"{quote('is_synthetic')} = %s"
    synthetic_ids = (
        f"SELECT {quote(Service._meta.pk.column)} FROM {services_table} WHERE {is_synthetic}"
    )
    statements = []
    for relation in Service._meta.related_objects:
        table, column = quote(relation.related_model._meta.db_table), quote(relation.field.column)
        if relation.on_delete is models.SET_NULL:
            statements.append(
                f"UPDATE {table} SET {column} = NULL WHERE {column} IN ({synthetic_ids})"
            )
        elif relation.on_delete is models.CASCADE:
            statements.append(f"DELETE FROM {table} WHERE {column} IN ({synthetic_ids})")
        else:
            raise ScaleDataError(f"cannot remove synthetic services: {relation} is not cascaded")
    for many in Service._meta.many_to_many:
        table = quote(many.remote_field.through._meta.db_table)
        column = quote(many.m2m_column_name())
        statements.append(f"DELETE FROM {table} WHERE {column} IN ({synthetic_ids})")
    statements.append(f"DELETE FROM {services_table} WHERE {is_synthetic}")
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement, [True])
    return count


def _synthetic_organisation() -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        name=SYNTHETIC_ORGANISATION,
        defaults={"description": "Made by generate_scale_data for benchmarks. Not real."},
    )
    return organisation


@dataclass
class _PlannedService:
    service: Service
    offers: list[str]
    access_routes: list[str]
    coverage: list[int]
    locations: list[Location]
    contact_routes: list[ContactRoute]


class _Planner:
    """Draws every fact of every service from one random stream, in a fixed order."""

    def __init__(self, index: AreaIndex, rng: random.Random):
        self.index = index
        self.rng = rng
        self.scottish = [
            position
            for position, area in enumerate(index.areas)
            if area.country == Country.SCOTLAND
        ]
        # A service covering several areas covers neighbours: the areas nearest its home area.
        centres = numpy.array([_label_point(area) for area in index.areas])
        distances = numpy.linalg.norm(centres[:, None, :] - centres[None, :, :], axis=2)
        self.nearest = numpy.argsort(distances, axis=1, kind="stable")

    def service(self, number: int, organisation: Organisation) -> _PlannedService:
        rng = self.rng
        scope = _pick(rng, SCOPES)
        remote = rng.random() < REMOTE_SHARE[scope]
        (min_age, max_age), (women, men) = _pick(rng, AGES), _pick(rng, GENDERS)
        trans = _pick(rng, INCLUSION)
        non_binary = trans if rng.random() < 0.7 else _pick(rng, INCLUSION)
        waiting_list = _pick(rng, WAITING)
        offers = rng.sample(OfferCode.values, rng.randint(1, 6))
        access_routes = rng.sample(AccessCode.values, rng.randint(1, 4))
        if remote and not set(access_routes) & set(REMOTE_ACCESS):
            access_routes.append(rng.choice(REMOTE_ACCESS))
        coverage = self._coverage() if scope == Scope.AREAS else []
        service = Service(
            organisation=organisation,
            name=f"Synthetic service {number:05d}",
            slug=f"synthetic-service-{number:05d}",
            summary=f"Not a real service: {OfferCode(offers[0]).label.lower()}, made up for "
            "testing the finder at scale.",
            primary_offer_id=offers[0],
            scope=scope,
            remote=remote,
            travel_costs_covered=rng.random() < 0.15,
            police_led=rng.random() < 0.05,
            waiting_list=waiting_list,
            next_course_starts=(
                REFERENCE_DATE + timedelta(days=rng.randint(7, 120))
                if waiting_list == WaitingList.NEXT_COURSE
                else None
            ),
            **_languages(rng),
            min_age=min_age,
            max_age=max_age,
            women=women,
            men=men,
            trans=trans,
            non_binary=non_binary,
            involvement=_pick(rng, INVOLVEMENT),
            for_trafficked_people=rng.random() < 0.05,
            other_criteria="Must be registered with a GP" if rng.random() < 0.1 else "",
            last_verified=REFERENCE_DATE - timedelta(days=rng.randint(0, 730)),
            verification_source="Synthetic: never checked",
            location_confidence=_pick(rng, CONFIDENCE),
            offer_confidence=_pick(rng, CONFIDENCE),
            eligibility_confidence=_pick(rng, CONFIDENCE),
            waiting_list_confidence=_pick(rng, CONFIDENCE),
            data_notes="Made by generate_scale_data for benchmarks. Not a real service.",
            published=rng.random() < 0.97,
            is_synthetic=True,
        )
        homes = coverage or (self.scottish if scope == Scope.SCOTLAND else None)
        locations = [
            self._location(service, position, homes)
            for position in range(1, _pick(rng, LOCATIONS_PER_SERVICE) + 1)
        ]
        contacts = [
            self._contact(service, kind, number)
            for kind in sorted({_pick(rng, CONTACTS) for _ in range(rng.randint(0, 2))})
        ]
        return _PlannedService(
            service,
            offers,
            access_routes,
            [self.index.areas[position].pk for position in coverage],
            locations,
            contacts,
        )

    def _coverage(self) -> list[int]:
        low, high = _pick(self.rng, AREAS_COVERED)
        home = self.rng.randrange(len(self.index.areas))
        return [int(position) for position in self.nearest[home][: self.rng.randint(low, high)]]

    def _location(self, service: Service, number: int, homes: list[int] | None) -> Location:
        position = self.rng.choice(homes) if homes else self.rng.randrange(len(self.index.areas))
        lon, lat = self._point_in(position)
        return Location(
            service=service,
            name=f"Synthetic base {number}",
            point={"type": "Point", "coordinates": [lon, lat]},
            council_area=self.index.areas[position],
            public=self.rng.random() >= CONFIDENTIAL_SHARE,
        )

    def _point_in(self, position: int) -> tuple[float, float]:
        """A point inside the area, drawn evenly from its bounding box until one falls inside.
        Rounded as the browser rounds a visitor's point, and checked again after rounding with the
        lookup Location.save() uses, so the stored area is the one the point finds."""
        boundary = self.index.tree.geometries[position]
        west, south, east, north = boundary.bounds
        area = self.index.areas[position]
        while True:
            lon = round(self.rng.uniform(west, east), 5)
            lat = round(self.rng.uniform(south, north), 5)
            if shapely.contains_xy(boundary, lon, lat) and self.index.find(lon, lat) == area:
                return lon, lat

    def _contact(self, service: Service, kind: ContactKind, number: int) -> ContactRoute:
        value = {
            ContactKind.PHONE: f"0000 000 {number % 10000:04d}",
            ContactKind.EMAIL: f"synthetic-{number:05d}@example.org",
            ContactKind.WEBSITE: f"https://example.org/synthetic/{number:05d}",
        }[kind]
        return ContactRoute(service=service, kind=kind, value=value, public=self.rng.random() < 0.9)


def _languages(rng: random.Random) -> dict:
    """A synthetic service's languages, as the contacts file or an admin would give them."""
    interpreters = _pick(rng, INTERPRETERS)
    working_languages = list(
        dict.fromkeys(_pick(rng, WORKING_LANGUAGES) for _ in range(_pick(rng, LANGUAGES_LISTED)))
    )
    known = working_languages or interpreters != Interpreters.NOT_KNOWN
    return {
        "working_languages": working_languages,
        "interpreters": interpreters,
        "languages_confidence": _pick(rng, CONFIDENCE) if known else Confidence.LOW,
    }


def _pick(rng: random.Random, table: list[tuple]):
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights)[0]


def _label_point(area: CouncilArea) -> tuple[float, float]:
    lon, lat = area.label_point["coordinates"][:2]
    return lon, lat


def _write(planned: list[_PlannedService], report: ScaleReport) -> None:
    Service.all_objects.bulk_create([plan.service for plan in planned])
    offers, routes, coverage = Service.offers.through, Service.access_routes.through, []
    offer_rows, route_rows, locations, contacts = [], [], [], []
    for plan in planned:
        service_id = plan.service.pk
        offer_rows += [offers(service_id=service_id, offer_id=code) for code in plan.offers]
        route_rows += [
            routes(service_id=service_id, accessroute_id=code) for code in plan.access_routes
        ]
        coverage += [
            Service.coverage.through(service_id=service_id, councilarea_id=area_id)
            for area_id in plan.coverage
        ]
        locations += plan.locations
        contacts += plan.contact_routes
        report.by_scope[Scope(plan.service.scope)] += 1
        report.remote += plan.service.remote
    offers.objects.bulk_create(offer_rows)
    routes.objects.bulk_create(route_rows)
    Service.coverage.through.objects.bulk_create(coverage)
    Location.all_objects.bulk_create(locations)
    ContactRoute.all_objects.bulk_create(contacts)
    report.services += len(planned)
    report.coverage_rows += len(coverage)
    report.public_locations += sum(location.public for location in locations)
    report.confidential_locations += sum(not location.public for location in locations)
    report.contact_routes += len(contacts)
