"""The finder's map draws the very answer the list shows, sent with the list: one search per
question (services/finder_map.py)."""

import json
import re

import pytest
from django.urls import reverse

from services.models import Location
from tests.finder_forms import as_sent_by_the_page

pytestmark = pytest.mark.django_db

FRAGMENT = {"X-Finder-Fragment": "results"}
WOMAN_IN_EDINBURGH = {"area": "S12000036", "age": "25", "gender": "woman", "trans": "no"}


def data_block(html: str, block_id: str) -> dict:
    found = re.search(
        rf'<script id="{block_id}" type="application/json">(.*?)</script>', html, re.S
    )
    assert found, f"no {block_id} block"
    return json.loads(found.group(1))


def listed(html: str) -> list[str]:
    """The services of the answer's list, before any "Further away" group (not on the map)."""
    return re.findall(r'data-result-slug="([^"]+)"', html.split('id="further-away"')[0])


def api_answer(client, body: dict) -> dict:
    response = client.post(reverse("api-search"), body, content_type="application/json")
    assert response.status_code == 200
    return response.json()


def test_the_results_fragment_carries_the_map_of_the_same_answer(client):
    html = client.post(reverse("finder"), WOMAN_IN_EDINBURGH, headers=FRAGMENT).content.decode()

    drawn = data_block(html, "finder-map-data")

    assert drawn["area"] == "S12000036"
    assert [result["slug"] for result in drawn["results"]] == listed(html)
    api = api_answer(client, {"area": "S12000036", "age": 25, "gender": "woman", "trans": False})
    assert drawn["counts_by_area"] == api["counts_by_area"]
    assert drawn["counts_by_area"]["S12000036"] == 7
    tara = next(result for result in drawn["results"] if result["slug"] == "tara")
    assert (tara["scope"], tara["coverage"]) == ("scotland", [])


def test_the_map_draws_a_base_known_only_by_its_area_as_the_area_never_a_pin(client):
    # Leith Partnership's base is given an address; every other real base is known only by its
    # council area.
    Location.all_objects.filter(service__slug="leith-partnership").update(
        point={"type": "Point", "coordinates": [-3.17, 55.97]}
    )
    html = client.post(reverse("finder"), WOMAN_IN_EDINBURGH, headers=FRAGMENT).content.decode()
    drawn = {r["slug"]: r for r in data_block(html, "finder-map-data")["results"]}

    assert drawn["wishes"]["bases"] == []
    assert drawn["wishes"]["based_in_areas"] == ["S12000036"]
    assert drawn["leith-partnership"]["bases"] == [
        {"name": "City of Edinburgh base", "lon": -3.17, "lat": 55.97}
    ]
    assert drawn["leith-partnership"]["based_in_areas"] == []
    assert [slug for slug, result in drawn.items() if result["bases"]] == ["leith-partnership"]


def test_the_caseworkers_map_draws_the_services_their_list_shows_not_eligible_ones_too(
    admin_client,
):
    # A man: the women-only services are not for him, and a caseworker's list still shows them.
    answers = {"area": "S12000036", "gender": "man"}
    html = admin_client.post(
        reverse("caseworker-finder"), answers, headers=FRAGMENT
    ).content.decode()

    drawn = [result["slug"] for result in data_block(html, "finder-map-data")["results"]]

    assert drawn == listed(html)
    assert "wishes" in drawn


def test_a_page_before_any_answer_carries_the_map_for_no_answers(client):
    html = client.get(reverse("finder")).content.decode()

    start = data_block(html, "finder-map-start")

    assert start["area"] is None
    assert "finder-map-data" not in html
    assert start["counts_by_area"] == api_answer(client, {})["counts_by_area"]
    assert len(start["results"]) == 18


def test_a_whole_page_answer_carries_its_map_and_the_one_for_no_answers(client):
    html = client.post(reverse("finder"), as_sent_by_the_page(WOMAN_IN_EDINBURGH)).content.decode()

    assert data_block(html, "finder-map-data")["area"] == "S12000036"
    assert data_block(html, "finder-map-start")["area"] is None
