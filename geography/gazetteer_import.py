"""The gazetteer's import: OS Open Names places, ONS postcodes and postcode districts, read and
checked from three files and stored in one transaction (`manage.py import_places`).

The finder's lookups over what this stores are in geography/places.py.
"""

import csv
import functools
import operator
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy
import pyproj
from django.db import connection, models, transaction

from geography.lookup import area_index
from geography.models import Place, PlaceKind, Postcode, PostcodeDistrict
from geography.places import parse_postcode, search_key
from geography.sources import Progress, SourceError, local_copy, one_line, source_label

# The development copies in ../shared/data/places/; a deployment imports the official downloads.
SHARED_PLACES_FILE = "scotland_populated_places_os_open_names_gb-places.csv"
SHARED_POSTCODES_FILE = "scotland_postcodes_nspl_2025-05_odileeds.csv"
SHARED_DISTRICTS_FILE = "scotland_postcode_district_centroids_derived.csv"


class Extent(NamedTuple):
    west: float
    south: float
    east: float
    north: float


# Every source row's point must fall here: Great Britain and its islands with a margin. A point
# outside means swapped or mislabelled columns, which would otherwise import without complaint.
GREAT_BRITAIN = Extent(west=-11.0, south=49.0, east=3.0, north=61.5)
# The extent of the British National Grid, in metres, for OS Open Names' eastings and northings.
NATIONAL_GRID = Extent(west=0.0, south=0.0, east=700_000.0, north=1_300_000.0)
# Decimal places kept of a place's converted point: 6 places is about 10 cm.
PLACE_PRECISION = 6

BATCH_SIZE = 2000


# Labels


class LabelInput(NamedTuple):
    name: str
    council_area_name: str
    kind: PlaceKind
    easting: float
    northing: float


def place_labels(places: list[LabelInput]) -> list[str]:
    """A label for each place that tells it from the others: "Name, Council area", or, when that
    council area has more than one place of the name, "Name, near Town, Council area" with the
    nearest city, town or village of another name."""
    counts = Counter((place.name, place.council_area_name) for place in places)
    landmarks = [
        place
        for place in places
        if place.kind in (PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE)
    ]
    eastings = numpy.array([place.easting for place in landmarks], dtype=float)
    northings = numpy.array([place.northing for place in landmarks], dtype=float)
    labels = []
    for place in places:
        parts = [place.name]
        if counts[(place.name, place.council_area_name)] > 1:
            distances = numpy.hypot(eastings - place.easting, northings - place.northing)
            for index in numpy.argsort(distances, kind="stable"):
                if landmarks[index].name != place.name:
                    parts.append(f"near {landmarks[index].name}")
                    break
        if place.council_area_name:
            parts.append(place.council_area_name)
        labels.append(", ".join(parts))
    return labels


# Import


class PlaceImportError(Exception):
    """An import that cannot go ahead; the message is one line naming the file, row and column."""


class PlaceRow(NamedTuple):
    os_id: str
    name: str
    alternative_name: str
    kind: PlaceKind
    easting: float
    northing: float
    lon: float
    lat: float
    postcode_district: str


# A postcode or district: (code, longitude, latitude). A plain tuple, not a NamedTuple: building
# 230,000 NamedTuples costs a tenth of a second more, and the rows are only stored, never read.
CodedPoint = tuple[str, float, float]


@dataclass(frozen=True)
class ReadSource:
    """The rows read from one file, checked; ``skipped`` counts the rows without coordinates."""

    label: str
    rows: list
    skipped: int


@dataclass(frozen=True)
class PreparedGazetteer:
    """Everything read and checked from the three files, ready to store."""

    places: ReadSource
    districts: ReadSource
    postcodes: ReadSource


PLACE_COLUMNS = (
    "ID",
    "NAME1",
    "NAME1_LANG",
    "NAME2",
    "NAME2_LANG",
    "LOCAL_TYPE",
    "X",
    "Y",
    "POSTCODE_DISTRICT",
)
DISTRICT_COLUMNS = ("district", "lat", "long")
POSTCODE_COLUMNS = ("Postcode", "lat", "long")
# The stored columns in the order of the rows read; the natural key comes first.
POINT_FIELDS = ("code", "lon", "lat")
PLACE_FIELDS = (
    "os_id",
    "name",
    "alternative_name",
    "kind",
    "lon",
    "lat",
    "postcode_district",
    "council_area_id",
    "label",
    "search_name",
    "search_alternative_name",
)


