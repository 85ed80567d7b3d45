"""The Open Referral UK validator's checks for the HSDS-UK 3.0 profile, run against our feed.

Every endpoint its open_api.json lists, required and optional, is called as the validator calls
it: the first, a middle and the last page of each list (with per_page set so there are at least
three), and three ids of each kind from those pages. Each answer is validated against the
validator's own schemas from the team's shared data (never copied into the project), and the
pages' envelopes are checked as its pagination tests check them. A failure on a required endpoint
is an error, on an optional one a warning, as the validator reports them; both must be none.
"""

import json
import math
from dataclasses import dataclass, field
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from servicemap.reference_data import shared_data
from services.models import Location, Service

pytestmark = pytest.mark.django_db

FEED = "/openreferral"
# open_api.json names the schemas by their address in the validator's repository.
REMOTE_FOLDER = (
    "https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/"
    "OpenReferralApi/Schemas/V3.0-UK/"
)
PAGE_FIELDS = ("total_items", "total_pages", "page_number", "size")
PAGE_FLAGS = ("first_page", "last_page", "empty")


def profile_folder():
    return shared_data("hsds", "oruk-v3.0-uk", "schemas")


@dataclass
class Findings:
    """What the validator would report, by endpoint: errors (required) and warnings (optional)."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    answers: dict[str, int] = field(default_factory=dict)

    def add(self, required: bool, where: str, problem: str) -> None:
        (self.errors if required else self.warnings).append(f"{where}: {problem}")


class Profile:
    def __init__(self):
        folder = profile_folder()
        self.openapi = json.loads((folder / "open_api.json").read_text(encoding="utf-8"))
        self.registry = Registry().with_resources(
            (
                REMOTE_FOLDER + path.name,
                Resource.from_contents(
                    json.loads(path.read_text(encoding="utf-8")),
                    default_specification=DRAFT202012,
                ),
            )
            for path in folder.glob("*.json")
        )
        page = {
            **self.openapi["components"]["schemas"]["Page"],
            "required": [*PAGE_FIELDS, *PAGE_FLAGS],
        }
        self.page_envelope = self._validator(page)

    def endpoints(self) -> list[tuple[str, dict[str, Any]]]:
        return [(path, item["get"]) for path, item in self.openapi["paths"].items()]

    def response_schema(self, operation: dict[str, Any]) -> dict[str, Any]:
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        # Inline schemas point at the document's own components (the Page).
        return {**schema, "components": self.openapi["components"]}

    def list_schemas(self, operation: dict[str, Any]) -> tuple[list[dict], list[dict]]:
        """The schemas a whole page must meet, and those each item must meet.

        A list's answer names the profile's list schema (service_list.json, ...), directly or
        as its items'. Most list schemas describe a whole page, and are met by the page, as the
        validator's test profiles checked them; organization_list.json describes one
        organisation, which no page can be, so each item is checked against it.
        """
        schema = self.response_schema(operation)
        reference = schema.get("$ref") or schema["properties"]["contents"]["items"]["$ref"]
        named = {"$ref": reference}
        whole = [] if "$ref" in schema else [schema]
        if "contents" in self.registry.contents(reference).get("properties", {}):
            return [*whole, named], []
        return whole, [named]

    def _validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        return Draft202012Validator(
            schema, registry=self.registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )

    def problems(self, document: Any, schema: dict[str, Any]) -> list[str]:
        return [
            f"{'.'.join(map(str, error.absolute_path)) or 'the answer'}: {error.message[:200]}"
            for error in self._validator(schema).iter_errors(document)
        ]


def fetch(client, url: str, findings: Findings, required: bool, **query) -> dict | None:
    response = client.get(url, query)
    findings.answers[url] = findings.answers.get(url, 0) + 1
    where = f"{url} {query}" if query else url
    if response.status_code != 200:
        findings.add(required, where, f"answered {response.status_code}")
        return None
    if response.get("Access-Control-Allow-Origin") != "*":
        findings.add(required, where, "no Access-Control-Allow-Origin: *")
    if not response["Content-Type"].startswith("application/json"):
        findings.add(required, where, f"is {response['Content-Type']}, not JSON")
    return response.json()


def check_list(client, profile, path, operation, findings, required) -> list[str]:
    """The first, middle and last page, at least three pages apart; the ids they hold."""
    url = FEED + path
    page_schemas, item_schemas = profile.list_schemas(operation)
    first = fetch(client, url, findings, required)
    if first is None:
        return []
    if not first.get("total_items"):
        findings.add(False, url, "the feed gives no items")
        return []
    per_page = max(1, first["total_items"] // 3)
    total_pages = math.ceil(first["total_items"] / per_page)
    ids = []
    for number in sorted({1, max(1, total_pages // 2), total_pages}):
        page = fetch(client, url, findings, required, page=number, per_page=per_page)
        if page is None:
            continue
        where = f"{url} page {number}"
        problems = [
            problem for schema in page_schemas for problem in profile.problems(page, schema)
        ]
        problems += [
            f"item {index}: {problem}"
            for index, item in enumerate(page.get("contents", []))
            for schema in item_schemas
            for problem in profile.problems(item, schema)
        ]
        problems += [
            f"envelope: {error.message}" for error in profile.page_envelope.iter_errors(page)
        ]
        problems += pagination_problems(page, number, total_pages, per_page, first)
        for problem in problems:
            findings.add(required, where, problem)
        ids += [item["id"] for item in page.get("contents", [])]
    return ids


def pagination_problems(page, number, total_pages, per_page, first) -> list[str]:
    """The validator's pagination tests: flags, sizes and totals that agree with each other."""
    contents = page.get("contents", [])
    expected = {
        "total_items": first["total_items"],
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number == total_pages,
        "empty": not contents,
    }
    problems = [
        f"{name} is {page.get(name)!r}, expected {value!r}"
        for name, value in expected.items()
        if page.get(name) != value
    ]
    if number < total_pages and len(contents) != per_page:
        problems.append(f"{len(contents)} items where per_page was {per_page}")
    return problems


