"""The 2022 mapping survey's figures beside the directory's as it is now, and the coverage gap.

The same figures are counted over two lists of services: the survey's own 16 records, as the seed
file writes them from the survey's data, so that its published figures come out exactly and stay
put whatever has happened since (a service closed, unpublished, taken out of the finder, or its
details corrected by an admin); and the services the finder can send a person to today, as the
database holds them, including those found since. Only some rows are figures the survey
published (lived experience engagement report, section 3.1); the rest are this directory's own
counts, and the page says which.
"""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from geography.models import CouncilArea, Country
from services.models import (
    Inclusion,
    Location,
    MenServed,
    OfferCode,
    Scope,
    Service,
    WaitingList,
)
from services.seed import seed_file, seed_records

# The minimum ages the survey published: all 18 and over but one, 16 and over (Roam).
SURVEY_PUBLISHED_AGES = frozenset({16, 18})


@dataclass(frozen=True)
class CountedService:
    """What the figures count of one service, from the survey's record or today's."""

    scope: str
    police_led: bool
    remote: bool
    travel_costs_covered: bool
    primary_offer: str | None
    offers: tuple[str, ...]
    women: bool
    men: str
    trans: str
    non_binary: str
    waiting_list: str
    min_age: int | None
    # Every base counts, a confidential one too: the figure is a number, never an address.
    based_in_scotland: bool

    @classmethod
    def of_service(cls, service: Service) -> "CountedService":
        """A service loaded by :func:`directory_today`."""
        return cls(
            **{name: getattr(service, name) for name in _COUNTED_FIELDS},
            primary_offer=service.primary_offer_id,
            offers=tuple(offer.code for offer in service.offers.all()),
            based_in_scotland=any(
                location.council_area is not None
                and location.council_area.country == Country.SCOTLAND
                for location in service.locations.all()
            ),
        )

    @classmethod
    def of_record(cls, record: dict[str, Any], scottish_areas: set[str]) -> "CountedService":
        """A seed record (services.seed.seed_records), its bases' council areas looked up in
        ``scottish_areas``."""
        return cls(
            **{name: record[name] for name in _COUNTED_FIELDS},
            primary_offer=record["primary_offer"],
            offers=tuple(record["offers"]),
            based_in_scotland=any(
                location["council_area"] in scottish_areas for location in record["locations"]
            ),
        )


_COUNTED_FIELDS = (
    "scope",
    "police_led",
    "remote",
    "travel_costs_covered",
    "women",
    "men",
    "trans",
    "non_binary",
    "waiting_list",
    "min_age",
)


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    # Whether the 2022 survey published this row's figure; if not, the directory worked it out.
    published_by_survey: bool = False


@dataclass(frozen=True)
class Breakdown:
    """A titled list of counts over one list of services."""

    title: str
    rows: tuple[Figure, ...]


@dataclass(frozen=True)
class AreaCoverage:
    code: str
    name: str
    slug: str
    face_to_face: int
    services: tuple[str, ...]


@dataclass(frozen=True)
class ComparedFigure:
    label: str
    in_survey: int
    today: int
    published_by_survey: bool


@dataclass(frozen=True)
class Comparison:
    """A breakdown counted over the survey's services and over today's, row by row: a table on
    the page, with a bar beside each count."""

    title: str
    rows: tuple[ComparedFigure, ...]

    @property
    def largest(self) -> int:
        """One scale for both columns' bars, so that their lengths compare."""
        return max((max(row.in_survey, row.today) for row in self.rows), default=0)


def survey_as_recorded(path: Path | None = None) -> list[CountedService]:
    """The 2022 survey's own records: the seed file's services marked as in the survey, as it
    writes them from the survey's data. Not the database's rows: admins correct those as services
    tell them what has changed, and the survey's published figures must not move with them."""
    records = [record for record in seed_records(path or seed_file()) if record["in_2022_survey"]]
    codes = {
        location["council_area"]
        for record in records
        for location in record["locations"]
        if location["council_area"]
    }
    scottish = set(
        CouncilArea.objects.filter(code__in=codes, country=Country.SCOTLAND).values_list(
            "code", flat=True
        )
    )
    return [CountedService.of_record(record, scottish) for record in records]


def directory_today() -> QuerySet[Service]:
    """The published services the finder can send a person to now, found by the survey or since."""
    return _with_what_is_counted(Service.published_objects.in_finder())


def _with_what_is_counted(services: QuerySet[Service]) -> QuerySet[Service]:
    # Where a service works face to face is shown by area and name, so the coverage gap reads
    # only the bases whose address may be shown.
    located = Location.all_objects.select_related("council_area").defer(
        "council_area__boundary", "council_area__display_boundary"
    )
    return services.prefetch_related(
        "offers",
        Prefetch("coverage", queryset=CouncilArea.objects.without_geometry()),
        Prefetch("locations", queryset=located),
        Prefetch("locations", queryset=located.filter(public=True), to_attr="public_locations"),
    )


def side_by_side(survey: list[Breakdown], today: list[Breakdown]) -> list[Comparison]:
    """Each breakdown's rows with both counts; a row only one list has counts 0 in the other.
    Rows keep the survey's order, then any found only today in today's order."""
    return [
        _compared(survey_breakdown, today_breakdown)
        for survey_breakdown, today_breakdown in zip(survey, today, strict=True)
    ]


