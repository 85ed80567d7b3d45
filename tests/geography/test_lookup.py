import time
from datetime import timedelta

import pytest
from django.utils import timezone

from geography import lookup
from geography.boundaries import ImportOptions, import_boundaries
from geography.lookup import area_at
from geography.models import CouncilArea
from servicemap.reference_data import shared_data


@pytest.mark.parametrize(
    ("place", "lon", "lat", "code"),
    [
        ("central Edinburgh", -3.1883, 55.9533, "S12000036"),
        ("Glasgow", -4.2518, 55.8642, "S12000049"),
        ("Kirkwall", -2.9605, 58.9810, "S12000023"),
        ("Lerwick", -1.1450, 60.1550, "S12000027"),
        ("Aberdeen", -2.0943, 57.1497, "S12000033"),
        ("Stornoway", -6.3880, 58.2090, "S12000013"),
        ("Ullapool harbour, just off the generalised coast", -5.1600, 57.8950, "S12000017"),
        ("the North Sea", 1.0, 57.0, None),
        ("the Minch, 5 km off Ullapool", -5.2500, 57.9300, None),
        ("the Irish Sea", -5.0, 54.3, None),
        ("Carlisle, in England", -2.9350, 54.8900, None),
    ],
)
def test_area_at_finds_the_council_area_of_a_point(db, place, lon, lat, code):
    area = area_at(lon, lat)

    assert (area.code if area else None) == code, place


def test_index_is_built_once_and_reused(db, monkeypatch):
    builds = []
    original = lookup.load_index
    monkeypatch.setattr(lookup, "load_index", lambda: builds.append(1) or original())
    lookup.invalidate()

    for _ in range(50):
        area_at(-3.1883, 55.9533)

    assert len(builds) == 1


def test_index_is_rebuilt_after_an_import_in_this_process(db):
    assert area_at(-2.9350, 54.8900) is None

    import_boundaries(
        str(shared_data("boundaries", "gb-topo_lad.json")), ImportOptions(only_prefix="E07")
    )

    assert area_at(-2.9350, 54.8900).name == "Carlisle"


@pytest.mark.parametrize(
    ("check_seconds", "name_seen"), [(0, "Edinburgh renamed"), (3600, "City of Edinburgh")]
)
def test_a_change_made_by_another_process_is_seen_after_the_version_check_interval(
    db, settings, check_seconds, name_seen
):
    settings.BOUNDARY_VERSION_CHECK_SECONDS = check_seconds
    lookup.invalidate()
    assert area_at(-3.1883, 55.9533).name == "City of Edinburgh"

    # A queryset update sends no signal here, as when another process saves an area.
    CouncilArea.objects.filter(code="S12000036").update(
        name="Edinburgh renamed", updated_at=timezone.now() + timedelta(hours=1)
    )

    assert area_at(-3.1883, 55.9533).name == name_seen


@pytest.mark.parametrize(
    ("code", "name"),
    [("S12000036", "City of Edinburgh"), ("S12000027", "Shetland Islands"), ("E07000028", None)],
)
def test_an_area_is_found_by_its_code_and_an_unknown_code_finds_none(db, code, name):
    area = lookup.area_with_code(code)

    assert (area.name if area else None) == name


def test_an_area_another_process_adds_is_found_at_the_next_check_whatever_its_date(db):
    lookup.invalidate()
    assert area_at(-2.9, 54.9) is None

    # Added without a signal, as by another process, and dated before every other area's last
    # change: only the number of areas says that something changed.
    square = {
        "type": "MultiPolygon",
        "coordinates": [[[[-3, 54.8], [-2.8, 54.8], [-2.8, 55], [-3, 55], [-3, 54.8]]]],
    }
    CouncilArea.objects.bulk_create(
        [
            CouncilArea(
                code="E07000028",
                name="Carlisle",
                slug="carlisle",
                country="E",
                boundary=square,
                display_boundary=square,
            )
        ]
    )
    CouncilArea.objects.filter(code="E07000028").update(
        updated_at=timezone.now() - timedelta(days=365)
    )

    assert area_at(-2.9, 54.9).name == "Carlisle"


def test_another_process_s_boundary_change_is_found_5_s_after_the_last_check_not_before(
    db, settings, monkeypatch
):
    now = [3600.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    settings.BOUNDARY_VERSION_CHECK_SECONDS = 5
    lookup.invalidate()
    assert area_at(-3.1883, 55.9533).name == "City of Edinburgh"

    CouncilArea.objects.filter(code="S12000036").update(
        name="Edinburgh renamed", updated_at=timezone.now() + timedelta(hours=1)
    )
    now[0] += 4.9
    assert area_at(-3.1883, 55.9533).name == "City of Edinburgh"
    now[0] += 0.1

    assert area_at(-3.1883, 55.9533).name == "Edinburgh renamed"
