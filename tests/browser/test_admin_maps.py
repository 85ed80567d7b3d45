"""Admin's map fields in a real browser: council areas under every map, the marker tool in a
location added to a new service, and a point placed from a typed postcode."""

import json
import re

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from geography.models import CouncilArea
from services.models import Location, Service
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "screenshots"


@pytest.fixture
def laptop(page) -> Page:
    page.set_viewport_size({"width": 1280, "height": 800})
    return page


def start_a_new_service(page: Page) -> None:
    """The add-service page with everything a service needs but its location filled in."""
    page.goto(reverse("admin:services_service_add"))
    page.get_by_role("textbox", name="Name:", exact=True).fill("Leith drop-in")
    page.locator(".field-organisation .select2-selection").click()
    page.locator(".select2-search__field").fill("Fedcap")
    page.get_by_role("option", name="Fedcap Scotland").click()
    page.get_by_label("Summary:", exact=True).fill("A drop-in for testing the admin's maps.")
    page.get_by_role("checkbox", name="Sexual health").check()
    page.get_by_label("Main kind of help").select_option(label="Sexual health")
    page.get_by_role("checkbox", name="Drop-in").check()
    page.get_by_role("checkbox", name=re.compile("^City of Edinburgh")).check()


def add_a_location(page: Page, name: str, index: int = 0) -> Locator:
    """The new row "Add another Location" makes (the index-th of a new service's), named, with its
    map drawn."""
    page.get_by_role("button", name="Add another Location").click()
    row = page.locator(f"#locations-{index}")
    row.get_by_label("Name:").fill(name)
    expect(row.locator(".admin-map[data-areas-drawn=true]")).to_be_attached()
    return row


@pytest.fixture
def new_location(laptop, signed_in_admin) -> Locator:
    """A location row added to a new service on the add-service page."""
    start_a_new_service(laptop)
    return add_a_location(laptop, "Leith base")


def type_and_place(row: Locator, text: str) -> None:
    row.get_by_label("Postcode:").fill(text)
    row.get_by_role("button", name="Place from postcode").click()


def point_of(row: Locator) -> dict:
    return json.loads(row.locator("textarea.django-leaflet-raw-textarea").input_value())


def save(page: Page) -> None:
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")


def test_a_location_added_to_a_new_service_takes_the_point_drawn_with_the_marker_tool(
    laptop, traffic, new_location
):
    row = new_location
    canvas = row.locator(".admin-map__canvas")

    row.get_by_role("link", name="Draw a marker").click()
    canvas.click(position={"x": 360, "y": 200})

    # The tool used to be a bare link to "#": the page jumped to the top and nothing was set.
    assert not laptop.url.endswith("#")
    assert laptop.evaluate("window.scrollY") > 0
    expect(canvas.locator(".leaflet-marker-icon")).to_have_count(1)
    drawn = point_of(row)
    assert drawn["type"] == "Point"
    save(laptop)
    location = Location.all_objects.get(service__name="Leith drop-in", name="Leith base")
    assert location.point["coordinates"] == pytest.approx(drawn["coordinates"])
    assert traffic.console_errors == []
    assert traffic.requests_elsewhere() == []


def test_a_second_added_location_gets_its_own_working_map(laptop, traffic, signed_in_admin):
    start_a_new_service(laptop)
    first = add_a_location(laptop, "First base")
    second = add_a_location(laptop, "Second base", index=1)

    second.get_by_role("link", name="Draw a marker").click()
    second.locator(".admin-map__canvas").click(position={"x": 200, "y": 150})

    assert point_of(second)["type"] == "Point"
    assert first.locator("textarea.django-leaflet-raw-textarea").input_value() == ""
    # The hidden template row is never started, so "Add another" clones a clean copy.
    expect(laptop.locator(".empty-form .leaflet-container")).to_have_count(0)
    # The coverage map and both location maps draw the areas from one request.
    shapes = [url for url in traffic.requests if url.endswith(reverse("area-shapes"))]
    assert len(shapes) == 1
    assert traffic.console_errors == []


def test_a_typed_postcode_places_the_point_and_the_saved_location_keeps_it(
    laptop, traffic, new_location
):
    row = new_location

    type_and_place(row, "eh6 5ab")

    expect(row.get_by_role("status")).to_have_text("Using postcode EH6 5AB. In City of Edinburgh.")
    expect(row.locator(".leaflet-marker-icon")).to_have_count(1)
    row.locator(".admin-map").evaluate("map => map.scrollIntoView({block: 'center'})")
    laptop.screenshot(path=SHOTS / "admin-location-map-from-postcode-1280.png")
    row.locator(".admin-map").screenshot(path=SHOTS / "admin-location-map-widget-1280.png")
    save(laptop)
    location = Location.all_objects.get(service__name="Leith drop-in", name="Leith base")
    # EH6 5AB is at -3.18487, 55.96621 in the postcode file: the stored point is that place,
    # to the six decimals (about 10 cm) that the map widget keeps.
    assert location.point["coordinates"] == pytest.approx([-3.18487, 55.96621], abs=1e-6)
    assert location.council_area.name == "City of Edinburgh"
    assert traffic.requests_elsewhere() == []


def test_an_ambiguous_place_name_offers_its_namesakes_to_choose_from(new_location):
    row = new_location

    type_and_place(row, "Newton")

    expect(row.get_by_role("status")).to_contain_text("More than one place in Scotland")
    assert row.locator("textarea.django-leaflet-raw-textarea").input_value() == ""
    row.get_by_role("button", name="Newton, near Wick, Highland").click()
    expect(row.get_by_role("status")).to_have_text(
        "Using Newton, near Wick, Highland. In Highland."
    )
    lon, lat = point_of(row)["coordinates"]
    assert (round(lon), round(lat)) == (-3, 58)


def test_a_location_map_shows_the_council_areas(laptop, traffic, signed_in_admin):
    location = Location.all_objects.create(
        service=Service.all_objects.get(slug="wishes"),
        name="Leith base",
        point={"type": "Point", "coordinates": [-3.18487, 55.96621]},
    )

    laptop.goto(reverse("admin:services_location_change", args=[location.pk]))

    areas = laptop.locator(".admin-map__canvas .leaflet-areas-pane path")
    expect(areas).to_have_count(CouncilArea.objects.count())
    expect(laptop.locator(".admin-map__canvas .leaflet-marker-icon")).to_have_count(1)
    laptop.screenshot(path=SHOTS / "admin-location-change-1280.png", full_page=True)
    assert traffic.console_errors == []
    assert traffic.requests_elsewhere() == []


def test_a_boundary_map_draws_the_other_areas_under_the_one_being_edited(
    laptop, traffic, signed_in_admin
):
    orkney = CouncilArea.objects.get(code="S12000023")

    laptop.goto(reverse("admin:geography_councilarea_change", args=[orkney.pk]))

    expect(laptop.locator(".leaflet-areas-pane path")).to_have_count(CouncilArea.objects.count())
    expect(laptop.locator(".leaflet-overlay-pane path").first).to_be_attached()
    assert traffic.console_errors == []
