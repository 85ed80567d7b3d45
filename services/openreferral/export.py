"""Our services as HSDS 3.0 records: only what may be published, never a confidential address
or a professionals-only contact.

A service is first turned into a :class:`FeedService` (a canonical record, in services.seed's
shape, of its public facts) and then written out by pure functions: ``services.openreferral.parse``
reads the same record back, which is what makes a feed survive a wipe and a re-import.
"""

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.urls import reverse

from services.availability import Reach, remote_phrase
from services.eligibility import ServiceRules, inclusion_notes, who_it_is_for
from services.models import (
    NOT_SEEDED_FIELDS,
    ContactKind,
    Inclusion,
    Involvement,
    MenServed,
    Scope,
    Service,
    ServiceStatus,
    WorkingLanguage,
)
from services.openreferral.ids import organisation_id, service_id, stable_id
from services.openreferral.taxonomy import (
    COUNCIL_AREA,
    FACETS,
    FINDER_PAGE,
    ROUTE_STATE,
    SERVICE_DETAILS,
    WEB_ADDRESSES,
    ValueTerm,
    hsds_term,
)
from services.seed import (
    CONTACT_FIELDS,
    LOCATION_FIELDS,
    ROUTE_STATE_FIELDS,
    SERVICE_SCALAR_FIELDS,
)
from services.wording import waiting_list_text

# Kept for admins and shown on the service's page, but not part of the feed: who checked the
# facts (it may name a person) and the admins' notes.
NOT_IN_FEED = ("verification_source", "data_notes")
FEED_SCALAR_FIELDS = (
    *(name for name in SERVICE_SCALAR_FIELDS if name not in NOT_IN_FEED),
    # Whether it still runs, when it is open and how people get to it: not the seed's to set
    # (services.seed), but the feed's to say.
    *NOT_SEEDED_FIELDS,
)
# HSDS's own word for a published service's status; "inactive" is kept for unpublished ones.
HSDS_STATUS = {
    ServiceStatus.CLOSED: "defunct",
    ServiceStatus.TEMPORARILY_CLOSED: "temporarily closed",
}

STATISTICAL_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"
NATIONWIDE = {
    Scope.SCOTLAND: ("S92000003", "All of Scotland"),
    Scope.UK: ("K02000001", "All of the United Kingdom"),
}
OTHER_CONDITIONS = "Other conditions: "
PHONE_TYPES = {ContactKind.PHONE: "voice", ContactKind.TEXT: "text"}
REMOTE_LOCATION_NAME = "Remote support"
# A language's name in the feed, which is in English.
LANGUAGE_NAMES = {code: str(name) for code, name in WorkingLanguage.choices}


@dataclass(frozen=True)
class FeedService:
    """What the feed says about one service, in our own terms."""

    # A canonical record (services.seed.service_record's shape) holding only public facts.
    record: dict[str, Any]
    organisation: dict[str, str]
    last_modified: datetime | None


@dataclass(frozen=True)
class Area:
    name: str
    # The simplified boundary as GeoJSON text; empty where it is not needed (a location's area).
    extent: str = ""


