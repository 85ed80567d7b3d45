from django.contrib import admin

from geography.boundaries import DEFAULT_DISPLAY_TOLERANCE, derived_fields, single_area_display
from geography.models import CouncilArea
from geography.shapes import to_shape
from geography.widgets import MapAdminMixin


@admin.register(CouncilArea)
class CouncilAreaAdmin(MapAdminMixin, admin.ModelAdmin):
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
