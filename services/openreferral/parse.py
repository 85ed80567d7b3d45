"""HSDS 3.0 service records read back into our own terms: the mirror of ``export``.

Every fact the feed carries in our taxonomy's attributes is read from them; the sentences written
for people (the waiting time, the eligibility summary) are not parsed, except to find the "other
conditions" written after them. A record from another directory that does not use our taxonomy
gets the model's defaults, and must at least name its main kind of help.
"""

from datetime import date, datetime
from typing import Any
from urllib.parse import urlparse

from django.urls import Resolver404, resolve
from django.utils.text import slugify

from geography.models import GSS_CODE
from services.models import (
    Confidence,
    ContactKind,
    Scope,
    Service,
    ServiceStatus,
    WorkingLanguage,
)
from services.openreferral.export import (
    FEED_SCALAR_FIELDS,
    HSDS_STATUS,
    NATIONWIDE,
    OTHER_CONDITIONS,
    STATISTICAL_GEOGRAPHY,
    FeedService,
    eligibility_summary,
)
from services.openreferral.taxonomy import (
    ANSWERS_BY_TERM_ID,
    COUNCIL_AREA,
    DATE_DETAILS,
    FACETS,
    FINDER_PAGE,
    ROUTE_STATE_BY_TERM_ID,
    SERVICE_DETAILS,
    VALUE_TERMS_BY_ID,
    WEB_ADDRESSES,
    Facet,
    term_id,
)

SCOPES_BY_CODE = {code: scope for scope, (code, _name) in NATIONWIDE.items()}
CONTACT_KINDS_BY_PHONE_TYPE = {"text": ContactKind.TEXT}
STATUS_FROM_HSDS = {hsds: status for status, hsds in HSDS_STATUS.items()}


class FeedError(Exception):
    """A record we cannot read; the message is one line naming what is wrong."""


def feed_service_from(hsds: dict[str, Any]) -> FeedService:
    try:
        return _feed_service(hsds)
    except FeedError as error:
        raise FeedError(f"service {hsds.get('name')!r} ({hsds.get('id')}): {error}") from error


def _feed_service(hsds: dict[str, Any]) -> FeedService:
    organisation = hsds.get("organization")
    if not organisation:
        raise FeedError("no organization is given with it")
    answers, values = _attributes(hsds.get("attributes", []))
    summary, _, description = hsds.get("description", "").partition("\n\n")
    record = {name: Service._meta.get_field(name).get_default() for name in FEED_SCALAR_FIELDS}
    record.update(
        name=hsds["name"],
        slug=_slug(hsds, values.get(FINDER_PAGE.code, [])),
        summary=summary,
        description=description,
        how_to_access=hsds.get("application_process", ""),
        languages_note=hsds.get("interpretation_services", ""),
        working_languages=_working_languages(hsds.get("languages", [])),
        published=hsds["status"] != "inactive",
        # A record from elsewhere may say only HSDS's status; ours also give the facet.
        status=STATUS_FROM_HSDS.get(hsds["status"], ServiceStatus.UNKNOWN),
        min_age=_age(hsds, "minimum_age"),
        max_age=_age(hsds, "maximum_age"),
        last_verified=_iso_date(hsds.get("assured_date"), "assured_date"),
        organisation=organisation["name"],
        offers=[],
        access_routes=[],
    )
    for facet in FACETS:
        if facet in answers:
            record[facet.field] = _answer(facet, answers[facet])
    if record.get("primary_offer") is None:
        raise FeedError(
            "it has no main kind of help (a primary_offer term from /openreferral/taxonomies/)"
        )
    record["next_course_starts"] = _iso_date(
        values.get("waiting_list", [None])[0], "the waiting list's date"
    )
    for name in SERVICE_DETAILS:
        given = values.get(name, [])
        if given:
            record[name] = given[0] or ""
    for name in DATE_DETAILS:
        record[name] = _iso_date(record[name], f"the {name} attribute")
    record["other_criteria"] = _other_criteria(hsds.get("eligibility_description", ""), record)
    record.update(_where(hsds))
    record["locations"] = sorted(
        (
            _location(link["location"])
            for link in _located(hsds)
            if link["location"]["location_type"] != "virtual"
        ),
        key=lambda location: location["name"],
    )
    record["contact_routes"] = _contact_routes(hsds)
    return FeedService(
        record=record,
        organisation={
            "name": organisation["name"],
            "website": organisation.get("website", ""),
            "description": organisation.get("description", ""),
        },
        last_modified=_moment(hsds.get("last_modified")),
    )


