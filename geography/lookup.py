"""Point -> council area, answered from an in-process spatial index.

The index is a shapely STRtree over every stored boundary. It is built once per process and
rebuilt only when the boundaries change: at once when this process changes them (see signals.py),
and within ``BOUNDARY_VERSION_CHECK_SECONDS`` when another process (an import, another server)
does, found by a cheap version query rather than by reloading megabytes of geometry.
"""

import threading
import time
from dataclasses import dataclass

import numpy
import shapely
from django.conf import settings
from django.db.models import Count, Max, TextField
from django.db.models.functions import Cast

from geography.models import CouncilArea

# About 0.6 km east-west and 1.1 km north-south at Scotland's latitudes.
COAST_TOLERANCE_DEGREES = 0.01


@dataclass(frozen=True)
class AreaIndex:
    areas: tuple[CouncilArea, ...]
    tree: shapely.STRtree
    by_code: dict[str, CouncilArea]

    @classmethod
    def build(cls, areas: list[CouncilArea], boundaries: list[shapely.Geometry]) -> "AreaIndex":
        # Preparing only makes lookups faster (benchmarks measure it); numpy makes shapes an
        # object array with or without the dtype.
        geometries = numpy.array(boundaries, dtype=object)  # pragma: no mutate
        shapely.prepare(geometries)  # pragma: no mutate
        return cls(
            areas=tuple(areas),
            tree=shapely.STRtree(geometries),
            by_code={area.code: area for area in areas},
        )

    def with_code(self, code: str) -> CouncilArea | None:
        return self.by_code.get(code)

    def find(self, lon: float, lat: float) -> CouncilArea | None:
        point = shapely.Point(lon, lat)
        # The tree narrows the areas by bounding box; their prepared geometries then test the
        # point. A query with a predicate prepares the point instead, four times slower here.
        # Break either line and the nearest-area fallback below answers the same, only slower.
        candidates = self.tree.query(point)  # pragma: no mutate
        inside = shapely.intersects(self.tree.geometries[candidates], point)  # pragma: no mutate
        matches = candidates[inside]
        if len(matches) == 0:
            return self._nearest_coast(point)
        # A point exactly on a shared edge touches two areas; the lower index keeps it stable.
        return self.areas[int(matches.min())]

    def _nearest_coast(self, point: shapely.Point) -> CouncilArea | None:
        # Generalised boundaries cut the coast short: Ullapool's harbour lies 10-20 m outside the
        # reference file's Highland. A point just off the coast belongs to the nearest area; one
        # further out at sea belongs to none.
        nearest = self.tree.query_nearest(point, max_distance=COAST_TOLERANCE_DEGREES)
        return self.areas[int(nearest.min())] if len(nearest) else None


_lock = threading.Lock()
_state: dict = {"index": None, "version": None, "checked_at": float("-inf")}


def boundary_version() -> tuple:
    """Changes whenever an area is added, removed or saved."""
    summary = CouncilArea.objects.aggregate(count=Count("id"), latest=Max("updated_at"))
    return (summary["count"], summary["latest"])


def load_index() -> AreaIndex:
    areas = list(CouncilArea.objects.without_geometry().order_by("code"))
    # The boundaries come as JSON text straight to GEOS: parsing megabytes into Python dicts
    # first would take five times as long.
    boundaries = dict(
        CouncilArea.objects.annotate(text=Cast("boundary", TextField())).values_list("id", "text")
    )
    return AreaIndex.build(areas, [shapely.from_geojson(boundaries[area.id]) for area in areas])


def area_index() -> AreaIndex:
    now = time.monotonic()
    index = _state["index"]
    if index is not None and now - _state["checked_at"] < settings.BOUNDARY_VERSION_CHECK_SECONDS:
        return index
    with _lock:
        version = boundary_version()
        if _state["index"] is None or version != _state["version"]:
            _state["index"] = load_index()
            _state["version"] = version
        _state["checked_at"] = time.monotonic()
        return _state["index"]


def invalidate() -> None:
    """Forget the index; the next lookup rebuilds it from the database."""
    with _lock:
        # Each of the three alone forces the next lookup to rebuild the index.
        _state["index"] = None  # pragma: no mutate
        _state["version"] = None  # pragma: no mutate
        _state["checked_at"] = float("-inf")  # pragma: no mutate


def area_at(lon: float, lat: float) -> CouncilArea | None:
    """The council area containing the point, or None at sea or outside the imported areas."""
    return area_index().find(lon, lat)


def area_with_code(code: str) -> CouncilArea | None:
    """The council area with this GSS code, from the same in-memory index: no query."""
    return area_index().with_code(code)
