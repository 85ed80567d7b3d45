"""Turn what a visitor gave as their whereabouts into a council area and a point.

Everything here is answered from our own data: no postcode, place or coordinate is sent to
another service, stored or logged.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from geography.lookup import area_at, area_with_code
from geography.models import CouncilArea, Country
from geography.places import parse_postcode, resolve_place, resolve_postcode

Point = tuple[float, float]  # (longitude, latitude)


@dataclass(frozen=True)
class Located:
    """Where the person is, as far as we can tell. ``area`` is None when we hold no Scottish
    council area for the place; ``message`` then says why, in words for the visitor. With an area,
    ``message`` may say how the place was read ("Using the middle of the EH6 postcode district").
    """

    area: CouncilArea | None
    point: Point | None
    message: str = ""
    # For a place name that means more than one place, or none (with names like it): the labels
    # of the places it may mean, for the person to choose from. Never a dead end.
    choices: tuple[str, ...] = ()


def locate_area(area: CouncilArea) -> Located:
    return Located(area=area, point=None)


def locate_code(code: str) -> Located:
    """A council area by its GSS code, in any case and with spaces around it."""
    area = area_with_code(code.strip().upper())
    if area is None:
        return Located(area=None, point=None, message=_("There is no council area with this code."))
    return locate_area(area)


def locate_point(lon: float, lat: float) -> Located:
    area = area_at(lon, lat)
    if area is None:
        return Located(
            area=None,
            point=(lon, lat),
            message=_(
                "That place is not in a Scottish council area (it may be at sea or outside "
                "Scotland)."
            ),
        )
    if area.country != Country.SCOTLAND:
        return Located(
            area=None,
            point=(lon, lat),
            message=_("%(area)s is outside Scotland.") % {"area": area.name},
        )
    return Located(area=area, point=(lon, lat))


def locate_text(text: str) -> Located:
    """A postcode (full, or just the district) or the name of a town or village."""
    if parse_postcode(text) is not None:
        postcode = resolve_postcode(text)
        if postcode.point is None:
            return Located(area=None, point=None, message=postcode.message)
        located = locate_point(*postcode.point)
        return replace(located, message=located.message or postcode.message)
    place = resolve_place(text)
    if place.place is None:
        return Located(
            area=None,
            point=None,
            message=place.message,
            choices=tuple(candidate.label for candidate in place.candidates),
        )
    located = locate_point(place.place.lon, place.place.lat)
    # Translators: the place the finder took a typed name to mean: "Using Newton, near Wick,
    # Highland."
    using = _("Using %(place)s.") % {"place": place.place.label}
    return replace(located, message=located.message or using)
