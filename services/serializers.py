"""What the JSON API takes and gives. Input is checked here before anything else touches it.

The search's answer is defined in services/search_answer.py; a service's record here carries the
same contacts, access, status and evidence (services/summary.py).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from geography.lookup import area_with_code
from geography.models import CouncilArea
from geography.serializers import GSS_CODE_TEXT
from servicemap.api_serializers import (
    ExactBooleanField,
    ExactCharField,
    ExactFloatField,
    ExactIntegerField,
    StrictSerializer,
)
from servicemap.api_structs import StructField
from services.eligibility import Gender, PersonInvolvement
from services.models import (
    MAX_AGE,
    AccessCode,
    Inclusion,
    Involvement,
    MenServed,
    OfferCode,
    Scope,
    Service,
    ServiceQuerySet,
    WaitingList,
    WorkingLanguage,
)
from services.summary import Access, Contact, Evidence, Languages, RunningStatus

DEFAULT_RESULTS = 100
# Past any list's end; larger numbers are refused before they reach the database.
MAX_PAGE = 1_000_000
MAX_RESULTS = 500


class SearchRequestSerializer(StrictSerializer):
    """A person's answers and where they are: an area, a point (lon and lat), a place, or none of
    them. Every field may be left out."""

    alternatives = {"area": ("area",), "a point (lon and lat)": ("lon", "lat"), "place": ("place",)}

    area = ExactCharField(
        required=False,
        validators=[GSS_CODE_TEXT],
        help_text="A council area's GSS code, e.g. S12000036. A code we do not hold is answered "
        "like a place we cannot find: with a message, and no area.",
    )
    place = ExactCharField(
        required=False,
        min_length=1,
        max_length=100,
        help_text="A postcode (EH6 5AB), a postcode district (EH6) or a town or village name.",
    )
    lon = ExactFloatField(required=False, min_value=-180, max_value=180)
    lat = ExactFloatField(required=False, min_value=-90, max_value=90)
    age = ExactIntegerField(required=False, allow_null=True, min_value=0, max_value=MAX_AGE)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False, allow_null=True)
    trans = ExactBooleanField(required=False, allow_null=True, default=None)
    involvement = serializers.ChoiceField(
        choices=PersonInvolvement.choices, required=False, allow_null=True
    )
    trafficked = ExactBooleanField(required=False, allow_null=True, default=None)
    needs = serializers.ListField(
        child=serializers.ChoiceField(choices=OfferCode.choices),
        required=False,
        max_length=len(OfferCode.choices),
        help_text="Kinds of help wanted: services offering none of them are not eligible.",
    )
    remote_only = ExactBooleanField(required=False, default=False)
    language = serializers.ChoiceField(
        choices=WorkingLanguage.choices,
        required=False,
        allow_null=True,
        help_text="The language the person would like support in (ISO 639-1, or ISO 639-3 "
        "where there is none). It leaves no service out: each result says what is known of it "
        "(language_support).",
    )
    include_not_eligible = ExactBooleanField(required=False, default=False)
    limit = ExactIntegerField(
        required=False,
        default=DEFAULT_RESULTS,
        min_value=1,
        max_value=MAX_RESULTS,
        help_text="At most this many results, the best first.",
    )


class ServiceFilterSerializer(StrictSerializer):
    """Filters for the list of services; those given must all hold (AND)."""

    page = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE, help_text="The page wanted, from 1."
    )
    page_size = serializers.IntegerField(
        required=False, min_value=1, max_value=100, help_text="Services a page (default 50)."
    )
    area = ExactCharField(
        required=False,
        validators=[GSS_CODE_TEXT],
        help_text="A council area's GSS code: services that cover it, or all of Scotland or the "
        "UK (those working remotely included). A code we do not hold matches none.",
    )
    offer = serializers.ChoiceField(
        choices=OfferCode.choices, required=False, help_text="Services offering this kind of help."
    )
    remote = serializers.BooleanField(
        required=False,
        allow_null=True,
        help_text="true: services that support people online or by phone; false: those that do "
        "not.",
    )

    def validate_area(self, code: str) -> CouncilArea | None:
        return area_with_code(code.strip().upper())

    def filtered(self, services: ServiceQuerySet) -> ServiceQuerySet:
        data = self.validated_data
        if "area" in data:
            area = data["area"]
            services = services.working_in(area) if area else services.none()
        if data.get("offer"):
            services = services.offering(data["offer"])
        if data.get("remote") is not None:
            services = services.filter(remote=data["remote"])
        return services


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    website = serializers.CharField(allow_blank=True)


class LocationSerializer(serializers.Serializer):
    """A public base. Confidential addresses are never listed: ask the service."""

    name = serializers.CharField()
    address = serializers.CharField(allow_blank=True)
    postcode = serializers.CharField(allow_blank=True)
    lon = serializers.SerializerMethodField()
    lat = serializers.SerializerMethodField()
    council_area = serializers.CharField(
        source="council_area.code", allow_null=True, help_text="The GSS code of its council area."
    )
    opening_times = serializers.CharField(allow_blank=True)
    accessibility = serializers.CharField(allow_blank=True)

    def get_lon(self, location) -> float | None:
        return location.point["coordinates"][0] if location.point else None

    def get_lat(self, location) -> float | None:
        return location.point["coordinates"][1] if location.point else None


class EligibilitySerializer(serializers.Serializer):
    """Who a service is for, as the rules in services/eligibility.py read it."""

    min_age = serializers.IntegerField(allow_null=True)
    max_age = serializers.IntegerField(allow_null=True)
    women = serializers.BooleanField()
    men = serializers.ChoiceField(choices=MenServed.choices)
    trans = serializers.ChoiceField(
        choices=Inclusion.choices, help_text='"not_stated" means the service has not said.'
    )
    non_binary = serializers.ChoiceField(
        choices=Inclusion.choices, help_text='"not_stated" means the service has not said.'
    )
    involvement = serializers.ChoiceField(choices=Involvement.choices)
    for_trafficked_people = serializers.BooleanField()
    other_criteria = serializers.CharField(allow_blank=True)


class ServiceSerializer(serializers.Serializer):
    """A published service with its public bases and contacts."""

    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.CharField(source="get_absolute_url", help_text="Its page on this site.")
    organisation = OrganisationSerializer()
    summary = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    offers = serializers.SerializerMethodField()
    primary_offer = serializers.ChoiceField(choices=OfferCode.choices, source="primary_offer_id")
    access_routes = serializers.SerializerMethodField()
    how_to_access = serializers.CharField(allow_blank=True)
    scope = serializers.ChoiceField(choices=Scope.choices)
    coverage = serializers.SerializerMethodField(
        help_text="GSS codes of the council areas it covers, besides its scope."
    )
    remote = serializers.BooleanField()
    travel_costs_covered = serializers.BooleanField()
    police_led = serializers.BooleanField()
    waiting_list = serializers.ChoiceField(choices=WaitingList.choices)
    next_course_starts = serializers.DateField(allow_null=True)
    eligibility = EligibilitySerializer(source="*")
    locations = LocationSerializer(many=True, source="public_locations")
    contacts = StructField(
        tuple[Contact, ...],
        lambda service: tuple(Contact.of(route) for route in service.public_contacts),
    )
    access = StructField(Access, Access.of)
    languages = StructField(Languages, Languages.of)
    service_status = StructField(RunningStatus, RunningStatus.of)
    evidence = StructField(Evidence, Evidence.of)
    last_verified = serializers.DateField(allow_null=True)
    updated_at = serializers.DateTimeField()

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(OfferCode.choices)))
    def get_offers(self, service: Service) -> list[str]:
        return sorted(offer.code for offer in service.offers.all())

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(AccessCode.choices)))
    def get_access_routes(self, service: Service) -> list[str]:
        return sorted(route.code for route in service.access_routes.all())

    def get_coverage(self, service: Service) -> list[str]:
        return sorted(area.code for area in service.coverage.all())
