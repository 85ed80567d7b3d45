from collections.abc import Callable
from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from geography.models import CouncilArea
from geography.widgets import MapAdminMixin
from servicemap.admin_languages import (
    WordsInEachLanguageAdmin,
    english_copies,
    other_languages_fieldsets,
)
from services.models import (
    CHECKED_WITH_THE_SERVICE,
    CONFIRMED_WITH_THE_SERVICE,
    CONTACT_QUEUE_ORDER,
    CONTACT_ROUTE_WORDS,
    LOCATION_WORDS,
    SERVICE_WORDS,
    AccessRoute,
    Confidence,
    ContactRoute,
    Location,
    Offer,
    Organisation,
    Service,
    ServiceSource,
    ServiceToContact,
    ServiceToReview,
    Suggestion,
    SuggestionStatus,
    relation_problems,
)
from services.resources import BulkImportExport, LocationResource, ServiceResource
from services.widgets import CoverageMapWidget
from services.wording import contact_next_step

# A web address typed without a scheme is taken as https (Django 6's default, chosen now).
HTTPS_BY_DEFAULT = {models.URLField: {"assume_scheme": "https"}}


class VocabularyAdmin(admin.ModelAdmin):
    """Offers and access routes follow their enums (see signals.py): only descriptions change."""

    list_display = ("__str__", "code", "description")
    readonly_fields = ("code",)
    search_fields = ("code", "description")

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


admin.site.register(Offer, VocabularyAdmin)
admin.site.register(AccessRoute, VocabularyAdmin)


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    formfield_overrides = HTTPS_BY_DEFAULT
    list_display = ("name", "website", "service_count")
    search_fields = ("name", "description")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(service_count=models.Count("services"))

    @admin.display(description="services", ordering="service_count")
    def service_count(self, organisation) -> int:
        return organisation.service_count


class LocationInline(MapAdminMixin, admin.StackedInline):
    model = Location
    extra = 0
    fields = (
        ("name", "public"),
        "address",
        ("postcode", "council_area"),
        "point",
        "opening_times",
        "accessibility",
    )
    autocomplete_fields = ("council_area",)
    place_from_field = "postcode"


class ContactRouteInline(admin.TabularInline):
    model = ContactRoute
    formfield_overrides = HTTPS_BY_DEFAULT
    extra = 0
    fields = ("kind", "value", "label", "hours", "public", "source_url", "confirmed_on")


class ServiceSourceInline(admin.TabularInline):
    model = ServiceSource
    formfield_overrides = HTTPS_BY_DEFAULT
    extra = 0


def https_by_default(field: models.Field, **kwargs) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs = {**HTTPS_BY_DEFAULT[models.URLField], **kwargs}
    return field.formfield(**kwargs)


class ServiceAdminForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = "__all__"  # noqa: DJ007  (the admin narrows this to its fieldsets)
        formfield_callback = https_by_default
        widgets = {
            "offers": forms.CheckboxSelectMultiple,
            "access_routes": forms.CheckboxSelectMultiple,
            "coverage": CoverageMapWidget,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coverage"].queryset = CouncilArea.objects.without_geometry()

    def clean(self):
        cleaned = super().clean()
        offers = cleaned.get("offers")
        primary = cleaned.get("primary_offer")
        problems = relation_problems(
            scope=cleaned.get("scope"),
            coverage=[area.code for area in cleaned.get("coverage") or []],
            offers=[offer.code for offer in offers or []],
            # Offers that failed their own checks say nothing about the main one.
            primary_offer=primary.code if primary is not None and offers is not None else None,
        )
        for field, message in problems.items():
            self.add_error(field, message)
        return cleaned


class MarkVerified:
    actions = ("mark_verified_today",)

    @admin.action(description="Mark as checked with the service today")
    def mark_verified_today(self, request, queryset):
        # A queryset update keeps each service's check in its history like any edit, and refuses
        # the lot if any service breaks the rules an edit would be held to.
        report_marked(
            self,
            request,
            lambda: queryset.update(
                last_verified=timezone.localdate(),
                verification_source=f"{CHECKED_WITH_THE_SERVICE} by {request.user.get_username()}",
                updated_at=timezone.now(),
            ),
            ("services", "services"),
            done="checked today",
            refused="marked as checked",
        )


class LowConfidenceFilter(admin.SimpleListFilter):
    title = "facts not yet checked"
    parameter_name = "unchecked"

    def lookups(self, request, model_admin):
        return [("any", "Has facts not yet checked with the service")]

    def queryset(self, request, queryset):
        if self.value() == "any":
            return queryset.filter(
                models.Q(location_confidence=Confidence.LOW)
                | models.Q(offer_confidence=Confidence.LOW)
                | models.Q(eligibility_confidence=Confidence.LOW)
                | models.Q(waiting_list_confidence=Confidence.LOW)
            )
        return queryset


@admin.register(Service)
class ServiceAdmin(MarkVerified, BulkImportExport, WordsInEachLanguageAdmin, SimpleHistoryAdmin):
    formfield_overrides = HTTPS_BY_DEFAULT
    resource_classes = [ServiceResource]
    form = ServiceAdminForm
    list_display = (
        "name",
        "organisation",
        "scope",
        "remote",
        "police_led",
        "waiting_list",
        "last_verified",
        "status",
        "published",
    )
    list_filter = (
        "published",
        "status",
        "scope",
        "remote",
        "police_led",
        "waiting_list",
        "offers",
        "men",
        "trans",
        "non_binary",
        "involvement",
        "for_trafficked_people",
        LowConfidenceFilter,
        "last_verified",
    )
    search_fields = ("name", "slug", "summary", "description", "organisation__name")
    list_select_related = ("organisation",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organisation",)
    date_hierarchy = "last_verified"
    inlines = (LocationInline, ContactRouteInline, ServiceSourceInline)
    # Set only by the confirmation in the queue of services to contact, with who confirmed it.
    readonly_fields = ("status_confirmed_on",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "organisation", "summary", "description")}),
        (
            "Is it shown to people",
            {
                "fields": (
                    ("published", "listed_in_finder"),
                    "not_listed_because",
                    "in_2022_survey",
                )
            },
        ),
        (
            "What it offers and how to reach it",
            {
                "fields": (
                    "offers",
                    "primary_offer",
                    "access_routes",
                    "how_to_access",
                    "working_languages",
                    "interpreters",
                    "languages_note",
                    ("languages_source", "languages_confidence"),
                    "languages_confirmed_on",
                )
            },
        ),
        (
            "Where it works",
            {"fields": ("scope", "coverage", "remote", "travel_costs_covered", "police_led")},
        ),
        (
            "Who it is for",
            {
                "fields": (
                    ("min_age", "max_age"),
                    "women",
                    "men",
                    ("trans", "non_binary"),
                    "involvement",
                    "for_trafficked_people",
                    "other_criteria",
                )
            },
        ),
        ("Waiting list", {"fields": ("waiting_list", "next_course_starts")}),
        (
            "Is it still running",
            {
                "fields": (
                    ("status", "status_seen_on"),
                    "status_note",
                    ("status_source", "status_confidence"),
                    "status_confirmed_on",
                )
            },
        ),
        (
            "When it is open and how people get to it",
            {
                "fields": (
                    "opening_times",
                    ("opening_times_source", "opening_times_confidence"),
                    "referral",
                    ("referral_source", "referral_confidence"),
                    "access_confirmed_on",
                )
            },
        ),
        (
            "Checking the facts",
            {
                "fields": (
                    ("last_verified", "verification_source"),
                    ("location_confidence", "offer_confidence"),
                    ("eligibility_confidence", "waiting_list_confidence"),
                    "data_notes",
                )
            },
        ),
        *other_languages_fieldsets(*SERVICE_WORDS),
    )


@admin.register(Location)
class LocationAdmin(BulkImportExport, MapAdminMixin, WordsInEachLanguageAdmin, SimpleHistoryAdmin):
    resource_classes = [LocationResource]
    list_display = ("name", "service", "council_area", "postcode", "public")
    list_filter = ("public", "council_area")
    list_select_related = ("service", "council_area")
    search_fields = ("name", "address", "postcode", "service__name")
    autocomplete_fields = ("service", "council_area")
    place_from_field = "postcode"
    exclude = english_copies(*LOCATION_WORDS)


def report_marked(
    model_admin: admin.ModelAdmin,
    request,
    write: Callable[[], int],
    things: tuple[str, str],
    done: str,
    refused: str,
) -> None:
    """Run an action that marks services or routes in one all-or-nothing write, and tell the
    admin how many it marked, or why it marked none."""
    try:
        count = write()
    except ValidationError as error:
        model_admin.message_user(
            request,
            f"Nothing was {refused}: fix these first. " + " ".join(error.messages),
            messages.ERROR,
        )
        return
    noun = ngettext(*things, count)
    model_admin.message_user(request, f"Marked {count} {noun} as {done}.", messages.SUCCESS)


def report_confirmed(
    model_admin: admin.ModelAdmin, request, confirm: Callable[[date], int], things: tuple[str, str]
) -> None:
    """Run a "confirmed with the service today" action and tell the admin what it did."""
    report_marked(
        model_admin,
        request,
        lambda: confirm(timezone.localdate()),
        things,
        done="confirmed with the service today",
        refused="confirmed",
    )


@admin.register(ContactRoute)
class ContactRouteAdmin(WordsInEachLanguageAdmin, SimpleHistoryAdmin):
    formfield_overrides = HTTPS_BY_DEFAULT
    list_display = ("service", "kind", "value", "label", "public", "confirmed_on")
    list_filter = ("kind", "public", ("confirmed_on", admin.EmptyFieldListFilter))
    list_select_related = ("service",)
    search_fields = ("value", "label", "service__name")
    autocomplete_fields = ("service",)
    exclude = english_copies(*CONTACT_ROUTE_WORDS)
    actions = ("confirm_with_the_service_today",)

    @admin.action(description="Confirmed with the service today", permissions=("change",))
    def confirm_with_the_service_today(self, request, queryset):
        report_confirmed(
            self,
            request,
            lambda today: queryset.save_each(CONFIRMED_WITH_THE_SERVICE, confirmed_on=today),
            ("contact route", "contact routes"),
        )


