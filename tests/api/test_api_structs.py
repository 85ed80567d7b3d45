"""Answers defined as structures (servicemap/api_structs.py) are described in the dialect the rest
of the OpenAPI description is written in (3.0), and read the same through a serializer."""

import pytest
from msgspec import Struct

from servicemap.api_structs import StructField, as_openapi_30

REF = {"$ref": "#/components/schemas/Access"}


@pytest.mark.parametrize(
    ("schema", "openapi"),
    [
        ({"type": "string"}, {"type": "string"}),
        (
            {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
            {"type": "string", "format": "date", "nullable": True},
        ),
        (
            {"description": "Where.", "anyOf": [REF, {"type": "null"}]},
            {"description": "Where.", "allOf": [REF], "nullable": True},
        ),
        (
            {"description": "How to get in.", **REF},
            {"description": "How to get in.", "allOf": [REF]},
        ),
        (REF, REF),
        ({"enum": ["high", "low"]}, {"enum": ["high", "low"], "type": "string"}),
        ({"enum": [1, 2]}, {"enum": [1, 2]}),
        (
            {"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]},
            {"anyOf": [{"type": "integer"}, {"type": "string"}], "nullable": True},
        ),
        (
            {
                "type": "object",
                "properties": {"seen_on": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
            },
            {"type": "object", "properties": {"seen_on": {"type": "string", "nullable": True}}},
        ),
        (
            {"type": "array", "items": {"anyOf": [REF, {"type": "null"}]}},
            {"type": "array", "items": {"allOf": [REF], "nullable": True}},
        ),
    ],
    ids=[
        "plain",
        "a date or null",
        "a described reference or null",
        "a described reference",
        "a bare reference",
        "an enum of text",
        "an enum of numbers",
        "one of two or null",
        "inside properties",
        "inside items",
    ],
)
def test_a_json_schema_is_said_as_openapi_3_0_says_it(schema, openapi):
    assert as_openapi_30(schema) == openapi


class Point(Struct):
    lon: float
    lat: float


def test_a_struct_field_gives_plain_json_values_made_from_the_whole_object():
    class Place:
        where = (-3.2, 55.9)

    field = StructField(Point, lambda place: Point(*place.where))

    assert field.to_representation(Place()) == {"lon": -3.2, "lat": 55.9}
    assert field.read_only
