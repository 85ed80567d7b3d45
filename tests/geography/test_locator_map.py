import re

import pytest
from django.urls import reverse

from geography.locator_map import locator_map

pytestmark = pytest.mark.django_db


def test_every_scottish_area_is_drawn_small_and_linked(client):
    drawing = locator_map()

    assert len(drawing.areas) == 32
    assert drawing.width == 300
    assert 300 < drawing.height < 500
    assert sum(len(area.path) for area in drawing.areas) < 40_000


def test_a_service_page_shows_where_it_works_without_a_script(client):
    html = client.get(reverse("service-detail", args=["roam"])).content.decode()

    chosen = re.findall(r'locator-map__area--chosen" d="[^"]+"><title>([^<]+)</title>', html)
    assert sorted(chosen) == ["City of Edinburgh", "East Lothian", "Midlothian", "West Lothian"]
    assert 'href="/areas/highland/"' in html
    assert "leaflet" not in html


def test_the_gap_map_marks_areas_without_a_service_by_outline_as_well_as_colour(client):
    html = client.get(reverse("statistics")).content.decode()

    assert html.count("locator-map__area--none") == 23 + 1  # the areas, and the key
    assert "Shetland Islands: no face-to-face services" in html
    # Operation Begonia, out of the finder, is not face-to-face support in Aberdeen today.
    assert "Aberdeen City: 3 face-to-face services" in html
