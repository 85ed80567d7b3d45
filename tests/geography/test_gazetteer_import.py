import http.server
import threading
from functools import partial

import pytest
from django.core.management import CommandError, call_command

from geography import gazetteer_import
from geography.gazetteer_import import (
    LabelInput,
    PlaceImportError,
    import_places,
    place_labels,
    read_gazetteer,
    store_gazetteer,
)
from geography.lookup import area_index
from geography.models import CouncilArea, Place, PlaceKind, Postcode, PostcodeDistrict
from geography.places import Point, PostcodeMatch, resolve_place, resolve_postcode
from servicemap.reference_data import prepared_places

# Counts in the shared reference files (../shared/data/places/README.md).
PLACES_IN_FILE = 5896
DISTRICTS_IN_FILE = 476
POSTCODES_WITH_COORDINATES = 230_289
POSTCODES_WITHOUT_COORDINATES = 461


# Labels


def label_input(name, area, kind=PlaceKind.HAMLET, easting=0.0, northing=0.0):
    return LabelInput(name, area, kind, easting, northing)


@pytest.mark.parametrize(
    ("inputs", "labels"),
    [
        (
            [label_input("Newton", "West Lothian"), label_input("Newton", "Moray")],
            ["Newton, West Lothian", "Newton, Moray"],
        ),
        (
            [
                label_input("Newton", "Highland", easting=100, northing=0),
                label_input("Newton", "Highland", easting=9000, northing=0),
                label_input("Wick", "Highland", PlaceKind.TOWN, easting=9500, northing=0),
                label_input("Alness", "Highland", PlaceKind.VILLAGE, easting=0, northing=0),
            ],
            [
                "Newton, near Alness, Highland",
                "Newton, near Wick, Highland",
                "Wick, Highland",
                "Alness, Highland",
            ],
        ),
        (
            [
                label_input("Milton", "Stirling", PlaceKind.VILLAGE, easting=0),
                label_input("Milton", "Stirling", easting=10),
                label_input("Hamlet End", "Stirling", easting=20),
                label_input("Doune", "Stirling", PlaceKind.VILLAGE, easting=5000),
            ],
            [
                "Milton, near Doune, Stirling",
                "Milton, near Doune, Stirling",
                "Hamlet End, Stirling",
                "Doune, Stirling",
            ],
        ),
        ([label_input("Ullapool", "")], ["Ullapool"]),
    ],
    ids=[
        "one name in two areas needs no more",
        "namesakes in one area are told apart by the nearest bigger place",
        "the nearest bigger place of the same name and hamlets are passed over",
        "a place outside every council area is its name alone",
    ],
)
def test_place_labels(inputs, labels):
    assert place_labels(inputs) == labels


# The stored gazetteer


def test_session_database_holds_every_real_row(db):
    assert Place.objects.count() == PLACES_IN_FILE
    assert PostcodeDistrict.objects.count() == DISTRICTS_IN_FILE
    assert Postcode.objects.count() == POSTCODES_WITH_COORDINATES
    assert not Postcode.objects.filter(code__in=["GIR 0AA", "AB11 3AG", "EH6 9AA"]).exists()


@pytest.mark.parametrize(
    ("os_id", "name", "alternative_name", "kind"),
    [
        ("osgb4000000074558240", "Inverness", "Inbhir Nis", PlaceKind.CITY),
        ("osgb4000000074577797", "Stornoway", "Steòrnabhagh", PlaceKind.TOWN),
        ("osgb4000000074550517", "Fort William", "An Gearasdan", PlaceKind.TOWN),
        ("osgb4000000074541653", "Westing", "", PlaceKind.OTHER_SETTLEMENT),
    ],
    ids=[
        "Gaelic first in OS",
        "Gaelic first in OS, Western Isles",
        "English first in OS",
        "one name",
    ],
)
def test_the_english_name_leads_and_the_gaelic_is_the_alternative(
    db, os_id, name, alternative_name, kind
):
    place = Place.objects.get(os_id=os_id)

    assert (place.name, place.alternative_name, place.kind) == (name, alternative_name, kind)


