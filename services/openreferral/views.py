"""The Open Referral UK / HSDS 3.0 feed at /openreferral/: read-only, public facts only.

Every endpoint of the UK profile (HSDS-UK 3.0), required and optional, with the standard's
query parameters. Lists are pages in the standard's envelope; a page past the last is an empty
page, not an error.
"""

import math
from collections.abc import Callable, Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from rest_framework.views import APIView

from geography.distance import great_circle_km
from geography.lookup import area_at
from servicemap.api_serializers import problems
from services.catalogue import published_services
from services.openreferral.export import (
    FeedService,
    feed_service,
    hsds_organisation,
    hsds_organisation_with_services,
    hsds_service,
    hsds_service_at_location,
    hsds_service_at_location_summary,
    hsds_service_at_locations,
    hsds_service_summary,
)
from services.openreferral.feed import areas_named_in, slug_of_service_id
from services.openreferral.serializers import (
    OrganisationFilterSerializer,
    OrganisationSerializer,
    SearchSerializer,
    ServiceAtLocationFilterSerializer,
    ServiceListSerializer,
    TaxonomyTermFilterSerializer,
    organisations_mentioning,
    organisations_with_id,
    published_organisations,
)
from services.openreferral.taxonomy import (
    TAXONOMY_ID,
    TERMS_BY_ID,
    Term,
    all_terms,
    hsds_taxonomy,
    hsds_term,
    term_id,
)

HSDS_VERSION = "3.0"
# The Open Referral UK profile this feed follows, as the UK validator names it, and its rules.
PROFILE = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
TAG = "open referral (HSDS-UK 3.0)"
PAGE_FIELDS = ("total_items", "total_pages", "page_number", "size")
PAGE_FLAGS = ("first_page", "last_page", "empty")


def _hsds_object(name: str) -> OpenApiResponse:
    return OpenApiResponse(
        OpenApiTypes.OBJECT,
        description=f"An HSDS 3.0 {name}: see https://docs.openreferral.org/en/3.0/.",
    )


def _hsds_page(name: str) -> OpenApiResponse:
    return OpenApiResponse(
        {
            "type": "object",
            "required": [*PAGE_FIELDS, *PAGE_FLAGS, "contents"],
            "properties": {
                **{field: {"type": "integer", "minimum": 0} for field in PAGE_FIELDS},
                **{flag: {"type": "boolean"} for flag in PAGE_FLAGS},
                "contents": {"type": "array", "items": {"type": "object"}},
            },
        },
        description=f"A page of HSDS 3.0 {name}s: see https://docs.openreferral.org/en/3.0/.",
    )


def _list_schema(name: str, query: type[Serializer], operation_id: str) -> Callable:
    return extend_schema(
        summary=f"{name.capitalize()}s (HSDS)",
        operation_id=operation_id,
        tags=[TAG],
        parameters=[query],
        responses={200: _hsds_page(name), **problems(400)},
    )


def _record_schema(name: str, operation_id: str, query: type[Serializer] | None = None):
    return extend_schema(
        summary=f"One {name} (HSDS)",
        operation_id=operation_id,
        tags=[TAG],
        parameters=[query] if query else None,
        responses={200: _hsds_object(name), **problems(*([400, 404] if query else [404]))},
    )


