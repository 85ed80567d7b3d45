import logging

import pytest
from django.urls import reverse

from geography.lookup import area_at
from geography.models import CouncilArea, Place, PlaceKind, Postcode, PostcodeDistrict
from geography.places import (
    INVALID_POSTCODE_MESSAGE,
    PlaceMatch,
    PlaceOutcome,
    Point,
    PostcodeMatch,
    PostcodeParts,
    parse_postcode,
    resolve_place,
    resolve_postcode,
    search_key,
    suggest_places,
)

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


# The models


def test_every_model_reads_plainly(db):
    assert str(Place.objects.get(name="Inverness")) == "Inverness, Highland"
    assert str(PostcodeDistrict.objects.get(code="EH6")) == "EH6"
    assert str(Postcode.objects.get(code="EH6 5AB")) == "EH6 5AB"


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
