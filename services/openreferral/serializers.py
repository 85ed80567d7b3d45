"""What the feed's endpoints take: the standard's own query parameters, checked before use.

Filters given must all hold (AND). A filter naming an id we do not hold (a term, a taxonomy, an
organisation) matches nothing, as the standard's filters do: the answer is an empty page, the
same whether the id was never ours or names something unpublished.
"""

from typing import Any

from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from geography.places import PostcodeMatch, resolve_postcode
from servicemap.api_serializers import ExactCharField, StrictSerializer
from services.models import Organisation, Service, ServiceQuerySet
from services.openreferral.ids import organisation_id
from services.openreferral.taxonomy import TAXONOMY_ID, TERMS_BY_ID, services_with_term
from services.serializers import MAX_PAGE

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# How far, in metres, `proximity` may reach: the length of Great Britain, more or less.
MAX_PROXIMITY_METRES = 1_500_000
# A UK postcode or district, as geography.places.parse_postcode reads one (in any case).
POSTCODE_TEXT = RegexValidator(
    r"^\s*([A-Za-z]{1,2}[0-9][A-Za-z0-9]?|[Gg][Ii][Rr])\s*([0-9][A-Za-z]{2})?\s*$",
    gettext_lazy("This is not a UK postcode or postcode district."),
)


def _flag(help_text: str) -> serializers.BooleanField:
    return serializers.BooleanField(required=False, default=False, help_text=help_text)


class PageSerializer(StrictSerializer):
    """Every list's page parameters, and the format (JSON is the only one offered)."""

    page = serializers.IntegerField(
        required=False,
        default=1,
        min_value=1,
        max_value=MAX_PAGE,
        help_text="The page wanted, from 1. A page past the last is empty.",
    )
    per_page = serializers.IntegerField(
        required=False,
        default=DEFAULT_PER_PAGE,
        min_value=1,
        max_value=MAX_PER_PAGE,
        help_text=f"Items a page (default {DEFAULT_PER_PAGE}, at most {MAX_PER_PAGE}).",
    )
    format = serializers.ChoiceField(
        choices=["json"],
        required=False,
        help_text="Only json is offered: ndjson, which the standard allows, is not.",
    )


class SearchSerializer(PageSerializer):
    search = ExactCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Text in the name or description.",
    )


class TaxonomyTermFilterSerializer(SearchSerializer):
    taxonomy_id = ExactCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Terms of this taxonomy (/taxonomies).",
    )
    top_only = _flag("true: only the terms at the top of the hierarchy (those with no parent).")
    parent_id = ExactCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Only the terms whose parent has this id.",
    )


class ServiceFilterSerializer(SearchSerializer):
    """The standard's filters on services, shared by /services and /service_at_locations."""

    search = ExactCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Text in the service's name, summary or description, or its organisation's name.",
    )
    taxonomy_term_id = ExactCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Services with an attribute of this term (/taxonomy_terms).",
    )
    taxonomy_id = ExactCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Services with any term of this taxonomy (/taxonomies): ours is the only one.",
    )
    organization_id = ExactCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Services run by this organisation.",
    )
    modified_after = serializers.DateTimeField(
        required=False, help_text="Services changed at or after this time (ISO 8601)."
    )
    full = _flag("true: fully nested records, as the record's own address gives them.")

    def filtered(self, services: ServiceQuerySet) -> ServiceQuerySet:
        data: dict[str, Any] = self.validated_data
        if data.get("search"):
            services = services.mentioning(data["search"])
        if "taxonomy_term_id" in data:
            term = TERMS_BY_ID.get(data["taxonomy_term_id"])
            services = services.filter(services_with_term(term)) if term else services.none()
        if "taxonomy_id" in data and data["taxonomy_id"] != TAXONOMY_ID:
            services = services.none()
        if "organization_id" in data:
            services = services.filter(
                organisation__in=organisations_with_id(data["organization_id"])
            )
        if data.get("modified_after"):
            services = services.filter(updated_at__gte=data["modified_after"])
        return services


class ServiceListSerializer(ServiceFilterSerializer):
    minimal = _flag(
        "true: each service as its id and last_modified only, to find what changed since a "
        "last copy. It wins over full."
    )


class ServiceAtLocationFilterSerializer(ServiceFilterSerializer):
    postcode = ExactCharField(
        required=False,
        validators=[POSTCODE_TEXT],
        help_text="A postcode or postcode district: services that work where it is (they cover "
        "its council area, all of Scotland or the UK). We hold Scotland's postcodes only: one we "
        "do not hold matches none.",
    )
    proximity = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PROXIMITY_METRES,
        help_text="With postcode (ignored without one): only bases with a known point within "
        "this many metres of it, "
        "nearest first. Remote support and bases known only by their area have no point.",
    )

    def validate_postcode(self, text: str) -> tuple[float, float] | None:
        found = resolve_postcode(text)
        return found.point if found.matched != PostcodeMatch.NOT_FOUND else None


class OrganisationFilterSerializer(SearchSerializer):
    full = _flag("true: each organisation with its services' one-to-one fields.")
    full_service = _flag("true: each organisation with its services fully nested.")


class OrganisationSerializer(StrictSerializer):
    full_service = _flag("true: its services fully nested, not only their one-to-one fields.")


def organisations_with_id(feed_id: str) -> list[Organisation]:
    """The organisation behind a feed id, if it runs a published service. Ids are derived from
    names, so each is checked: microseconds apiece, and no column to keep in step."""
    return [
        organisation
        for organisation in published_organisations().only("name")
        if organisation_id(organisation.name) == feed_id
    ]


def published_organisations():
    """Organisations with at least one published service: no other is named in the feed."""
    return Organisation.objects.filter(
        pk__in=Service.published_objects.values("organisation_id")
    ).order_by("name")


def organisations_mentioning(text: str):
    return published_organisations().filter(
        Q(name__icontains=text) | Q(description__icontains=text)
    )
