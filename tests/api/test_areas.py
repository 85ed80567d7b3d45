"""GET /api/v1/areas (the maps' one GeoJSON download) and GET /api/v1/areas/lookup."""

import gzip

import pytest
from django.urls import reverse
from django.utils.http import http_date

from geography.models import CouncilArea
from servicemap.log_filters import redact

pytestmark = pytest.mark.django_db

AREAS = "/api/v1/areas"
LOOKUP = "/api/v1/areas/lookup"


def test_the_maps_load_their_shapes_from_the_api_by_the_old_name():
    assert reverse("area-shapes") == AREAS


def test_every_council_area_is_a_feature_with_its_code_name_and_slug(client):
    response = client.get(AREAS)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 32
    edinburgh = next(f for f in collection["features"] if f["id"] == "S12000036")
    assert edinburgh["properties"] == {
        "code": "S12000036",
        "name": "City of Edinburgh",
        "slug": "city-of-edinburgh",
    }
    assert edinburgh["geometry"]["type"] == "MultiPolygon"
    assert not response.cookies


def test_a_client_asking_for_json_gets_json(client):
    response = client.get(AREAS, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_the_shapes_are_cacheable_for_a_day_and_carry_their_version(client):
    response = client.get(AREAS)
    latest = CouncilArea.objects.latest("updated_at").updated_at

    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"] == http_date(latest.timestamp())


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        (lambda first: {"HTTP_IF_NONE_MATCH": first["ETag"]}, 304),
        (lambda first: {"HTTP_IF_NONE_MATCH": '"not-this-one"'}, 200),
        (lambda first: {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]}, 304),
        (lambda first: {"HTTP_IF_MODIFIED_SINCE": "Mon, 01 Jan 2001 00:00:00 GMT"}, 200),
    ],
    ids=["same etag", "other etag", "not modified since", "modified since"],
)
def test_a_conditional_request_is_answered_304_when_nothing_changed(client, headers, status):
    first = client.get(AREAS)

    again = client.get(AREAS, **headers(first))

    assert again.status_code == status
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=86400"
    assert (again.content == b"") == (status == 304)


def test_a_boundary_change_gives_a_new_version(client):
    first = client.get(AREAS)
    orkney = CouncilArea.objects.get(code="S12000023")
    orkney.name = "Orkney"
    orkney.save()

    again = client.get(AREAS, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert '"name":"Orkney"' in again.content.decode()


def test_the_shapes_are_compressed_for_clients_that_accept_it(client):
    plain = client.get(AREAS)
    compressed = client.get(AREAS, HTTP_ACCEPT_ENCODING="gzip")

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert client.get(AREAS, HTTP_IF_NONE_MATCH=compressed["ETag"]).status_code == 304


def test_the_shapes_stay_a_small_download(client):
    body = client.get(AREAS).content

    # 611 KB raw and 158 KB gzipped for Scotland's 32 areas when written: a budget, not a target.
    assert len(body) < 800_000
    assert len(gzip.compress(body, 6)) < 250_000


@pytest.mark.parametrize(
    ("lon", "lat", "code"),
    [
        (-3.1883, 55.9533, "S12000036"),
        (-4.2518, 55.8642, "S12000049"),
        (-1.1450, 60.1550, "S12000027"),
    ],
)
def test_a_point_finds_its_council_area(client, lon, lat, code):
    response = client.get(LOOKUP, {"lon": lon, "lat": lat})

    assert response.status_code == 200
    assert response.json()["code"] == code
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize(("lon", "lat"), [(1.0, 57.0), (-2.935, 54.89)], ids=["sea", "England"])
def test_a_point_in_no_area_is_a_404_problem_saying_why(client, lon, lat):
    response = client.get(LOOKUP, {"lon": lon, "lat": lat})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response["Cache-Control"] == "no-store"
    assert response.json()["detail"].startswith("No council area contains this point")


@pytest.mark.parametrize(
    ("query", "bad_fields"),
    [
        ({}, {"lon", "lat"}),
        ({"lon": -3.2}, {"lat"}),
        ({"lon": 200, "lat": 56}, {"lon"}),
        ({"lon": "nan", "lat": 56}, {"lon"}),
        ({"lon": -3.2, "lat": 56, "postcode": "EH1 1AA"}, {"postcode"}),
    ],
)
def test_bad_coordinates_are_400_problems_naming_each_field(client, query, bad_fields):
    response = client.get(LOOKUP, query)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == bad_fields


def test_the_coordinates_in_a_lookup_never_reach_the_access_log():
    line = "GET /api/v1/areas/lookup?lon=-3.18830&lat=55.95330 HTTP/1.1"

    assert redact(line) == "GET /api/v1/areas/lookup HTTP/1.1"
