"""POST /api/v1/search: the finder's JSON endpoint."""

import json

import pytest
from jsonschema import Draft4Validator

from servicemap.api_docs import api_schema
from services.models import Location

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
    # Those working in person in Edinburgh first, then those across the UK or remotely; in
    # each, those she can contact first (Click and NUM have a website), then the nearest.
    assert eligible == ["sacro-another-way", "wishes", "click-sacro", "national-ugly-mugs"]
    wishes = next(r for r in body["results"] if r["slug"] == "wishes")
    assert wishes["reasons"][0] == "For women aged 18 and over"
    assert wishes["available_because"] == ["covers City of Edinburgh"]
    assert wishes["url"] == "/services/wishes/"
    assert body["counts_by_area"]["S12000036"] == 7


def test_a_point_is_resolved_to_its_council_area_on_the_server(client):
    body = post(client, {"lon": -4.25, "lat": 55.86, "remote_only": True}).json()

    assert body["area"]["code"] == "S12000049"
    assert sorted(r["slug"] for r in body["results"]) == [
        "click-sacro",
        "national-ugly-mugs",
        "tara",
        "you-my-sister",
    ]


def test_a_point_at_sea_is_told_so_and_still_sees_nationwide_services(client):
    body = post(client, {"lon": 1.0, "lat": 57.0}).json()

    assert body["area"] is None
    assert "not in a Scottish council area" in body["message"]
    assert sorted(r["slug"] for r in body["results"]) == [
        "click-sacro",
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


def test_a_gss_code_we_do_not_hold_is_answered_with_a_message_and_no_area(client):
    response = post(client, {"area": "S12999999"})
    body = response.json()

    assert response.status_code == 200
    assert body["area"] is None
    assert body["message"].startswith("There is no council area with this code.")
    assert body["count"] == post(client, {"place": "Nowhere at all"}).json()["count"]


def test_an_empty_body_lists_every_service(client):
    body = post(client, {}).json()

    # The 19 published services but Operation Begonia, which is not in the finder.
    assert len(body["results"]) == 18
    assert body["area"] is None


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
        # Each value as the JSON type the description gives, not text or a number standing in.
        ({"age": "30"}, {"age"}),
        ({"limit": "5"}, {"limit"}),
        ({"lon": "-3.2", "lat": 55.9}, {"lon"}),
        ({"trafficked": 0}, {"trafficked"}),
        ({"remote_only": "yes"}, {"remote_only"}),
        ({"include_not_eligible": 1}, {"include_not_eligible"}),
        ({"place": "Leith\ud800"}, {"place"}),
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


def search_request_schema() -> dict:
    """The request body's schema as /api/v1/openapi.json gives it, its references resolvable."""
    return {"$ref": "#/components/schemas/SearchRequest", **api_schema()}


@pytest.mark.parametrize(
    ("body", "accepted", "message"),
    [
        ({}, True, None),
        ({"area": "S12000036"}, True, None),
        ({"lon": -3.17, "lat": 55.97}, True, None),
        ({"place": "EH6 5AB"}, True, None),
        ({"lon": -3.17}, False, {"lat": ["Give lon and lat together."]}),
        ({"lat": 55.97, "age": 30}, False, {"lon": ["Give lon and lat together."]}),
        (
            {"area": "S12000036", "place": "Leith"},
            False,
            {"area": ["Give one of area, a point (lon and lat) or place, not several."]},
        ),
        (
            {"place": "Leith", "lon": -3.17, "lat": 55.97},
            False,
            {"lon": ["Give one of area, a point (lon and lat) or place, not several."]},
        ),
    ],
)
def test_one_of_an_area_a_point_or_a_place_is_taken_as_the_description_says(
    client, body, accepted, message
):
    response = post(client, body)
    described_errors = list(Draft4Validator(search_request_schema()).iter_errors(body))

    assert response.status_code == (200 if accepted else 400)
    assert (described_errors == []) == accepted
    if message:
        assert response.json()["errors"] == message


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


@pytest.mark.parametrize(
    ("body", "measured"),
    [
        # From a postcode in Leith to Leith Partnership's address: a real distance.
        ({"place": "EH6 5AB"}, True),
        # From a chosen council area there is no point of the person's to measure from.
        ({"area": "S12000036"}, False),
    ],
)
def test_a_distance_is_given_only_between_two_known_points(client, body, measured):
    Location.all_objects.filter(service__slug="leith-partnership").update(
        point={"type": "Point", "coordinates": [-3.17, 55.97]}
    )

    results = {r["slug"]: r for r in post(client, body).json()["results"]}

    leith = results["leith-partnership"]["distance_km"]
    if measured:
        assert 0 < leith < 2
    else:
        assert leith is None
    # WISHES is known to be based in Edinburgh at no address we hold: never a number of km.
    assert results["wishes"]["distance_km"] is None
    assert all(
        r["distance_km"] is None for slug, r in results.items() if slug != "leith-partnership"
    )
