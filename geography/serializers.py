"""What the geography endpoints of the JSON API take and give (geography/api.py)."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from servicemap.api_serializers import ExactCharField, StrictSerializer

# A council area's GSS code as the API takes it: any case, spaces around it allowed.
GSS_CODE_TEXT = RegexValidator(
    r"^\s*[EeNnSsWw][0-9]{8}\s*$",
    gettext_lazy("A GSS code is a country letter (E, N, S or W) and eight digits, e.g. S12000036."),
)


class PlaceSuggestionRequestSerializer(StrictSerializer):
    """What someone has typed so far. Nothing typed is a 400: there is nothing to suggest from."""

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
