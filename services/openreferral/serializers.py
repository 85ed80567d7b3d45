"""What the feed's list endpoints take: HSDS's own query parameters, checked before use."""

from typing import Any

from rest_framework import serializers

from geography.serializers import StrictSerializer
from services.models import Organisation, ServiceQuerySet
from services.openreferral.ids import organisation_id
from services.openreferral.taxonomy import TAXONOMY_ID, TERMS_BY_ID, Term, services_with_term

PAGE_PARAMETERS = ("page", "per_page")


class PagesSerializer(StrictSerializer):
    """A list that takes only the page parameters."""

    handled_elsewhere = PAGE_PARAMETERS


class ServiceFilterSerializer(StrictSerializer):
    """HSDS's filters for /services; those given must all hold (AND)."""

    handled_elsewhere = PAGE_PARAMETERS

    search = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Text in the service's name, summary or description, or its organisation's name.",
    )
    taxonomy_term_id = serializers.CharField(
        required=False, help_text="Services with an attribute of this term (/taxonomy_terms/)."
    )
    taxonomy_id = serializers.CharField(
        required=False, help_text="Services with any term of this taxonomy (/taxonomies/)."
    )
    organization_id = serializers.CharField(
        required=False, help_text="Services run by this organisation."
    )
    modified_after = serializers.DateTimeField(
        required=False, help_text="Services changed at or after this time (ISO 8601)."
    )
    full = serializers.BooleanField(
        required=False,
        allow_null=True,
        help_text="true: fully nested records, as /services/{id} gives them (default false).",
    )
    format = serializers.ChoiceField(
        choices=["json"], required=False, help_text="Only json is offered."
    )

    def validate_taxonomy_term_id(self, id: str) -> Term:
        if id not in TERMS_BY_ID:
            raise serializers.ValidationError("There is no term with this id in our taxonomy.")
        return TERMS_BY_ID[id]

    def validate_taxonomy_id(self, id: str) -> str:
        if id != TAXONOMY_ID:
            raise serializers.ValidationError("Our services use only our own taxonomy.")
        return id

    def validate_organization_id(self, id: str) -> Organisation:
        organisation = next(
            (
                organisation
                for organisation in Organisation.objects.only("name")
                if organisation_id(organisation.name) == id
            ),
            None,
        )
        if organisation is None:
            raise serializers.ValidationError("There is no organisation with this id.")
        return organisation

    def filtered(self, services: ServiceQuerySet) -> ServiceQuerySet:
        data: dict[str, Any] = self.validated_data
        if data.get("search"):
            services = services.mentioning(data["search"])
        if data.get("taxonomy_term_id"):
            services = services.filter(services_with_term(data["taxonomy_term_id"]))
        if data.get("organization_id"):
            services = services.filter(organisation=data["organization_id"])
        if data.get("modified_after"):
            services = services.filter(updated_at__gte=data["modified_after"])
        return services
