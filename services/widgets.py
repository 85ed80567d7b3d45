from django import forms
from django.urls import reverse_lazy


class CoverageMapWidget(forms.CheckboxSelectMultiple):
    """Council-area checkboxes with a map that shows the chosen areas and toggles them on click."""

    template_name = "services/widgets/coverage_map.html"

    class Media:
        css = {"all": ["leaflet/leaflet.css", "geography/area_map_admin.css"]}
        js = ["leaflet/leaflet.js", "geography/area_shapes.js", "geography/area_map.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["shapes_url"] = reverse_lazy("area-shapes")
        return context

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"]["data-code"] = value.instance.code
        return option
