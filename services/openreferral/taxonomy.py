"""The taxonomy our HSDS attributes use, published at /openreferral/taxonomies/.

HSDS has fields for ages and free-text eligibility but none for the facts this finder is built
on: whether a service supports women, men, trans and non-binary people (with "not stated" kept
as its own answer), whether it is for people who sell or exchange sex now or did before, or only
for people who have been trafficked. Each such fact is a *facet*: a parent term, with one child
term per answer. A service carries one attribute per answer, so another directory can filter on
exactly what we know, and our own importer can read every fact back.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, TextChoices

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
    ServiceStatus,
    WaitingList,
)
from services.openreferral.ids import stable_id

TAXONOMY_NAME = "Scotland support finder"
TAXONOMY_VERSION = "1"
TAXONOMY_DESCRIPTION = (
    "The facts the Scotland support finder records about specialist services for people who "
    "sell or exchange sex: what they offer, how to reach them, who they are for, and how far "
    "those facts have been checked."
)
TAXONOMY_ID = stable_id("taxonomy", TAXONOMY_NAME)

YES = "yes"
NO = "no"


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    description: str
    parent_code: str | None = None

    @property
    def id(self) -> str:
        return term_id(self.code)


@dataclass(frozen=True)
class Facet:
    """One fact about a service, kept in the canonical record (services.seed) under ``field``."""

    field: str
    name: str
    description: str
    link_type: str
    answers: tuple[tuple[str, str], ...]
    many: bool = False
    # The record holds True or False; the terms say "yes" or "no".
    boolean: bool = False

    def term_code(self, answer: str) -> str:
        return f"{self.field}.{answer}"

    def answers_in(self, record: dict[str, Any]) -> list[str]:
        value = record[self.field]
        if self.boolean:
            return [YES if value else NO]
        return sorted(value) if self.many else [value]

    def record_value(self, answers: list[str]) -> Any:
        if self.boolean:
            return answers[0] == YES
        return sorted(answers) if self.many else answers[0]

    def services_with(self, answer: str) -> Q:
        """Services that carry this answer, as a filter on Service."""
        if self.boolean:
            return Q(**{self.field: answer == YES})
        return Q(**{self.field: answer})

    def term(self, answer: str) -> Term:
        label = dict(self.answers)[answer]
        return Term(
            self.term_code(answer),
            f"{self.name}: {label}",
            f"{self.name}: {label}.",
            parent_code=self.field,
        )

    def terms(self) -> list[Term]:
        parent = Term(self.field, self.name, self.description)
        return [parent, *(self.term(answer) for answer, _label in self.answers)]


def _answers(choices: type[TextChoices]) -> tuple[tuple[str, str], ...]:
    return tuple((str(value), str(label)) for value, label in choices.choices)


def _yes_no(yes: str, no: str) -> tuple[tuple[str, str], ...]:
    return ((YES, yes), (NO, no))


def _checked(what: str) -> Facet:
    return Facet(
        field=f"{what.replace(' ', '_')}_confidence",
        name=f"How far the {what} facts are checked",
        description=f"Whether the facts about the service's {what} have been confirmed.",
        link_type="data_quality",
        answers=_answers(Confidence),
    )


INCLUSION_NOTE = ' "Not stated" means the service has not said: it is neither a yes nor a no.'

FACETS = (
    Facet(
        "offers",
        "Kinds of help",
        "What the service offers.",
        "service_type",
        _answers(OfferCode),
        many=True,
    ),
    Facet(
        "primary_offer",
        "Main kind of help",
        "The one kind of help the Scottish Government's mapping survey groups the service under.",
        "service_type",
        _answers(OfferCode),
    ),
    Facet(
        "access_routes",
        "Ways to get support",
        "How a person can reach the service.",
        "access",
        _answers(AccessCode),
        many=True,
    ),
    Facet(
        "women",
        "Women",
        "Whether the service supports women.",
        "eligibility",
        _yes_no("supported", "not supported"),
        boolean=True,
    ),
    Facet("men", "Men", "Whether the service supports men.", "eligibility", _answers(MenServed)),
    Facet(
        "trans",
        "Trans people",
        "Whether the service supports trans people." + INCLUSION_NOTE,
        "eligibility",
        _answers(Inclusion),
    ),
    Facet(
        "non_binary",
        "Non-binary people",
        "Whether the service supports non-binary people." + INCLUSION_NOTE,
        "eligibility",
        _answers(Inclusion),
    ),
    Facet(
        "involvement",
        "Selling or exchanging sex",
        "Whether the service is for people who sell or exchange sex now, did before, or either.",
        "eligibility",
        _answers(Involvement),
    ),
    Facet(
        "for_trafficked_people",
        "Trafficking",
        "Whether the service is only for people who have been trafficked or exploited.",
        "eligibility",
        _yes_no("only for people who have been trafficked", "not only for them"),
        boolean=True,
    ),
    Facet(
        "waiting_list",
        "Waiting list",
        "What to expect before being seen. For services that start with the next course, the "
        "attribute's value is the next course's start date (YYYY-MM-DD) when it is known.",
        "wait_time",
        _answers(WaitingList),
    ),
    Facet(
        "travel_costs_covered",
        "Travel costs",
        "Whether the service can cover travel or relocation costs.",
        "cost",
        _yes_no("covered", "not covered"),
        boolean=True,
    ),
    Facet(
        "police_led",
        "Police-led",
        "Whether the service is run by the police.",
        "detail",
        _yes_no("police-led", "not police-led"),
        boolean=True,
    ),
    _checked("location"),
    _checked("offer"),
    _checked("eligibility"),
    _checked("waiting list"),
    Facet(
        "in_2022_survey",
        "In the 2022 mapping survey",
        "Whether the service is one of the 16 the Scottish Government's 2022 mapping survey "
        "found, or one known since.",
        "data_quality",
        _yes_no("one of the survey's 16", "known since the survey"),
        boolean=True,
    ),
    Facet(
        "listed_in_finder",
        "Listed in the finder",
        "Whether the finder sends people to the service; one that is not says why on its page.",
        "detail",
        _yes_no("listed", "not listed"),
        boolean=True,
    ),
    Facet(
        "status",
        "Current status",
        "Whether the service still runs, as far as the latest evidence shows.",
        "detail",
        _answers(ServiceStatus),
    ),
    _checked("status"),
    Facet(
        "interpreters",
        "Interpreters",
        "Whether the service uses interpreters for languages its staff do not speak (the "
        'languages they do speak are the service\'s HSDS languages). "Not known" means nobody '
        "has said: it is neither a yes nor a no.",
        "detail",
        _answers(Interpreters),
    ),
)


@dataclass(frozen=True)
class ValueTerm:
    """A term whose attributes carry a value: a web address, a page, a council area's code."""

    code: str
    name: str
    description: str
    link_type: str
    link_entity: str = "service"

    def term(self) -> Term:
        return Term(self.code, self.name, self.description)


