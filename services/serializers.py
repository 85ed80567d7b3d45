"""What the JSON API takes and gives. Input is checked here before anything else touches it."""

import json
from functools import lru_cache

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from geography.locate import Located
from geography.lookup import area_with_code
from geography.models import CouncilArea
from geography.serializers import GSS_CODE_TEXT
from helplines.models import Helpline, Need
from servicemap.api_serializers import (
    ExactBooleanField,
    ExactCharField,
    ExactFloatField,
    ExactIntegerField,
    StrictSerializer,
)
from services.eligibility import Gender, PersonInvolvement, Status
from services.models import (
    MAX_AGE,
    AccessCode,
    Confidence,
    ContactKind,
    Inclusion,
    Involvement,
    MenServed,
    OfferCode,
    Scope,
    Service,
    ServiceQuerySet,
    ServiceStatus,
    WaitingList,
)
from services.search import Placing, Result, SearchOutcome, answer_groups, location_message
from services.ways_forward import WaysForward

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
    include_not_eligible = ExactBooleanField(required=False, default=False)
    limit = ExactIntegerField(
        required=False,
        default=DEFAULT_RESULTS,
        min_value=1,
        max_value=MAX_RESULTS,
        help_text="At most this many results, the best first.",
    )


class AreaSummarySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class BaseSerializer(serializers.Serializer):
    name = serializers.CharField()
    lon = serializers.FloatField()
    lat = serializers.FloatField()
    approximate = serializers.BooleanField(
        help_text="True when only the council area is known: the point is inside that area."
    )


class ContactSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ContactKind.choices)
    value = serializers.CharField(
        help_text="The number, email address, web address or public address."
    )
    label = serializers.CharField(allow_blank=True, help_text="What it is for.")
    hours = serializers.CharField(allow_blank=True, help_text="When it is answered or open.")
    source_url = serializers.CharField(
        allow_blank=True, help_text="The public page this route was taken from."
    )
    confirmed_on = serializers.DateField(
        allow_null=True,
        help_text="When the service confirmed it; null: from a public source, not yet confirmed "
        "with the service.",
    )
    confidence = serializers.ChoiceField(
        choices=Confidence.choices,
        help_text="How reliable its source is: high when the service's own page gives it.",
    )


class ServiceStatusSerializer(serializers.Serializer):
    """Whether a service still runs, as far as the latest evidence shows."""

    value = serializers.ChoiceField(choices=ServiceStatus.choices, source="status")
    note = serializers.CharField(
        allow_blank=True, source="status_note", help_text="What changed, or the evidence."
    )
    source = serializers.CharField(allow_blank=True, source="status_source")
    seen_on = serializers.DateField(
        allow_null=True, source="status_seen_on", help_text="The date of the latest evidence."
    )
    confidence = serializers.ChoiceField(
        choices=Confidence.choices,
        source="status_confidence",
        help_text="How reliable the evidence is.",
    )
    confirmed_on = serializers.DateField(
        allow_null=True,
        source="status_confirmed_on",
        help_text="When the service confirmed it runs as shown; null: not yet confirmed.",
    )


def _access_note_serializer(name: str, what: str) -> type[serializers.Serializer]:
    """One of a service's access notes (services.models.ACCESS_FIELDS): the text, as its source
    says it, with the source and how reliable it is."""
    fields = {
        "text": serializers.CharField(allow_blank=True, source=name, help_text=what),
        "source": serializers.CharField(
            allow_blank=True, source=f"{name}_source", help_text="The page it is on."
        ),
        "confidence": serializers.ChoiceField(
            choices=Confidence.choices,
            source=f"{name}_confidence",
            help_text="How reliable its source is: high when the service's own page gives it.",
        ),
    }
    class_name = "".join(part.title() for part in name.split("_")) + "Serializer"
    return type(class_name, (serializers.Serializer,), fields)


OpeningTimesSerializer = _access_note_serializer(
    "opening_times", "When it is open or answered; empty when no source says."
)
ReferralSerializer = _access_note_serializer(
    "referral", "How a person gets support from it; empty when no source says."
)


class AccessSerializer(serializers.Serializer):
    """When a service is open and how people get to it, as public sources or the service say."""

    opening_times = OpeningTimesSerializer(source="*")
    referral = ReferralSerializer(source="*")
    confirmed_on = serializers.DateField(
        allow_null=True,
        source="access_confirmed_on",
        help_text="When the service confirmed both; null: from public sources, not yet confirmed.",
    )


