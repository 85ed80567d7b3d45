"""The API's description: generated without warnings, complete, and readable from our origin."""

import json
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.conf import settings

from servicemap.api_docs import api_schema, operations, type_text
from tests.html_checks import PageReader
from tests.routes import all_routes

pytestmark = pytest.mark.django_db

API_PREFIXES = ("api/v1/", "openreferral/")
NOT_DESCRIBED = {"api/v1/openapi.json", "api/v1/docs"}


def test_the_schema_generates_and_validates_without_warnings(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "spectacular",
            "--validate",
            "--fail-on-warn",
            "--format",
            "openapi-json",
            "--file",
            str(tmp_path / "schema.json"),
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "schema.json").read_text())["openapi"].startswith("3.")


def described_paths() -> set[str]:
    """Every API and feed route, as OpenAPI writes its path."""
    return {
        "/" + route.route.replace("<str:", "{").replace(">", "}")
        for route in all_routes()
        if route.route.startswith(API_PREFIXES) and route.route not in NOT_DESCRIBED
    }


def test_every_api_and_feed_route_is_described(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert set(schema["paths"]) == described_paths()


def test_every_operation_has_a_summary_and_a_success_response():
    for operation in operations(api_schema()):
        assert operation.summary, operation.path
        assert "200" in [response.name for response in operation.responses], operation.path


class Resources(HTMLParser):
    """The addresses a page makes the browser fetch by itself."""

    FETCHED = {"script": "src", "img": "src", "iframe": "src", "link": "href"}

    def __init__(self, html: str):
        super().__init__()
        self.addresses: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        wanted = self.FETCHED.get(tag)
        self.addresses += [value for name, value in attrs if name == wanted and value]


def test_the_documentation_page_lists_every_operation_from_our_origin_only(client):
    response = client.get("/api/v1/docs")
    html = response.content.decode()

    assert response.status_code == 200
    for operation in operations(api_schema()):
        assert f"{operation.method} {operation.path}" in html
    assert PageReader(html).inline_code == []
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert all(address.startswith(("/", "data:")) for address in Resources(html).addresses)
    assert not response.cookies


@pytest.mark.parametrize(
    ("schema", "text"),
    [
        ({"type": "string"}, "string"),
        ({"type": "string", "format": "date", "nullable": True}, "string (date) or null"),
        ({"type": "array", "items": {"$ref": "#/components/schemas/Service"}}, "array of Service"),
        ({"enum": ["a", "b", None]}, "one of: a, b"),
        ({"type": "object", "additionalProperties": {"type": "integer"}}, "object of integer"),
        ({"allOf": [{"$ref": "#/components/schemas/Area"}]}, "Area"),
        ({}, "any"),
    ],
)
def test_a_schema_is_described_in_a_few_words(schema, text):
    assert type_text(schema) == text


def test_every_list_links_to_the_record_its_first_item_names():
    schema = api_schema()
    operations_by_id = {
        operation["operationId"]: (path, operation)
        for path, item in schema["paths"].items()
        for operation in item.values()
    }
    links = {
        path: link
        for path, operation in operations_by_id.values()
        for link in operation["responses"]["200"].get("links", {}).values()
    }
    lists_of_records = {
        path
        for path in schema["paths"]
        if any(other.startswith(f"{path}/{{") for other in schema["paths"])
    }

    # The search's results are services too.
    assert set(links) == lists_of_records | {"/api/v1/search"}
    for link in links.values():
        target_path, target = operations_by_id[link["operationId"]]
        path_parameters = {p["name"] for p in target["parameters"] if p["in"] == "path"}
        assert set(link["parameters"]) == path_parameters, target_path
