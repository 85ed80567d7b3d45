"""Locator maps as template components (see geography/locator_map.py)."""

from collections.abc import Callable

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from geography.locator_map import AreaPath, locator_map

register = template.Library()


@register.inclusion_tag("geography/includes/locator_map.html")
def highlighted_areas_map(highlight, label: str, this_page_is: str = "") -> dict:
    """Every area, the ``highlight`` GSS codes picked out; each area links to its page but the
    area whose page this is (``this_page_is``, a GSS code), which is named, not linked."""
    chosen = set(highlight)
    return _drawn(
        label,
        modifier=lambda area: "chosen" if area.code in chosen else "other",
        title=lambda area: area.name,
        this_page_is=this_page_is,
    )


@register.inclusion_tag("geography/includes/locator_map.html")
def counted_areas_map(counts: dict[str, int], label: str, counted: str) -> dict:
    """Every area shaded by its count (none is outlined too, not only coloured)."""
    return _drawn(
        label,
        modifier=lambda area: shade(counts.get(area.code, 0)),
        title=lambda area: counted_title(area.name, counts.get(area.code, 0), counted),
    )


def counted_title(area_name: str, count: int, counted: str) -> str:
    """An area's title on a shaded map: "Fife: 3 face-to-face services"."""
    if count:
        # Translators: an area's title on a map: "Fife: 3 face-to-face services"; "%(counted)s"
        # is what is counted, as the page names it.
        return _("%(area)s: %(count)s %(counted)s") % {
            "area": area_name,
            "count": count,
            "counted": counted,
        }
    # Translators: an area's title on a map: "Fife: no face-to-face services".
    return _("%(area)s: no %(counted)s") % {"area": area_name, "counted": counted}


def shade(count: int) -> str:
    """Matches the key on the statistics page: none, 1, 2 or 3, 4 or more."""
    if count == 0:
        return "none"
    if count == 1:
        return "one"
    return "few" if count <= 3 else "many"


def _drawn(
    label: str,
    modifier: Callable[[AreaPath], str],
    title: Callable[[AreaPath], str],
    this_page_is: str = "",
) -> dict:
    drawing = locator_map()
    return {
        "map": drawing,
        "label": label,
        "areas": [
            {
                "path": area.path,
                "title": title(area),
                "url": ""
                if area.code == this_page_is
                else reverse("area-detail", kwargs={"slug": area.slug}),
                "modifier": modifier(area),
            }
            for area in drawing.areas
        ],
    }
