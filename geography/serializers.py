from django.core.validators import RegexValidator
from drf_spectacular.extensions import OpenApiSerializerExtension
from rest_framework import serializers

PROBLEM_MEDIA_TYPE = "application/problem+json"


NO_NULL_CHARACTERS = RegexValidator(r"^[^\x00]*$", "Null characters are not allowed.")
# A council area's GSS code as the API takes it: any case, spaces around it allowed.
GSS_CODE_TEXT = RegexValidator(
    r"^\s*[EeNnSsWw][0-9]{8}\s*$",
    "A GSS code is a country letter (E, N, S or W) and eight digits, e.g. S12000036.",
)


class ExactCharField(serializers.CharField):
    """Text taken exactly as sent: a string only (DRF would turn 0 into "0"), with its spaces
    kept, so that the lengths and pattern the OpenAPI description gives are what is checked.
    Without a pattern of its own, the description says what DRF refuses anyway: null characters.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("validators", [NO_NULL_CHARACTERS])
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, so a typo is an error, not a silently ignored answer."""

    # Names that another part of the view reads (a paginator's page number): allowed, checked there.
    handled_elsewhere: tuple[str, ...] = ()

    def to_internal_value(self, data):
        if isinstance(data, dict):
            known = set(self.fields) | set(self.handled_elsewhere)
            unknown = sorted(str(name) for name in set(data) - known)
            if unknown:
                raise serializers.ValidationError(
                    {name: ["This field is not part of the request."] for name in unknown}
                )
        return super().to_internal_value(data)

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
        return {**schema, "additionalProperties": False}


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


class PlaceSuggestionRequestSerializer(StrictSerializer):
    q = ExactCharField(
        min_length=1,
        max_length=100,
        help_text="The start of a town's or village's name: fewer than 2 letters suggest nothing.",
    )


class PlaceSuggestionSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="Unique among suggestions: what to show and submit.")
    name = serializers.CharField()
    alternative_name = serializers.CharField(allow_blank=True, help_text="e.g. the Gaelic name.")
    kind = serializers.CharField()
    council_area_code = serializers.CharField(allow_blank=True)
    council_area_name = serializers.CharField(allow_blank=True)
    lon = serializers.FloatField()
    lat = serializers.FloatField()


class PlaceSuggestionsSerializer(serializers.Serializer):
    suggestions = PlaceSuggestionSerializer(many=True)


class PointQuerySerializer(StrictSerializer):
    lon = serializers.FloatField(min_value=-180, max_value=180, help_text="Longitude (WGS84).")
    lat = serializers.FloatField(min_value=-90, max_value=90, help_text="Latitude (WGS84).")


class AreaSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The GSS code, e.g. S12000036.")
    name = serializers.CharField()
    slug = serializers.CharField()
    country = serializers.CharField(help_text="S, E, W or N.")
    url = serializers.CharField(
        source="get_absolute_url", help_text="The area's page on this site."
    )


class AreaPropertiesSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The GSS code, e.g. S12000036.")
    name = serializers.CharField()
    slug = serializers.CharField()


class AreaFeatureSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Feature"])
    id = serializers.CharField(help_text="The GSS code.")
    properties = AreaPropertiesSerializer()
    geometry = serializers.JSONField(
        help_text="A GeoJSON MultiPolygon in longitude/latitude (WGS84), simplified for maps."
    )


class AreaFeatureCollectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["FeatureCollection"])
    features = AreaFeatureSerializer(many=True)


def problems(*statuses: int) -> dict:
    """Error responses for extend_schema, with the media type they are really sent as."""
    return {(status, PROBLEM_MEDIA_TYPE): ProblemSerializer for status in statuses}
