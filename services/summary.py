"""What a search result says about a service whoever asks: its place on the map, how to reach it,
whether it still runs and where its facts come from. Defined once, as structures
(servicemap/api_structs.py): the catalogue makes one per listed service, the search answer and a
service's record in the API carry them, and the OpenAPI description is written from them.
"""

from datetime import date
from typing import Annotated

from msgspec import Meta, Struct

from servicemap.api_structs import choice
from services.availability import Reach
from services.models import (
    Confidence,
    ContactKind,
    ContactRoute,
    Interpreters,
    Scope,
    Service,
    ServiceStatus,
    WorkingLanguage,
)

ConfidenceValue = Annotated[
    choice(Confidence),
    Meta(description="How reliable its source is: high when the service's own page gives it."),
]


def _text(words: str) -> str:
    """Words admins entered (servicemap.languages.Entered) as plain text: an answer says its
    language once, in Content-Language, and msgspec encodes a plain string without calling back
    into Python for each of a hundred results' words."""
    return str(words)


class Base(Struct, frozen=True, gc=False):
    """A public base of a service, placed on the map."""

    name: str
    lon: float
    lat: float
    # A base known only by its council area is placed at a point inside that area: good enough to
    # rank by distance and to mark on a whole-country map; the page says to ask for the address.
    approximate: Annotated[
        bool,
        Meta(description="True when only the council area is known: the point is inside it."),
    ]


class Contact(Struct, frozen=True, gc=False):
    """A public way to reach a service."""

    kind: choice(ContactKind)
    value: Annotated[str, Meta(description="The number, email address, web address or address.")]
    label: Annotated[str, Meta(description="What it is for.")]
    hours: Annotated[str, Meta(description="When it is answered or open.")]
    source_url: Annotated[str, Meta(description="The public page this route was taken from.")]
    confirmed_on: Annotated[
        date | None,
        Meta(
            description="When the service confirmed it; null: from a public source, not yet "
            "confirmed with the service."
        ),
    ]
    confidence: ConfidenceValue

    @classmethod
    def of(cls, route: ContactRoute) -> "Contact":
        return cls(
            route.kind,
            route.value,
            _text(route.words.label),
            _text(route.words.hours),
            route.source_url,
            route.confirmed_on,
            route.confidence,
        )


class AccessNote(Struct, frozen=True, gc=False):
    """One of a service's access notes (services.models.ACCESS_FIELDS), as its source says it."""

    text: Annotated[str, Meta(description="What the source says; empty when no source says.")]
    source: Annotated[str, Meta(description="The page it is on.")]
    confidence: ConfidenceValue


class Access(Struct, frozen=True, gc=False):
    """When a service is open and how people get to it, as public sources or the service say."""

    opening_times: Annotated[AccessNote, Meta(description="When it is open or answered.")]
    referral: Annotated[AccessNote, Meta(description="How a person gets support from it.")]
    confirmed_on: Annotated[
        date | None,
        Meta(description="When the service confirmed both; null: not yet confirmed."),
    ]

    @classmethod
    def of(cls, service: Service) -> "Access":
        return cls(
            AccessNote(
                _text(service.words.opening_times),
                service.opening_times_source,
                service.opening_times_confidence,
            ),
            AccessNote(
                _text(service.words.referral), service.referral_source, service.referral_confidence
            ),
            service.access_confirmed_on,
        )


class Languages(Struct, frozen=True, gc=False):
    """Which languages a service's staff work in besides English, and whether it uses
    interpreters, as public sources or the service say. An empty list with interpreters
    "not_known" means nobody has said: never read it as English only."""

    works_in: Annotated[
        tuple[choice(WorkingLanguage), ...],
        Meta(
            description="Codes (ISO 639-1, or ISO 639-3 where there is none) of the languages its "
            "own staff work in besides English; empty when none is known."
        ),
    ]
    interpreters: Annotated[
        choice(Interpreters),
        Meta(description="Whether it uses interpreters for other languages."),
    ]
    note: Annotated[str, Meta(description="The team's words on its languages, in English.")]
    source: Annotated[str, Meta(description="The page its languages are on.")]
    confidence: ConfidenceValue
    confirmed_on: Annotated[
        date | None,
        Meta(description="When the service confirmed them; null: not yet confirmed."),
    ]

    @classmethod
    def of(cls, service: Service) -> "Languages":
        return cls(
            tuple(service.working_languages),
            service.interpreters,
            service.languages_note,
            service.languages_source,
            service.languages_confidence,
            service.languages_confirmed_on,
        )