FINDER_PAGE = ValueTerm(
    "finder_page",
    "Page on the Scotland support finder",
    "The attribute's value is the address of the service's page on the finder.",
    "url",
)
WEB_ADDRESSES = {
    ContactKind.WEBSITE: ValueTerm(
        "website", "Website", "The attribute's value is one of the service's websites.", "url"
    ),
    ContactKind.ONLINE_FORM: ValueTerm(
        "online_form",
        "Online form",
        "The attribute's value is the address of a form for contacting or referring to the "
        "service.",
        "url",
    ),
}
COUNCIL_AREA = ValueTerm(
    "council_area",
    "Council area",
    "The attribute's value is the GSS code of the council area a location is in (e.g. "
    "S12000036), for locations whose address is not published.",
    "area",
    link_entity="location",
)
# Free text and dates about a service that HSDS has no field for, each in the record's field of
# the same name.
SERVICE_DETAILS = {
    "not_listed_because": ValueTerm(
        "not_listed_because",
        "Why it is not in the finder",
        "The attribute's value says why the finder does not send people to the service.",
        "detail",
    ),
    "status_note": ValueTerm(
        "status_note",
        "Status evidence",
        "The attribute's value says what changed, or the evidence for the current status.",
        "detail",
    ),
    "status_source": ValueTerm(
        "status_source",
        "Status source",
        "The attribute's value is the address of the page the status evidence is on.",
        "url",
    ),
    "status_confirmed_on": ValueTerm(
        "status_confirmed_on",
        "Status confirmed with the service",
        "The attribute's value is the date (YYYY-MM-DD) the service confirmed it runs as the "
        "status says.",
        "data_quality",
    ),
    "opening_times": ValueTerm(
        "opening_times",
        "When it is open",
        "The attribute's value says when the service is open or answered, as its source says it.",
        "detail",
    ),
    "opening_times_source": ValueTerm(
        "opening_times_source",
        "Opening times source",
        "The attribute's value is the address of the page the opening times are on.",
        "url",
    ),
    "opening_times_confidence": ValueTerm(
        "opening_times_confidence",
        "Opening times confidence",
        "The attribute's value is how reliable the opening times' source is: high, medium or low.",
        "data_quality",
    ),
    "referral": ValueTerm(
        "referral",
        "How people get to it",
        "The attribute's value says how a person gets support from the service (self-referral, "
        "through a worker, a partner agency), as its source says it.",
        "detail",
    ),
    "referral_source": ValueTerm(
        "referral_source",
        "How-people-get-to-it source",
        "The attribute's value is the address of the page that says how people get to it.",
        "url",
    ),
    "referral_confidence": ValueTerm(
        "referral_confidence",
        "How-people-get-to-it confidence",
        "The attribute's value is how reliable that page is: high, medium or low.",
        "data_quality",
    ),
    "access_confirmed_on": ValueTerm(
        "access_confirmed_on",
        "Opening times and ways in confirmed with the service",
        "The attribute's value is the date (YYYY-MM-DD) the service confirmed when it is open and "
        "how people get to it.",
        "data_quality",
    ),
    "languages_source": ValueTerm(
        "languages_source",
        "Languages source",
        "The attribute's value is the address of the page that says which languages the service "
        "works in and whether it uses interpreters.",
        "url",
    ),
    "languages_confidence": ValueTerm(
        "languages_confidence",
        "Languages confidence",
        "The attribute's value is how reliable that page is: high, medium or low.",
        "data_quality",
    ),
    "languages_confirmed_on": ValueTerm(
        "languages_confirmed_on",
        "Languages confirmed with the service",
        "The attribute's value is the date (YYYY-MM-DD) the service confirmed which languages it "
        "works in and whether it uses interpreters.",
        "data_quality",
    ),
    "status_seen_on": ValueTerm(
        "status_seen_on",
        "Status evidence dated",
        "The attribute's value is the date (YYYY-MM-DD) of the latest evidence of the status.",
        "detail",
    ),
}
# The details whose value is a date (YYYY-MM-DD).
DATE_DETAILS = frozenset(
    {"status_seen_on", "status_confirmed_on", "access_confirmed_on", "languages_confirmed_on"}
)
VALUE_TERMS = (FINDER_PAGE, *WEB_ADDRESSES.values(), COUNCIL_AREA, *SERVICE_DETAILS.values())
# The contact routes a feed carries: phones and texts as phones, emails as contacts, web
# addresses as the service's attributes. A drop-in's address has no place in a feed.
FEED_ROUTE_KINDS = frozenset(
    {ContactKind.PHONE, ContactKind.TEXT, ContactKind.EMAIL, *WEB_ADDRESSES}
)
# What is known of one contact route, each in the route's field of the same name. Each attribute
# is linked to the route it describes: a phone, a contact, or a web address's own attribute
# (link_entity "attribute"), so a reader can tell a confirmed route from one off a public page.
ROUTE_STATE = {
    "hours": ValueTerm(
        "route_hours",
        "When the route is answered or open",
        "The attribute's value says when the phone, email or web address it is linked to is "
        "answered or open.",
        "detail",
    ),
    "source_url": ValueTerm(
        "route_source",
        "Where the route was found",
        "The attribute's value is the address of the public page the route it is linked to was "
        "taken from.",
        "url",
    ),
    "confidence": ValueTerm(
        "route_confidence",
        "How sure the finder is of the route",
        "The attribute's value is high (on the service's or its organisation's own page), "
        "medium (another reliable page) or low (an old, indirect or weak source).",
        "data_quality",
    ),
    "confirmed_on": ValueTerm(
        "route_confirmed_on",
        "Route confirmed with the service",
        "The attribute's value is the date (YYYY-MM-DD) the service confirmed the route it is "
        "linked to. A route without one is from a public source, not yet confirmed with the "
        "service.",
        "data_quality",
    ),
}
ROUTE_STATE_CODES = {value_term.code: name for name, value_term in ROUTE_STATE.items()}


