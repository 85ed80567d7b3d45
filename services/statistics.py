"""The mapping survey's figures and the coverage gap, computed live from the published services.

With the seed data these equal the figures the Scottish Government's 2022 mapping survey
published (tests/services/test_statistics.py asserts each), so the page stays a true account as
admins add, change and retire services.
"""

from collections import Counter
from dataclasses import dataclass

from geography.models import CouncilArea, Country
from services.models import (
    Inclusion,
    MenServed,
    OfferCode,
    Scope,
    Service,
    WaitingList,
)


@dataclass(frozen=True)
class Figure:
    label: str
    count: int


@dataclass(frozen=True)
class Breakdown:
    """A titled table of counts; every chart on the page is drawn from one, beside its table."""

    title: str
    rows: tuple[Figure, ...]

    @property
    def largest(self) -> int:
        return max((row.count for row in self.rows), default=0)


@dataclass(frozen=True)
class AreaCoverage:
    code: str
    name: str
    slug: str
    face_to_face: int
    services: tuple[str, ...]


def survey_figures(services: list[Service]) -> list[Breakdown]:
    """The survey's headline figures, for services prefetched with offers and locations."""
    total = len(services)
    based_in_scotland = sum(1 for service in services if _based_in_scotland(service))
    return [
        Breakdown(
            "Services",
            (
                Figure("Specialist services", total),
                Figure("With a base in Scotland", based_in_scotland),
                Figure("UK-wide", sum(1 for s in services if s.scope == Scope.UK)),
                Figure("Police-led", sum(1 for s in services if s.police_led)),
                Figure("Support people remotely", sum(1 for s in services if s.remote)),
                Figure(
                    "Cover travel or relocation costs",
                    sum(1 for s in services if s.travel_costs_covered),
                ),
            ),
        ),
        Breakdown(
            "Main kind of help",
            _counted(Counter(s.primary_offer_id for s in services), OfferCode),
        ),
        Breakdown(
            "Everything offered",
            _counted(Counter(offer.code for s in services for offer in s.offers.all()), OfferCode),
        ),
        Breakdown(
            "Who they support",
            (
                Figure("Women", sum(1 for s in services if s.women)),
                Figure(
                    "Women and men",
                    sum(1 for s in services if s.women and s.men != MenServed.NONE),
                ),
                Figure(
                    "Only men who have sex with men",
                    sum(1 for s in services if s.men == MenServed.MSM_ONLY and not s.women),
                ),
            ),
        ),
        Breakdown(
            "Trans and non-binary people",
            (
                Figure(
                    "Explicitly include both",
                    sum(1 for s in services if _includes_both(s)),
                ),
                Figure(
                    "Do not say",
                    sum(
                        1
                        for s in services
                        if Inclusion.NOT_STATED in (s.trans, s.non_binary)
                        and Inclusion.EXCLUDED not in (s.trans, s.non_binary)
                    ),
                ),
                Figure(
                    "Exclude either",
                    sum(1 for s in services if Inclusion.EXCLUDED in (s.trans, s.non_binary)),
                ),
            ),
        ),
        Breakdown(
            "Waiting",
            (
                Figure(
                    "Have a waiting list or wait for a course",
                    sum(1 for s in services if s.waiting_list != WaitingList.NONE),
                ),
                Figure(
                    "No waiting list",
                    sum(1 for s in services if s.waiting_list == WaitingList.NONE),
                ),
            ),
        ),
        Breakdown(
            "Minimum age",
            tuple(
                Figure(f"{age} and over" if age is not None else "No minimum", count)
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
    nationwide without a base in the area do not count: the gap is in in-person support."""
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


def _based_in_scotland(service: Service) -> bool:
    return any(
        location.council_area is not None and location.council_area.country == Country.SCOTLAND
        for location in service.public_locations
    )


def _includes_both(service: Service) -> bool:
    return service.trans == Inclusion.INCLUDED and service.non_binary == Inclusion.INCLUDED


def _counted(counts: Counter, vocabulary: type[OfferCode]) -> tuple[Figure, ...]:
    return tuple(
        Figure(vocabulary(code).label, count)
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