class ConfidenceSerializer(serializers.Serializer):
    """How far each group of a service's facts can be relied on: high, stated by the service or
    the survey; medium, a reliable secondary source; low, not yet checked (for the survey's
    services, a reading of its published totals)."""

    where = serializers.ChoiceField(choices=Confidence.choices, source="location_confidence")
    offers = serializers.ChoiceField(choices=Confidence.choices, source="offer_confidence")
    who_it_is_for = serializers.ChoiceField(
        choices=Confidence.choices,
        source="eligibility_confidence",
        help_text="The facts every verdict rests on.",
    )
    waiting = serializers.ChoiceField(choices=Confidence.choices, source="waiting_list_confidence")


class EvidenceSerializer(serializers.Serializer):
    """Where a service's facts come from and whether the service has confirmed them."""

    in_2022_survey = serializers.BooleanField(
        help_text="One of the 16 services of the Scottish Government's 2022 mapping survey; "
        "false for one added since."
    )
    last_checked = serializers.DateField(allow_null=True, source="last_verified")
    checked_by = serializers.CharField(allow_blank=True, source="verification_source")
    confidence = ConfidenceSerializer(source="*")
    sources = serializers.SerializerMethodField(help_text="The public pages its facts come from.")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_sources(self, service: Service) -> list[str]:
        return [source.url for source in service.sources.all()]


class SearchResultSerializer(serializers.Serializer):
    """Documents one result (search_response_json builds it)."""

    slug = serializers.CharField()
    name = serializers.CharField()
    organisation = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.CharField(help_text="The service's page on this site.")
    status = serializers.ChoiceField(choices=["eligible", "unclear", "not_eligible"])
    reasons = serializers.ListField(child=serializers.CharField())
    available_because = serializers.ListField(child=serializers.CharField())
    distance_km = serializers.FloatField(
        allow_null=True,
        help_text="Kilometres to its nearest public base with an address, from the place, "
        "postcode or point given; null when a council area was given instead, or when the "
        "service's bases are known only by their council area (see bases[].approximate).",
    )
    coverage = serializers.ListField(
        child=serializers.CharField(),
        help_text="GSS codes of the council areas it covers (nationwide ones list none).",
    )
    scope = serializers.ChoiceField(choices=Scope.choices)
    remote = serializers.BooleanField()
    travel_costs_covered = serializers.BooleanField(
        help_text="true: it can cover a person's travel costs; false: not known."
    )
    bases = BaseSerializer(many=True, help_text="Public bases, for map markers.")
    contacts = ContactSerializer(many=True, help_text="Its public contact routes.")
    access = AccessSerializer(help_text="When it is open and how people get to it.")
    service_status = ServiceStatusSerializer(
        help_text="Whether it still runs (closed services are not searched)."
    )
    evidence = EvidenceSerializer(
        help_text="Where its facts come from, and whether the service confirmed them."
    )


class HelplineSerializer(serializers.Serializer):
    name = serializers.CharField()
    number = serializers.CharField()
    hours = serializers.CharField()
    for_what = serializers.CharField(help_text="Who it is for, and when to call.")
    need = serializers.ChoiceField(
        choices=[*Need.values, ""],
        help_text="For a mainstream service, what it helps with; empty for the others.",
    )
    source = serializers.CharField(help_text="Who published the page its number comes from.")
    source_url = serializers.URLField()
    checked_on = serializers.DateField(help_text="When it was last checked on that page.")
    confirmed_on = serializers.DateField(
        allow_null=True, help_text="When the helpline confirmed it to us; null: not confirmed."
    )


class WaysForwardSerializer(serializers.Serializer):
    """What the person can do now, on every answer, as the finder's page shows it: at the top of
    the answer (``first``) when it leaves them without a service they can use (none found, or none
    working in person in their area for them) or the age given is under 18; otherwise after the
    list."""

    first = serializers.BooleanField(help_text="Shown before the services, not after them.")
    under_18 = serializers.CharField(
        allow_blank=True,
        help_text="For an age under 18: that the specialist services are for adults, with the "
        "exceptions the data holds.",
    )
    child_protection = serializers.CharField(
        allow_blank=True, help_text="For an age under 18: who to tell that a child is at risk."
    )
    helplines = HelplineSerializer(
        many=True,
        help_text="Numbers to call now, the first the most fitting (Childline for "
        "an age under 18).",
    )
    mainstream = HelplineSerializer(
        many=True,
        help_text="Mainstream services (the NHS, housing, mental health, drugs and alcohol) for "
        "the needs given, theirs first; all of them when none was given.",
    )