@dataclass(frozen=True)
class TableReport:
    """What an import did to one table, from one source file."""

    source: str
    created: int
    updated: int
    unchanged: int
    removed: int
    skipped: int

    def summary_line(self, what: str) -> str:
        return (
            f"{what} from {self.source}: created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, removed {self.removed}, "
            f"skipped {self.skipped} without coordinates."
        )


@dataclass(frozen=True)
class PlacesImportReport:
    places: TableReport
    districts: TableReport
    postcodes: TableReport
    outside_council_areas: int

    def summary_lines(self) -> list[str]:
        lines = [
            self.places.summary_line("Places"),
            self.districts.summary_line("Postcode districts"),
            self.postcodes.summary_line("Postcodes"),
        ]
        if self.outside_council_areas:
            # The reference boundaries are generalised: a few coastal places fall just outside.
            lines.append(
                f"{self.outside_council_areas} places lie outside every council area and have none."
            )
        return lines


def import_places(
    places_source: str,
    postcodes_source: str,
    districts_source: str,
    progress: Progress | None = None,
) -> PlacesImportReport:
    """Import the gazetteer from three files (paths or http(s) URLs), all or nothing."""
    return store_gazetteer(
        read_gazetteer(places_source, postcodes_source, districts_source, progress), progress
    )


def read_gazetteer(
    places_source: str,
    postcodes_source: str,
    districts_source: str,
    progress: Progress | None = None,
) -> PreparedGazetteer:
    """Read and check every row of the three files: everything short of writing."""
    steps = [
        (places_source, PLACE_COLUMNS, _place_row),
        (districts_source, DISTRICT_COLUMNS, _district_row),
        (postcodes_source, POSTCODE_COLUMNS, _postcode_row),
    ]
    read = []
    for step, (source, columns, parse) in enumerate(steps, start=1):
        if progress:
            progress(step, len(steps), f"reading {source_label(source)}")
        read.append(_read_csv(source, columns, parse))
    places, districts, postcodes = read
    return PreparedGazetteer(places=places, districts=districts, postcodes=postcodes)


def store_gazetteer(
    gazetteer: PreparedGazetteer, progress: Progress | None = None
) -> PlacesImportReport:
    """Make the three tables match the files in one transaction: rows are compared first and only
    the differences written, so a repeated import writes nothing."""
    with transaction.atomic():
        if progress:
            progress(1, 3, "finding the council area of each place")
        place_values, outside = _place_values(gazetteer.places.rows)
        places = _synchronise(Place, PLACE_FIELDS, place_values, gazetteer.places)
        if progress:
            progress(2, 3, "storing postcode districts")
        districts = _synchronise(
            PostcodeDistrict, POINT_FIELDS, gazetteer.districts.rows, gazetteer.districts
        )
        if progress:
            progress(3, 3, "storing postcodes")
        postcodes = _synchronise(
            Postcode, POINT_FIELDS, gazetteer.postcodes.rows, gazetteer.postcodes
        )
    return PlacesImportReport(places, districts, postcodes, outside_council_areas=outside)


_KINDS_BY_OS_NAME = {kind.label.casefold(): kind for kind in PlaceKind}


class _BadCell(Exception):
    """A cell that cannot be read; the reader adds the file and line to the message."""

    def __init__(self, column: str, problem: str):
        super().__init__(problem)
        self.column = column
        self.problem = problem