def test_each_place_is_in_the_council_area_its_point_is_in(db):
    index = area_index()  # what area_at asks, without a version check per place
    assert Place.objects.count() == PLACES_IN_FILE

    for label, lon, lat, area_id in Place.objects.values_list(
        "label", "lon", "lat", "council_area"
    ):
        area = index.find(lon, lat)
        assert area_id == (area.pk if area else None), label


def test_places_in_the_western_isles_take_the_boundary_name_not_the_os_county(db):
    stornoway = Place.objects.select_related("council_area").get(name="Stornoway")

    assert stornoway.council_area.code == "S12000013"


def test_only_os_double_entries_share_a_label(db):
    by_label = {}
    for place in Place.objects.all():
        by_label.setdefault(place.label, []).append(place)

    for label, namesakes in by_label.items():
        if len(namesakes) > 1:
            longitudes = [place.lon for place in namesakes]
            latitudes = [place.lat for place in namesakes]
            # Within about 5 km: the same settlement listed twice.
            assert max(longitudes) - min(longitudes) < 0.09, label
            assert max(latitudes) - min(latitudes) < 0.05, label
    assert len(by_label) > PLACES_IN_FILE - 10


# The import


def snapshot():
    return (
        Place.objects.count(),
        PostcodeDistrict.objects.count(),
        Postcode.objects.count(),
        list(Place.objects.order_by("os_id").values_list("os_id", "name", "council_area_id")[:50]),
        list(Postcode.objects.order_by("code").values_list("code", "lon", "lat")[:50]),
    )


def counts(table_report):
    return (
        table_report.created,
        table_report.updated,
        table_report.unchanged,
        table_report.removed,
        table_report.skipped,
    )


def test_import_into_empty_tables_creates_every_row_and_again_changes_nothing(db):
    for model in (Place, PostcodeDistrict, Postcode):
        model.objects.all().delete()

    first = store_gazetteer(prepared_places())
    second = store_gazetteer(prepared_places())

    assert counts(first.places) == (PLACES_IN_FILE, 0, 0, 0, 0)
    assert counts(first.districts) == (DISTRICTS_IN_FILE, 0, 0, 0, 0)
    assert counts(first.postcodes) == (
        POSTCODES_WITH_COORDINATES,
        0,
        0,
        0,
        POSTCODES_WITHOUT_COORDINATES,
    )
    assert counts(second.places) == (0, 0, PLACES_IN_FILE, 0, 0)
    assert counts(second.districts) == (0, 0, DISTRICTS_IN_FILE, 0, 0)
    assert counts(second.postcodes) == (
        0,
        0,
        POSTCODES_WITH_COORDINATES,
        0,
        POSTCODES_WITHOUT_COORDINATES,
    )
    assert resolve_postcode("EH6 5AB").point == Point(-3.18487, 55.96621)


def test_import_updates_changed_rows_and_removes_rows_no_longer_in_the_files(db):
    Postcode.objects.filter(code="EH6 5AB").update(lon=0.0, lat=51.5)
    Postcode.objects.create(code="EH6 9ZZ", lon=-3.1, lat=55.9)
    PostcodeDistrict.objects.filter(code="KW15").delete()
    Place.objects.filter(name="Inverness").update(
        council_area=CouncilArea.objects.get(code="S12000036"), search_name="x"
    )

    report = store_gazetteer(prepared_places())

    assert counts(report.places) == (0, 1, PLACES_IN_FILE - 1, 0, 0)
    assert counts(report.districts) == (1, 0, DISTRICTS_IN_FILE - 1, 0, 0)
    assert counts(report.postcodes) == (
        0,
        1,
        POSTCODES_WITH_COORDINATES - 1,
        1,
        POSTCODES_WITHOUT_COORDINATES,
    )
    assert resolve_postcode("EH6 5AB").point == Point(-3.18487, 55.96621)
    assert resolve_postcode("EH6 9ZZ").matched == PostcodeMatch.DISTRICT
    assert resolve_postcode("KW15").point == Point(-2.95996, 58.98046)
    assert resolve_place("inverness").place.council_area_code == "S12000017"