def term_id(code: str) -> str:
    return stable_id("taxonomy_term", code)


def all_terms() -> list[Term]:
    return [
        *(term for facet in FACETS for term in facet.terms()),
        *(value_term.term() for value_term in (*VALUE_TERMS, *ROUTE_STATE.values())),
    ]


# Each child term's facet and answer, by term id: how a feed's attributes are read back.
ANSWERS_BY_TERM_ID = {
    term_id(facet.term_code(answer)): (facet, answer)
    for facet in FACETS
    for answer, _label in facet.answers
}
VALUE_TERMS_BY_ID = {term_id(value_term.code): value_term for value_term in VALUE_TERMS}
ROUTE_STATE_BY_TERM_ID = {term_id(term.code): name for name, term in ROUTE_STATE.items()}
TERMS_BY_ID = {term.id: term for term in all_terms()}


def services_with_term(term: Term) -> Q:
    """Services carrying an attribute of this term, as a filter on Service."""
    if term.id in ANSWERS_BY_TERM_ID:
        facet, answer = ANSWERS_BY_TERM_ID[term.id]
        return facet.services_with(answer)
    # Subqueries rather than joins, so a service with two websites is listed once.
    if term.code in WEB_ADDRESSES:
        return Q(pk__in=ContactRoute.public_objects.filter(kind=term.code).values("service_id"))
    if term.code == COUNCIL_AREA.code:
        located = Location.public_objects.filter(council_area__isnull=False)
        return Q(pk__in=located.values("service_id"))
    if term.code in ROUTE_STATE_CODES:
        name = ROUTE_STATE_CODES[term.code]
        routes = ContactRoute.public_objects.filter(kind__in=FEED_ROUTE_KINDS)
        given = (
            routes.filter(confirmed_on__isnull=False)
            if name == "confirmed_on"
            else routes.exclude(**{name: ""})
        )
        return Q(pk__in=given.values("service_id"))
    if term.code in DATE_DETAILS:
        return Q(**{f"{term.code}__isnull": False})
    if term.code in SERVICE_DETAILS:
        return ~Q(**{term.code: ""})
    # A facet's parent term, and the finder page: every service has one.
    return Q()


def hsds_taxonomy(base_url: str) -> dict[str, Any]:
    return {
        "id": TAXONOMY_ID,
        "name": TAXONOMY_NAME,
        "description": TAXONOMY_DESCRIPTION,
        "uri": f"{base_url}/openreferral/taxonomies/{TAXONOMY_ID}",
        "version": TAXONOMY_VERSION,
    }


def hsds_term(term: Term, base_url: str) -> dict[str, Any]:
    hsds = {
        "id": term.id,
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": TAXONOMY_NAME,
        "taxonomy_id": TAXONOMY_ID,
        "language": "en",
        "term_uri": f"{base_url}/openreferral/taxonomy_terms/{term.id}",
    }
    if term.parent_code:
        hsds["parent_id"] = term_id(term.parent_code)
    return hsds