def feed_service(service: Service) -> FeedService:
    """A service prefetched by ``services.search.published_services`` (its public bases and
    contacts only), with no further query."""
    record = {name: _plain(getattr(service, name)) for name in FEED_SCALAR_FIELDS}
    record.update(
        organisation=service.organisation.name,
        primary_offer=service.primary_offer_id,
        offers=sorted(offer.code for offer in service.offers.all()),
        access_routes=sorted(route.code for route in service.access_routes.all()),
        coverage=sorted(area.code for area in service.coverage.all()),
        locations=sorted(
            (
                {
                    **{name: getattr(location, name) for name in LOCATION_FIELDS},
                    "council_area": location.council_area.code if location.council_area else None,
                }
                for location in service.public_locations
            ),
            key=lambda location: location["name"],
        ),
        contact_routes=sorted(
            (
                {name: _plain(getattr(route, name)) for name in CONTACT_FIELDS + ROUTE_STATE_FIELDS}
                for route in service.public_contacts
            ),
            key=lambda route: (route["kind"], route["value"]),
        ),
    )
    organisation = {
        "name": service.organisation.name,
        "website": service.organisation.website,
        "description": service.organisation.description,
    }
    return FeedService(record, organisation, service.updated_at)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def hsds_service_summary(service: FeedService) -> dict[str, Any]:
    """The service's one-to-one fields and its organisation: an item of a list page."""
    record = service.record
    hsds = {
        "id": service_id(record["slug"]),
        "organization_id": organisation_id(record["organisation"]),
        "name": record["name"],
        "description": joined_description(record["summary"], record["description"]),
        "url": _first(record, ContactKind.WEBSITE),
        "email": _first(record, ContactKind.EMAIL),
        "status": hsds_status(record),
        # The team's words on its languages; whether it uses interpreters is an attribute.
        "interpretation_services": record["languages_note"],
        "application_process": record["how_to_access"],
        "wait_time": waiting_list_text(record["waiting_list"], _date(record["next_course_starts"])),
        "eligibility_description": eligibility_description(record),
        "minimum_age": record["min_age"],
        "maximum_age": record["max_age"],
        "assured_date": record["last_verified"],
        "last_modified": _timestamp(service.last_modified),
        "organization": hsds_organisation(service.organisation),
    }
    # HSDS types these fields as plain strings and numbers: an unknown one is left out, not null.
    return {name: value for name, value in hsds.items() if value not in (None, "")}


def hsds_service(service: FeedService, areas: dict[str, Area], base_url: str) -> dict[str, Any]:
    """The fully nested HSDS record. ``areas`` holds every council area the service or its
    locations name, with the display boundary of each it covers."""
    record = service.record
    sid = service_id(record["slug"])
    hsds = hsds_service_summary(service)
    hsds.update(
        phones=[
            _without_blanks(
                {
                    "id": (phone_id := _route_id("phone", record, route)),
                    "service_id": sid,
                    "number": route["value"],
                    "type": PHONE_TYPES[route["kind"]],
                    "description": route["label"],
                    "attributes": _route_state(route, phone_id, "phone", base_url),
                }
            )
            for route in record["contact_routes"]
            if route["kind"] in PHONE_TYPES
        ],
        contacts=[
            _without_blanks(
                {
                    "id": (contact_id := _route_id("contact", record, route)),
                    "service_id": sid,
                    "name": route["label"],
                    "email": route["value"],
                    "attributes": _route_state(route, contact_id, "contact", base_url),
                }
            )
            for route in record["contact_routes"]
            if route["kind"] == ContactKind.EMAIL
        ],
        languages=hsds_languages(record),
        service_areas=_service_areas(record, areas),
        service_at_locations=hsds_service_at_locations(service, areas, base_url),
        attributes=_service_attributes(record, base_url),
    )
    return hsds


