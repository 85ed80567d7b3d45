"""Find the GDAL and GEOS C libraries that the pyogrio and shapely wheels carry.

django-leaflet's form widgets import ``django.contrib.gis.forms``, which loads GDAL and GEOS through
ctypes when it is imported. We install no system GIS packages (design §3), so we point Django at the
copies bundled inside the wheels instead. Wheels for each platform keep them in a different folder
(``pyogrio.libs`` on Linux, ``.dylibs`` on macOS, ``*.libs`` or the package folder on Windows), so
we search rather than hard-code; ``GDAL_LIBRARY_PATH`` and ``GEOS_LIBRARY_PATH`` in the environment
win when set.
"""

import importlib.util
import os
from pathlib import Path

_LIBRARY_PATTERNS = {
    "gdal": ("libgdal*.so*", "libgdal*.dylib", "gdal*.dll"),
    "geos_c": ("libgeos_c*.so*", "libgeos_c*.dylib", "geos_c*.dll"),
}


def _candidate_folders(package: str) -> list[Path]:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return []
    package_folder = Path(spec.origin).parent
    site_packages = package_folder.parent
    return [
        site_packages / f"{package}.libs",
        package_folder / ".dylibs",
        package_folder,
    ]


def bundled_library(package: str, library: str) -> str | None:
    """Return the path of ``library`` shipped inside the wheel of ``package``, or None."""
    for folder in _candidate_folders(package):
        for pattern in _LIBRARY_PATTERNS[library]:
            matches = sorted(folder.glob(pattern))
            if matches:
                return str(matches[0])
    return None


def gdal_library_path() -> str | None:
    return os.environ.get("GDAL_LIBRARY_PATH") or bundled_library("pyogrio", "gdal")


def geos_library_path() -> str | None:
    return os.environ.get("GEOS_LIBRARY_PATH") or bundled_library("shapely", "geos_c")
