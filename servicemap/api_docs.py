"""The API's human-readable page, written from the OpenAPI description itself.

A page served from our own origin with no script at all, so it needs nothing from another site
and passes the site's Content-Security-Policy; it can never drift from /api/v1/openapi.json.
"""

import functools
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
COMPONENT_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class Row:
    """A parameter, a request body field or a schema's property."""

    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: list[str]
    parameters: list[Row]
    body: str
    responses: list[Row]


@dataclass(frozen=True)
class Schema:
    name: str
    description: list[str]
    properties: list[Row] = field(default_factory=list)


def operations(schema: dict[str, Any]) -> list[Operation]:
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    anchor=operation.get("operationId", f"{method}-{path}"),
                    summary=operation.get("summary", ""),
                    description=paragraphs(operation.get("description", "")),
                    parameters=[
                        Row(
                            name=f"{parameter['name']} ({parameter['in']})",
                            type=type_text(parameter.get("schema", {})),
                            required=parameter.get("required", False),
                            description=parameter.get("description", ""),
                        )
                        for parameter in operation.get("parameters", [])
                    ],
                    body=_content_type_text(operation.get("requestBody", {})),
                    responses=[
                        Row(
                            name=status,
                            type=_content_type_text(response),
                            required=False,
                            description=response.get("description", ""),
                        )
                        for status, response in operation.get("responses", {}).items()
                    ],
                )
            )
    return found


def schemas(schema: dict[str, Any]) -> list[Schema]:
    return [
        Schema(
            name=name,
            description=paragraphs(component.get("description", "")),
            properties=[
                Row(
                    name=property_name,
                    type=type_text(property_schema),
                    required=property_name in component.get("required", []),
                    description=property_schema.get("description", ""),
                )
                for property_name, property_schema in component.get("properties", {}).items()
            ],
        )
        for name, component in schema.get("components", {}).get("schemas", {}).items()
    ]


def type_text(schema: dict[str, Any]) -> str:
    """A schema in a few words: "string", "array of Service", "one of: a, b"."""
    if "$ref" in schema:
        return schema["$ref"].removeprefix(COMPONENT_PREFIX)
    if "enum" in schema:
        return "one of: " + ", ".join(str(value) for value in schema["enum"] if value is not None)
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in schema:
            return " or ".join(type_text(part) for part in schema[combined] if part)
    kind = schema.get("type", "any")
    if kind == "array":
        return f"array of {type_text(schema.get('items', {}))}"
    if kind == "object" and "additionalProperties" in schema:
        return f"object of {type_text(schema['additionalProperties'])}"
    text = kind + (f" ({schema['format']})" if "format" in schema else "")
    return text + (" or null" if schema.get("nullable") else "")


def paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def _content_type_text(holder: dict[str, Any]) -> str:
    return "; ".join(
        f"{media_type}: {type_text(content.get('schema', {}))}"
        for media_type, content in holder.get("content", {}).items()
    )


@functools.cache
def api_schema() -> dict[str, Any]:
    # The description depends only on the code, so one generation per process is enough.
    return SchemaGenerator().get_schema(request=None, public=True)


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    schema = api_schema()
    return render(
        request,
        "api/docs.html",
        {
            "info": schema["info"],
            "description": paragraphs(schema["info"].get("description", "")),
            "operations": operations(schema),
            "schemas": schemas(schema),
        },
    )