def page_of(
    items: Sequence, query: dict[str, Any], render: Callable[[list], list[dict[str, Any]]]
) -> Response:
    """One page of items (a list or a queryset) in HSDS's envelope; only that page is rendered."""
    page, per_page = query["page"], query["per_page"]
    total = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    start = (page - 1) * per_page
    contents = render(list(items[start : start + per_page]))
    total_pages = max(1, math.ceil(total / per_page))
    return Response(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def checked(serializer: type[Serializer], request: Request) -> Serializer:
    form = serializer(data=request.query_params.dict())
    form.is_valid(raise_exception=True)
    return form


def base_url(request: Request) -> str:
    return request.build_absolute_uri("/").removesuffix("/")


def nested(feed: list[FeedService], request: Request) -> list[dict[str, Any]]:
    areas = areas_named_in(feed)
    return [hsds_service(service, areas, base_url(request)) for service in feed]


def minimal(service: FeedService) -> dict[str, Any]:
    summary = hsds_service_summary(service)
    return {name: summary[name] for name in ("id", "last_modified") if name in summary}


class FeedRootView(APIView):
    """What this feed is: its HSDS version, the UK profile it follows, and its description."""

    @extend_schema(
        summary="About the feed",
        operation_id="openreferral_about",
        tags=[TAG],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request) -> Response:
        return Response(
            {
                # The UK validator reads the profile it tests against from this field.
                "version": PROFILE,
                "hsds_version": HSDS_VERSION,
                "profile": PROFILE_URL,
                "openapi_url": request.build_absolute_uri(reverse("api-schema")),
                "documentation_url": request.build_absolute_uri(reverse("api-docs")),
            }
        )


class FeedServicesView(APIView):
    """Published services, in name order: HSDS list items (one-to-one fields and the
    organisation), fully nested records with full=true, or ids and times with minimal=true."""

    @_list_schema("service", ServiceListSerializer, "openreferral_services_list")
    def get(self, request: Request) -> Response:
        form = checked(ServiceListSerializer, request)
        query = form.validated_data

        def render(services: list) -> list[dict[str, Any]]:
            feed = [feed_service(service) for service in services]
            if query["full"] and not query["minimal"]:
                return nested(feed, request)
            return [(minimal if query["minimal"] else hsds_service_summary)(s) for s in feed]

        return page_of(form.filtered(published_services()), query, render)


class FeedServiceView(APIView):
    """One published service as a fully nested HSDS record."""

    @_record_schema("service", "openreferral_service")
    def get(self, request: Request, id: str) -> Response:
        slug = slug_of_service_id(id)
        service = published_services().filter(slug=slug).first() if slug else None
        if service is None:
            raise NotFound(_("There is no published service with this id."))
        return Response(nested([feed_service(service)], request)[0])


class OrganisationsView(APIView):
    """Organisations that run a published service, in name order."""

    @_list_schema("organization", OrganisationFilterSerializer, "openreferral_organizations_list")
    def get(self, request: Request) -> Response:
        query = checked(OrganisationFilterSerializer, request).validated_data
        organisations = (
            organisations_mentioning(query["search"])
            if query.get("search")
            else published_organisations()
        )

        def render(page: list) -> list[dict[str, Any]]:
            if not (query["full"] or query["full_service"]):
                return [hsds_organisation(_plain_organisation(o)) for o in page]
            return _with_services(page, request, full_service=query["full_service"])

        return page_of(organisations, query, render)


class OrganisationView(APIView):
    """One organisation that runs a published service, with its published services."""

    @_record_schema("organization", "openreferral_organization", OrganisationSerializer)
    def get(self, request: Request, id: str) -> Response:
        query = checked(OrganisationSerializer, request).validated_data
        organisations = organisations_with_id(id)
        if not organisations:
            raise NotFound(
                _("There is no organisation with this id that runs a published service.")
            )
        return Response(
            _with_services(organisations, request, full_service=query["full_service"])[0]
        )


def _plain_organisation(organisation) -> dict[str, str]:
    return {name: getattr(organisation, name) for name in ("name", "website", "description")}


def _with_services(organisations: list, request: Request, full_service: bool) -> list[dict]:
    services = published_services().filter(organisation__in=organisations)
    feed_by_organisation: dict[int, list[FeedService]] = {}
    for service in services:
        feed_by_organisation.setdefault(service.organisation_id, []).append(feed_service(service))
    records = []
    for organisation in organisations:
        feed = feed_by_organisation.get(organisation.pk, [])
        rendered = nested(feed, request) if full_service else map(hsds_service_summary, feed)
        records.append(
            hsds_organisation_with_services(_plain_organisation(organisation), list(rendered))
        )
    return records


class ServiceAtLocationsView(APIView):
    """Where each published service is delivered: its public bases, then remote support, in
    service name order (nearest first with proximity)."""

    @_list_schema(
        "service at location",
        ServiceAtLocationFilterSerializer,
        "openreferral_service_at_locations_list",
    )
    def get(self, request: Request) -> Response:
        form = checked(ServiceAtLocationFilterSerializer, request)
        query = form.validated_data
        services = form.filtered(published_services())
        point = query.get("postcode")
        if "postcode" in query:
            area = area_at(*point) if point else None
            services = services.working_in(area) if area else services.none()
        links = _links([feed_service(service) for service in services])
        if "proximity" in query and point:
            links = _nearest(links, point, query["proximity"] / 1000)

        def render(page: list) -> list[dict[str, Any]]:
            if not query["full"]:
                return [hsds_service_at_location_summary(link, s) for link, s in page]
            return _links_in_full(page, request)

        return page_of(links, query, render)


class ServiceAtLocationView(APIView):
    """One place where a published service is delivered, with the service fully nested."""

    @_record_schema("service at location", "openreferral_service_at_location")
    def get(self, request: Request, id: str) -> Response:
        found = [
            (link, service)
            for link, service in _links([feed_service(s) for s in published_services()])
            if link["id"] == id
        ]
        if not found:
            raise NotFound(_("There is no published service at a location with this id."))
        return Response(_links_in_full(found, request)[0])


def _links(feed: list[FeedService]) -> list[tuple[dict[str, Any], FeedService]]:
    """Each service's links to its locations, in order; areas named, not drawn."""
    areas = areas_named_in(feed, shapes=False)
    return [
        (link, service)
        for service in feed
        for link in hsds_service_at_locations(service, areas, "")
    ]


def _links_in_full(links: list[tuple[dict, FeedService]], request: Request) -> list[dict]:
    areas = areas_named_in([service for _link, service in links])
    url = base_url(request)
    records = []
    for link, service in links:
        # Written again with the areas' names and shapes, which the list was built without.
        (full_link,) = [
            other
            for other in hsds_service_at_locations(service, areas, url)
            if other["id"] == link["id"]
        ]
        records.append(hsds_service_at_location(full_link, service, areas, url))
    return records


def _nearest(links: list, point: tuple[float, float], within_km: float) -> list:
    """Links whose location has a point within reach, nearest first."""
    measured = [
        (great_circle_km(*point, location["longitude"], location["latitude"]), link, service)
        for link, service in links
        if "latitude" in (location := link["location"])
    ]
    return [
        (link, service)
        for distance, link, service in sorted(measured, key=lambda item: item[0])
        if distance <= within_km
    ]


class TaxonomiesView(APIView):
    """The taxonomy our attributes use (there is one)."""

    @_list_schema("taxonomy", SearchSerializer, "openreferral_taxonomies_list")
    def get(self, request: Request) -> Response:
        query = checked(SearchSerializer, request).validated_data
        taxonomy = hsds_taxonomy(base_url(request))
        taxonomies = [taxonomy] if _mentions(taxonomy, query.get("search")) else []
        return page_of(taxonomies, query, list)


class TaxonomyView(APIView):
    @_record_schema("taxonomy", "openreferral_taxonomy")
    def get(self, request: Request, id: str) -> Response:
        if id != TAXONOMY_ID:
            raise NotFound(_("There is no taxonomy with this id."))
        return Response(hsds_taxonomy(base_url(request)))


class TaxonomyTermsView(APIView):
    """Every term of our taxonomy: a parent term per fact, a child term per answer."""

    @_list_schema("taxonomy term", TaxonomyTermFilterSerializer, "openreferral_taxonomy_terms_list")
    def get(self, request: Request) -> Response:
        query = checked(TaxonomyTermFilterSerializer, request).validated_data
        terms = [term for term in all_terms() if _term_wanted(term, query)]
        return page_of(terms, query, lambda page: [hsds_term(t, base_url(request)) for t in page])


def _term_wanted(term: Term, query: dict[str, Any]) -> bool:
    parent_id = term_id(term.parent_code) if term.parent_code else None
    return (
        query.get("taxonomy_id", TAXONOMY_ID) == TAXONOMY_ID
        and not (query["top_only"] and parent_id)
        and ("parent_id" not in query or parent_id == query["parent_id"])
        and _mentions({"name": term.name, "description": term.description}, query.get("search"))
    )


def _mentions(record: dict[str, Any], text: str | None) -> bool:
    if not text:
        return True
    wanted = text.casefold()
    return wanted in record["name"].casefold() or wanted in record["description"].casefold()


class TaxonomyTermView(APIView):
    @_record_schema("taxonomy term", "openreferral_taxonomy_term")
    def get(self, request: Request, id: str) -> Response:
        if id not in TERMS_BY_ID:
            raise NotFound(_("There is no taxonomy term with this id."))
        return Response(hsds_term(TERMS_BY_ID[id], base_url(request)))
