"""Where a service is based: an exact address where the service gave one, otherwise a point inside
its council area, marked as approximate (the map says "area only", the page says to ask).

None of the 16 real services gives an exact point, so these tests give WISHES one, in South
Queensferry, at the far edge of the City of Edinburgh from the area's own point.
"""

import json

import pytest

from geography.models import CouncilArea
from services.eligibility import Gender, Person
from services.models import Location, Service
from services.search import SearchQuery, search

pytestmark = pytest.mark.django_db

SOUTH_QUEENSFERRY = (-3.3960, 55.9900)
NEXT_DOOR = (-3.3970, 55.9905)


@pytest.fixture
def wishes_at_an_exact_address():
    Location.all_objects.filter(service__slug="wishes").update(
        point={"type": "Point", "coordinates": list(SOUTH_QUEENSFERRY)}
    )


def test_distance_is_measured_to_the_exact_address_where_there_is_one(wishes_at_an_exact_address):
    edinburgh = CouncilArea.objects.get(code="S12000036")
    person = Person(age=25, gender=Gender.WOMAN, trans=False)

    outcome = search(SearchQuery(person=person, located=True, area=edinburgh, point=NEXT_DOOR))

    distances = {r.entry.slug: r.distance_km for r in outcome.results}
    assert distances["wishes"] < 0.2
    # Sacro's base is known only by its area: measured to the area's point, across the city.
    assert distances["sacro-another-way"] > 5
    # Both are for her and neither has a route yet: the nearer comes first.
    order = [r.entry.slug for r in outcome.results]
    assert order.index("wishes") == order.index("sacro-another-way") - 1


def test_a_base_given_with_its_height_is_placed_by_its_longitude_and_latitude():
    # GeoJSON may carry a height after them, as GPS readings and some imports give it.
    Location.all_objects.filter(service__slug="wishes").update(
        point={"type": "Point", "coordinates": [*SOUTH_QUEENSFERRY, 12.5]}
    )
    edinburgh = CouncilArea.objects.get(code="S12000036")

    outcome = search(SearchQuery(located=True, area=edinburgh, point=NEXT_DOOR))

    assert {r.entry.slug: r.distance_km for r in outcome.results}["wishes"] < 0.2


def test_the_map_gets_each_service_with_its_bases_marked_exact_or_approximate(
    client, wishes_at_an_exact_address
):
    response = client.post(
        "/api/v1/search", data=json.dumps({"area": "S12000036"}), content_type="application/json"
    )

    results = {r["slug"]: r for r in response.json()["results"]}
    wishes = results["wishes"]
    assert (wishes["name"], wishes["organisation"]) == ("WISHES", wishes_organisation())
    assert wishes["summary"] == Service.all_objects.get(slug="wishes").summary
    assert {key: wishes[key] for key in ("url", "coverage", "scope", "remote")} == {
        "url": "/services/wishes/",
        "coverage": ["S12000036"],
        "scope": "areas",
        "remote": False,
    }
    bases = {slug: result["bases"] for slug, result in results.items()}
    assert bases["wishes"] == [
        {
            "name": "City of Edinburgh base",
            "lon": SOUTH_QUEENSFERRY[0],
            "lat": SOUTH_QUEENSFERRY[1],
            "approximate": False,
        }
    ]
    [sacro] = bases["sacro-another-way"]
    assert sacro["name"] == "City of Edinburgh base"
    assert sacro["approximate"] is True
    assert (sacro["lon"], sacro["lat"]) != SOUTH_QUEENSFERRY


def wishes_organisation() -> str:
    return Service.all_objects.select_related("organisation").get(slug="wishes").organisation.name
