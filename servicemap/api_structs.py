"""API answers defined once, as msgspec structures: what they hold, their JSON (msgspec's encoder)
and their OpenAPI schema all come from the same class.

The search answer is built on every search, where DRF's serializers took most of the time; the
parts it shares with a service's record (its contacts, access, status and evidence) are the same
classes there, read through :class:`StructField`. :func:`openapi_schema` names a structure in an
``extend_schema`` and :func:`add_struct_components` (a drf-spectacular hook) writes the schemas of
every structure named, in the OpenAPI 3.0 dialect drf-spectacular writes.
"""

from collections.abc import Callable
from typing import Annotated, Any, Literal

import msgspec
from django.db.models import Choices
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent, list_hash
from rest_framework import serializers

COMPONENTS = "#/components/schemas/{name}"

# The structures the description names, for add_struct_components.
_described: set[Any] = set()


def as_plain_text(value: Any) -> Any:
    """Words that know their language (servicemap.languages.Entered, a str subclass msgspec does
    not take) as plain strings: an answer says its language once, in Content-Language."""
    if isinstance(value, str):
        return str(value)
    raise NotImplementedError(f"cannot encode {type(value).__name__}")


encode = msgspec.json.Encoder(enc_hook=as_plain_text).encode


def choice(choices: type[Choices]) -> Any:
    """A model's choices as a structure's field: one of their values. Marked as drf-spectacular
    marks the same choices in a serializer, so that the description names them once
    (SPECTACULAR_SETTINGS' ENUM_NAME_OVERRIDES)."""
    marked = list_hash([(value, label) for value, label in choices.choices if value != ""])
    return Annotated[
        Literal[tuple(choices.values)], msgspec.Meta(extra_json_schema={"x-spec-enum-id": marked})
    ]


def openapi_schema(kind: Any) -> dict:
    """The OpenAPI schema of a structure (or a list of them): a reference to its component."""
    _described.add(kind)
    (schema,), _ = msgspec.json.schema_components((kind,), ref_template=COMPONENTS)
    return as_openapi_30(schema)


def add_struct_components(result: dict, generator, request, public) -> dict:
    """drf-spectacular post-processing hook: the components of every structure described."""
    _, components = msgspec.json.schema_components(
        sorted(_described, key=repr), ref_template=COMPONENTS
    )
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in components.items():
        if name in schemas:
            raise ValueError(f"Two API components are named {name}")
        schemas[name] = as_openapi_30(schema)
        # Also in the registry, from which the enum hook after this one writes the components.
        generator.registry.register(
            ResolvedComponent(
                name=name, type=ResolvedComponent.SCHEMA, schema=schemas[name], object=name
            )
        )
    return result


def as_openapi_30(schema: Any) -> Any:
    """A JSON Schema (2020-12) as OpenAPI 3.0 says it: "X or null" is X with ``nullable``, and a
    reference with a description of its own is wrapped (3.0 ignores a reference's siblings)."""
    if isinstance(schema, list):
        return [as_openapi_30(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: as_openapi_30(value) for key, value in schema.items()}
    if "enum" in schema and all(isinstance(value, str) for value in schema["enum"]):
        # Typed as drf-spectacular types its enums, so that it names the same choices the same.
        schema.setdefault("type", "string")
    options = schema.get("anyOf")
    if options and {"type": "null"} in options:
        rest = [option for option in options if option != {"type": "null"}]
        del schema["anyOf"]
        if len(rest) == 1 and "$ref" not in rest[0]:
            schema.update(rest[0])
        else:
            # A reference takes no siblings in OpenAPI 3.0: it is wrapped.
            schema["allOf" if len(rest) == 1 else "anyOf"] = rest
        schema["nullable"] = True
    if "$ref" in schema and len(schema) > 1:
        schema["allOf"] = [{"$ref": schema.pop("$ref")}]
    return schema


class StructField(serializers.Field):
    """A read-only part of a serializer's answer made by a structure: ``make`` is given the whole
    object, and the description is the structure's own."""

    def __init__(self, kind: Any, make: Callable[[Any], Any], **kwargs):
        self.kind = kind
        self.make = make
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value):
        return msgspec.to_builtins(self.make(value), enc_hook=as_plain_text)


class StructFieldExtension(OpenApiSerializerFieldExtension):
    target_class = StructField

    def map_serializer_field(self, auto_schema, direction):
        return openapi_schema(self.target.kind)
