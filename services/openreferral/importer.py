"""Load an Open Referral UK / HSDS 3.0 feed (a file or a URL): every service in it, or none.

Each record is checked against the HSDS schema, read back into our terms (``parse``), merged with
what we already hold that a feed never carries (admins' notes, sources, confidential addresses and
contacts), and loaded through the seed loader, so the same model checks apply as everywhere else.
"""

import json
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

from django.db import transaction

from geography.sources import SourceError, is_url, local_copy, one_line, source_label
from services.models import NOT_SEEDED_FIELDS, Service
from services.openreferral import schemas
from services.openreferral.export import FeedService
from services.openreferral.parse import FeedError, feed_service_from
from services.openreferral.taxonomy import DATE_DETAILS, FEED_ROUTE_KINDS
from services.seed import (
    ROUTE_STATE_FIELDS,
    SeedError,
    SeedReport,
    load_document,
    save_checked,
    service_record,
)

MAX_PAGES = 1000


def import_openreferral(source: str) -> SeedReport:
    feed = [
        _read_service(record, number, source)
        for number, record in enumerate(read_feed(source), start=1)
    ]
    slugs = [service.record["slug"] for service in feed]
    repeated = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if repeated:
        raise FeedError(f"{source_label(source)} holds service {repeated[0]!r} more than once")
    with transaction.atomic():
        existing = {
            service.slug: service_record(service)
            for service in Service.all_objects.filter(slug__in=slugs).select_related("organisation")
        }
        document = {
            "organisations": list(
                {service.organisation["name"]: service.organisation for service in feed}.values()
            ),
            "services": [
                merged_record(_without_status(service.record), existing.get(service.record["slug"]))
                for service in feed
            ],
        }
        try:
            report = load_document(document, overwrite=True)
        except SeedError as error:
            raise FeedError(str(error)) from error
        _load_statuses(feed, report)
        _keep_feed_timestamps(feed, report)
    return report


def merged_record(feed: dict[str, Any], existing: dict[str, Any] | None) -> dict[str, Any]:
    """What to load for a service: the feed's public facts, and, for a service we already hold,
    everything a feed never carries, kept as it is (private routes and locations, and public
    routes of kinds the feed has no place for, such as a drop-in's address)."""
    if existing is None:
        return feed
    feed_routes = feed["contact_routes"]
    # A feed from elsewhere may say nothing of a route's source or confirmation: a route it
    # still lists keeps its own, unless the feed gives them (ours does).
    state = {
        (route["kind"], route["value"]): {
            name: route[name] for name in ROUTE_STATE_FIELDS if name in route
        }
        for route in existing["contact_routes"]
    }
    return {
        **existing,
        **feed,
        "locations": [
            *feed["locations"],
            *(location for location in existing["locations"] if not location["public"]),
        ],
        "contact_routes": [
            *({**state.get((route["kind"], route["value"]), {}), **route} for route in feed_routes),
            *(
                route
                for route in existing["contact_routes"]
                if not route["public"] or route["kind"] not in FEED_ROUTE_KINDS
            ),
        ],
    }


def read_feed(source: str) -> list[dict[str, Any]]:
    """The service records in a file or at a URL: one record, a list of them, or an HSDS list
    page, whose further pages are fetched in turn."""
    document = _read_json(source)
    services = _services_in(document, source)
    if isinstance(document, dict) and "contents" in document:
        pages = document.get("total_pages", 1)
        if pages > MAX_PAGES:
            raise FeedError(
                f"{source_label(source)} has {pages} pages; at most {MAX_PAGES} are read"
            )
        if pages > document.get("page_number", 1) and not is_url(source):
            raise FeedError(
                f"{source_label(source)} is one page of {pages}: save every page's services in "
                "one file, or import from the feed's address"
            )
        for page in range(document.get("page_number", 1) + 1, pages + 1):
            address = _page_address(source, page)
            services += _services_in(_read_json(address), address)
    return services


def _services_in(document: Any, source: str) -> list[dict[str, Any]]:
    if isinstance(document, dict) and "contents" in document:
        problem = schemas.problem(document, schemas.PAGE)
        problem = problem or (None if isinstance(document["contents"], list) else "not a list")
        if problem:
            raise FeedError(f"{source_label(source)} is not an HSDS list page: {problem}")
        services = document["contents"]
    elif isinstance(document, list):
        services = document
    elif isinstance(document, dict) and "id" in document:
        services = [document]
    else:
        raise FeedError(
            f"{source_label(source)} holds no HSDS services (a service, a list of services or a "
            "list page)"
        )
    if any(_summary_only(service) for service in services):
        raise FeedError(
            f"{source_label(source)} lists services without their details: ask the feed for "
            "full records (add full=true to its address)"
        )
    return services


def _summary_only(service: Any) -> bool:
    nested = ("attributes", "service_areas", "service_at_locations")
    return isinstance(service, dict) and not any(name in service for name in nested)


def _read_service(record: Any, number: int, source: str) -> FeedService:
    label = f"{source_label(source)}: service {number}"
    if isinstance(record, dict) and record.get("id"):
        label += f" ({record['id']})"
    problem = schemas.problem(record, schemas.SERVICE)
    if problem:
        raise FeedError(f"{label} is not valid HSDS: {problem}")
    try:
        return feed_service_from(record)
    except FeedError as error:
        raise FeedError(f"{source_label(source)}: {error}") from error


def _read_json(source: str) -> Any:
    try:
        with local_copy(source) as path:
            return json.loads(path.read_text(encoding="utf-8"))
    except SourceError as error:
        raise FeedError(str(error)) from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FeedError(f"cannot read {source_label(source)}: {one_line(error)}") from error


def _page_address(url: str, page: int) -> str:
    parts = urlparse(url)
    query = dict(parse_qsl(parts.query))
    query["page"] = str(page)
    return urlunparse(parts._replace(query=urlencode(query)))


def _without_status(record: dict[str, Any]) -> dict[str, Any]:
    # The seed loader sets no status or access notes (the contacts file and the admins do): this
    # importer sets the feed's afterwards.
    return {name: value for name, value in record.items() if name not in NOT_SEEDED_FIELDS}


def _load_statuses(feed: list[FeedService], report: SeedReport) -> None:
    """Each service's status and access notes as the feed gives them, saved with its history
    when they differ."""
    for item in feed:
        wanted = {
            name: date.fromisoformat(value) if name in DATE_DETAILS and value else value
            for name in NOT_SEEDED_FIELDS
            for value in (item.record[name],)
        }
        service = Service.all_objects.get(slug=item.record["slug"])
        if all(getattr(service, name) == value for name, value in wanted.items()):
            continue
        for name, value in wanted.items():
            setattr(service, name, value)
        save_checked(service, f"service {service.slug!r}: status", FeedError)
        if service.slug in report.unchanged:
            report.unchanged.remove(service.slug)
            report.updated.append(service.slug)


def _keep_feed_timestamps(feed: list[FeedService], report: SeedReport) -> None:
    # A service new to us keeps the feed's last_modified (so a re-imported feed exports as it
    # was); one we already held and updated is stamped now, so others see that it changed.
    created = set(report.created)
    for service in feed:
        if service.record["slug"] in created and service.last_modified:
            Service.all_objects.filter(slug=service.record["slug"]).update(
                updated_at=service.last_modified
            )
