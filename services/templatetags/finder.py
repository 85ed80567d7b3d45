"""The finder's components, as inclusion tags: templates stay declarative (no logic beyond loops
and conditionals), and every page shows a service the same way."""

import re
from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from servicemap.languages import entered_text, entered_words
from services.eligibility import Status
from services.models import (
    CHECKED_WITH_THE_SERVICE,
    Confidence,
    ContactKind,
    ContactRoute,
    Service,
    may_be_out_of_date,
)
from services.search import Placing, Result
from services.wording import (
    NO_ROUTE,
    listed,
    long_date,
    route_state_text,
    status_text,
    travel_costs,
    waiting_list_text,
    who_source_text,
    with_markup,
)
from services.working_languages import (
    LanguageSupport,
    language_name,
    languages_text,
    not_known_text,
    support_in,
    support_text,
)

register = template.Library()

TAG_CLASSES = {
    Status.ELIGIBLE: "ds_tag--green",
    Status.UNCLEAR: "ds_tag--yellow",
    Status.NOT_ELIGIBLE: "ds_tag--grey",
}


@register.inclusion_tag("services/includes/result.html")
def result_card(result: Result, show_verdict: bool = True, language: str = "") -> dict:
    """``language``: the code of the language the person chose in the finder, or ""."""
    service = result.service
    return {
        "result": result,
        "service": service,
        "show_verdict": show_verdict,
        "status_label": result.status.label,
        "tag_class": TAG_CLASSES[result.status],
        "reasons": result.verdict.reasons,
        "because": result.availability.because,
        "distance": how_far(result),
        # Someone who would travel to a service wants to know whether it pays for that.
        "travel": (
            travel_costs(service.travel_costs_covered)
            if result.placing is Placing.FURTHER_AWAY
            else ""
        ),
        # A card says nothing of languages nobody has stated, unless the person asked for one.
        **service_facts(service, language, say_when_not_known=bool(language)),
    }


def how_far(result: Result) -> str:
    """How far the service is from the person, only as far as we know it: to a base with an
    address's point, from the person's own point (the search's known distance). A base known only
    by its council area is said to be in that area, never a number of km from its middle; a
    service with no base (phone, online) says nothing."""
    if result.known_distance_km is not None:
        # Translators: how far a service is from the place the person gave, in whole kilometres.
        return _("About %(km)s km away") % {"km": f"{result.known_distance_km:.0f}"}
    areas = [area.name for area in result.entry.based_in]
    if not areas:
        return ""
    # Translators: where a service is based, when only its council areas are known.
    return _("Based in %(areas)s") % {"areas": listed(areas)}


@dataclass(frozen=True)
class RouteShown:
    """A contact route as a person reads it: what it is, where a link goes ("" for text), what
    it is for, when, and whether the service has confirmed it."""

    kind: str
    value: str
    href: str
    opens_another_site: bool
    label: str
    hours: str
    state: str


@dataclass(frozen=True)
class AccessNoteShown:
    """When a service is open, or how people get to it, as its source says it, and whether the
    service has confirmed it."""

    title: str
    text: str
    state: str


ACCESS_NOTES = (
    # Translators: a title on a service, before its opening times as a source gives them.
    (gettext_lazy("When it is open"), "opening_times"),
    # Translators: a title on a service, before how people get support from it (a referral).
    (gettext_lazy("How people get to it"), "referral"),
)


def access_notes_shown(service: Service) -> list[AccessNoteShown]:
    return [
        AccessNoteShown(str(title), text, route_state_text(service.access_confirmed_on))
        for title, name in ACCESS_NOTES
        if (text := entered_words(service, name))
    ]


@dataclass(frozen=True)
class LanguagesShown:
    """What a service's record says of its languages, as a person reads it: of the language
    they chose, or else what is known; the team's note; and, when it states anything, whether
    the service confirmed it and the page it comes from."""

    text: str
    note: str
    state: str
    source: str


def languages_shown(
    service: Service, language: str = "", say_when_not_known: bool = True
) -> LanguagesShown | None:
    """None when nothing is known, no language was asked for and ``say_when_not_known`` is
    off (a card): never a sentence that could be read as "English only"."""
    if language:
        support = support_in(language, service.working_languages, service.interpreters)
        text = support_text(support, service.name, language_name(language))
        stated = support is not LanguageSupport.NOT_KNOWN
    else:
        text = languages_text(service.working_languages, service.interpreters)
        stated = bool(text)
    if not (stated or service.languages_note or say_when_not_known):
        return None
    known = stated or bool(service.languages_note)
    return LanguagesShown(
        text=text or not_known_text(service.name),
        note=service.languages_note,
        state=route_state_text(service.languages_confirmed_on) if known else "",
        source=link_target(service.languages_source) if known else "",
    )


@dataclass(frozen=True)
class NextStep:
    """What a person can do now when we hold no way to reach the service: never this page."""

    text: str
    href: str
    link_text: str
    opens_another_site: bool