class RunningStatus(Struct, frozen=True, gc=False):
    """Whether a service still runs, as far as the latest evidence shows."""

    value: choice(ServiceStatus)
    note: Annotated[str, Meta(description="What changed, or the evidence.")]
    source: str
    seen_on: Annotated[date | None, Meta(description="The date of the latest evidence.")]
    confidence: Annotated[choice(Confidence), Meta(description="How reliable the evidence is.")]
    confirmed_on: Annotated[
        date | None,
        Meta(description="When the service confirmed it runs as shown; null: not yet confirmed."),
    ]

    @classmethod
    def of(cls, service: Service) -> "RunningStatus":
        return cls(
            service.status,
            _text(service.words.status_note),
            service.status_source,
            service.status_seen_on,
            service.status_confidence,
            service.status_confirmed_on,
        )


class FactConfidence(Struct, frozen=True, gc=False):
    """How far each group of a service's facts can be relied on: high, stated by the service or
    the survey; medium, a reliable secondary source; low, not yet checked (for the survey's
    services, a reading of its published totals)."""

    where: choice(Confidence)
    offers: choice(Confidence)
    who_it_is_for: Annotated[
        choice(Confidence), Meta(description="The facts every verdict rests on.")
    ]
    waiting: choice(Confidence)


class Evidence(Struct, frozen=True, gc=False):
    """Where a service's facts come from and whether the service has confirmed them."""

    in_2022_survey: Annotated[
        bool,
        Meta(
            description="One of the 16 services of the Scottish Government's 2022 mapping "
            "survey; false for one added since."
        ),
    ]
    last_checked: date | None
    checked_by: str
    confidence: FactConfidence
    sources: Annotated[tuple[str, ...], Meta(description="The public pages its facts come from.")]

    @classmethod
    def of(cls, service: Service) -> "Evidence":
        return cls(
            service.in_2022_survey,
            service.last_verified,
            service.verification_source,
            FactConfidence(
                service.location_confidence,
                service.offer_confidence,
                service.eligibility_confidence,
                service.waiting_list_confidence,
            ),
            tuple(source.url for source in service.sources.all()),
        )


class ServiceSummary(Struct, frozen=True, gc=False):
    """What a search result says of a service whoever asks (kept by services.catalogue)."""

    slug: str
    name: str
    organisation: str
    summary: str
    url: Annotated[str, Meta(description="The service's page on this site.")]
    coverage: Annotated[
        tuple[str, ...],
        Meta(description="GSS codes of the council areas it covers (nationwide ones list none)."),
    ]
    scope: choice(Scope)
    remote: bool
    travel_costs_covered: Annotated[
        bool, Meta(description="true: it can cover a person's travel costs; false: not known.")
    ]
    bases: Annotated[tuple[Base, ...], Meta(description="Public bases, for map markers.")]
    contacts: Annotated[tuple[Contact, ...], Meta(description="Its public contact routes.")]
    access: Annotated[Access, Meta(description="When it is open and how people get to it.")]
    languages: Annotated[
        Languages, Meta(description="The languages it works in, and whether it uses interpreters.")
    ]
    service_status: Annotated[
        RunningStatus,
        Meta(description="Whether it still runs (closed services are not searched)."),
    ]
    evidence: Annotated[
        Evidence,
        Meta(description="Where its facts come from, and whether the service confirmed them."),
    ]

    @classmethod
    def of(cls, service: Service, reach: Reach, bases: tuple[Base, ...]) -> "ServiceSummary":
        return cls(
            service.slug,
            service.name,
            service.organisation.name,
            _text(service.words.summary),
            service.get_absolute_url(),
            tuple(area.code for area in reach.areas),
            service.scope,
            service.remote,
            service.travel_costs_covered,
            bases,
            tuple(Contact.of(route) for route in service.public_contacts),
            Access.of(service),
            Languages.of(service),
            RunningStatus.of(service),
            Evidence.of(service),
        )
