"""Council areas as GeoJSON for maps: display geometry only, one cacheable document."""

from typing import Any

from geography.models import CouncilArea


def area_feature_collection(areas: list[CouncilArea]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": area.code,
                "properties": {"code": area.code, "name": area.name, "slug": area.slug},
                "geometry": area.display_boundary,
            }
            for area in areas
        ],
    }