def routes_shown(routes: list[ContactRoute]) -> list[RouteShown]:
    return [
        RouteShown(
            kind=route.get_kind_display(),
            value=route.value,
            href=contact_link(route),
            opens_another_site=route.kind in CONTACTS_THAT_ARE_ADDRESSES,
            label=route.words.label,
            hours=route.words.hours,
            state=route_state_text(route.confirmed_on),
        )
        for route in routes
    ]


def next_step(service: Service) -> NextStep:
    website = link_target(service.organisation.website)
    if website:
        return NextStep(
            # Translators: followed by a link, "their website", and a full stop.
            _("%(organisation)s runs it: ask them through")
            % {"organisation": service.organisation.name},
            website,
            # Translators: a link, after "... runs it: ask them through".
            _("their website"),
            opens_another_site=True,
        )
    return NextStep(
        # Translators: followed by a link, "urgent help numbers", and a full stop.
        _("If you need help now, use the"),
        f"{reverse('staying-safe')}#urgent-help",
        # Translators: a link, after "If you need help now, use the".
        _("urgent help numbers"),
        opens_another_site=False,
    )


def reaching(service: Service) -> dict:
    """How to get in touch, first on every view of a service: its public routes, each with its
    state, or a plain "no route" and a next step; and its status when it is not running."""
    routes = routes_shown(service.public_contacts)
    return {
        "routes": routes,
        "access_notes": access_notes_shown(service),
        "no_route": "" if routes else _(NO_ROUTE),
        "next_step": None if routes else next_step(service),
        "status_text": status_text(
            service.status, service.words.status_note, service.status_seen_on
        ),
    }


def service_facts(service: Service, language: str = "", say_when_not_known: bool = True) -> dict:
    """What every view of a service shows about waiting, contact, its languages (``language``:
    the one a person chose, or "") and how fresh the facts are."""
    return {
        "service": service,
        "languages": languages_shown(service, language, say_when_not_known),
        "waiting": waiting_list_text(service.waiting_list, service.next_course_starts),
        **reaching(service),
        "checked": checked_text(service),
        "may_be_out_of_date": may_be_out_of_date(service.last_verified, timezone.localdate()),
        "unchecked_facts": listed(unchecked_facts(service)),
        "who_source": who_source_text(
            service.in_2022_survey,
            service.eligibility_confidence,
            service.verification_source.startswith(CHECKED_WITH_THE_SERVICE),
        ),
    }


def checked_text(service: Service) -> str:
    """When the details were last confirmed, and how: an admin's check with the service itself,
    or the source they came from (the seed data's survey was never checked with each service)."""
    if service.last_verified is None:
        return _("Not yet checked with the service")
    when = long_date(service.last_verified)
    if service.verification_source.startswith(CHECKED_WITH_THE_SERVICE):
        return _("Checked with the service on %(date)s") % {"date": when}
    if service.verification_source:
        # Translators: "%(source)s" is who checked a service's details, or with whom, as the
        # team recorded it.
        return with_markup(
            _("Last checked on %(date)s (%(source)s)"),
            date=when,
            source=entered_text(service.verification_source),
        )
    return _("Last checked on %(date)s") % {"date": when}


def unchecked_facts(service: Service) -> list[str]:
    """The groups of facts not yet confirmed with the service, in words: the list after "Not yet
    confirmed with the service:"."""
    groups = {
        pgettext("facts not confirmed", "where it works"): service.location_confidence,
        pgettext("facts not confirmed", "what it offers"): service.offer_confidence,
        pgettext("facts not confirmed", "who it is for"): service.eligibility_confidence,
        pgettext("facts not confirmed", "waiting times"): service.waiting_list_confidence,
    }
    return [name for name, confidence in groups.items() if confidence == Confidence.LOW]


# Only these ever become links. A link to anything else (javascript:, data:, a file, an app's own
# scheme) could run or open something the person did not choose; an admin's form checks web
# addresses, but imports and old records may hold anything.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# What a browser ignores in an address before it reads the scheme (the WHATWG URL standard):
# control characters and spaces at either end, and tabs and newlines anywhere.
IGNORED_AT_THE_ENDS = "".join(chr(code) for code in range(0x21))
TABS_AND_NEWLINES = str.maketrans("", "", "\t\n\r")
CONTACT_SCHEMES = {ContactKind.PHONE: "tel:", ContactKind.EMAIL: "mailto:"}
CONTACTS_THAT_ARE_ADDRESSES = {ContactKind.WEBSITE, ContactKind.ONLINE_FORM}


@register.filter
def link_target(address: str) -> str:
    """The address as a link may use it, or "" if it must be shown as text: a whole address
    whose scheme is http, https, mailto or tel."""
    address = address.strip(IGNORED_AT_THE_ENDS).translate(TABS_AND_NEWLINES)
    scheme = SCHEME.match(address)
    return address if scheme and scheme.group(1).lower() in LINK_SCHEMES else ""


@register.filter
def contact_link(contact: ContactRoute) -> str:
    """Where a link to this contact goes, or "" for one shown as text (a text message number, or
    an address a link must not take)."""
    if contact.kind in CONTACT_SCHEMES:
        return link_target(CONTACT_SCHEMES[contact.kind] + contact.value)
    if contact.kind in CONTACTS_THAT_ARE_ADDRESSES:
        return link_target(contact.value)
    return ""
