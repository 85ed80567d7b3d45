"""The JSON API's geography endpoints."""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from geography.area_shapes import current_area_shapes
from geography.lookup import area_at
from geography.places import suggest_places
from geography.serializers import (
    AreaFeatureCollectionSerializer,
    AreaSerializer,
    PlaceSuggestionRequestSerializer,
    PlaceSuggestionsSerializer,
    PointQuerySerializer,
)
from servicemap.api_serializers import problems

# Boundaries change about once a year; a day's caching keeps maps fast, and the ETag makes the
# next day's check a 304 with no body.
AREA_SHAPES_CACHE_CONTROL = "public, max-age=86400"


class PlaceSuggestionsView(APIView):
    """Towns and villages whose names start with what was typed. A POST, so the letters typed
    never appear in a URL or an access log."""

    @extend_schema(
        request=PlaceSuggestionRequestSerializer,
        responses={200: PlaceSuggestionsSerializer, **problems(400)},
        summary="Suggest places as someone types",
        examples=[OpenApiExample("Typing Leith", value={"q": "Lei"}, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        form = PlaceSuggestionRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        places = suggest_places(form.validated_data["q"])
        response = Response(PlaceSuggestionsSerializer({"suggestions": places}).data)
        response["Cache-Control"] = "no-store"
        return response


class GeoJSONRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"


class AreaShapesView(APIView):
    """Every council area's simplified boundary, for maps: one cacheable GeoJSON document.

    Answers 304 Not Modified to a matching If-None-Match or If-Modified-Since."""

    renderer_classes = [GeoJSONRenderer, JSONRenderer]

    @extend_schema(
        summary="Council areas as GeoJSON",
        parameters=[
            OpenApiParameter("If-None-Match", OpenApiTypes.STR, OpenApiParameter.HEADER),
            OpenApiParameter("If-Modified-Since", OpenApiTypes.STR, OpenApiParameter.HEADER),
        ],
        responses={
            200: AreaFeatureCollectionSerializer,
            304: OpenApiResponse(description="Not modified since the copy the client holds."),
        },
    )
    # Compressed for clients that accept it (611 KB is 158 KB gzipped): the map's biggest download.
    @method_decorator(gzip_page)
    def get(self, request: Request) -> HttpResponse:
        shapes = current_area_shapes()
        # Whole seconds, as HTTP dates are: a fraction would make every If-Modified-Since stale.
        last_modified = int(shapes.last_modified.timestamp()) if shapes.last_modified else None
        response = get_conditional_response(
            request, etag=shapes.etag, last_modified=last_modified
        ) or HttpResponse(shapes.body, content_type=request.accepted_renderer.media_type)
        response["ETag"] = shapes.etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = AREA_SHAPES_CACHE_CONTROL
        return response


class AreaLookupView(APIView):
    """The council area containing a point, for other directories' tools.

    The finder never calls this: a GET carries the coordinates in its URL, where browsers, proxies
    and logs keep them, so the finder sends a person's location only in POST /api/v1/search. Our
    access logs drop query strings, and the answer is marked no-store.
    """

    @extend_schema(
        summary="Find the council area at a point",
        parameters=[PointQuerySerializer],
        responses={
            200: AreaSerializer,
            **problems(400, 404),
        },
    )
    def get(self, request: Request) -> Response:
        form = PointQuerySerializer(data=request.query_params.dict())
        form.is_valid(raise_exception=True)
        area = area_at(form.validated_data["lon"], form.validated_data["lat"])
        if area is None:
            raise NotFound(
                _(
                    "No council area contains this point: it may be at sea or outside the areas "
                    "this service holds (Scotland's 32 council areas)."
                )
            )
        response = Response(AreaSerializer(area).data)
        response["Cache-Control"] = "no-store"
        return response
