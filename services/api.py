"""The JSON API's service endpoints. Views parse input, call one function and render output."""

from django.core.validators import slug_re
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from servicemap.api_serializers import problems
from servicemap.api_structs import openapi_schema
from services.catalogue import published_services
from services.models import Service, ServiceQuerySet
from services.queries import located_from, query_from
from services.search import search
from services.search_answer import SearchAnswer, search_answer_json
from services.serializers import SearchRequestSerializer, ServiceFilterSerializer, ServiceSerializer
from services.ways_forward import ways_forward_for


class SearchView(APIView):
    """Which services a person can use, and why. Read-only, though it is a POST: the answers go
    in the body so they never appear in a URL, a browser's history or an access log."""

    @extend_schema(
        request=SearchRequestSerializer,
        responses={200: openapi_schema(SearchAnswer), **problems(400)},
        summary="Find the services a person can use",
        examples=[
            OpenApiExample(
                "In a council area",
                value={"area": "S12000036", "age": 30, "gender": "woman", "needs": ["counselling"]},
                request_only=True,
            ),
            OpenApiExample(
                "At a point",
                value={"lon": -3.17, "lat": 55.97, "involvement": "current", "trafficked": False},
                request_only=True,
            ),
            OpenApiExample("At a postcode", value={"place": "EH6 5AB"}, request_only=True),
            OpenApiExample("Remote support only", value={"remote_only": True}, request_only=True),
            OpenApiExample(
                "Support in Romanian",
                value={"area": "S12000049", "language": "ro"},
                request_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        answers = SearchRequestSerializer.validated(request.data)
        located = located_from(answers)
        outcome = search(query_from(answers, located))
        return HttpResponse(
            search_answer_json(
                outcome,
                located,
                ways_forward_for(
                    outcome, located, answers.get("age"), frozenset(answers.get("needs") or ())
                ),
                answers.get("language"),
            ),
            content_type="application/json",
            headers={"Cache-Control": "no-store"},
        )


class ServicePages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100


class ServiceListView(ListAPIView):
    """Published services, in name order, with their public bases and contacts.

    Filters that are given must all hold. Geometry is not included: draw coverage from
    /api/v1/areas by GSS code."""

    serializer_class = ServiceSerializer
    pagination_class = ServicePages

    @extend_schema(
        summary="List services",
        parameters=[ServiceFilterSerializer],
        responses={
            200: ServiceSerializer(many=True),
            **problems(400, 404),
        },
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> ServiceQuerySet:
        form = ServiceFilterSerializer(data=self.request.query_params.dict())
        form.is_valid(raise_exception=True)
        return form.filtered(published_services())


class ServiceDetailView(RetrieveAPIView):
    """One published service, by the slug in its page's address."""

    serializer_class = ServiceSerializer
    lookup_field = "slug"

    @extend_schema(
        summary="One service",
        responses={200: ServiceSerializer, **problems(404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> ServiceQuerySet:
        return published_services()

    def get_object(self) -> Service:
        slug = self.kwargs["slug"]
        # The route takes any text, so that a wrong slug is a JSON 404; text no slug can be is
        # not looked up at all (PostgreSQL refuses a NUL byte in a query, which was a 500).
        service = self.get_queryset().filter(slug=slug).first() if slug_re.match(slug) else None
        if service is None:
            raise NotFound(_("There is no published service with this slug."))
        return service