def _read_csv(
    source: str, columns: tuple[str, ...], parse: Callable[[tuple[str, ...]], tuple | None]
) -> ReadSource:
    """Every row parsed from the cells of ``columns``, in that order. A row the parser returns
    None for (it has no coordinates) is counted as skipped. The first value a parser returns is
    the row's key, which must be unique."""
    label = source_label(source)
    rows, skipped, first_line = [], 0, {}
    try:
        with local_copy(source) as path, path.open(newline="", encoding="utf-8-sig") as file:
            reader = csv.reader(file)
            header = next(reader, [])
            missing = [column for column in columns if column not in header]
            if missing:
                raise PlaceImportError(
                    f"{label} has no column {missing[0]}; columns: {', '.join(header)}"
                )
            wanted_cells = operator.itemgetter(*(header.index(column) for column in columns))
            for cells in reader:
                if not cells:
                    continue
                if len(cells) != len(header):
                    raise PlaceImportError(
                        f"{label} line {reader.line_num}: {len(cells)} columns where the header "
                        f"has {len(header)}"
                    )
                try:
                    parsed = parse(wanted_cells(cells))
                except _BadCell as bad:
                    raise PlaceImportError(
                        f"{label} line {reader.line_num}, column {bad.column}: {bad.problem}"
                    ) from None
                if parsed is None:
                    skipped += 1
                    continue
                key = parsed[0]
                if key in first_line:
                    raise PlaceImportError(
                        f"{label} line {reader.line_num}, column {columns[0]}: {key} appears "
                        f"twice (first on line {first_line[key]})"
                    )
                first_line[key] = reader.line_num
                rows.append(parsed)
    except SourceError as error:
        raise PlaceImportError(str(error)) from error
    except UnicodeDecodeError as error:
        raise PlaceImportError(f"cannot read {label}: it is not UTF-8 text") from error
    except (csv.Error, OSError) as error:
        raise PlaceImportError(f"cannot read {label}: {one_line(error)}") from error
    if not rows:
        raise PlaceImportError(f"{label} holds no rows with coordinates")
    return ReadSource(label, rows, skipped)


def _place_row(cells: tuple[str, ...]) -> PlaceRow | None:
    os_id, first, first_language, second, second_language, kind_name, x, y, district = (
        cell.strip() for cell in cells
    )
    if not os_id:
        raise _BadCell("ID", "empty")
    if not first:
        raise _BadCell("NAME1", "empty")
    name, alternative_name = first, second
    # OS names some places in Gaelic first (Inbhir Nis, Steòrnabhagh) and others in English first
    # (Fort William / An Gearasdan). The finder leads with the English name everywhere and offers
    # the Gaelic as the alternative, so both find the place.
    if second and first_language == "gla" and second_language != "gla":
        name, alternative_name = second, first
    kind = _KINDS_BY_OS_NAME.get(kind_name.casefold())
    if kind is None:
        raise _BadCell("LOCAL_TYPE", f"unknown kind of place {kind_name!r}")
    easting, northing = _number(x, "X"), _number(y, "Y")
    if easting is None or northing is None:
        return None
    _check_within(easting, northing, NATIONAL_GRID, "X/Y")
    lon, lat = _national_grid_to_wgs84().transform(easting, northing)
    return PlaceRow(
        os_id=os_id,
        name=name,
        alternative_name=alternative_name,
        kind=kind,
        easting=easting,
        northing=northing,
        lon=round(lon, PLACE_PRECISION),
        lat=round(lat, PLACE_PRECISION),
        postcode_district=_outward_code(district, "POSTCODE_DISTRICT") if district else "",
    )


@functools.cache
def _national_grid_to_wgs84() -> pyproj.Transformer:
    # Built on first use, so the web processes that only look places up never pay for it.
    return pyproj.Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)


def _district_row(cells: tuple[str, ...]) -> CodedPoint | None:
    district, lat, lon = cells
    return _coded_point(_outward_code(district, "district"), lon, lat)


def _postcode_row(cells: tuple[str, ...]) -> CodedPoint | None:
    postcode, lat, lon = cells
    parts = parse_postcode(postcode)
    if parts is None or not parts.inward:
        raise _BadCell("Postcode", f"{postcode!r} is not a full postcode")
    return _coded_point(str(parts), lon, lat)


def _outward_code(text: str, column: str) -> str:
    parts = parse_postcode(text)
    if parts is None or parts.inward:
        raise _BadCell(column, f"{text!r} is not a postcode district")
    return parts.outward