@admin.register(ServiceSource)
class ServiceSourceAdmin(SimpleHistoryAdmin):
    formfield_overrides = HTTPS_BY_DEFAULT
    list_display = ("service", "title", "url")
    list_select_related = ("service",)
    search_fields = ("url", "title", "service__name")
    autocomplete_fields = ("service",)


class ServiceQueueAdmin(admin.ModelAdmin):
    """A queue of services for admins to work through. Each row links to the service's own
    change page, where its history is kept; nothing is added or deleted from a queue."""

    list_display_links = None
    search_fields = ("name", "organisation__name")

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # One form edits a service, with its checks, its history and the finder's refresh.
        return redirect("admin:services_service_change", object_id)

    @admin.display(description="service", ordering="name")
    def service_link(self, service) -> str:
        url = reverse("admin:services_service_change", args=[service.pk])
        return format_html('<a href="{}">{}</a>', url, service.name)


@admin.register(ServiceToReview)
class ServiceToReviewAdmin(MarkVerified, ServiceQueueAdmin):
    """The review queue: services whose details were not checked within the period set by
    VERIFICATION_PERIOD_DAYS, oldest first. Open one to edit it; mark it checked to clear it."""

    list_display = (
        "service_link",
        "organisation",
        "last_verified",
        "verification_source",
        "published",
    )
    list_select_related = ("organisation",)
    list_filter = ("published", LowConfidenceFilter)
    # Never checked first, then the longest unchecked.
    ordering = (models.F("last_verified").asc(nulls_first=True), "name")


@admin.register(ServiceToContact)
class ServiceToContactAdmin(ServiceQueueAdmin):
    """Services to call or write to, most pressing first (CONTACT_QUEUE_ORDER), each with what
    to ask them. Once a service has confirmed its status and details, mark it here; its routes
    are confirmed one by one from the contact routes list its route count links to."""

    list_display = (
        "service_link",
        "status",
        "routes",
        "confirmed_routes",
        "last_checked",
        "next_step",
    )
    list_filter = ("published", "status")
    actions = ("confirm_with_the_service_today",)

    def get_ordering(self, request):
        # Not `ordering`: it names the queue's annotations, which the admin's checks cannot see.
        return CONTACT_QUEUE_ORDER

    @admin.display(description="contact routes", ordering="route_count")
    def routes(self, service) -> str:
        url = (
            reverse("admin:services_contactroute_changelist") + f"?service__id__exact={service.pk}"
        )
        return format_html('<a href="{}">{}</a>', url, service.route_count)

    @admin.display(description="confirmed by the service", ordering="confirmed_route_count")
    def confirmed_routes(self, service) -> int:
        return service.confirmed_route_count

    @admin.display(description="last checked", ordering="last_checked", empty_value="never")
    def last_checked(self, service):
        return service.last_checked

    @admin.display(description="what to do next")
    def next_step(self, service) -> str:
        return contact_next_step(
            service.route_count,
            service.confirmed_route_count,
            service.status,
            service.last_checked,
            timezone.localdate(),
        )

    @admin.action(description="Confirmed with the service today", permissions=("change",))
    def confirm_with_the_service_today(self, request, queryset):
        report_confirmed(
            self,
            request,
            lambda today: queryset.confirm_with_the_service(today, by=request.user.get_username()),
            ("service", "services"),
        )


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    """Visitors' suggestions, for moderation: accept (and link the service it became or
    corrects) or reject. Nothing here is shown publicly."""

    list_display = ("created_at", "kind", "service_name", "status", "service")
    list_filter = ("status", "kind")
    search_fields = ("service_name", "details")
    list_select_related = ("service",)
    autocomplete_fields = ("service",)
    readonly_fields = (
        "kind",
        "service_name",
        "details",
        "source_url",
        "created_at",
        "moderated_by",
        "moderated_at",
    )
    fields = (
        ("kind", "created_at"),
        "service_name",
        "details",
        "source_url",
        "service",
        "status",
        "moderator_note",
        ("moderated_by", "moderated_at"),
    )
    actions = ("accept", "reject")

    def has_add_permission(self, request) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.moderated_by, obj.moderated_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description="Accept the chosen suggestions")
    def accept(self, request, queryset):
        self._moderate(request, queryset, SuggestionStatus.ACCEPTED)

    @admin.action(description="Reject the chosen suggestions")
    def reject(self, request, queryset):
        self._moderate(request, queryset, SuggestionStatus.REJECTED)

    def _moderate(self, request, queryset, status: str) -> None:
        count = queryset.update(
            status=status, moderated_by=request.user, moderated_at=timezone.now()
        )
        self.message_user(request, f"{count} suggestions marked {status}.", messages.SUCCESS)
