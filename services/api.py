"""The JSON API's service endpoints. Views parse input, call one function and render output."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from services.search import search
from services.serializers import (
    SearchRequestSerializer,
    SearchResponseSerializer,
    search_response,
)


class SearchView(APIView):
    """Which services a person can use, and why. Read-only, though it is a POST: the answers go
    in the body so they never appear in a URL, a browser's history or an access log."""

    @extend_schema(
        request=SearchRequestSerializer,
        responses={200: SearchResponseSerializer},
        summary="Find the services a person can use",
    )
    def post(self, request: Request) -> Response:
        form = SearchRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        query, located = form.search_query()
        response = Response(search_response(search(query), located))
        response["Cache-Control"] = "no-store"
        return response
