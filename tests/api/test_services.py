"""GET /api/v1/services and /api/v1/services/{slug}: published services, filtered in SQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from services.models import ContactRoute, Location, Service

pytestmark = pytest.mark.django_db

URL = "/api/v1/services"
EDINBURGH = "S12000036"


def slugs(client, **query) -> list[str]:
    response = client.get(URL, query)
    assert response.status_code == 200, response.content
    return [service["slug"] for service in response.json()["results"]]


NATIONWIDE = ["click-sacro", "national-ugly-mugs", "tara", "you-my-sister"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            {"area": EDINBURGH},
            [
                "click-sacro",
                "leith-partnership",
                "national-ugly-mugs",
                "roam",
                "sacro-another-way",
                "tara",
                "wishes",
                "you-my-sister",
            ],
        ),
        ({"area": "s12000036 "}, None),
        ({"area": "S12000027"}, NATIONWIDE),
        ({"remote": "true"}, NATIONWIDE),
        (
            {"offer": "sexual_health"},
            ["quay-services", "roam", "routes-out", "steve-retson-project", "wishes"],
        ),
        ({"area": EDINBURGH, "offer": "sexual_health"}, ["roam", "wishes"]),
        ({"area": EDINBURGH, "offer": "sexual_health", "remote": "true"}, []),
        ({"area": "S12000049", "remote": "false", "offer": "employability"}, ["fedcap-pilot"]),
    ],
)
def test_filters_combine_with_and(client, query, expected):
    found = slugs(client, **query)

    if expected is None:
        expected = slugs(client, area=EDINBURGH)
    assert sorted(found) == expected


def test_a_service_covering_many_areas_is_listed_once(client):
    found = slugs(client, area=EDINBURGH, page_size=100)

    assert len(found) == len(set(found))


def test_the_list_is_paginated_in_name_order(client):
    first = client.get(URL, {"page_size": 10}).json()
    second = client.get(URL, {"page_size": 10, "page": 2}).json()

    assert first["count"] == 19
    assert first["next"].endswith("page=2&page_size=10")
    names = [service["name"] for service in first["results"] + second["results"]]
    assert names == sorted(names)
    assert len(names) == 19


def test_a_page_takes_the_same_queries_however_many_services_it_holds(client):
    filters = {"area": EDINBURGH, "remote": "false"}
    # The first request in a process also builds the index of council areas, once.
    client.get(URL, {"page_size": 1, **filters})
    with CaptureQueriesContext(connection) as two:
        client.get(URL, {"page_size": 2, **filters})
    with CaptureQueriesContext(connection) as all_of_them:
        client.get(URL, {"page_size": 100, **filters})

    assert len(all_of_them) == len(two)


def test_a_service_lists_its_public_bases_and_contacts_only(client):
    roam = Service.all_objects.get(slug="roam")
    Location.all_objects.create(
        service=roam,
        name="Safe flat",
        address="1 Hidden Lane",
        council_area=roam.coverage.first(),
        public=False,
    )
    ContactRoute.all_objects.create(service=roam, kind="phone", value="0131 000 0001", public=False)

    service = client.get(f"{URL}/roam").json()

    assert [location["name"] for location in service["locations"]] == ["City of Edinburgh base"]
    assert service["contacts"] == []
    assert service["eligibility"]["men"] == "msm_only"
    assert service["eligibility"]["trans"] == "not_stated"
    assert EDINBURGH in service["coverage"]
    assert service["coverage"] == sorted(service["coverage"])
    assert service["url"] == "/services/roam/"


@pytest.mark.parametrize("slug", ["no-such-service", "roam-unpublished", "%20"])
def test_an_unknown_or_unpublished_service_is_a_404_problem(client, slug):
    Service.all_objects.filter(slug="roam").update(slug="roam-unpublished", published=False)

    response = client.get(f"{URL}/{slug}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "There is no published service with this slug."


@pytest.mark.parametrize(
    ("query", "bad_field"),
    [
        ({"area": "Edinburgh, please"}, "area"),
        ({"area": "foo"}, "area"),
        ({"area": "S1200003"}, "area"),
        ({"offer": "massage"}, "offer"),
        ({"page_size": "500"}, "page_size"),
        ({"page_size": "none"}, "page_size"),
        ({"page": "0"}, "page"),
        ({"remote": "perhaps"}, "remote"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_filters_are_400_problems_naming_the_field(client, query, bad_field):
    response = client.get(URL, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [bad_field]


def test_an_area_code_we_do_not_hold_matches_no_service(client):
    response = client.get(URL, {"area": "S12999999"})

    assert (response.status_code, response.json()["count"]) == (200, 0)


def test_a_page_beyond_the_last_is_a_404_problem(client):
    response = client.get(URL, {"page": 3})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