def test_a_failure_while_writing_leaves_every_table_as_it_was(db, monkeypatch):
    # The places and districts are written before the postcodes: both would change here.
    Place.objects.filter(name="Inverness").update(name="Changed")
    PostcodeDistrict.objects.filter(code="KW15").delete()
    before = snapshot()
    original_insert = gazetteer_import._insert

    def fail_on_postcodes(model, fields, rows):
        if model is Postcode:
            raise RuntimeError("disk full")
        original_insert(model, fields, rows)

    monkeypatch.setattr(gazetteer_import, "_insert", fail_on_postcodes)

    with pytest.raises(RuntimeError, match="disk full"):
        store_gazetteer(prepared_places())

    assert snapshot() == before
    assert Place.objects.filter(name="Changed").exists()
    assert not PostcodeDistrict.objects.filter(code="KW15").exists()


PLACES_HEADER = "ID,NAME1,NAME1_LANG,NAME2,NAME2_LANG,LOCAL_TYPE,X,Y,POSTCODE_DISTRICT\n"
PLACE_ROW = "osgb1,Leith,,,,Other Settlement,326454.333,676458.539,EH6\n"
DISTRICTS_HEADER = "district,area,lat,long,postcodes\n"
DISTRICT_ROW = "EH6,EH,55.97121,-3.17383,1471\n"
POSTCODES_HEADER = "Postcode,lat,long\n"
POSTCODE_ROW = "EH6 5AB,55.96621,-3.18487\n"


def small_sources(tmp_path, places=None, districts=None, postcodes=None):
    """Three small files, valid unless one is given; returns their paths as import arguments."""
    files = {
        "places.csv": places if places is not None else PLACES_HEADER + PLACE_ROW,
        "postcodes.csv": postcodes if postcodes is not None else POSTCODES_HEADER + POSTCODE_ROW,
        "districts.csv": districts if districts is not None else DISTRICTS_HEADER + DISTRICT_ROW,
    }
    for name, text in files.items():
        content = text if isinstance(text, bytes) else text.encode()
        (tmp_path / name).write_bytes(content)
    return [str(tmp_path / name) for name in files]


