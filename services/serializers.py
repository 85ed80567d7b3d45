"""What the JSON API takes and gives. Input is checked here before anything else touches it."""

from rest_framework import serializers

from geography.locate import Located
from geography.models import CouncilArea
from services.eligibility import Gender, PersonInvolvement
from services.models import MAX_AGE, OfferCode
from services.queries import located_from, query_from
from services.search import Result, SearchOutcome, SearchQuery, location_message


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, so a typo is an error, not a silently ignored answer."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(str(name) for name in set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["This field is not part of the request."] for name in unknown}
                )
        return super().to_internal_value(data)


class SearchRequestSerializer(StrictSerializer):
    """A person's answers and where they are; every field may be left out."""

    area = serializers.CharField(
        required=False, max_length=9, help_text="A council area's GSS code, e.g. S12000036."
    )
    lon = serializers.FloatField(required=False, min_value=-180, max_value=180)
    lat = serializers.FloatField(required=False, min_value=-90, max_value=90)
    age = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=MAX_AGE)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False, allow_null=True)
    trans = serializers.BooleanField(required=False, allow_null=True, default=None)
    involvement = serializers.ChoiceField(
        choices=PersonInvolvement.choices, required=False, allow_null=True
    )
    trafficked = serializers.BooleanField(required=False, allow_null=True, default=None)
    needs = serializers.ListField(
        child=serializers.ChoiceField(choices=OfferCode.choices),
        required=False,
        max_length=len(OfferCode.choices),
        help_text="Kinds of help wanted: services offering none of them are not eligible.",
    )
    remote_only = serializers.BooleanField(required=False, default=False)
    include_not_eligible = serializers.BooleanField(required=False, default=False)

    def validate_area(self, code: str) -> CouncilArea:
        area = CouncilArea.objects.without_geometry().filter(code=code.strip().upper()).first()
        if area is None:
            raise serializers.ValidationError("There is no council area with this code.")
        return area

    def validate(self, data: dict) -> dict:
        if ("lon" in data) != ("lat" in data):
            missing = "lat" if "lon" in data else "lon"
            raise serializers.ValidationError({missing: ["Give lon and lat together."]})
        if "area" in data and "lon" in data:
            raise serializers.ValidationError(
                {"area": ["Give an area or a point (lon and lat), not both."]}
            )
        return data

    def search_query(self) -> tuple[SearchQuery, Located | None]:
        located = located_from(self.validated_data)
        return query_from(self.validated_data, located), located


class AreaSummarySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class SearchResultSerializer(serializers.Serializer):
    slug = serializers.CharField(source="service.slug")
    name = serializers.CharField(source="service.name")
    organisation = serializers.CharField(source="service.organisation.name")
    summary = serializers.CharField(source="service.summary")
    url = serializers.CharField(source="service.get_absolute_url")
    status = serializers.ChoiceField(
        choices=["eligible", "unclear", "not_eligible"], source="verdict.status"
    )
    reasons = serializers.ListField(child=serializers.CharField(), source="verdict.reasons")
    available_because = serializers.ListField(
        child=serializers.CharField(), source="availability.because"
    )
    distance_km = serializers.SerializerMethodField()
    coverage = serializers.SerializerMethodField(
        help_text="GSS codes of the council areas it covers (nationwide ones list none)."
    )
    scope = serializers.CharField(source="service.scope")
    remote = serializers.BooleanField(source="service.remote")

    def get_distance_km(self, result: Result) -> float | None:
        return None if result.distance_km is None else round(result.distance_km, 1)

    def get_coverage(self, result: Result) -> list[str]:
        return [area.code for area in result.reach.areas]


class SearchResponseSerializer(serializers.Serializer):
    area = AreaSummarySerializer(allow_null=True)
    message = serializers.CharField(
        allow_blank=True, help_text="Something the visitor should know about their location."
    )
    results = SearchResultSerializer(many=True)
    counts_by_area = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="For each council area, how many of the services the person may use reach it.",
    )


def search_response(outcome: SearchOutcome, located: Located | None) -> dict:
    area = located.area if located else None
    return SearchResponseSerializer(
        {
            "area": area,
            "message": location_message(outcome, located),
            "results": outcome.results,
            "counts_by_area": outcome.counts_by_area,
        }
    ).data