class AnswerGroupSerializer(serializers.Serializer):
    """A heading of the answer, as the finder's page shows it, and the services under it."""

    key = serializers.ChoiceField(
        choices=[*(placing.value for placing in Placing), *(status.value for status in Status)],
        help_text="For a person who gave their council area: in_person_here, then "
        "scotland_wide_or_remote, then further_away. Otherwise one group a verdict: eligible, "
        "unclear, not_eligible.",
    )
    heading = serializers.CharField()
    services = serializers.ListField(
        child=serializers.CharField(),
        help_text="Slugs of the services of `results` (or `further_away`), in order.",
    )


class SearchResponseSerializer(serializers.Serializer):
    area = AreaSummarySerializer(allow_null=True)
    message = serializers.CharField(
        allow_blank=True, help_text="Something the visitor should know about their location."
    )
    count = serializers.IntegerField(
        help_text="How many services matched; results holds the first `limit` of them."
    )
    results = SearchResultSerializer(many=True)
    further_away = SearchResultSerializer(
        many=True,
        help_text="The nearest services (at most 3) the person may use that work in person only "
        "in other council areas, for a person who gave where they are: some people travel to one. "
        "Never any of `results`; a service may support only people from its own areas.",
    )
    groups = AnswerGroupSerializer(
        many=True,
        help_text="How the page groups `results` and `further_away` under headings, in order: "
        "those working in person in the person's area come first.",
    )
    counts_by_area = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="For each council area, how many of the services the person may use reach it.",
    )
    ways_forward = WaysForwardSerializer()


def search_response_json(
    outcome: SearchOutcome, located: Located | None, ways_forward: WaysForward
) -> bytes:
    """The search's answer as JSON, in the shape SearchResponseSerializer documents.

    Put together from pieces rather than through the serializer and a renderer, which took most
    of a search's time: each service's fixed part was encoded when the catalogue was built.
    tests/api/test_fuzz.py checks every answer against the documented schema.
    """
    area = located.area if located else None
    head = _compact(
        {
            "area": {"code": area.code, "name": area.name} if area else None,
            "message": location_message(outcome, located),
            "count": outcome.total,
        }
    )
    results = ",".join(_result_json(result) for result in outcome.results)
    further = ",".join(_result_json(result) for result in outcome.further_away)
    groups = [
        {
            "key": group.key,
            "heading": group.heading,
            "services": [result.service.slug for result in group.results],
        }
        for group in answer_groups(outcome, area)
    ]
    counts = _counts_json(outcome.area_codes) % tuple(outcome.area_counts.tolist())
    forward = _compact(
        {
            "first": ways_forward.first,
            "under_18": ways_forward.under_18,
            "child_protection": ways_forward.child_protection,
            "helplines": [_helpline(helpline) for helpline in ways_forward.helplines],
            "mainstream": [_helpline(helpline) for helpline in ways_forward.mainstream],
        }
    )
    return (
        f'{head[:-1]},"results":[{results}],"further_away":[{further}],'
        f'"groups":{_compact(groups)},"counts_by_area":{counts},"ways_forward":{forward}}}'
    ).encode()


def _helpline(helpline: Helpline) -> dict:
    return {
        "name": helpline.name,
        "number": helpline.number,
        "hours": helpline.hours,
        "for_what": helpline.for_what,
        "need": helpline.need,
        "source": helpline.source_title,
        "source_url": helpline.source_url,
        "checked_on": helpline.checked_on.isoformat(),
        "confirmed_on": helpline.confirmed_on.isoformat() if helpline.confirmed_on else None,
    }


def _result_json(result: Result) -> str:
    known = result.known_distance_km
    distance = "null" if known is None else repr(round(known, 1))
    return (
        f'{{{result.card.summary_json},"status":"{result.status}",'
        f'"reasons":{_strings_json(result.verdict.reasons)},'
        f'"available_because":{_strings_json(result.availability.because)},'
        f'"distance_km":{distance}}}'
    )


@lru_cache(maxsize=4096)
def _strings_json(strings: tuple[str, ...]) -> str:
    """Reasons are a few hundred sentences said again and again: each list is encoded once."""
    return _compact(strings)


@lru_cache(maxsize=4)
def _counts_json(area_codes: tuple[str, ...]) -> str:
    """The counts by area as a format string, the counts left to fill in: twice as fast as
    encoding a dict of hundreds of areas on every search. Keyed by the catalogue's codes, which
    change only with the areas."""
    members = (_compact(code).replace("%", "%%") + ":%d" for code in area_codes)
    return "{" + ",".join(members) + "}"


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
    languages = serializers.CharField(allow_blank=True)
    eligibility = EligibilitySerializer(source="*")
    locations = LocationSerializer(many=True, source="public_locations")
    contacts = ContactSerializer(many=True, source="public_contacts")
    access = AccessSerializer(source="*")
    service_status = ServiceStatusSerializer(source="*")
    evidence = EvidenceSerializer(source="*")
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
