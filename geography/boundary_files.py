"""Which files a boundary import reads: the formats the README names, and nothing else GDAL opens.

GDAL reads far more than map files. A virtual dataset (.vrt) names other files to read, anywhere on
the server or at a URL inside the network (an outside test read /etc/passwd into an area's name
that way), and a path starting /vsi reaches into archives and across the network. So a source
must be GeoJSON, TopoJSON, GeoPackage or Shapefile, zipped or not: its name must end as one of
them does and its first bytes must be theirs before GDAL sees it, and GDAL must then say it opened
it with that format's driver.
"""

import zipfile
from pathlib import Path, PurePosixPath

import pyogrio

ACCEPTED = "GeoJSON, TopoJSON, GeoPackage or Shapefile (zipped or not)"
DRIVERS = {"GeoJSON", "TopoJSON", "GPKG", "ESRI Shapefile"}

JSON, GEOPACKAGE, SHAPEFILE = "JSON", "GeoPackage", "Shapefile"
FORMATS_BY_SUFFIX = {
    ".geojson": JSON,
    ".json": JSON,
    ".topojson": JSON,
    ".gpkg": GEOPACKAGE,
    ".shp": SHAPEFILE,
}
# What may sit beside the dataset in a zip: a shapefile's other parts, and its documentation.
COMPANION_SUFFIXES = {
    ".shx",
    ".dbf",
    ".prj",
    ".cpg",
    ".qix",
    ".sbn",
    ".sbx",
    ".xml",
    ".txt",
    ".pdf",
}
SQLITE_HEADER = b"SQLite format 3\x00"
GEOPACKAGE_IDS = {b"GPKG", b"GP10", b"GP11"}
SHAPEFILE_HEADER = b"\x00\x00\x27\x0a"


class UnacceptedFile(Exception):
    """A source that is not one of the accepted formats; the message says which it must be."""


def refuse_gdal_paths(source: str) -> None:
    if source.lower().startswith("/vsi"):
        raise UnacceptedFile(f"{source} is a GDAL path; give a file or a URL of {ACCEPTED}")


def checked_dataset(path: Path, label: str) -> str:
    """The path for GDAL to open: the file itself, or the one dataset in a zip, once its name and
    its first bytes show it is an accepted format."""
    suffix = path.suffix.lower()
    if suffix == ".zip":
        member, first_bytes = _dataset_in_zip(path, label)
        _check_start(first_bytes, FORMATS_BY_SUFFIX[PurePosixPath(member).suffix.lower()], label)
        return f"/vsizip/{path}/{member}"
    if suffix not in FORMATS_BY_SUFFIX:
        raise UnacceptedFile(f"{label} is not {ACCEPTED}")
    with path.open("rb") as file:
        _check_start(file.read(100), FORMATS_BY_SUFFIX[suffix], label)
    return str(path)


def check_driver(dataset: str, layer: str | None, label: str) -> None:
    driver = pyogrio.read_info(dataset, layer=layer)["driver"]
    if driver not in DRIVERS:
        raise UnacceptedFile(f"{label} is read by GDAL as {driver}, not as {ACCEPTED}")


def _dataset_in_zip(path: Path, label: str) -> tuple[str, bytes]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [info.filename for info in archive.infolist() if not info.is_dir()]
            others = [
                member
                for member in members
                if _suffix(member) not in FORMATS_BY_SUFFIX
                and _suffix(member) not in COMPANION_SUFFIXES
            ]
            datasets = [member for member in members if _suffix(member) in FORMATS_BY_SUFFIX]
            if others or len(datasets) != 1:
                raise UnacceptedFile(
                    f"{label} must hold one file of {ACCEPTED} (with a shapefile's parts), "
                    f"not {', '.join(others or datasets) or 'nothing'}"
                )
            with archive.open(datasets[0]) as file:
                return datasets[0], file.read(100)
    except zipfile.BadZipFile as error:
        raise UnacceptedFile(f"{label} is not a zip file: {error}") from error


def _suffix(member: str) -> str:
    return PurePosixPath(member).suffix.lower()


def _check_start(first_bytes: bytes, expected: str, label: str) -> None:
    if expected == JSON:
        ok = first_bytes.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")
    elif expected == GEOPACKAGE:
        ok = first_bytes.startswith(SQLITE_HEADER) and first_bytes[68:72] in GEOPACKAGE_IDS
    else:
        ok = first_bytes.startswith(SHAPEFILE_HEADER)
    if not ok:
        raise UnacceptedFile(f"{label} is not a {expected} file, as its name says; give {ACCEPTED}")
