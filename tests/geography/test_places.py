import http.server
import logging
import threading
from functools import partial

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from geography import places
from geography.lookup import area_at, area_index
from geography.models import CouncilArea, Place, PlaceKind, Postcode, PostcodeDistrict
from geography.places import (
    INVALID_POSTCODE_MESSAGE,
    LabelInput,
    PlaceImportError,
    PlaceMatch,
    PlaceOutcome,
    Point,
    PostcodeMatch,
    PostcodeParts,
    import_places,
    parse_postcode,
    place_labels,
    read_gazetteer,
    resolve_place,
    resolve_postcode,
    search_key,
    store_gazetteer,
    suggest_places,
)
from servicemap.reference_data import prepared_places

# Counts in the shared reference files (../shared/data/places/README.md).
PLACES_IN_FILE = 5896
DISTRICTS_IN_FILE = 476
POSTCODES_WITH_COORDINATES = 230_289
POSTCODES_WITHOUT_COORDINATES = 461


# Normalising what people type


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Inverness", "inverness"),
        ("Steòrnabhagh", "steornabhagh"),
        ("Àird a' Mhulaidh", "aird a mhulaidh"),
        ("  Fort   William ", "fort william"),
        ("St. Andrews", "st andrews"),
        ("Na h-Eileanan an Iar", "na h eileanan an iar"),
        ("'!?", ""),
    ],
)
def test_search_key_drops_case_accents_and_punctuation(text, key):
    assert search_key(text) == key


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("EH6 5AB", PostcodeParts("EH6", "5AB")),
        ("eh65ab", PostcodeParts("EH6", "5AB")),
        ("  g1   1ab ", PostcodeParts("G1", "1AB")),
        ("AB101AA", PostcodeParts("AB10", "1AA")),
        ("SW1A 1AA", PostcodeParts("SW1A", "1AA")),
        ("EH6", PostcodeParts("EH6", "")),
        ("kw15", PostcodeParts("KW15", "")),
        ("GIR 0AA", PostcodeParts("GIR", "0AA")),
        ("EH6 5A", None),
        ("E H6 5AB", None),
        ("not a postcode", None),
        ("12345", None),
        ("", None),
    ],
)
def test_parse_postcode_accepts_any_case_and_spacing_but_only_postcode_shapes(text, parts):
    assert parse_postcode(text) == parts


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


# Place lookups (the real gazetteer, stored at session start)


@pytest.mark.parametrize(
    ("text", "first_label"),
    [
        ("inbhir", "Inverness, Highland"),
        ("INVERN", "Inverness, Highland"),
        ("stornow", "Stornoway, Eilean Siar"),
        ("steòrnabh", "Stornoway, Eilean Siar"),
        ("steornabh", "Stornoway, Eilean Siar"),
        ("ab", "Aberdeen, Aberdeen City"),
        ("fort w", "Fort William, Highland"),
        ("an gearas", "Fort William, Highland"),
        ("leith", "Leith, City of Edinburgh"),
        ("kirkwall", "Kirkwall, Orkney Islands"),
        ("lerw", "Lerwick, Shetland Islands"),
    ],
    ids=[
        "Gaelic prefix finds the English name",
        "any case",
        "English prefix of a place OS names in Gaelic first",
        "Gaelic with its accent",
        "Gaelic without its accent",
        "the city before smaller places",
        "two words",
        "Gaelic two words",
        "the exact name before longer names of bigger places (Leitholm)",
        "Orkney",
        "Shetland",
    ],
)
def test_suggestions_start_with_the_place_meant(db, text, first_label):
    assert suggest_places(text)[0].label == first_label


@pytest.mark.parametrize("text", ["", "a", " i ", "'", "qqqq", "zzz stornoway"])
def test_too_short_or_unknown_text_suggests_nothing(db, text):
    assert suggest_places(text) == []


def test_a_suggestion_carries_what_the_finder_needs(db):
    inverness = suggest_places("inbhir nis")[0]

    assert inverness == PlaceMatch(
        name="Inverness",
        alternative_name="Inbhir Nis",
        kind=PlaceKind.CITY,
        council_area_name="Highland",
        council_area_code="S12000017",
        lon=pytest.approx(-4.2248, abs=0.01),
        lat=pytest.approx(57.4792, abs=0.01),
        label="Inverness, Highland",
    )
    assert inverness.kind.label == "City"


@pytest.mark.parametrize("text", ["ab", "ba", "newton", "milton", "kil", "st"])
def test_suggestions_put_larger_places_first_then_alphabetical_with_unique_labels(db, text):
    suggestions = suggest_places(text, limit=30)
    key = search_key(text)
    sizes = list(PlaceKind)

    assert len(suggestions) > 3
    assert len({place.label for place in suggestions}) == len(suggestions)
    not_exact = [place for place in suggestions if key not in {search_key(place.name)}]
    order = [(sizes.index(place.kind), search_key(place.name)) for place in not_exact]
    assert order == sorted(order)


