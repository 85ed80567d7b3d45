"""Confidential details never leave: a sweep over every public route of the URLconf.

A base marked not public (safe accommodation), a contact marked private (professionals only),
the admins' notes and an unpublished service are given unique marker values; every page, API
endpoint and feed answer is then searched for each marker. A route added later is swept as soon
as it exists: one that takes arguments, or answers only POST, fails here until it has an example.
"""

import json
from dataclasses import dataclass

import pytest
from django.urls import reverse

from geography.models import CouncilArea
from services.models import ContactRoute, Location, Organisation, Service
from services.openreferral.ids import organisation_id, service_id, stable_id
from services.openreferral.taxonomy import TAXONOMY_ID, term_id
from tests.finder_forms import as_sent_by_the_page
from tests.routes import all_routes

pytestmark = pytest.mark.django_db

EDINBURGH = "S12000036"
# Inside Edinburgh, with more decimal places than any boundary or label point we store.
SECRET_LON, SECRET_LAT = -3.171717, 55.959595
# Where a visitor standing at the secret base would say they are (the finder shows a visitor's
# own answers back to them, so the markers themselves are never sent).
NEARBY = {"lon": -3.1717, "lat": 55.9596}

MARKERS = {
    "location name": "Zephyr Refuge 4471",
    "address": "99 Quillon Wynd 4471",
    "postcode": "ZX9 4QQ",
    "opening times": "Knock twice 4471",
    "accessibility": "Side gate 4471",
    "longitude": str(SECRET_LON),
    "latitude": str(SECRET_LAT),
    "private phone": "0131 496 4471",
    "private phone label": "Duty worker only 4471",
    "private email": "refuge-4471@example.org",
    "private website": "https://refuge-4471.example.org",
    "admins' notes": "Admin note 4471",
    "unpublished service": "Unlisted Service 4471",
    "unpublished service's base": "Unlisted Base 4471",
}

ROUTE_EXAMPLES = {
    "service-detail": {"slug": "roam"},
    "area-detail": {"slug": "city-of-edinburgh"},
    "api-service": {"slug": "roam"},
    "openreferral-service": {"id": service_id("roam")},
    "openreferral-taxonomy": {"id": TAXONOMY_ID},
    "openreferral-term": {"id": term_id("council_area")},
    "openreferral-organization": {"id": organisation_id("NHS Lothian")},
    "openreferral-service-at-location": {
        "id": stable_id("service_at_location", "roam", "City of Edinburgh base")
    },
}
# Queries that ask for the service or the place the secrets belong to.
QUERIES = {
    "api-services": [{}, {"area": EDINBURGH, "page_size": 100}],
    "api-area-lookup": [NEARBY],
    "openreferral-services": [{}, {"full": "true", "per_page": 100}],
    "openreferral-organizations": [{}, {"full_service": "true", "per_page": 100}],
    "openreferral-organization": [{"full_service": "true"}],
    "openreferral-service-at-locations": [
        {"full": "true", "per_page": 100},
        {"postcode": "EH6 5AB", "full": "true", "per_page": 100},
    ],
}
PERSON_AT_THE_SECRET_BASE = {**NEARBY, "include_not_eligible": True}
POST_BODIES = {
    "api-search": [
        {},
        {"area": EDINBURGH, "include_not_eligible": True},
        PERSON_AT_THE_SECRET_BASE,
    ],
    "api-place-suggestions": [{"q": "Leith"}, {"q": "Zephyr"}],
    "finder": [{"area": EDINBURGH}, NEARBY],
    "caseworker-finder": [{"area": EDINBURGH}],
    "referral-list": [{"service": ["roam"]}],
}
# Routes not posted to, and why.
NOT_POSTED = {
    "caseworker-logout": "signs a caseworker out and shows nothing",
    "caseworker-login": "a sign-in form: posting would only try passwords",
    "suggest-form": "stores a visitor's suggestion: it shows nothing back",
}


@pytest.fixture
def secrets(db):
    roam = Service.all_objects.get(slug="roam")
    Location.all_objects.create(
        service=roam,
        name=MARKERS["location name"],
        address=MARKERS["address"],
        postcode=MARKERS["postcode"],
        point={"type": "Point", "coordinates": [SECRET_LON, SECRET_LAT]},
        opening_times=MARKERS["opening times"],
        accessibility=MARKERS["accessibility"],
        public=False,
    )
    for kind, value, label in [
        ("phone", MARKERS["private phone"], MARKERS["private phone label"]),
        ("email", MARKERS["private email"], ""),
        ("website", MARKERS["private website"], ""),
    ]:
        ContactRoute.all_objects.create(
            service=roam, kind=kind, value=value, label=label, public=False
        )
    Service.all_objects.filter(pk=roam.pk).update(data_notes=MARKERS["admins' notes"])
    unlisted = Service.all_objects.create(
        organisation=Organisation.objects.first(),
        name=MARKERS["unpublished service"],
        slug="unlisted-4471",
        summary="Not yet checked.",
        primary_offer_id="holistic_support",
        published=False,
    )
    unlisted.coverage.set(CouncilArea.objects.filter(code=EDINBURGH))
    Location.all_objects.create(
        service=unlisted,
        name=MARKERS["unpublished service's base"],
        council_area=CouncilArea.objects.get(code=EDINBURGH),
    )


@dataclass(frozen=True)
class Request:
    name: str
    method: str
    url: str
    data: object


def requests() -> list[Request]:
    """Every route with its examples: a GET for each query, a POST for each body."""
    made = []
    for route in all_routes():
        url = reverse(route.name, kwargs=ROUTE_EXAMPLES.get(route.name, {}))
        made += [Request(route.name, "GET", url, query) for query in QUERIES.get(route.name, [{}])]
        made += [Request(route.name, "POST", url, body) for body in POST_BODIES.get(route.name, [])]
    return made


def test_every_route_has_what_the_sweep_needs():
    for route in all_routes():
        assert not route.takes_arguments or route.name in ROUTE_EXAMPLES, (
            f"add example arguments for {route.name!r} to ROUTE_EXAMPLES"
        )


def answer(client, request: Request):
    if request.method == "GET":
        return client.get(request.url, request.data)
    if request.url.startswith("/api/"):
        return client.post(request.url, json.dumps(request.data), content_type="application/json")
    if request.name in ("finder", "caseworker-finder"):
        return client.post(request.url, as_sent_by_the_page(request.data))
    return client.post(request.url, request.data)


def test_no_confidential_value_leaves_by_any_route(client, secrets):
    leaks = []
    for request in requests():
        response = answer(client, request)

        assert response.status_code < 500, request
        if response.status_code == 405:
            assert request.name in POST_BODIES | NOT_POSTED, f"add a POST body for {request.name!r}"
        body = response.content.decode()
        leaks += [(request, what) for what, marker in MARKERS.items() if marker in body]

    assert leaks == []


def test_the_sweep_would_see_a_leak(client, secrets):
    # The markers are real: published, they appear where the sweep looks.
    Location.all_objects.filter(name=MARKERS["location name"]).update(public=True)
    ContactRoute.all_objects.filter(value=MARKERS["private phone"]).update(public=True)

    page = client.get(reverse("service-detail", kwargs={"slug": "roam"})).content.decode()
    feed = client.get(f"/openreferral/services/{service_id('roam')}").content.decode()

    for body in (page, feed):
        assert MARKERS["location name"] in body
        assert MARKERS["private phone"] in body