def test_small_files_read_with_rows_without_coordinates_skipped(tmp_path):
    sources = small_sources(
        tmp_path,
        postcodes=POSTCODES_HEADER
        + POSTCODE_ROW
        + "AB11 3AG,,0.00000\nG1  1AB,55.86073,-4.24442\n",
    )

    gazetteer = read_gazetteer(*sources)

    assert [tuple(row) for row in gazetteer.postcodes.rows] == [
        ("EH6 5AB", -3.18487, 55.96621),
        ("G1 1AB", -4.24442, 55.86073),
    ]
    assert gazetteer.postcodes.skipped == 1
    assert gazetteer.districts.rows == [("EH6", -3.17383, 55.97121)]
    (leith,) = gazetteer.places.rows
    assert (leith.os_id, leith.name, leith.kind, leith.postcode_district) == (
        "osgb1",
        "Leith",
        PlaceKind.OTHER_SETTLEMENT,
        "EH6",
    )
    assert (leith.lon, leith.lat) == (
        pytest.approx(-3.1801, abs=1e-3),
        pytest.approx(55.9755, abs=1e-3),
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"places": None}, r"cannot read /.*/missing\.csv: no such file"),
        ({"postcodes": "Postcode,latitude,long\n"}, r"postcodes\.csv has no column lat; columns:"),
        ({"districts": ""}, r"districts\.csv has no column district"),
        (
            {"postcodes": POSTCODES_HEADER + POSTCODE_ROW + "EH6 5AD,north,-3.17510\n"},
            r"postcodes\.csv line 3, column lat: 'north' is not a number",
        ),
        (
            {"postcodes": POSTCODES_HEADER + "EH6 5AB,-3.18487,55.96621\n"},
            r"postcodes\.csv line 2, column long/lat: .* not in Great Britain",
        ),
        (
            {"postcodes": POSTCODES_HEADER + "EH6 5A,55.96621,-3.18487\n"},
            r"postcodes\.csv line 2, column Postcode: 'EH6 5A' is not a full postcode",
        ),
        (
            {"postcodes": POSTCODES_HEADER + POSTCODE_ROW + "eh65ab,55.9,-3.1\n"},
            r"postcodes\.csv line 3, column Postcode: EH6 5AB appears twice \(first on line 2\)",
        ),
        (
            {"postcodes": POSTCODES_HEADER + "EH6 5AB,55.96621\n"},
            r"postcodes\.csv line 2: 2 columns where the header has 3",
        ),
        (
            {"postcodes": POSTCODES_HEADER + "GIR 0AA,,0.00000\n"},
            r"postcodes\.csv holds no rows with coordinates",
        ),
        (
            {"districts": DISTRICTS_HEADER + "EH6 5AB,EH,55.9,-3.1,1\n"},
            r"districts\.csv line 2, column district: 'EH6 5AB' is not a postcode district",
        ),
        (
            {"places": PLACES_HEADER + PLACE_ROW.replace("Other Settlement", "Farm")},
            r"places\.csv line 2, column LOCAL_TYPE: unknown kind of place 'Farm'",
        ),
        (
            {"places": PLACES_HEADER + PLACE_ROW.replace("326454.333", "-3.17")},
            r"places\.csv line 2, column X/Y: .* not in Great Britain",
        ),
        (
            {"places": PLACES_HEADER + PLACE_ROW.replace("Leith", "")},
            r"places\.csv line 2, column NAME1: empty",
        ),
        (
            {"places": (PLACES_HEADER + PLACE_ROW.replace("Leith", "Lìte")).encode("latin-1")},
            r"cannot read places\.csv: it is not UTF-8 text",
        ),
    ],
    ids=[
        "missing file",
        "missing column",
        "empty file",
        "not a number",
        "latitude and longitude swapped",
        "not a postcode",
        "the same postcode twice",
        "short row",
        "no row with coordinates",
        "a full postcode as a district",
        "unknown kind of place",
        "longitude as an easting",
        "no name",
        "not UTF-8",
    ],
)
def test_bad_input_stops_with_one_line_naming_file_row_and_column_and_changes_nothing(
    db, tmp_path, files, message
):
    sources = small_sources(
        tmp_path, **{key: text for key, text in files.items() if text is not None}
    )
    if "places" in files and files["places"] is None:
        sources[0] = str(tmp_path / "missing.csv")
    before = snapshot()

    with pytest.raises(PlaceImportError, match=message) as raised:
        import_places(*sources)

    assert "\n" not in str(raised.value)
    assert snapshot() == before


def test_sources_can_be_urls(tmp_path):
    small_sources(tmp_path)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        gazetteer = read_gazetteer(
            f"{base}/places.csv", f"{base}/postcodes.csv", f"{base}/districts.csv"
        )
        with pytest.raises(PlaceImportError, match=r"cannot read http://.*/nothing\.csv: HTTP"):
            read_gazetteer(f"{base}/nothing.csv", f"{base}/postcodes.csv", f"{base}/districts.csv")
    finally:
        server.shutdown()

    assert gazetteer.postcodes.label == f"{base}/postcodes.csv"
    assert gazetteer.postcodes.rows == [("EH6 5AB", -3.18487, 55.96621)]


def test_command_reimports_the_shared_files_unchanged_and_reports_progress(db, capsys):
    call_command("import_places")
    output = capsys.readouterr()

    assert (
        "Postcodes from scotland_postcodes_nspl_2025-05_odileeds.csv: created 0, updated 0, "
        f"unchanged {POSTCODES_WITH_COORDINATES}, removed 0, "
        f"skipped {POSTCODES_WITHOUT_COORDINATES} without coordinates."
    ) in output.out
    assert f"unchanged {PLACES_IN_FILE}" in output.out
    assert "storing postcodes (3/3)" in output.err


def test_command_turns_import_errors_into_command_errors(db, tmp_path):
    with pytest.raises(CommandError, match=r"cannot read /.*/nothing\.csv: no such file"):
        call_command("import_places", "--places", str(tmp_path / "nothing.csv"))
