"""The Open Referral UK / HSDS 3.0 feed at /openreferral/: read-only, public facts only."""

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from geography.serializers import problems
from services.catalogue import published_services
from services.openreferral.export import feed_service, hsds_service, hsds_service_summary
from services.openreferral.feed import areas_named_in, slug_of_service_id
from services.openreferral.serializers import PagesSerializer, ServiceFilterSerializer
from services.openreferral.taxonomy import (
    TAXONOMY_ID,
    TERMS_BY_ID,
    all_terms,
    hsds_taxonomy,
    hsds_term,
)

HSDS_VERSION = "3.0"
TAG = "open referral (HSDS 3.0)"
PAGE_PARAMETERS = [
    OpenApiParameter("page", int, description="The page wanted (from 1)."),
    OpenApiParameter("per_page", int, description="Items a page (default 50, at most 100)."),
]


def _hsds_object(name: str) -> OpenApiResponse:
    return OpenApiResponse(
        OpenApiTypes.OBJECT,
        description=f"An HSDS 3.0 {name}: see https://docs.openreferral.org/en/3.0/.",
    )


def _hsds_page(name: str) -> OpenApiResponse:
    return OpenApiResponse(
        FeedPages().get_paginated_response_schema({"type": "array", "items": {"type": "object"}}),
        description=f"A page of HSDS 3.0 {name}s: see https://docs.openreferral.org/en/3.0/.",
    )


class FeedPages(PageNumberPagination):
    """HSDS's page envelope: total_items, total_pages, page_number and the rest."""

    page_size = 50
    page_size_query_param = "per_page"
    max_page_size = 100

    def get_paginated_response(self, data: list[dict[str, Any]]) -> Response:
        return Response(
            {
                "total_items": self.page.paginator.count,
                "total_pages": self.page.paginator.num_pages,
                "page_number": self.page.number,
                "size": len(data),
                "first_page": self.page.number == 1,
                "last_page": not self.page.has_next(),
                "empty": self.page.paginator.count == 0,
                "contents": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        counts = ("total_items", "total_pages", "page_number", "size")
        flags = ("first_page", "last_page", "empty")
        return {
            "type": "object",
            "required": [*counts, *flags, "contents"],
            "properties": {
                **{name: {"type": "integer"} for name in counts},
                **{name: {"type": "boolean"} for name in flags},
                "contents": schema,
            },
        }


def base_url(request: Request) -> str:
    return request.build_absolute_uri("/").removesuffix("/")


class FeedRootView(APIView):
    """What this feed is: its HSDS version and where it is described."""

    @extend_schema(
        summary="About the feed",
        operation_id="openreferral_about",
        tags=[TAG],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request) -> Response:
        return Response(
            {
                "version": HSDS_VERSION,
                "profile": request.build_absolute_uri(reverse("api-docs")),
                "openapi_url": request.build_absolute_uri(reverse("api-schema")),
            }
        )


class FeedServicesView(APIView):
    """Published services, in name order: HSDS list items (one-to-one fields and the
    organisation), or with full=true fully nested records."""

    @extend_schema(
        summary="Services (HSDS)",
        operation_id="openreferral_services_list",
        tags=[TAG],
        parameters=[ServiceFilterSerializer, *PAGE_PARAMETERS],
        responses={200: _hsds_page("service"), **problems(400, 404)},
    )
    def get(self, request: Request) -> Response:
        form = ServiceFilterSerializer(data=request.query_params.dict())
        form.is_valid(raise_exception=True)
        paginator = FeedPages()
        services = paginator.paginate_queryset(
            form.filtered(published_services()), request, view=self
        )
        feed = [feed_service(service) for service in services]
        if form.validated_data.get("full"):
            areas = areas_named_in(feed)
            records = [hsds_service(service, areas, base_url(request)) for service in feed]
        else:
            records = [hsds_service_summary(service) for service in feed]
        return paginator.get_paginated_response(records)


class FeedServiceView(APIView):
    """One published service as a fully nested HSDS record."""

    @extend_schema(
        summary="One service (HSDS)",
        operation_id="openreferral_service",
        tags=[TAG],
        responses={200: _hsds_object("service"), **problems(404)},
    )
    def get(self, request: Request, id: str) -> Response:
        slug = slug_of_service_id(id)
        service = published_services().filter(slug=slug).first() if slug else None
        if service is None:
            raise NotFound("There is no published service with this id.")
        feed = feed_service(service)
        return Response(hsds_service(feed, areas_named_in([feed]), base_url(request)))


class TaxonomiesView(APIView):
    """The taxonomy our attributes use (there is one)."""

    @extend_schema(
        summary="Taxonomies (HSDS)",
        operation_id="openreferral_taxonomies_list",
        tags=[TAG],
        parameters=PAGE_PARAMETERS,
        responses={200: _hsds_page("taxonomy"), **problems(400, 404)},
    )
    def get(self, request: Request) -> Response:
        return _paginated(request, self, [hsds_taxonomy(base_url(request))])


class TaxonomyView(APIView):
    @extend_schema(
        summary="One taxonomy (HSDS)",
        operation_id="openreferral_taxonomy",
        tags=[TAG],
        responses={200: _hsds_object("taxonomy"), **problems(404)},
    )
    def get(self, request: Request, id: str) -> Response:
        if id != TAXONOMY_ID:
            raise NotFound("There is no taxonomy with this id.")
        return Response(hsds_taxonomy(base_url(request)))


class TaxonomyTermsView(APIView):
    """Every term of our taxonomy: a parent term per fact, a child term per answer."""

    @extend_schema(
        summary="Taxonomy terms (HSDS)",
        operation_id="openreferral_taxonomy_terms_list",
        tags=[TAG],
        parameters=PAGE_PARAMETERS,
        responses={200: _hsds_page("taxonomy term"), **problems(400, 404)},
    )
    def get(self, request: Request) -> Response:
        terms = [hsds_term(term, base_url(request)) for term in all_terms()]
        return _paginated(request, self, terms)


class TaxonomyTermView(APIView):
    @extend_schema(
        summary="One taxonomy term (HSDS)",
        operation_id="openreferral_taxonomy_term",
        tags=[TAG],
        responses={200: _hsds_object("taxonomy term"), **problems(404)},
    )
    def get(self, request: Request, id: str) -> Response:
        if id not in TERMS_BY_ID:
            raise NotFound("There is no taxonomy term with this id.")
        return Response(hsds_term(TERMS_BY_ID[id], base_url(request)))


def _paginated(request: Request, view: APIView, items: list[dict[str, Any]]) -> Response:
    PagesSerializer(data=request.query_params.dict()).is_valid(raise_exception=True)
    paginator = FeedPages()
    return paginator.get_paginated_response(paginator.paginate_queryset(items, request, view=view))
