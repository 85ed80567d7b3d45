"""Names reach the page as text in every script: an editor, an imported Open Referral file or a
boundary file can name a service, an organisation or an area with markup in it, and Leaflet puts
a string into a tooltip as HTML. CSP stops scripts, not elements: an injected <meta> refresh
would send a visitor elsewhere."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from geography.models import CouncilArea
from services.models import Service
from tests.browser.test_finder import find, map_ready, map_shows_area, results

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data_committed")]

DUNDEE = "S12000042"
# Each would make an element the tests can find, and the first two would leave the page.
HOSTILE_NAMES = {
    "service": 'Vice Versa<meta http-equiv="refresh" content="0;url=/privacy/">'
    '<img id="made-from-a-service-name" src="/x">',
    "organisation": 'Dundee drop-in<meta http-equiv="refresh" content="0;url=/about/">'
    '<img id="made-from-an-organisation-name" src="/x">',
    # Within an area name's 100 characters (PostgreSQL refuses more): an img needs no src.
    "area": 'Dundee<meta http-equiv="refresh" content="0;url=/staying-safe/">'
    '<img id="made-from-an-area-name">',
}
MADE_FROM_A_NAME = (
    "#made-from-a-service-name, #made-from-an-organisation-name, #made-from-an-area-name, "
    "meta[http-equiv]"
)


@pytest.fixture
def hostile_names(reference_data_committed):
    # Saved as admin and the imports save them, so the search catalogue and the maps see them.
    service = Service.all_objects.get(slug="vice-versa")
    service.name = HOSTILE_NAMES["service"]
    service.save()
    service.organisation.name = HOSTILE_NAMES["organisation"]
    service.organisation.save()
    area = CouncilArea.objects.get(code=DUNDEE)
    area.name = HOSTILE_NAMES["area"]
    area.save()


def tooltip_of(page: Page, shape) -> str:
    """The tooltip a pointer over the shape opens (told to the shape itself: at the whole map's
    zoom a small area lies under its own marker)."""
    shape.dispatch_event("mouseover")
    tooltip = page.locator(".leaflet-tooltip")
    expect(tooltip).to_be_visible()
    text = tooltip.inner_text()
    shape.dispatch_event("mouseout")
    expect(tooltip).to_have_count(0)
    return text


def assert_nothing_made_from_a_name(page: Page, url: str) -> None:
    expect(page.locator(MADE_FROM_A_NAME)).to_have_count(0)
    assert page.url == url


def test_the_finder_shows_hostile_names_as_text(page, live_server, hostile_names):
    page.goto(reverse("finder"))
    map_ready(page)
    page.get_by_label("Or choose a council area").select_option(DUNDEE)
    find(page)
    map_shows_area(page, DUNDEE)

    area = page.locator(f"path.finder-map__area--{DUNDEE}")
    assert tooltip_of(page, area).startswith(HOSTILE_NAMES["area"] + ": ")

    # Vice Versa is based in Dundee at no address we hold: chosen in the list, the map names it
    # in the area's tooltip.
    page.locator("[data-result-slug=vice-versa] .finder-result__organisation").click()
    assert tooltip_of(page, area).endswith(
        f". {HOSTILE_NAMES['service']} is based here (we have no address)"
    )
    expect(results(page)).to_contain_text(HOSTILE_NAMES["service"])
    expect(results(page)).to_contain_text(HOSTILE_NAMES["organisation"])
    assert_nothing_made_from_a_name(page, live_server.url + reverse("finder"))


def test_the_admin_coverage_map_shows_hostile_area_names_as_text(
    page, live_server, hostile_names, signed_in_admin
):
    service = Service.all_objects.get(slug="vice-versa")
    url = reverse("admin:services_service_change", args=[service.pk])
    page.goto(url)
    expect(page.locator(".area-map--admin[data-ready=true]")).to_be_visible()
    # The shapes come in the order of the area list the map fetched.
    shapes = page.evaluate(
        "(url) => fetch(url).then((response) => response.json())",
        page.locator(".area-map--admin").get_attribute("data-shapes-url"),
    )
    codes = [feature["properties"]["code"] for feature in shapes["features"]]
    dundee = page.locator(".area-map--admin path.leaflet-interactive").nth(codes.index(DUNDEE))

    assert tooltip_of(page, dundee) == HOSTILE_NAMES["area"]
    assert_nothing_made_from_a_name(page, live_server.url + url)
