"""Conversions between stored GeoJSON and shapely geometry, and the repairs every boundary needs."""

import json
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

GeoJSON = dict[str, Any]


def to_shape(geojson: GeoJSON) -> BaseGeometry:
    return shapely.from_geojson(json.dumps(geojson))


class EncodedGeoJSON:
    """GeoJSON already written as text, to be stored as it is.

    A boundary is megabytes of coordinates: parsing GEOS's text into lists only for the database
    layer to write them back out as text took a third of a second of a 3-second import of the 32
    Scottish areas. A field whose encoder is :class:`GeoJSONEncoder` stores this text unchanged.
    It compares equal to the GeoJSON it holds, so an import can still tell an unchanged boundary.
    """

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EncodedGeoJSON):
            return self.text == other.text
        return json.loads(self.text) == other

    __hash__ = None  # like the dicts it stands for

    def __repr__(self) -> str:
        return f"EncodedGeoJSON({self.text[:40]!r}…)"


class GeoJSONEncoder(json.JSONEncoder):
    """Writes GeoJSON fields: :class:`EncodedGeoJSON` as it is, anything else as JSON does."""

    def encode(self, o: Any) -> str:
        if isinstance(o, EncodedGeoJSON):
            return o.text
        return super().encode(o)


def encoded_geojson(geometry: BaseGeometry) -> EncodedGeoJSON:
    return EncodedGeoJSON(shapely.to_geojson(geometry))


def to_geojson(geometry: BaseGeometry, precision: int | None = None) -> GeoJSON:
    """GeoJSON as a plain dict of lists, so it compares equal to what the database gives back."""
    document = json.loads(shapely.to_geojson(geometry))
    if precision is not None:
        document["coordinates"] = _rounded(document["coordinates"], precision)
    return document


def _rounded(coordinates: Any, precision: int) -> Any:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(value, precision) for value in coordinates]
    return [_rounded(part, precision) for part in coordinates]


def polygonal_parts(geometry: BaseGeometry) -> list[shapely.Polygon]:
    """Every polygon in a geometry; lines and points left by a repair are dropped."""
    polygons = []
    for part in shapely.get_parts(geometry):
        if isinstance(part, shapely.Polygon):
            if not part.is_empty:
                polygons.append(part)
        elif isinstance(part, (shapely.MultiPolygon, shapely.GeometryCollection)):
            polygons.extend(polygonal_parts(part))
    return polygons


def repaired_multipolygon(geometry: BaseGeometry | None) -> shapely.MultiPolygon | None:
    """A valid MultiPolygon covering the same ground, or None when nothing polygonal is left.

    The reference TopoJSON files are mostly invalid after quantisation (self-intersecting rings).
    Only the invalid parts are repaired, which is where the time goes on large files.
    """
    if geometry is None or geometry.is_empty:
        return None
    polygons = []
    for part in shapely.get_parts(geometry):
        if isinstance(part, shapely.Polygon) and part.is_valid:
            polygons.append(part)
        else:
            polygons.extend(polygonal_parts(_repaired(part)))
    polygons = [polygon for polygon in polygons if not polygon.is_empty]
    if not polygons:
        return None
    multipolygon = shapely.MultiPolygon(polygons)
    if not multipolygon.is_valid:
        # Parts that overlap or touch along an edge are each valid but not a valid MultiPolygon.
        # Buffering by nothing merges valid parts as a union does, in a third of the time on the
        # reference files; the union stays as the fallback.
        merged = shapely.buffer(multipolygon, 0)
        if not merged.is_valid or merged.is_empty:
            merged = shapely.union_all(polygons)
        multipolygon = shapely.MultiPolygon(polygonal_parts(merged))
    return multipolygon


def _repaired(part: BaseGeometry) -> BaseGeometry:
    # GEOS's "structure" method is about eight times faster than "linework" on these files but
    # leaves a few parts invalid; those get the slower, thorough repair.
    repaired = shapely.make_valid(part, method="structure", keep_collapsed=False)
    if repaired.is_valid:
        return repaired
    return shapely.make_valid(part)


def invalid_reason(geojson: GeoJSON | None) -> str | None:
    """Why a stored boundary is unusable, in words an admin can act on, or None when it is fine."""
    if not geojson:
        return "A boundary is required."
    try:
        geometry = to_shape(geojson)
    except (shapely.errors.GEOSException, ValueError, TypeError) as error:
        return f"This is not readable GeoJSON: {error}"
    if not isinstance(geometry, shapely.MultiPolygon):
        return f"A boundary must be a MultiPolygon, not a {geometry.geom_type}."
    if geometry.is_empty:
        return "The boundary is empty."
    if not geometry.is_valid:
        return f"The boundary is not a valid shape: {shapely.is_valid_reason(geometry)}."
    return None
