"""Locator maps as template components (see geography/locator_map.py)."""

from django import template
from django.urls import reverse

from geography.locator_map import locator_map

register = template.Library()


@register.inclusion_tag("geography/includes/locator_map.html")
def highlighted_areas_map(highlight, label: str) -> dict:
    """Every area, the ``highlight`` GSS codes picked out; each area links to its page."""
    chosen = set(highlight)
    drawing = locator_map()
    return {
        "map": drawing,
        "label": label,
        "areas": [
            {
                "path": area.path,
                "title": area.name,
                "url": reverse("area-detail", kwargs={"slug": area.slug}),
                "modifier": "chosen" if area.code in chosen else "other",
            }
            for area in drawing.areas
        ],
    }


@register.inclusion_tag("geography/includes/locator_map.html")
def counted_areas_map(counts: dict[str, int], label: str, counted: str) -> dict:
    """Every area shaded by its count (none is outlined too, not only coloured)."""
    drawing = locator_map()
    return {
        "map": drawing,
        "label": label,
        "areas": [
            {
                "path": area.path,
                "title": f"{area.name}: {counts.get(area.code, 0) or 'no'} {counted}",
                "url": reverse("area-detail", kwargs={"slug": area.slug}),
                "modifier": shade(counts.get(area.code, 0)),
            }
            for area in drawing.areas
        ],
    }


def shade(count: int) -> str:
    """Matches the key on the statistics page: none, 1, 2 or 3, 4 or more."""
    if count == 0:
        return "none"
    if count == 1:
        return "one"
    return "few" if count <= 3 else "many"