def _coded_point(code: str, lon_text: str, lat_text: str) -> CodedPoint | None:
    # NSPL leaves the latitude empty (and the longitude 0) for the postcodes it has no point for:
    # non-geographic ones such as GIR 0AA and some PO boxes.
    lon, lat = _number(lon_text, "long"), _number(lat_text, "lat")
    if lon is None or lat is None:
        return None
    _check_within(lon, lat, GREAT_BRITAIN, "long/lat")
    return (code, lon, lat)


def _number(text: str, column: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        if not text.strip():
            return None
        raise _BadCell(column, f"{text.strip()!r} is not a number") from None


def _check_within(x: float, y: float, extent: Extent, columns: str) -> None:
    if not (extent.west <= x <= extent.east and extent.south <= y <= extent.north):
        raise _BadCell(columns, f"{x}, {y} is not in Great Britain (are the columns swapped?)")


def _place_values(rows: list[PlaceRow]) -> tuple[list[tuple], int]:
    """Each place's stored values, OS ID first, and how many lie outside every council area."""
    # The index behind area_at, fetched once: area_at itself may check the boundaries' version in
    # the database on every call, thousands of needless queries here.
    index = area_index()
    areas = [index.find(row.lon, row.lat) for row in rows]
    labels = place_labels(
        [
            LabelInput(row.name, area.name if area else "", row.kind, row.easting, row.northing)
            for row, area in zip(rows, areas, strict=True)
        ]
    )
    values = [
        (
            row.os_id,
            row.name,
            row.alternative_name,
            row.kind.value,
            row.lon,
            row.lat,
            row.postcode_district,
            area.pk if area else None,
            label,
            search_key(row.name),
            search_key(row.alternative_name),
        )
        for row, area, label in zip(rows, areas, labels, strict=True)
    ]
    return values, sum(1 for area in areas if area is None)


def _synchronise(
    model: type[models.Model], fields: tuple[str, ...], wanted: list[tuple], source: ReadSource
) -> TableReport:
    """Create, update and remove rows so the table holds exactly ``wanted``, writing only changes.

    ``fields[0]`` is the natural key, unique in ``wanted`` and in the table. Reading the whole
    table once and comparing whole rows as sets is what keeps a repeated import of 230,000
    postcodes to a second or two: the database is written to only where the file differs.
    """
    stored = set(_select(model, fields))
    stored_keys = {row[0] for row in stored}
    different = [row for row in wanted if row not in stored]
    created = [row for row in different if row[0] not in stored_keys]
    changed = [(*row[1:], row[0]) for row in different if row[0] in stored_keys]
    removed = sorted(stored_keys - {row[0] for row in wanted})
    _insert(model, fields, created)
    _update(model, fields, changed)
    for start in range(0, len(removed), BATCH_SIZE):
        model.objects.filter(**{f"{fields[0]}__in": removed[start : start + BATCH_SIZE]}).delete()
    return TableReport(
        source=source.label,
        skipped=source.skipped,
        created=len(created),
        updated=len(changed),
        unchanged=len(wanted) - len(different),
        removed=len(removed),
    )


# The ORM's values_list, bulk_create and bulk_update spend seconds building and converting a value
# or an instance per cell; these values are plain strings, floats and ids, checked on reading, so
# they go to and come from the database as they are.


def _select(model: type[models.Model], fields: tuple[str, ...]) -> list[tuple]:
    columns = ", ".join(_column(model, name) for name in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {_table(model)}")
        return cursor.fetchall()


def _insert(model: type[models.Model], fields: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    columns = ", ".join(_column(model, name) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One COPY streams every row: 230,000 postcodes in well under a second, where
            # INSERTs, even batched by psycopg's pipeline, take twenty.
            with cursor.cursor.copy(f"COPY {_table(model)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {_table(model)} ({columns}) VALUES ({placeholders})", rows
            )


def _update(model: type[models.Model], fields: tuple[str, ...], rows: list[tuple]) -> None:
    """Each row holds the new values of ``fields[1:]`` and then the key, ``fields[0]``."""
    if not rows:
        return
    assignments = ", ".join(f"{_column(model, name)} = %s" for name in fields[1:])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {_table(model)} SET {assignments} WHERE {_column(model, fields[0])} = %s",
            rows,
        )


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model: type[models.Model], name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)