def validate_feed(client) -> Findings:
    profile = Profile()
    findings = Findings()
    ids: dict[str, list[str]] = {}
    endpoints = profile.endpoints()
    for path, operation in endpoints:
        required = "Optional" not in operation.get("tags", [])
        if "{id}" in path:
            continue
        if any(
            parameter.get("$ref", "").endswith("/page")
            for parameter in operation.get("parameters", [])
        ):
            ids[path] = check_list(client, profile, path, operation, findings, required)
        else:
            answer = fetch(client, FEED + path, findings, required)
            if answer is not None:
                for problem in profile.problems(answer, profile.response_schema(operation)):
                    findings.add(required, path, problem)
    for path, operation in endpoints:
        if "{id}" not in path:
            continue
        required = "Optional" not in operation.get("tags", [])
        found = ids.get(path.removesuffix("/{id}"), [])
        if not found:
            findings.add(required, path, "no ids to test it with")
        # Three of each kind (the first, a middle and the last), or all there are.
        chosen = {found[0], found[len(found) // 2], found[-1]} if found else set()
        for id in sorted(chosen):
            url = FEED + path.replace("{id}", id)
            answer = fetch(client, url, findings, required)
            if answer is not None:
                for problem in profile.problems(answer, profile.response_schema(operation)):
                    findings.add(required, url, problem)
    return findings


def test_the_feed_passes_every_required_and_optional_check_of_the_uk_validator(
    client, rich_service
):
    findings = validate_feed(client)

    print(f"\n{sum(findings.answers.values())} answers from {len(findings.answers)} addresses")
    assert findings.errors == []
    assert findings.warnings == []
    assert len(Profile().endpoints()) == 11


def test_a_broken_record_is_reported_as_the_validator_would(client):
    """The checks above can fail: a required field left out of a required endpoint is an error,
    and an optional endpoint that breaks is a warning."""
    profile = Profile()
    schema = profile.response_schema(dict(profile.endpoints())["/services/{id}"])
    page_schemas, _ = profile.list_schemas(dict(profile.endpoints())["/services"])
    assert profile.problems({"id": "not-a-uuid", "status": "active"}, schema)
    assert profile.problems({"contents": [{"id": "a", "name": "b"}]}, page_schemas[-1])
    Location.all_objects.all().delete()
    Service.all_objects.update(remote=False)

    findings = validate_feed(client)

    assert findings.errors == []
    assert any("service_at_locations" in warning for warning in findings.warnings)