def _compared(survey: Breakdown, today: Breakdown) -> Comparison:
    in_survey = {row.label: row for row in survey.rows}
    now = {row.label: row for row in today.rows}
    labels = list(in_survey) + [label for label in now if label not in in_survey]
    return Comparison(
        survey.title,
        tuple(
            ComparedFigure(
                label,
                in_survey[label].count if label in in_survey else 0,
                now[label].count if label in now else 0,
                (in_survey.get(label) or now[label]).published_by_survey,
            )
            for label in labels
        ),
    )


def survey_figures(services: list[CountedService]) -> list[Breakdown]:
    """The survey's headline figures, counted over the survey's records or today's services."""
    total = len(services)
    based_in_scotland = sum(1 for service in services if service.based_in_scotland)
    return [
        Breakdown(
            # Translators: the title of a table of figures on the statistics page.
            _("Services"),
            (
                Figure(_("Specialist services"), total, published_by_survey=True),
                Figure(_("With a base in Scotland"), based_in_scotland, published_by_survey=True),
                Figure(
                    _("UK-wide"),
                    sum(1 for s in services if s.scope == Scope.UK),
                    published_by_survey=True,
                ),
                Figure(
                    _("Police-led"),
                    sum(1 for s in services if s.police_led),
                    published_by_survey=True,
                ),
                Figure(_("Support people remotely"), sum(1 for s in services if s.remote)),
                Figure(
                    _("Cover travel or relocation costs"),
                    sum(1 for s in services if s.travel_costs_covered),
                ),
            ),
        ),
        Breakdown(
            _("Main kind of help"),
            _counted(Counter(s.primary_offer for s in services), OfferCode),
        ),
        Breakdown(
            _("Everything offered"),
            _counted(Counter(code for s in services for code in s.offers), OfferCode),
        ),
        Breakdown(
            _("Who they support"),
            (
                Figure(_("Women"), sum(1 for s in services if s.women), published_by_survey=True),
                Figure(
                    _("Women and men"),
                    sum(1 for s in services if s.women and s.men != MenServed.NONE),
                    published_by_survey=True,
                ),
                Figure(
                    _("Only men who have sex with men"),
                    sum(1 for s in services if s.men == MenServed.MSM_ONLY and not s.women),
                    published_by_survey=True,
                ),
            ),
        ),
        Breakdown(
            _("Trans and non-binary people"),
            (
                Figure(
                    # Translators: a row of figures: services that include trans and non-binary
                    # people, both.
                    _("Explicitly include both"),
                    sum(1 for s in services if _includes_both(s)),
                    published_by_survey=True,
                ),
                Figure(
                    # Translators: a row of figures: services that do not say whether they support
                    # trans or non-binary people.
                    _("Do not say"),
                    sum(
                        1
                        for s in services
                        if Inclusion.NOT_STATED in (s.trans, s.non_binary)
                        and Inclusion.EXCLUDED not in (s.trans, s.non_binary)
                    ),
                ),
                Figure(
                    # Translators: a row of figures: services that exclude trans or non-binary
                    # people.
                    _("Exclude either"),
                    sum(1 for s in services if Inclusion.EXCLUDED in (s.trans, s.non_binary)),
                ),
            ),
        ),
        Breakdown(
            # Translators: the title of a table of figures: waiting lists.
            _("Waiting"),
            (
                Figure(
                    _("Have a waiting list or wait for a course"),
                    sum(1 for s in services if s.waiting_list != WaitingList.NONE),
                    published_by_survey=True,
                ),
                Figure(
                    _("No waiting list"),
                    sum(1 for s in services if s.waiting_list == WaitingList.NONE),
                ),
            ),
        ),
        Breakdown(
            _("Minimum age"),
            tuple(
                Figure(
                    # Translators: a row of figures: services whose minimum age is %(age)s.
                    _("%(age)s and over") % {"age": age} if age is not None else _("No minimum"),
                    count,
                    published_by_survey=age in SURVEY_PUBLISHED_AGES,
                )
                for age, count in sorted(
                    Counter(s.min_age for s in services).items(),
                    key=lambda item: (item[0] is None, item[0]),
                )
            ),
        ),
    ]


def coverage_gap(services: list[Service], areas: list[CouncilArea]) -> list[AreaCoverage]:
    """For each council area, the services with a face-to-face presence there: those that list
    it among the areas they cover, or have a base in it. Services that only work remotely or
    nationwide without a base in the area do not count: the gap is in in-person support.

    The page counts it over :func:`directory_today`'s services: the survey published no such
    figure, and a person is helped only by the services the finder can send them to now."""
    present: dict[str, list[str]] = {area.code: [] for area in areas}
    for service in services:
        codes = {area.code for area in service.coverage.all()}
        codes |= {
            location.council_area.code
            for location in service.public_locations
            if location.council_area is not None
        }
        for code in codes & present.keys():
            present[code].append(service.name)
    return [
        AreaCoverage(
            area.code,
            area.name,
            area.slug,
            len(present[area.code]),
            tuple(sorted(present[area.code])),
        )
        for area in areas
    ]


def _includes_both(service: CountedService) -> bool:
    return service.trans == Inclusion.INCLUDED and service.non_binary == Inclusion.INCLUDED


def _counted(counts: Counter, vocabulary: type[OfferCode]) -> tuple[Figure, ...]:
    return tuple(
        Figure(str(vocabulary(code).label), count)
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