def test_suggestions_respect_the_limit_in_one_query(db, django_assert_num_queries):
    with django_assert_num_queries(1):
        suggestions = suggest_places("newton", limit=5)

    assert len(suggestions) == 5
    assert suggestions[0].kind == PlaceKind.VILLAGE


@pytest.mark.parametrize(
    ("text", "outcome", "label"),
    [
        ("Inverness", PlaceOutcome.FOUND, "Inverness, Highland"),
        ("inbhir nis", PlaceOutcome.FOUND, "Inverness, Highland"),
        ("Inbhir Nis, Highland", PlaceOutcome.FOUND, "Inverness, Highland"),
        ("STORNOWAY", PlaceOutcome.FOUND, "Stornoway, Eilean Siar"),
        ("Newton, near Wick, Highland", PlaceOutcome.FOUND, "Newton, near Wick, Highland"),
        ("newton ,  near wick, highland", PlaceOutcome.FOUND, "Newton, near Wick, Highland"),
        ("Newton, West Lothian", PlaceOutcome.FOUND, "Newton, West Lothian"),
        ("Wick", PlaceOutcome.FOUND, "Wick, Highland"),
        (
            "Sandwick, near Bigton, Shetland Islands",
            PlaceOutcome.FOUND,
            "Sandwick, near Bigton, Shetland Islands",
        ),
        ("Inverness, Fife", PlaceOutcome.FOUND, "Inverness, Highland"),
        ("Newton", PlaceOutcome.AMBIGUOUS, None),
        ("Newton, Highland", PlaceOutcome.AMBIGUOUS, None),
        ("Stornow", PlaceOutcome.NOT_FOUND, None),
        ("Atlantis", PlaceOutcome.NOT_FOUND, None),
        ("x", PlaceOutcome.NOT_FOUND, None),
    ],
    ids=[
        "a city by its name",
        "a city by its Gaelic name",
        "a Gaelic name with its council area",
        "any case",
        "a suggestion's label picks one of three namesakes",
        "a label typed loosely",
        "a name and council area that pick one",
        "the town rather than a Shetland hamlet of the same name",
        "OS's two entries for one place are one place",
        "a council area that does not fit is ignored",
        "nine places called Newton",
        "three places called Newton in Highland",
        "part of a name is not a place",
        "no such place",
        "too short",
    ],
)
def test_resolve_place(db, text, outcome, label):
    resolution = resolve_place(text)

    assert resolution.outcome == outcome
    assert (resolution.place.label if resolution.place else None) == label
    if outcome == PlaceOutcome.FOUND:
        assert resolution.place in resolution.candidates
    else:
        assert resolution.message


def test_an_ambiguous_name_offers_every_namesake_in_the_area_named(db):
    resolution = resolve_place("Newton, Highland")

    assert [place.label for place in resolution.candidates] == [
        "Newton, near Inver, Highland",
        "Newton, near Newlands of Culloden, Highland",
        "Newton, near Wick, Highland",
    ]
    assert resolution.message == (
        "More than one place in Scotland has that name. Choose the one you mean."
    )


def test_a_name_not_found_offers_the_names_it_starts(db):
    resolution = resolve_place("Stornow")

    assert [place.label for place in resolution.candidates] == ["Stornoway, Eilean Siar"]
    assert "Did you mean" in resolution.message


# Postcode lookups


EH6_MIDDLE = Point(-3.17383, 55.97121)


