"""Turn what a visitor gave as their whereabouts into a council area and a point.

Everything here is answered from our own data: no postcode, place or coordinate is sent to
another service, stored or logged.
"""

from dataclasses import dataclass

from geography.lookup import area_at
from geography.models import CouncilArea, Country

Point = tuple[float, float]  # (longitude, latitude)


@dataclass(frozen=True)
class Located:
    """Where the person is, as far as we can tell. ``area`` is None when we hold no Scottish
    council area for the place; ``problem`` then says why, in words for the visitor."""

    area: CouncilArea | None
    point: Point | None
    problem: str = ""


def locate_area(area: CouncilArea) -> Located:
    return Located(area=area, point=None)


def locate_point(lon: float, lat: float) -> Located:
    area = area_at(lon, lat)
    if area is None:
        return Located(
            area=None,
            point=(lon, lat),
            problem="That place is not in a Scottish council area (it may be at sea or "
            "outside Scotland).",
        )
    if area.country != Country.SCOTLAND:
        return Located(area=None, point=(lon, lat), problem=f"{area.name} is outside Scotland.")
    return Located(area=area, point=(lon, lat))
