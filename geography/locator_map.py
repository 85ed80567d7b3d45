"""Small maps drawn on the server as SVG: where a service works, where an area is, the coverage gap.

A page that only needs to show where something is should not load a map library and every
boundary: the SVG is a few kilobytes inside the page, works without JavaScript, and names each
area in a <title> for screen readers and tooltips. Areas are styled by CSS classes (the site's
Content-Security-Policy allows no style attributes).
"""

import math
import threading
from dataclasses import dataclass

import numpy
import shapely

from geography.lookup import boundary_version
from geography.models import CouncilArea, Country
from geography.shapes import to_shape

WIDTH = 300  # the SVG's own units; it scales to the width the page gives it
# Coarser than the display boundaries: the whole country fits in a phone's width.
TOLERANCE_DEGREES = 0.03


@dataclass(frozen=True)
class AreaPath:
    code: str
    name: str
    slug: str
    path: str


@dataclass(frozen=True)
class LocatorMap:
    width: int
    height: int
    areas: tuple[AreaPath, ...]


_lock = threading.Lock()
_cache: dict = {"version": None, "map": None}


def locator_map(country: str = Country.SCOTLAND) -> LocatorMap:
    """The country's council areas as SVG paths, worked out once per boundary version."""
    version = (boundary_version(), country)
    with _lock:
        if _cache["version"] != version:
            _cache["map"] = _drawn(
                list(
                    CouncilArea.objects.filter(country=country).only(
                        "code", "name", "slug", "display_boundary"
                    )
                )
            )
            _cache["version"] = version
        return _cache["map"]


def _drawn(areas: list[CouncilArea]) -> LocatorMap:
    if not areas:
        return LocatorMap(WIDTH, 0, ())
    shapes = shapely.coverage_simplify(
        numpy.array([to_shape(area.display_boundary) for area in areas], dtype=object),
        TOLERANCE_DEGREES,
    )
    west, south, east, north = shapely.total_bounds(shapes)
    # An equirectangular projection squeezed by the cosine of the middle latitude: right enough
    # for a country the size of Scotland.
    squeeze = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / ((east - west) * squeeze)
    height = math.ceil((north - south) * scale)

    def point(lon: float, lat: float) -> str:
        return f"{(lon - west) * squeeze * scale:.1f} {(north - lat) * scale:.1f}"

    drawn = []
    for area, shape in zip(areas, shapes, strict=True):
        rings = []
        for polygon in shapely.get_parts(shape):
            for ring in (polygon.exterior, *polygon.interiors):
                coordinates = list(ring.coords)[:-1]
                if len(coordinates) >= 3:
                    rings.append("M" + "L".join(point(*xy) for xy in coordinates) + "Z")
        drawn.append(AreaPath(area.code, area.name, area.slug, "".join(rings)))
    return LocatorMap(WIDTH, height, tuple(drawn))
