from django import forms
from django.templatetags.static import static
from django.urls import reverse
from leaflet.admin import LeafletAdminWidget, LeafletGeoAdminMixin
from leaflet.templatetags.leaflet_tags import leaflet_map


class GeoJSONMapWidget(LeafletAdminWidget):
    """The Leaflet admin widget, started by a static script instead of django-leaflet's inline one,
    over the council areas instead of a grey canvas.

    django-leaflet starts each map from an inline script as the page loads. In an inline formset
    that also starts the hidden template row's map ("__prefix__"); "Add another" then clones that
    live map's markup without its event handlers or its Leaflet object, so the new row's "Draw a
    marker" is a bare link to "#" that jumps to the top of the page and sets nothing.
    geography/admin_map.js starts every map but the template's, and each added row's when Django
    announces it (formset:added). The options are django-leaflet's own (LEAFLET_CONFIG).
    """

    template_name = "geography/widgets/admin_map.html"
    # The name of a field in the same form whose postcode or place name can place the point.
    place_from_field = ""

    @property
    def media(self):
        return super().media + forms.Media(
            css={"screen": ["geography/area_map_admin.css"]},
            js=["geography/area_shapes.js", "geography/admin_map.js"],
        )

    def get_context(self, name, value, attrs):
        # django-geojson's form field renders an empty value as the text "null", which Django's
        # geometry widget would otherwise try (and fail, noisily) to read as a geometry.
        if value in ("null", "", None):
            value = None
        context = super().get_context(name, value, attrs)
        context["map_options"] = leaflet_map(
            context["id_map"], settings_overrides=self.settings_overrides
        )["djoptions"]
        context["shapes_url"] = reverse("area-shapes")
        # Leaflet finds its marker images by cutting "marker-icon.png" off a CSS URL, which the
        # hashed names of the production static files defeat: the script is told them instead.
        context["marker_icons"] = {
            "icon": static("leaflet/images/marker-icon.png"),
            "retina": static("leaflet/images/marker-icon-2x.png"),
            "shadow": static("leaflet/images/marker-shadow.png"),
        }
        if self.place_from_field:
            context["place_from_field"] = self.place_from_field
            context["locate_url"] = reverse("admin:geography_place_locate")
        return context


class MapAdminMixin(LeafletGeoAdminMixin):
    widget = GeoJSONMapWidget
    map_template = GeoJSONMapWidget.template_name
    place_from_field = ""

    def _get_map_widget(self, db_field, widget):
        base = super()._get_map_widget(db_field, widget)
        return type(base.__name__, (base,), {"place_from_field": self.place_from_field})
