"""Other sites' pages may read the Open Referral feed and the API's public GETs, nothing else."""

import pytest

from services.openreferral.ids import service_id

pytestmark = pytest.mark.django_db

OTHER_SITE = "https://directory.example.org"

READABLE = [
    "/openreferral/",
    "/openreferral/services",
    f"/openreferral/services/{service_id('roam')}",
    "/openreferral/services/not-an-id",
    "/openreferral/services?page=abc",
    "/openreferral/organizations",
    "/openreferral/service_at_locations",
    "/openreferral/taxonomies",
    "/openreferral/taxonomy_terms",
    "/api/v1/services",
    "/api/v1/services/roam",
    "/api/v1/areas",
    "/api/v1/areas/lookup?lon=-3.19&lat=55.95",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("origin", [{}, {"HTTP_ORIGIN": OTHER_SITE}], ids=["no origin", "origin"])
@pytest.mark.parametrize("url", READABLE)
def test_every_feed_answer_and_public_get_may_be_read_by_any_site(client, url, origin):
    response = client.get(url, **origin)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.has_header("Access-Control-Allow-Credentials")


@pytest.mark.parametrize(
    ("url", "body"), [("/api/v1/search", {}), ("/api/v1/places/suggest", {"q": "Lei"})]
)
def test_what_a_person_posts_is_answered_to_our_own_pages_only(client, url, body):
    response = client.post(url, body, content_type="application/json", HTTP_ORIGIN=OTHER_SITE)
    preflight = client.options(
        url, HTTP_ORIGIN=OTHER_SITE, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )

    assert response.status_code == 200
    assert not response.has_header("Access-Control-Allow-Origin")
    assert not preflight.has_header("Access-Control-Allow-Origin")


def test_a_preflight_for_a_get_is_allowed_without_credentials(client):
    response = client.options(
        "/openreferral/services",
        HTTP_ORIGIN=OTHER_SITE,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert not response.has_header("Access-Control-Allow-Credentials")


def test_pages_are_not_opened_to_other_sites(client):
    assert not client.get("/", HTTP_ORIGIN=OTHER_SITE).has_header("Access-Control-Allow-Origin")
