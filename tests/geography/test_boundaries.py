import http.server
import json
import threading
from functools import partial

import pytest
import shapely
from django.core.management import CommandError, call_command

from geography.boundaries import (
    BoundaryImportError,
    ImportOptions,
    import_boundaries,
    prepare_import,
)
from geography.display import simplified_for_display
from geography.models import CouncilArea
from geography.shapes import invalid_reason, to_shape
from servicemap.reference_data import prepared_scotland, shared_data
from services.models import Service

SUPERSEDED = {
    "S12000015": "S12000047",
    "S12000024": "S12000048",
    "S12000046": "S12000049",
    "S12000044": "S12000050",
}


@pytest.fixture
def empty_database(db):
    Service.all_objects.all().delete()
    CouncilArea.objects.all().delete()


def write_geojson(path, features) -> str:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return str(path)


def write_text(path, text) -> str:
    path.write_text(text)
    return str(path)


def square_feature(code, name, west=-3.3, south=55.9, size=0.1):
    ring = [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
    ]
    return {
        "type": "Feature",
        "properties": {"LAD24CD": code, "LAD24NM": name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def snapshot():
    return list(
        CouncilArea.objects.order_by("code").values_list("code", "name", "slug", "updated_at")
    )


@pytest.mark.parametrize(
    ("file_name", "options", "count", "country_counts"),
    [
        ("sco-topo_lad.json", {}, 32, {"S": 32}),
        ("gb-topo_lad.json", {}, 380, {"E": 326, "S": 32, "W": 22}),
        (
            "ni-topo_lgd.json",
            {"code_field": "LGDCode", "name_field": "LGDNAME"},
            11,
            {"N": 11},
        ),
    ],
)
def test_each_reference_file_imports_valid_areas_and_reimports_unchanged(
    empty_database, file_name, options, count, country_counts
):
    source = str(shared_data("boundaries", file_name))

    first = import_boundaries(source, ImportOptions(**options))
    second = import_boundaries(source, ImportOptions(**options))

    assert len(first.created) == count
    assert (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, count)
    assert CouncilArea.objects.count() == count
    for country, expected in country_counts.items():
        assert CouncilArea.objects.filter(country=country).count() == expected
    for area in CouncilArea.objects.all():
        assert invalid_reason(area.boundary) is None, area.code
        assert invalid_reason(area.display_boundary) is None, area.code
        assert to_shape(area.boundary).contains(to_shape(area.label_point)), area.code


def test_scottish_file_maps_the_four_superseded_codes(empty_database):
    report = import_boundaries(str(shared_data("boundaries", "sco-topo_lad.json")))

    assert {(old, new) for old, new, _name in report.remapped} == set(SUPERSEDED.items())
    stored_codes = set(CouncilArea.objects.values_list("code", flat=True))
    assert set(SUPERSEDED.values()) <= stored_codes
    assert not set(SUPERSEDED) & stored_codes
    assert len(report.repaired) == 28
    assert report.vintage == "2013"


def test_only_prefix_takes_the_scottish_areas_from_the_great_britain_file(empty_database):
    report = import_boundaries(
        str(shared_data("boundaries", "gb-topo_lad.json")), ImportOptions(only_prefix="S12")
    )

    assert len(report.created) == 32
    assert report.skipped_by_prefix == 348
    assert CouncilArea.objects.get(code="S12000049").name == "Glasgow City"


def test_neighbouring_areas_still_meet_after_display_simplification():
    areas = prepared_scotland().areas
    boundaries = [area.boundary for area in areas]
    displays = simplified_for_display(boundaries, tolerance=0.01)
    tree = shapely.STRtree(boundaries)
    pairs_checked = 0
    for index, boundary in enumerate(boundaries):
        for other in tree.query(boundary, predicate="touches"):
            if other <= index:
                continue
            shared_edge = boundary.intersection(boundaries[other])
            if shared_edge.length < 0.05:
                continue
            pairs_checked += 1
            assert displays[index].intersects(displays[other]), (areas[index].name, other)
            gap = displays[index].intersection(displays[other])
            assert gap.length > 0, (areas[index].name, areas[other].name)
    assert pairs_checked >= 45


def test_display_geometry_is_smaller_than_the_boundary():
    area = next(area for area in prepared_scotland().areas if area.code == "S12000017")
    assert shapely.get_num_coordinates(area.display_boundary) < (
        shapely.get_num_coordinates(area.boundary) / 4
    )


def test_import_reads_from_a_url(empty_database, tmp_path):
    write_geojson(tmp_path / "areas.geojson", [square_feature("S12000036", "City of Edinburgh")])
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/areas.geojson"
        report = import_boundaries(url)
    finally:
        server.shutdown()

    assert report.created == ["S12000036"]
    assert report.source == url
    assert report.vintage == "2024"


def test_geopackage_in_a_projected_crs_is_reprojected(empty_database, tmp_path):
    frame = prepared_frame_in_british_national_grid()
    path = tmp_path / "areas.gpkg"
    frame.to_file(path, driver="GPKG")

    report = import_boundaries(str(path))

    assert report.created == ["S12000036"]
    west, south, east, north = to_shape(CouncilArea.objects.get().boundary).bounds
    assert -3.4 < west < east < -3.0
    assert 55.8 < south < north < 56.1


def test_shapefile_without_a_crs_uses_the_one_it_is_told(empty_database, tmp_path):
    path = tmp_path / "areas.shp"
    prepared_frame_in_british_national_grid().to_file(path)
    path.with_suffix(".prj").unlink()

    with pytest.raises(BoundaryImportError, match="--source-crs"):
        import_boundaries(str(path))
    report = import_boundaries(str(path), ImportOptions(source_crs="EPSG:27700"))

    assert report.created == ["S12000036"]


def prepared_frame_in_british_national_grid():
    import geopandas

    return geopandas.GeoDataFrame(
        {"LAD24CD": ["S12000036"], "LAD24NM": ["City of Edinburgh"]},
        geometry=[shapely.box(-3.3, 55.9, -3.1, 56.0)],
        crs="EPSG:4326",
    ).to_crs("EPSG:27700")


def test_dry_run_reports_without_writing(empty_database):
    report = import_boundaries(
        str(shared_data("boundaries", "ni-topo_lgd.json")), ImportOptions(dry_run=True)
    )

    assert len(report.created) == 11
    assert "Dry run: nothing was written." in report.summary_lines()
    assert CouncilArea.objects.count() == 0


@pytest.mark.parametrize(
    ("make_source", "options", "message"),
    [
        (lambda tmp: str(tmp / "missing.json"), {}, "no such file"),
        (
            lambda tmp: (
                (tmp / "garbage.json").write_text("{not json") and str(tmp / "garbage.json")
            ),
            {},
            "cannot read",
        ),
        (
            lambda tmp: write_geojson(tmp / "a.json", [square_feature("S12000036", "Edinburgh")]),
            {"code_field": "CODE"},
            "field 'CODE' not found",
        ),
        (
            lambda tmp: write_geojson(
                tmp / "b.json",
                [
                    square_feature("S12000036", "Edinburgh"),
                    {
                        "type": "Feature",
                        "properties": {"LAD24CD": "S12000033", "LAD24NM": "Aberdeen City"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [[[-2.1, 57.1], [-2.0, 57.1], [-2.1, 57.1]]],
                        },
                    },
                ],
            ),
            {},
            r"geometry of Aberdeen City \(S12000033\) cannot be repaired",
        ),
        (
            lambda tmp: write_geojson(
                tmp / "c.json",
                [square_feature("S12000036", "Edinburgh"), square_feature("S12000036", "Leith")],
            ),
            {},
            "more than one area for S12000036",
        ),
        (
            lambda tmp: write_geojson(tmp / "d.json", [square_feature("X1", "Nowhere")]),
            {},
            "not a GSS code",
        ),
        (
            lambda tmp: write_geojson(tmp / "e.json", [square_feature("S12000036", "Edinburgh")]),
            {"source_crs": "EPSG:999999"},
            "unknown source CRS",
        ),
    ],
    ids=[
        "missing file",
        "unreadable file",
        "missing field",
        "unrepairable geometry",
        "duplicate code",
        "not a GSS code",
        "unknown CRS",
    ],
)
def test_bad_input_stops_with_one_line_and_leaves_the_database_as_it_was(
    db, tmp_path, make_source, options, message
):
    before = snapshot()

    with pytest.raises(BoundaryImportError, match=message) as raised:
        import_boundaries(make_source(tmp_path), ImportOptions(**options))

    assert "\n" not in str(raised.value)
    assert snapshot() == before


def test_a_failure_while_writing_rolls_back_every_area(db, monkeypatch):
    source = str(shared_data("boundaries", "sco-topo_lad.json"))
    before = snapshot()
    prepared = prepare_import(source, ImportOptions(tolerance=0.02))
    saves = []
    original_save = CouncilArea.save

    def save_then_fail_on_the_fifth(self, *args, **kwargs):
        saves.append(self.code)
        if len(saves) == 5:
            raise RuntimeError("disk full")
        original_save(self, *args, **kwargs)

    monkeypatch.setattr(CouncilArea, "save", save_then_fail_on_the_fifth)
    from geography.boundaries import store_areas

    with pytest.raises(RuntimeError):
        store_areas(prepared)

    assert len(saves) == 5
    assert snapshot() == before


def test_command_prints_the_report_and_turns_errors_into_command_errors(db, tmp_path, capsys):
    call_command("import_boundaries", str(shared_data("boundaries", "sco-topo_lad.json")))
    output = capsys.readouterr()

    assert "Created 0, updated 0, unchanged 32." in output.out
    assert "Mapped superseded code S12000046 to S12000049 (Glasgow City)." in output.out
    assert "repairing 32/32" in output.err
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_boundaries", str(tmp_path / "nothing.json"))