def _working_languages(languages: list[dict[str, Any]]) -> list[str]:
    """The codes of the languages a record lists that are on our list, each once; a language we
    do not list (another directory's) is left out, never guessed at."""
    codes = (language.get("code") for language in languages if isinstance(language, dict))
    return list(dict.fromkeys(code for code in codes if code in WorkingLanguage.values))


def _attributes(
    attributes: list[dict[str, Any]],
) -> tuple[dict[Facet, list[str]], dict[str, list[str]]]:
    """Our facets' answers, and our valued terms' values, by code; other taxonomies' attributes
    are someone else's and are left alone."""
    answers: dict[Facet, list[str]] = {}
    values: dict[str, list[str]] = {}
    for attribute in attributes:
        term_id = attribute.get("taxonomy_term_id")
        if term_id in ANSWERS_BY_TERM_ID:
            facet, answer = ANSWERS_BY_TERM_ID[term_id]
            answers.setdefault(facet, []).append(answer)
            if "value" in attribute:
                values.setdefault(facet.field, []).append(attribute["value"])
        elif term_id in VALUE_TERMS_BY_ID:
            values.setdefault(VALUE_TERMS_BY_ID[term_id].code, []).append(attribute.get("value"))
    return answers, values


def _answer(facet: Facet, answers: list[str]) -> Any:
    if not facet.many and len(set(answers)) > 1:
        raise FeedError(f"it gives {len(set(answers))} answers for {facet.name.lower()!r}")
    return facet.record_value(sorted(set(answers)))


def _slug(hsds: dict[str, Any], pages: list[str]) -> str:
    # Our own feed links each service to its page, whose address holds the slug; a record from
    # elsewhere gets one made from its name.
    for page in pages:
        try:
            match = resolve(urlparse(page or "").path)
        except Resolver404:
            continue
        if match.url_name == "service-detail":
            return match.kwargs["slug"]
    return slugify(hsds["name"])[:100]


def _age(hsds: dict[str, Any], name: str) -> int | None:
    age = hsds.get(name)
    if age is None:
        return None
    if age != int(age):
        raise FeedError(f"{name} must be a whole number of years, not {age}")
    return int(age)


def _iso_date(text: str | None, name: str) -> str | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except (TypeError, ValueError) as error:
        raise FeedError(f"{name} must be a date as YYYY-MM-DD, not {text!r}") from error


def _moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise FeedError(f"last_modified must be a date and time, not {text!r}") from error
    if moment.tzinfo is None:
        raise FeedError(f"last_modified must say its time zone (e.g. end in Z), not {text!r}")
    return moment


def _other_criteria(eligibility: str, record: dict[str, Any]) -> str:
    # Our feed writes the finder's summary first, then "Other conditions: ...". Text from
    # elsewhere is all "other conditions" to us.
    summary = eligibility_summary(record)
    if eligibility == summary:
        return ""
    return eligibility.removeprefix(f"{summary}\n\n{OTHER_CONDITIONS}")


def _where(hsds: dict[str, Any]) -> dict[str, Any]:
    scopes = set()
    coverage = []
    for service_area in hsds.get("service_areas", []):
        code = service_area.get("uri", "").removeprefix(STATISTICAL_GEOGRAPHY)
        if code in SCOPES_BY_CODE:
            scopes.add(SCOPES_BY_CODE[code])
        elif service_area.get("uri", "").startswith(STATISTICAL_GEOGRAPHY) and _is_gss(code):
            coverage.append(code)
        else:
            raise FeedError(
                f"service area {service_area.get('name')!r} has no council area's GSS code URI "
                f"({STATISTICAL_GEOGRAPHY}S12000036, for example)"
            )
    scope = Scope.UK if Scope.UK in scopes else Scope.SCOTLAND if scopes else Scope.AREAS
    remote = any(link["location"]["location_type"] == "virtual" for link in _located(hsds))
    return {"scope": scope.value, "coverage": sorted(set(coverage)), "remote": remote}


def _is_gss(code: str) -> bool:
    return GSS_CODE.regex.fullmatch(code) is not None