def hsds_languages(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The languages its own staff work in besides English: only those known. As HSDS asks,
    none it offers only through an interpreter (its ``interpreters`` attribute says whether it
    uses them)."""
    sid = service_id(record["slug"])
    return [
        {
            "id": stable_id("language", record["slug"], code),
            "service_id": sid,
            "name": LANGUAGE_NAMES[code],
            "code": code,
        }
        for code in record["working_languages"]
    ]


def hsds_service_at_locations(
    service: FeedService, areas: dict[str, Area], base_url: str
) -> list[dict[str, Any]]:
    """Where the service is delivered: each public base, then "remote support" when it works
    online or by phone. Each link holds its location in full."""
    record = service.record
    return [
        *(_physical(record, location, areas, base_url) for location in record["locations"]),
        *([_virtual(record)] if record["remote"] else []),
    ]


# A location's one-to-one fields: what a list of services at locations gives of it.
LOCATION_SUMMARY_FIELDS = ("id", "location_type", "name", "description", "latitude", "longitude")


def hsds_service_at_location_summary(link: dict[str, Any], service: FeedService) -> dict[str, Any]:
    """A list item: the link, its location's one-to-one fields and its service's."""
    location = link["location"]
    return {
        **link,
        "location": {name: location[name] for name in LOCATION_SUMMARY_FIELDS if name in location},
        "service": hsds_service_summary(service),
    }


def hsds_service_at_location(
    link: dict[str, Any], service: FeedService, areas: dict[str, Area], base_url: str
) -> dict[str, Any]:
    """A link in full, with its service fully nested but for the service's other locations."""
    nested = hsds_service(service, areas, base_url)
    del nested["service_at_locations"]
    return {**link, "service": nested}


def hsds_organisation_with_services(
    organisation: dict[str, str], services: list[dict[str, Any]]
) -> dict[str, Any]:
    return {**hsds_organisation(organisation), "services": services}


def hsds_status(record: dict[str, Any]) -> str:
    if not record["published"]:
        return "inactive"
    return HSDS_STATUS.get(record["status"], "active")


def joined_description(summary: str, description: str) -> str:
    # HSDS has one description; the summary is its first paragraph.
    return f"{summary}\n\n{description}" if description else summary


def eligibility_description(record: dict[str, Any]) -> str:
    """Who the service is for, in the finder's own sentences, then any other conditions."""
    text = eligibility_summary(record)
    if record["other_criteria"]:
        text += f"\n\n{OTHER_CONDITIONS}{record['other_criteria']}"
    return text


def eligibility_summary(record: dict[str, Any]) -> str:
    rules = ServiceRules(
        min_age=record["min_age"],
        max_age=record["max_age"],
        women=record["women"],
        men=MenServed(record["men"]),
        trans=Inclusion(record["trans"]),
        non_binary=Inclusion(record["non_binary"]),
        involvement=Involvement(record["involvement"]),
        for_trafficked_people=record["for_trafficked_people"],
    )
    return ". ".join([who_it_is_for(rules), *inclusion_notes(rules)]) + "."


def gss_uri(code: str) -> str:
    return STATISTICAL_GEOGRAPHY + code


def _service_areas(record: dict[str, Any], areas: dict[str, Area]) -> list[dict[str, Any]]:
    slug = record["slug"]
    service_areas = []
    if record["scope"] in NATIONWIDE:
        code, name = NATIONWIDE[record["scope"]]
        service_areas.append(
            {
                "id": stable_id("service_area", slug, code),
                "service_id": service_id(slug),
                "name": name,
                "uri": gss_uri(code),
            }
        )
    for code in record["coverage"]:
        service_areas.append(
            {
                "id": stable_id("service_area", slug, code),
                "service_id": service_id(slug),
                "name": areas[code].name,
                "extent": areas[code].extent,
                "extent_type": "geojson",
                "uri": gss_uri(code),
            }
        )
    return service_areas


def _physical(
    record: dict[str, Any], location: dict[str, Any], areas: dict[str, Area], base_url: str
) -> dict[str, Any]:
    slug, name = record["slug"], location["name"]
    location_id = stable_id("location", slug, name)
    area_code = location["council_area"]
    hsds = {
        "id": location_id,
        "location_type": "physical",
        "name": name,
        "addresses": [],
        "schedules": [],
        "accessibility": [],
        "attributes": [],
    }
    if not location["address"]:
        # A base known only by its council area still says where it is, in words and (below)
        # as the area's GSS code; its point inside the area is the finder's guess, not given.
        where = f"In {areas[area_code].name}. " if area_code else ""
        hsds["description"] = f"{where}Contact the service for the address."
    if location["point"]:
        hsds["longitude"], hsds["latitude"] = location["point"]["coordinates"][:2]
    if location["address"] or location["postcode"]:
        hsds["addresses"].append(
            _address(location, areas[area_code].name if area_code else "", location_id)
        )
    if location["opening_times"]:
        hsds["schedules"].append(
            {
                "id": stable_id("schedule", slug, name),
                "location_id": location_id,
                "description": location["opening_times"],
            }
        )
    if location["accessibility"]:
        hsds["accessibility"].append(
            {
                "id": stable_id("accessibility", slug, name),
                "location_id": location_id,
                "description": location["accessibility"],
            }
        )
    if area_code:
        hsds["attributes"].append(_attribute(COUNCIL_AREA, location_id, area_code, base_url))
    return {
        "id": stable_id("service_at_location", slug, name),
        "service_id": service_id(slug),
        "location_id": location_id,
        "location": hsds,
    }


def address_lines(address: str) -> list[str]:
    return [line.strip() for line in address.splitlines() if line.strip()]


def _address(location: dict[str, Any], region: str, location_id: str) -> dict[str, Any]:
    # HSDS wants a street, a town and a region; we keep an address as lines. The first line is
    # the street and the last the town, so the lines can be put back together unchanged.
    lines = address_lines(location["address"])
    return {
        "id": stable_id("address", location_id),
        "location_id": location_id,
        "address_1": lines[0] if lines else "",
        "address_2": "\n".join(lines[1:-1]),
        "city": lines[-1] if len(lines) > 1 else "",
        "region": region,
        "state_province": region,
        "postal_code": location["postcode"],
        "country": "GB",
        "address_type": "physical",
    }


def _virtual(record: dict[str, Any]) -> dict[str, Any]:
    slug = record["slug"]
    location_id = stable_id("location", slug, REMOTE_LOCATION_NAME)
    phrase = remote_phrase(Reach(access=frozenset(record["access_routes"])))
    return {
        "id": stable_id("service_at_location", slug, REMOTE_LOCATION_NAME),
        "service_id": service_id(slug),
        "location_id": location_id,
        "location": {
            "id": location_id,
            "location_type": "virtual",
            "name": REMOTE_LOCATION_NAME,
            "description": f"Supports people {phrase}, anywhere it works.",
        },
    }


def _service_attributes(record: dict[str, Any], base_url: str) -> list[dict[str, Any]]:
    sid = service_id(record["slug"])
    attributes = [_attribute(FINDER_PAGE, sid, f"{base_url}{_page(record['slug'])}", base_url)]
    for facet in FACETS:
        for answer in facet.answers_in(record):
            term = facet.term(answer)
            attribute = {
                "id": stable_id("attribute", sid, term.code),
                "link_id": sid,
                "link_type": facet.link_type,
                "link_entity": "service",
                "taxonomy_term_id": term.id,
                "taxonomy_term": hsds_term(term, base_url),
            }
            if facet.field == "waiting_list" and record["next_course_starts"]:
                attribute["value"] = record["next_course_starts"]
            attributes.append(attribute)
    for name, value_term in SERVICE_DETAILS.items():
        if record[name]:
            attributes.append(_attribute(value_term, sid, record[name], base_url))
    for route in record["contact_routes"]:
        if route["kind"] in WEB_ADDRESSES:
            address = _attribute(WEB_ADDRESSES[route["kind"]], sid, route["value"], base_url)
            attributes.append(address)
            # HSDS has no table for a web address: its state hangs off its own attribute.
            attributes.extend(_route_state(route, address["id"], "attribute", base_url))
    return attributes


def _route_id(table: str, record: dict[str, Any], route: dict[str, Any]) -> str:
    return stable_id(table, record["slug"], route["kind"], route["value"])


def _route_state(
    route: dict[str, Any], link_id: str, link_entity: str, base_url: str
) -> list[dict[str, Any]]:
    """Where a route was found, how sure we are of it, when it is answered and whether the
    service confirmed it: one attribute each, linked to the route, for what is known."""
    return [
        _attribute(value_term, link_id, route[name], base_url, link_entity)
        for name, value_term in ROUTE_STATE.items()
        if route[name] not in (None, "")
    ]


def _attribute(
    value_term: ValueTerm,
    link_id: str,
    value: str,
    base_url: str,
    link_entity: str | None = None,
) -> dict[str, Any]:
    term = value_term.term()
    return {
        "id": stable_id("attribute", link_id, term.code, value),
        "link_id": link_id,
        "link_type": value_term.link_type,
        "link_entity": link_entity or value_term.link_entity,
        "taxonomy_term_id": term.id,
        "taxonomy_term": hsds_term(term, base_url),
        "value": value,
    }


def _page(slug: str) -> str:
    return reverse("service-detail", kwargs={"slug": slug})


def hsds_organisation(organisation: dict[str, str]) -> dict[str, str]:
    hsds = {
        "id": organisation_id(organisation["name"]),
        "name": organisation["name"],
        # Required by HSDS: Organisation.description may not be left blank.
        "description": organisation["description"],
    }
    if organisation["website"]:
        hsds["website"] = organisation["website"]
    return hsds


def _first(record: dict[str, Any], kind: str) -> str | None:
    values = [route["value"] for route in record["contact_routes"] if route["kind"] == kind]
    return values[0] if values else None


def _without_blanks(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if value}


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _timestamp(moment: datetime | None) -> str | None:
    # HSDS asks for millisecond accuracy, in UTC.
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def extent(display_boundary: dict[str, Any]) -> str:
    return json.dumps(display_boundary, separators=(",", ":"))
