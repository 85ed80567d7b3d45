"""POST /api/v1/search: the finder's JSON endpoint."""

import json

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/search"


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data=data, content_type=content_type)


def test_a_woman_of_25_in_edinburgh_gets_her_services_with_reasons(client):
    response = post(client, {"area": "S12000036", "age": 25, "gender": "woman", "trans": False})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    body = response.json()
    assert body["area"] == {"code": "S12000036", "name": "City of Edinburgh"}
    first = body["results"][0]
    assert set(first) >= {"slug", "name", "status", "reasons", "available_because", "distance_km"}
    eligible = [r["slug"] for r in body["results"] if r["status"] == "eligible"]
    assert eligible == ["sacro-another-way", "wishes", "national-ugly-mugs"]
    wishes = next(r for r in body["results"] if r["slug"] == "wishes")
    assert wishes["reasons"][0] == "For women aged 18 and over"
    assert wishes["available_because"] == ["covers City of Edinburgh"]
    assert wishes["url"] == "/services/wishes/"
    assert body["counts_by_area"]["S12000036"] == 6


def test_a_point_is_resolved_to_its_council_area_on_the_server(client):
    body = post(client, {"lon": -4.25, "lat": 55.86, "remote_only": True}).json()

    assert body["area"]["code"] == "S12000049"
    assert sorted(r["slug"] for r in body["results"]) == [
        "national-ugly-mugs",
        "tara",
        "you-my-sister",
    ]


def test_a_point_at_sea_is_told_so_and_still_sees_nationwide_services(client):
    body = post(client, {"lon": 1.0, "lat": 57.0}).json()

    assert body["area"] is None
    assert "not in a Scottish council area" in body["message"]
    assert sorted(r["slug"] for r in body["results"]) == [
        "national-ugly-mugs",
        "tara",
        "you-my-sister",
    ]


def test_an_area_without_a_specialist_service_says_so(client):
    body = post(client, {"area": "S12000027"}).json()

    assert body["message"].startswith("No specialist service works in person in Shetland Islands")


def test_not_eligible_services_come_only_when_asked_for(client):
    person = {"area": "S12000036", "age": 17, "gender": "man"}
    public = post(client, person).json()
    caseworker = post(client, {**person, "include_not_eligible": True}).json()

    assert [(r["slug"], r["status"]) for r in public["results"]] == [("roam", "unclear")]
    assert "Only for men who have sex with men" in public["results"][0]["reasons"]
    assert {r["status"] for r in caseworker["results"][1:]} == {"not_eligible"}


def test_an_empty_body_lists_every_service(client):
    body = post(client, {}).json()

    assert len(body["results"]) == 16
    assert body["area"] is None


def test_a_council_area_code_we_do_not_hold_is_answered_like_a_place_we_cannot_find(client):
    response = post(client, {"area": "S12999999", "age": 30})

    assert response.status_code == 200
    body = response.json()
    assert body["area"] is None
    assert body["message"] == (
        "There is no council area with this code. These services work across Scotland, the UK or "
        "remotely."
    )
    assert {result["slug"] for result in body["results"]} >= {"national-ugly-mugs"}


@pytest.mark.parametrize(
    ("body", "bad_fields"),
    [
        ({"age": "old"}, {"age"}),
        ({"age": 121}, {"age"}),
        ({"age": -1}, {"age"}),
        ({"gender": "robot"}, {"gender"}),
        ({"area": "Edinburgh"}, {"area"}),
        ({"area": "S1200003"}, {"area"}),
        ({"lon": 200, "lat": 56}, {"lon"}),
        ({"lon": -3.2}, {"lat"}),
        ({"lon": "nan", "lat": 56}, {"lon"}),
        ({"needs": ["sexual_health", "massage"]}, {"needs.1"}),
        ({"needs": "sexual_health"}, {"needs"}),
        ({"trans": "perhaps"}, {"trans"}),
        ({"area": "S12000036", "lon": -3.2, "lat": 55.9}, {"area"}),
        ({"colour": "blue", "age": "x"}, {"colour"}),
        ([1, 2, 3], {"non_field_errors"}),
    ],
)
def test_bad_input_is_a_400_problem_naming_each_bad_field(client, body, bad_fields):
    response = post(client, body)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert problem["title"] == "Bad Request"
    assert set(problem["errors"]) == bad_fields


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("age=25", "application/x-www-form-urlencoded", 415),
        ("", "application/json", 200),
    ],
)
def test_malformed_requests_get_a_clear_4xx(client, body, content_type, status):
    response = post(client, body, content_type=content_type)

    assert response.status_code == status
    if status != 200:
        assert response.json()["detail"]


def test_only_post_is_allowed(client):
    response = client.get(URL)

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
