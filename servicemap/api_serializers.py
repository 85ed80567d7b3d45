"""What every API serializer is built from: fields that take JSON values exactly as sent, a
serializer that refuses fields it does not know, and the RFC 9457 problem an error answers with,
each with what it says in the OpenAPI description. The apps' serializers (geography/serializers.py,
services/serializers.py, services/openreferral/serializers.py) are made of these.
"""

import re

from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.extensions import OpenApiSerializerExtension
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from servicemap.problems import PROBLEM_CONTENT_TYPE

# What DRF's CharField refuses anyway, as a pattern the OpenAPI description can state: null
# characters, and halves of a surrogate pair (JSON can carry "\ud800"; no text column can hold it).
PLAIN_TEXT = RegexValidator(
    r"^[^\x00\uD800-\uDFFF]*$",
    gettext_lazy("Null characters and lone surrogates are not allowed."),
)


class ExactCharField(serializers.CharField):
    """Text taken exactly as sent: a string only (DRF would turn 0 into "0"), with its spaces
    kept, so that the lengths and pattern the OpenAPI description gives are what is checked.
    Without a pattern of its own, the description says what DRF refuses anyway (PLAIN_TEXT).
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("validators", [PLAIN_TEXT])
        super().__init__(**kwargs)
        if PLAIN_TEXT in self.validators:
            # DRF's own two say again what PLAIN_TEXT says: one message is enough.
            self.validators = [
                validator
                for validator in self.validators
                if not isinstance(
                    validator,
                    (ProhibitNullCharactersValidator, ProhibitSurrogateCharactersValidator),
                )
            ]

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


# JSON bodies take each value as the JSON type the description gives. DRF would also read "12" as
# an age, "yes" or 0 as a boolean and "1.5" as a longitude, which the description cannot say and a
# client should not rely on. (Query parameters are text, so their fields stay DRF's own.)


class ExactBooleanField(serializers.BooleanField):
    """true or false (or null where allowed), nothing else."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class ExactIntegerField(serializers.IntegerField):
    """A JSON number with no fraction (12 or 12.0, as JSON Schema's "integer"), not text."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("invalid")
        return super().to_internal_value(data)


class ExactFloatField(serializers.FloatField):
    """A JSON number, not text."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, so a typo is an error, not a silently ignored answer."""

    # Names that another part of the view reads (a paginator's page number): allowed, checked there.
    handled_elsewhere: tuple[str, ...] = ()
    # Ways of saying one thing, by what a person would call each, with the fields each takes whole
    # (lon with lat): a request may use one of them, or none. Checked in validate() and stated in
    # the OpenAPI description as a oneOf (StrictSerializerSchema), from this one definition.
    alternatives: dict[str, tuple[str, ...]] = {}

    def to_internal_value(self, data):
        if isinstance(data, dict):
            known = set(self.fields) | set(self.handled_elsewhere)
            unknown = sorted(str(name) for name in set(data) - known)
            if unknown:
                message = _("This field is not part of the request.")
                raise serializers.ValidationError({name: [message] for name in unknown})
        return super().to_internal_value(data)

    def validate(self, data: dict) -> dict:
        chosen = []
        for fields in self.alternatives.values():
            given = [name for name in fields if name in data]
            if given and len(given) < len(fields):
                missing = next(name for name in fields if name not in data)
                *first, last = fields
                # Translators: "%(fields)s" and "%(last)s" name fields of an API request, as
                # sent: "Give lon and lat together."
                together = _("Give %(fields)s and %(last)s together.") % {
                    "fields": ", ".join(first),
                    "last": last,
                }
                raise serializers.ValidationError({missing: [together]})
            if given:
                chosen.append(fields[0])
        if len(chosen) > 1:
            *others, last = self.alternatives
            # Translators: "%(alternatives)s" and "%(last)s" name ways of giving a place in an
            # API request, in English: "Give one of area, a point (lon and lat) or place, not
            # several."
            one_of = _("Give one of %(alternatives)s or %(last)s, not several.") % {
                "alternatives": ", ".join(others),
                "last": last,
            }
            raise serializers.ValidationError({chosen[0]: [one_of]})
        return data

    @classmethod
    def validated(cls, data) -> dict:
        """The checked data, or a ValidationError naming each bad field, as is_valid() gives.

        DRF copies every declared field each time a serializer is made, which was a third of a
        search's time; here the fields are made and bound once, to a prototype that validating
        never changes, so one prototype serves every request.
        """
        prototype = cls.__dict__.get("_prototype")
        if prototype is None:
            prototype = cls()
            prototype.fields  # noqa: B018  (binds the fields now, once)
            cls._prototype = prototype
        return prototype.run_validation(data)


class StrictSerializerSchema(OpenApiSerializerExtension):
    """Says in the OpenAPI description what StrictSerializer does: fields it does not know are
    refused, so clients (and the schema-driven fuzzer) do not send them expecting success."""

    target_class = StrictSerializer
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        properties = {
            name: _blank_in_pattern(field) for name, field in schema["properties"].items()
        }
        schema = {**schema, "properties": properties, "additionalProperties": False}
        if self.target.alternatives:
            schema["oneOf"] = alternatives_schema(self.target.alternatives)
        return schema


def _blank_in_pattern(field: dict) -> dict:
    """drf-spectacular describes blank-allowing text with a pattern as "oneOf: the pattern, or
    empty". Where the pattern takes empty text too (PLAIN_TEXT does), "" fits both branches, so
    that description refused the blank the field accepts: such a field is its pattern alone."""
    text, *blank = field.get("oneOf", [{}])
    if blank == [{"type": "string", "maxLength": 0}] and re.search(text.get("pattern", "^$"), ""):
        return {**{key: value for key, value in field.items() if key != "oneOf"}, **text}
    return field


def alternatives_schema(alternatives: dict[str, tuple[str, ...]]) -> list[dict]:
    """One branch for each alternative (its fields all given, the others' absent) and one for
    none of them: exactly one branch fits any request StrictSerializer.validate() accepts."""
    every_field = [name for fields in alternatives.values() for name in fields]
    absent = {"not": {}}

    def only(fields: tuple[str, ...]) -> dict:
        return {name: absent for name in every_field if name not in fields}

    return [
        *(
            {"title": title, "required": list(fields), "properties": only(fields)}
            for title, fields in alternatives.items()
        ),
        {"title": "none of them", "properties": only(())},
    ]


class ProblemSerializer(serializers.Serializer):
    """An error, as RFC 9457 problem details (servicemap/problems.py writes them)."""

    type = serializers.CharField(help_text='Always "about:blank": the status says it all.')
    title = serializers.CharField(help_text='The HTTP status\'s phrase, e.g. "Bad Request".')
    status = serializers.IntegerField()
    detail = serializers.CharField(required=False, help_text="What went wrong, in words.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text='Each bad field (nested ones as "needs.1") with what is wrong with it.',
    )


def problems(*statuses: int) -> dict:
    """Error responses for extend_schema, with the media type they are really sent as."""
    return {(status, PROBLEM_CONTENT_TYPE): ProblemSerializer for status in statuses}
