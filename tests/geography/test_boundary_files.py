"""A boundary import reads only the formats the README names (GeoJSON, TopoJSON, GeoPackage,
Shapefile, each zipped or not), checked by the file's name and by what GDAL finds inside it.
Anything else, such as a GDAL virtual file (.vrt) that reads another file on the server or fetches
a URL from inside the network, is refused before GDAL opens it."""

import http.server
import json
import threading
import zipfile

import geopandas
import pytest
import shapely

from geography.boundaries import BoundaryImportError, import_boundaries
from geography.models import CouncilArea
from services.models import Service

EDINBURGH = shapely.box(-3.3, 55.9, -3.1, 56.0)


@pytest.fixture
def empty_database(db):
    Service.all_objects.all().delete()
    CouncilArea.objects.all().delete()


@pytest.fixture
def internal_server(tmp_path):
    """A web server inside the network, counting the requests it is sent."""
    requests = []

    body = f'LAD24CD,LAD24NM,WKT\nS12000036,FROM-THE-NETWORK,"{EDINBURGH.wkt}"\n'.encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()

        def do_GET(self):
            self.do_HEAD()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", requests
    server.shutdown()


def areas_frame() -> geopandas.GeoDataFrame:
    return geopandas.GeoDataFrame(
        {"LAD24CD": ["S12000036"], "LAD24NM": ["City of Edinburgh"]},
        geometry=[EDINBURGH],
        crs="EPSG:4326",
    )


def virtual_file(tmp_path, source: str) -> str:
    """A GDAL virtual dataset whose one layer is read from ``source``, a CSV file."""
    return f"""<OGRVRTDataSource>
  <OGRVRTLayer name="areas">
    <SrcDataSource>{source}</SrcDataSource>
    <SrcLayer>secret</SrcLayer>
    <GeometryType>wkbPolygon</GeometryType>
    <GeometryField encoding="WKT" field="WKT"/>
  </OGRVRTLayer>
</OGRVRTDataSource>"""


def secret_on_the_server(tmp_path) -> str:
    secret = tmp_path / "secret.csv"
    secret.write_text(f'LAD24CD,LAD24NM,WKT\nS12000036,SECRET-FROM-A-FILE,"{EDINBURGH.wkt}"\n')
    return str(secret)


def zipped(tmp_path, name: str, members: dict[str, bytes | str]) -> str:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return str(path)


HOSTILE_FILES = {
    "a virtual file reading a file on the server": lambda tmp, url: write(
        tmp / "areas.vrt", virtual_file(tmp, secret_on_the_server(tmp))
    ),
    "a virtual file fetching a URL inside the network": lambda tmp, url: write(
        tmp / "areas.vrt", virtual_file(tmp, f"/vsicurl/{url}/secret.csv")
    ),
    "a virtual file named as GeoJSON": lambda tmp, url: write(
        tmp / "areas.geojson", virtual_file(tmp, f"/vsicurl/{url}/secret.csv")
    ),
    "a virtual file in a zip": lambda tmp, url: zipped(
        tmp, "areas.zip", {"areas.vrt": virtual_file(tmp, f"/vsicurl/{url}/secret.csv")}
    ),
    "a CSV": lambda tmp, url: secret_on_the_server(tmp),
    "a GDAL network path": lambda tmp, url: f"/vsicurl/{url}/secret.csv",
    "a GDAL archive path": lambda tmp, url: f"/vsizip/{tmp}/areas.zip/areas.vrt",
}


def write(path, text: str) -> str:
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize("make", HOSTILE_FILES.values(), ids=HOSTILE_FILES.keys())
def test_other_files_are_refused_without_reading_or_fetching_anything(
    empty_database, tmp_path, internal_server, make
):
    url, requests = internal_server
    source = make(tmp_path, url)

    with pytest.raises(BoundaryImportError, match="GeoJSON, TopoJSON, GeoPackage or Shapefile"):
        import_boundaries(source)

    assert requests == []
    assert not CouncilArea.objects.exists()


def test_an_sqlite_database_named_as_a_geopackage_is_refused(empty_database, tmp_path):
    path = tmp_path / "areas.gpkg"
    areas_frame().to_file(path, driver="SQLite")

    with pytest.raises(BoundaryImportError, match="not a GeoPackage"):
        import_boundaries(str(path))


def shapefile_members(tmp_path) -> dict[str, bytes]:
    folder = tmp_path / "shapefile"
    folder.mkdir()
    areas_frame().to_file(folder / "areas.shp")
    return {path.name: path.read_bytes() for path in folder.iterdir()}


ACCEPTED_FILES = {
    "GeoJSON": lambda tmp: write(tmp / "areas.geojson", areas_frame().to_json()),
    "GeoJSON named .json": lambda tmp: write(tmp / "areas.json", areas_frame().to_json()),
    "GeoPackage": lambda tmp: areas_frame().to_file(tmp / "areas.gpkg") or str(tmp / "areas.gpkg"),
    "Shapefile": lambda tmp: areas_frame().to_file(tmp / "areas.shp") or str(tmp / "areas.shp"),
    "zipped Shapefile": lambda tmp: zipped(tmp, "areas.zip", shapefile_members(tmp)),
    "zipped Shapefile with its metadata": lambda tmp: zipped(
        tmp, "areas.zip", {**shapefile_members(tmp), "areas.shp.xml": "<metadata/>"}
    ),
    "zipped GeoJSON": lambda tmp: zipped(
        tmp, "areas.zip", {"areas.geojson": areas_frame().to_json()}
    ),
    "TopoJSON": lambda tmp: write(tmp / "areas.topojson", json.dumps(TOPOJSON)),
}

TOPOJSON = {
    "type": "Topology",
    "objects": {
        "areas": {
            "type": "GeometryCollection",
            "geometries": [
                {
                    "type": "Polygon",
                    "arcs": [[0]],
                    "properties": {"LAD24CD": "S12000036", "LAD24NM": "City of Edinburgh"},
                }
            ],
        }
    },
    "arcs": [[[-3.3, 55.9], [-3.1, 55.9], [-3.1, 56.0], [-3.3, 56.0], [-3.3, 55.9]]],
}


@pytest.mark.parametrize("make", ACCEPTED_FILES.values(), ids=ACCEPTED_FILES.keys())
def test_each_documented_format_is_read(empty_database, tmp_path, make):
    report = import_boundaries(make(tmp_path))

    assert report.created == ["S12000036"]
    assert CouncilArea.objects.get().name == "City of Edinburgh"
