from leaflet.admin import LeafletAdminWidget, LeafletGeoAdminMixin


class GeoJSONMapWidget(LeafletAdminWidget):
    """The Leaflet admin widget, told that JSON ``null`` (an empty geometry field) means no shape.

    django-geojson's form field renders an empty value as the text ``null``, which Django's
    geometry widget would otherwise try (and fail, noisily) to read as a geometry.
    """

    def get_context(self, name, value, attrs):
        if value in ("null", "", None):
            value = None
        return super().get_context(name, value, attrs)


class MapAdminMixin(LeafletGeoAdminMixin):
    widget = GeoJSONMapWidget
