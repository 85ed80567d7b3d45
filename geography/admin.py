from django.contrib import admin
from django.db.models import F
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from geography.admin_views import locate_place_or_postcode
from geography.display import DEFAULT_DISPLAY_TOLERANCE, derived_fields, single_area_display
from geography.models import AreaNote, CouncilArea, Place, Postcode, PostcodeDistrict
from geography.places import parse_postcode
from geography.shapes import to_shape
from geography.widgets import MapAdminMixin


@admin.register(CouncilArea)
class CouncilAreaAdmin(MapAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "code", "country", "vintage", "updated_at")
    list_filter = ("country", "vintage")
    search_fields = ("name", "code", "slug")
    ordering = ("name",)
    readonly_fields = ("display_boundary", "label_point", "created_at", "updated_at")
    fields = (
        "name",
        "code",
        "slug",
        "country",
        "boundary",
        "source",
        "vintage",
        "created_at",
        "updated_at",
    )
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        # The change list never needs the boundaries: keep megabytes of GeoJSON out of it.
        return super().get_queryset(request).without_geometry()

    def save_model(self, request, obj, form, change):
        if "boundary" in form.changed_data:
            # An edit by hand touches one area, so it is simplified on its own; the next import
            # simplifies the whole set together again.
            boundary = to_shape(obj.boundary)
            display = single_area_display(boundary, DEFAULT_DISPLAY_TOLERANCE)
            for name, value in derived_fields(boundary, display).items():
                setattr(obj, name, value)
        super().save_model(request, obj, form, change)


class ImportedDataAdmin(admin.ModelAdmin):
    """Gazetteer tables are copies of published data, changed only by ``import_places``: an edit
    here would be silently undone by the next import, so admins can look but not touch."""

    # Counting 230,000 postcodes once per page is enough; the filtered count is the useful one.
    show_full_result_count = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class CouncilAreaNameFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        # Names only: the default choices would load every area's boundary.
        return list(CouncilArea.objects.values_list("pk", "name"))


@admin.register(Place)
class PlaceAdmin(ImportedDataAdmin):
    list_display = ("name", "alternative_name", "kind", "council_area_name", "postcode_district")
    list_filter = ("kind", ("council_area", CouncilAreaNameFilter))
    search_fields = ("name", "alternative_name", "search_name", "search_alternative_name", "=os_id")
    fields = (
        "name",
        "alternative_name",
        "kind",
        "label",
        "council_area",
        "postcode_district",
        "lon",
        "lat",
        "os_id",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(council_area_name=F("council_area__name"))

    def get_urls(self):
        # For the map widgets' "Place from postcode": any signed-in staff member who can edit a
        # location may ask, whatever their permissions on the gazetteer itself.
        locate = self.admin_site.admin_view(locate_place_or_postcode)
        return [path("locate/", locate, name="geography_place_locate"), *super().get_urls()]

    @admin.display(description="council area", ordering="council_area__name")
    def council_area_name(self, place) -> str:
        return place.council_area_name or "-"


@admin.register(PostcodeDistrict)
class PostcodeDistrictAdmin(ImportedDataAdmin):
    list_display = ("code", "lon", "lat")
    search_fields = ("^code",)


@admin.register(Postcode)
class PostcodeAdmin(ImportedDataAdmin):
    list_display = ("code", "lon", "lat")
    search_fields = ("code",)
    search_help_text = "A postcode or its start, e.g. EH6 5AB, EH6 5 or EH6."

    def get_search_results(self, request, queryset, search_term):
        # The admin's own search splits the text at spaces, so "EH6 5A" would find nothing.
        parts = parse_postcode(search_term)
        if parts is None:
            start = " ".join(search_term.upper().split())
        else:
            start = f"{parts.outward} {parts.inward}"
        return queryset.filter(code__startswith=start), False


@admin.register(AreaNote)
class AreaNoteAdmin(SimpleHistoryAdmin):
    list_display = (
        "area",
        "mainstream_understanding",
        "cse_working_group",
        "position_statement",
        "training",
        "updated_at",
    )
    list_filter = (
        "mainstream_understanding",
        "cse_working_group",
        "position_statement",
        "training",
    )
    list_select_related = ("area",)
    search_fields = ("area__name", "notes")
    autocomplete_fields = ("area",)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("area__boundary", "area__display_boundary")