def _located(hsds: dict[str, Any]) -> list[dict[str, Any]]:
    links = hsds.get("service_at_locations", [])
    for link in links:
        if "location" not in link:
            raise FeedError(f"location {link.get('location_id')} is not given in full")
    return links


def _location(location: dict[str, Any]) -> dict[str, Any]:
    if not location.get("name"):
        raise FeedError(f"location {location['id']} has no name")
    address = (location.get("addresses") or [{}])[0]
    street = address.get("address_2", "").splitlines()
    lines = [address.get("address_1", ""), *street, address.get("city", "")]
    area_codes = [
        attribute.get("value")
        for attribute in location.get("attributes", [])
        if VALUE_TERMS_BY_ID.get(attribute.get("taxonomy_term_id")) == COUNCIL_AREA
    ]
    point = None
    if location.get("longitude") is not None and location.get("latitude") is not None:
        point = {"type": "Point", "coordinates": [location["longitude"], location["latitude"]]}
    return {
        "name": location["name"],
        "address": "\n".join(line for line in lines if line),
        "postcode": address.get("postal_code", ""),
        "point": point,
        "opening_times": _descriptions(location.get("schedules", [])),
        "accessibility": _descriptions(location.get("accessibility", [])),
        "public": True,
        "council_area": area_codes[0] if area_codes else None,
    }


def _descriptions(items: list[dict[str, Any]]) -> str:
    return "\n".join(item["description"] for item in items if item.get("description"))


def _contact_routes(hsds: dict[str, Any]) -> list[dict[str, Any]]:
    attributes = hsds.get("attributes", [])
    states = _route_states(
        [
            *attributes,
            *(a for phone in hsds.get("phones", []) for a in phone.get("attributes", [])),
            *(a for contact in hsds.get("contacts", []) for a in contact.get("attributes", [])),
        ]
    )
    routes: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for phone in hsds.get("phones", []):
        kind = CONTACT_KINDS_BY_PHONE_TYPE.get(phone.get("type", ""), ContactKind.PHONE)
        routes.setdefault(
            (kind, phone["number"]),
            (phone.get("description", ""), states.get(phone.get("id"), {})),
        )
    for contact in hsds.get("contacts", []):
        if contact.get("email"):
            routes.setdefault(
                (ContactKind.EMAIL, contact["email"]),
                (contact.get("name", ""), states.get(contact.get("id"), {})),
            )
    web_kinds = {term_id(value_term.code): kind for kind, value_term in WEB_ADDRESSES.items()}
    for attribute in attributes:
        kind = web_kinds.get(attribute.get("taxonomy_term_id"))
        if kind is not None and attribute.get("value"):
            routes.setdefault((kind, attribute["value"]), ("", states.get(attribute.get("id"), {})))
    # Records from elsewhere may give a single web address and email address only here.
    if hsds.get("url"):
        routes.setdefault((ContactKind.WEBSITE, hsds["url"]), ("", {}))
    if hsds.get("email"):
        routes.setdefault((ContactKind.EMAIL, hsds["email"]), ("", {}))
    return [
        {"kind": str(kind), "value": value, "label": label, "public": True, **state}
        for (kind, value), (label, state) in sorted(routes.items())
    ]


def _route_states(attributes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each route's state, by the id of what it is linked to. A route our feed wrote always has
    its confidence, so a route with any state is given all of it, blanks as blanks; a route from
    elsewhere with none is given none, and keeps what we already hold (importer.merged_record)."""
    given: dict[str, dict[str, Any]] = {}
    for attribute in attributes:
        name = ROUTE_STATE_BY_TERM_ID.get(attribute.get("taxonomy_term_id"))
        if name is not None:
            given.setdefault(attribute.get("link_id"), {})[name] = attribute.get("value")
    return {link_id: _route_state(state) for link_id, state in given.items()}


def _route_state(given: dict[str, Any]) -> dict[str, Any]:
    confidence = given.get("confidence", Confidence.LOW)
    if confidence not in Confidence.values:
        raise FeedError(f"a route's confidence must be high, medium or low, not {confidence!r}")
    return {
        "hours": given.get("hours") or "",
        "source_url": given.get("source_url") or "",
        "confidence": confidence,
        "confirmed_on": _iso_date(given.get("confirmed_on"), "a route's confirmation date"),
    }
