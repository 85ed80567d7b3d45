"""Every council area's display shape as one GeoJSON document, rendered once per boundary version.

The document is the same for everyone and changes only when boundaries are imported, so it is
rendered once, kept in Django's cache under its version (a shared cache serves every process),
and answered with an ETag and Last-Modified so browsers and proxies can revalidate cheaply.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache

from geography.geojson import area_feature_collection
from geography.lookup import boundary_version
from geography.models import CouncilArea


@dataclass(frozen=True)
class AreaShapes:
    etag: str
    last_modified: datetime | None
    body: bytes


def current_area_shapes() -> AreaShapes:
    version = boundary_version()
    etag = '"' + hashlib.sha256(repr(version).encode()).hexdigest()[:32] + '"'
    body = cache.get_or_set(f"geography:area-shapes:{etag}", _render, timeout=None)
    return AreaShapes(etag=etag, last_modified=version[1], body=body)


def _render() -> bytes:
    areas = CouncilArea.objects.only("code", "name", "slug", "display_boundary")
    return json.dumps(area_feature_collection(list(areas)), separators=(",", ":")).encode()
