"""How a council area is drawn: its boundary simplified for a map, and the values stored with
it. Shapely only, so the admin and the server can use it without loading the import's
geopandas, pandas and pyproj (about 60 MB a process)."""

import math

import numpy
import shapely

from geography.shapes import encoded_geojson, polygonal_parts, repaired_multipolygon, to_geojson

# Chosen by measuring the 32 Scottish areas' GeoJSON (benchmarks/RESULTS.md): 0.005 degrees
# and 5 decimals gave 611 KB (158 KB gzipped), most of it thousands of islets; 0.01 degrees
# (about 0.6 km east-west, 1.1 km north-south here), 3 decimals (about 100 m, far finer than the
# tolerance) and no islets under half a square kilometre give 130 KB (34 KB gzipped), with
# every inhabited island and every shared edge kept.
DEFAULT_DISPLAY_TOLERANCE = 0.01
DISPLAY_PRECISION = 3
SMALLEST_ISLAND_KM2 = 0.5
# Points (label points) keep 5 decimals, about 1 m, so they stay inside thin areas.
POINT_PRECISION = 5
KM_PER_DEGREE = 111.32


def simplified_for_display(
    boundaries: list[shapely.MultiPolygon], tolerance: float
) -> list[shapely.MultiPolygon]:
    """Simplify the areas together so shared edges are simplified once and neighbours still meet."""
    simplified = shapely.coverage_simplify(numpy.array(boundaries, dtype=object), tolerance)
    return [
        _on_display_grid(shape, original)
        for shape, original in zip(simplified, boundaries, strict=True)
    ]


def single_area_display(boundary: shapely.MultiPolygon, tolerance: float) -> shapely.MultiPolygon:
    """Display geometry for one area edited on its own (neighbours are not simplified with it)."""
    return _on_display_grid(boundary.simplify(tolerance, preserve_topology=True), boundary)


def _on_display_grid(
    shape: shapely.Geometry, original: shapely.MultiPolygon
) -> shapely.MultiPolygon:
    # Islets no map at this scale can show are dropped (an area keeps at least its largest part);
    # then snapping to the grid with GEOS (rather than rounding the numbers afterwards) drops the
    # slivers that rounding would collapse into invalid rings.
    parts = polygonal_parts(shape)
    kept = [part for part in parts if _km2(part) >= SMALLEST_ISLAND_KM2]
    kept = kept or ([max(parts, key=lambda part: part.area)] if parts else [])
    snapped = shapely.set_precision(shapely.MultiPolygon(kept), 10**-DISPLAY_PRECISION)
    return repaired_multipolygon(snapped) or original


def _km2(polygon: shapely.Polygon) -> float:
    """A polygon's area in square kilometres, near enough at its latitude."""
    latitude = math.radians(polygon.centroid.y)
    return polygon.area * KM_PER_DEGREE**2 * math.cos(latitude)


def derived_fields(boundary: shapely.MultiPolygon, display: shapely.MultiPolygon) -> dict:
    """The stored values that follow from a boundary."""
    return {
        "boundary": encoded_geojson(boundary),
        "display_boundary": to_geojson(display, DISPLAY_PRECISION),
        "label_point": to_geojson(boundary.point_on_surface(), POINT_PRECISION),
    }
