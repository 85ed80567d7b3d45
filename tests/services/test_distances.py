"""Distances mean something (issue 15): a number of km only from the person's own point to a
base with an address's point; a base known only by its council area is said to be there; a
service with no base says nothing."""

import re
from html import unescape

import pytest
from django.urls import reverse

from geography.distance import great_circle_km
from geography.locate import locate_text
from services.catalogue import forget_catalogue
from services.models import Location

pytestmark = pytest.mark.django_db

FRAGMENT = {"X-Finder-Fragment": "results"}
# Postcode EH6 5AB, in Leith, as the gazetteer holds it.
LEITH = {"place": "EH6 5AB"}


def cards(client, answers: dict) -> dict[str, str]:
    html = unescape(client.post(reverse("finder"), answers, headers=FRAGMENT).content.decode())
    parts = re.split(r'<li class="finder-result" data-result-slug="', html)[1:]
    return {part.split('"', 1)[0]: re.sub(r"\s+", " ", part) for part in parts}


def test_from_a_postcode_a_base_known_by_its_area_is_said_to_be_there_not_km_away(client):
    shown = cards(client, LEITH)

    assert "Based in City of Edinburgh" in shown["wishes"]
    assert not any("km away" in card for card in shown.values())


def test_a_service_with_no_base_says_nothing_of_where_it_is_based(client):
    shown = cards(client, LEITH)

    assert "Based in" not in shown["national-ugly-mugs"]
    assert "km away" not in shown["national-ugly-mugs"]


def test_from_a_postcode_a_base_with_a_point_is_a_distance_in_km(client):
    # A drop-in on Leith Walk, given its address's point by an admin.
    base = Location.all_objects.filter(service__slug="wishes").first()
    base.point = {"type": "Point", "coordinates": [-3.1833, 55.9633]}
    base.save()
    forget_catalogue()
    lon, lat = locate_text("EH6 5AB").point
    expected = round(great_circle_km(lon, lat, -3.1833, 55.9633))

    shown = cards(client, LEITH)

    assert f"About {expected} km away" in shown["wishes"]
    assert "Based in" not in shown["wishes"]


def test_a_council_area_alone_is_no_point_to_measure_from(client):
    shown = cards(client, {"area": "S12000036"})

    assert not any("km away" in card for card in shown.values())
    # Where a service is based is no distance: it is said whoever asks.
    assert "Based in City of Edinburgh" in shown["wishes"]