@pytest.mark.parametrize(
    ("text", "matched", "postcode", "point"),
    [
        ("EH6 5AB", PostcodeMatch.POSTCODE, "EH6 5AB", Point(-3.18487, 55.96621)),
        ("eh65ab", PostcodeMatch.POSTCODE, "EH6 5AB", Point(-3.18487, 55.96621)),
        (" g1   1ab ", PostcodeMatch.POSTCODE, "G1 1AB", Point(-4.24442, 55.86073)),
        ("AB101AA", PostcodeMatch.POSTCODE, "AB10 1AA", None),
        ("ZE1 0AA", PostcodeMatch.POSTCODE, "ZE1 0AA", Point(-1.14160, 60.15323)),
        ("EH6", PostcodeMatch.DISTRICT, "EH6", EH6_MIDDLE),
        ("KW15", PostcodeMatch.DISTRICT, "KW15", Point(-2.95996, 58.98046)),
        ("g1", PostcodeMatch.DISTRICT, "G1", Point(-4.24908, 55.86048)),
        ("EH6 9ZZ", PostcodeMatch.DISTRICT, "EH6 9ZZ", EH6_MIDDLE),
        ("EH6 9AA", PostcodeMatch.DISTRICT, "EH6 9AA", EH6_MIDDLE),
        ("TD15 1AA", PostcodeMatch.POSTCODE, "TD15 1AA", Point(-2.00143, 55.76909)),
        ("TD15", PostcodeMatch.DISTRICT, "TD15", Point(-2.01338, 55.75097)),
        ("XX1 1XX", PostcodeMatch.NOT_FOUND, "XX1 1XX", None),
        ("SW1A 1AA", PostcodeMatch.NOT_FOUND, "SW1A 1AA", None),
        ("GIR 0AA", PostcodeMatch.NOT_FOUND, "GIR 0AA", None),
        ("not a postcode", PostcodeMatch.INVALID, "", None),
        ("EH6 5A", PostcodeMatch.INVALID, "", None),
        ("", PostcodeMatch.INVALID, "", None),
    ],
    ids=[
        "a full postcode",
        "lower case without the space",
        "extra spaces",
        "a four-character district",
        "Lerwick",
        "a district alone",
        "Kirkwall's district",
        "Glasgow's one-letter area",
        "an unknown postcode in a known district",
        "a postcode NSPL has no point for",
        "Berwick-upon-Tweed (English, in a Scottish area)",
        "Berwick's district",
        "the shape of a postcode, but none",
        "an English postcode",
        "the non-geographic Girobank postcode",
        "words",
        "half an inward code",
        "nothing",
    ],
)
def test_resolve_postcode(db, text, matched, postcode, point):
    result = resolve_postcode(text)

    assert (result.matched, result.postcode) == (matched, postcode)
    if point:
        assert result.point == point
    assert (result.point is not None) == (
        matched in (PostcodeMatch.POSTCODE, PostcodeMatch.DISTRICT)
    )
    assert result.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("EH6 5AB", "Using postcode EH6 5AB."),
        ("EH6", "Using the middle of the EH6 postcode district."),
        (
            "EH6 9ZZ",
            "We do not know the postcode EH6 9ZZ, so we are using the middle of the EH6 postcode "
            "district.",
        ),
        ("XX1 1XX", "We could not find that postcode. We only know postcodes in Scotland."),
        ("not a postcode", INVALID_POSTCODE_MESSAGE),
    ],
)
def test_postcode_messages_say_what_was_used_in_plain_english(db, text, message):
    assert resolve_postcode(text).message == message


def test_berwick_resolves_to_a_point_outside_every_scottish_council_area(db):
    point = resolve_postcode("TD15 1AA").point

    assert area_at(*point) is None


@pytest.mark.parametrize(
    "lookup", [suggest_places, resolve_place, resolve_postcode], ids=lambda f: f.__name__
)
def test_lookups_log_nothing_of_what_was_typed(db, caplog, lookup):
    with caplog.at_level(logging.DEBUG):
        lookup("EH6 5AB")
        lookup("Stornoway")

    assert "5AB" not in caplog.text
    assert "Stornoway" not in caplog.text


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


def test_every_model_reads_plainly(db):
    assert str(Place.objects.get(name="Inverness")) == "Inverness, Highland"
    assert str(PostcodeDistrict.objects.get(code="EH6")) == "EH6"
    assert str(Postcode.objects.get(code="EH6 5AB")) == "EH6 5AB"


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
    original_insert = places._insert

    def fail_on_postcodes(model, fields, rows):
        if model is Postcode:
            raise RuntimeError("disk full")
        original_insert(model, fields, rows)

    monkeypatch.setattr(places, "_insert", fail_on_postcodes)

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


# Admin


def test_admin_lists_and_filters_places_and_shows_postcodes_without_editing(admin_client):
    highland = CouncilArea.objects.get(code="S12000017")
    postcode = Postcode.objects.get(code="EH6 5AB")

    by_area = admin_client.get(
        reverse("admin:geography_place_changelist"),
        {"council_area__id__exact": highland.pk, "q": "newton"},
    )
    change = admin_client.get(reverse("admin:geography_postcode_change", args=[postcode.pk]))

    listed = by_area.context["cl"].result_list
    assert {place.council_area_id for place in listed} == {highland.pk}
    assert {
        "Newton, near Inver, Highland",
        "Newton, near Newlands of Culloden, Highland",
        "Newton, near Wick, Highland",
    } <= {place.label for place in listed}
    assert change.status_code == 200
    assert b'name="_save"' not in change.content


@pytest.mark.parametrize(
    ("search", "first", "count"),
    [
        ("eh65ab", "EH6 5AB", 1),
        ("EH6 5A", "EH6 5AA", 20),
        ("kw15", "KW15 1AA", 429),
    ],
    ids=["a whole postcode without its space", "the start of a postcode", "a district"],
)
def test_admin_finds_postcodes_by_their_start_despite_the_space(admin_client, search, first, count):
    response = admin_client.get(reverse("admin:geography_postcode_changelist"), {"q": search})

    changelist = response.context["cl"]
    assert changelist.result_count == count
    assert changelist.result_list[0].code == first
