"""Where the finder puts things: the question and its button on a phone's first screen, a large
map beside the list on a laptop that stays in view, and no map at all without JavaScript."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.test_finder import answer, find, map_ready, results

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committed_data_read_only")]

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}


def fully_in_view(page, locator) -> bool:
    box = locator.bounding_box()
    viewport = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
    )


@pytest.mark.parametrize(
    "context_options",
    [PHONE, {**PHONE, "java_script_enabled": False}],
    ids=["javascript", "no-javascript"],
)
def test_a_phones_first_screen_asks_where_and_has_the_button(page, context_options):
    page.goto(reverse("finder"))

    assert fully_in_view(page, page.get_by_role("button", name="Find support"))
    assert fully_in_view(page, page.get_by_label("Town, village or postcode"))
    assert fully_in_view(page, page.get_by_text("Tell us more to narrow this down (optional)"))
    # The other questions wait, folded, until the person asks for them.
    expect(page.get_by_label("Age", exact=True)).to_be_hidden()
    page.get_by_text("Tell us more to narrow this down (optional)").click()
    expect(page.get_by_label("Age", exact=True)).to_be_visible()


def search_edinburgh(page):
    page.goto(reverse("finder"))
    map_ready(page)
    answer(page, area="City of Edinburgh")
    find(page)


@pytest.mark.parametrize("context_options", [LAPTOP], ids=["laptop"])
def test_on_a_laptop_a_large_map_beside_the_list_stays_in_view(page, context_options):
    search_edinburgh(page)
    expect(results(page).get_by_role("heading", level=2)).to_be_focused()
    the_map = page.locator("#finder-map")
    listed = results(page).locator(".finder-result")

    box = the_map.bounding_box()
    assert box["width"] >= 0.4 * 1280
    assert box["height"] >= 0.6 * 800
    # Beside the list, not under it.
    assert box["x"] > listed.first.bounding_box()["x"] + listed.first.bounding_box()["width"]
    # Far down the list, the map is still all in view.
    # Scrolled again until it stays: the finder brings the answer's heading into view a frame
    # or two after focusing it, which on a busy machine can come after the first scroll.
    page.wait_for_function("() => { window.scrollTo(0, 3000); return window.scrollY === 3000; }")
    assert fully_in_view(page, the_map)


@pytest.mark.parametrize(
    "context_options", [{**LAPTOP, "java_script_enabled": False}], ids=["no-javascript"]
)
def test_without_javascript_no_map_is_offered_and_the_list_takes_the_width(page, context_options):
    page.goto(reverse("finder"))
    page.get_by_label("Or choose a council area").select_option(label="City of Edinburgh")
    find(page)

    expect(results(page).get_by_role("heading", level=2)).to_be_in_viewport()
    expect(page.get_by_role("heading", name="Map")).to_be_hidden()
    expect(page.get_by_text("Tap an area to search there")).to_be_hidden()
    assert results(page).bounding_box()["width"] > 0.6 * 1280


def heading_opens_the_screen(page) -> None:
    """The answer's heading is at the top of the screen, once any scrolling has settled, and not
    under the quick exit."""
    # Polled from here: a page without JavaScript runs none of Playwright's waiting in the page.
    for _ in range(50):
        top = page.evaluate(
            "() => document.querySelector('#finder-results h2')?.getBoundingClientRect().top"
        )
        if top is not None and 0 <= top < 150:
            break
        page.wait_for_timeout(100)
    heading = results(page).get_by_role("heading", level=2)
    assert fully_in_view(page, heading)
    box = heading.bounding_box()
    assert page.evaluate(
        "([x, y]) => document.querySelector('#finder-results h2').contains("
        "document.elementFromPoint(x, y))",
        [box["x"] + 10, box["y"] + 5],
    )


@pytest.mark.parametrize(
    "context_options",
    [
        PHONE,
        LAPTOP,
        {**PHONE, "java_script_enabled": False},
        {**LAPTOP, "java_script_enabled": False},
    ],
    ids=["phone", "laptop", "phone-no-javascript", "laptop-no-javascript"],
)
def test_after_a_search_the_answer_heading_opens_the_screen(page, context_options):
    page.goto(reverse("finder"))
    answer(page, area="Glasgow City", age=17, gender="Man")
    find(page)

    heading = results(page).get_by_role("heading", level=2)
    expect(heading).to_contain_text("for Glasgow City")
    if context_options.get("java_script_enabled", True):
        # The list came in place: focus moves to the answer, so a screen reader reads it out.
        expect(heading).to_be_focused()
    heading_opens_the_screen(page)


@pytest.mark.parametrize("context_options", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_after_a_tap_on_the_map_the_answer_heading_opens_the_screen(page, context_options):
    page.goto(reverse("finder"))
    map_ready(page)

    page.locator("path.finder-map__area--S12000017").click()

    heading = results(page).get_by_role("heading", level=2)
    expect(heading).to_contain_text("for Highland")
    expect(heading).to_be_focused()
    heading_opens_the_screen(page)


def map_offset(page) -> str:
    """Where Leaflet has moved the map's content: it changes when the map is panned."""
    return page.evaluate(
        "() => getComputedStyle(document.querySelector('#finder-map .leaflet-map-pane')).transform"
    )


def swipe(page, start: tuple[float, float], down: float) -> None:
    """One finger's swipe, through Chromium's own touch input."""
    session = page.context.new_cdp_session(page)
    x, y = start

    def touch(kind: str, points: list[dict]) -> None:
        session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", [{"x": x, "y": y}])
    for step in range(1, 11):
        touch("touchMove", [{"x": x, "y": y + down * step / 10}])
    touch("touchEnd", [])
    page.wait_for_timeout(300)


@pytest.mark.parametrize("context_options", [PHONE], ids=["phone"])
def test_a_one_finger_swipe_over_the_map_scrolls_the_page_not_the_map(page, context_options):
    page.goto(reverse("finder"))
    map_ready(page)
    the_map = page.locator("#finder-map")
    # The map's top 100 px down the screen, with the page above it to scroll back to.
    page.evaluate(
        "() => window.scrollBy(0, document.querySelector('#finder-map')"
        ".getBoundingClientRect().top - 100)"
    )
    before, offset = page.evaluate("window.scrollY"), map_offset(page)
    box = the_map.bounding_box()

    # A finger on the map, moved 200 px down the screen in small steps, as a swipe is.
    start = (box["x"] + box["width"] / 2, max(box["y"], 0) + 20)
    assert start[1] + 200 < box["y"] + box["height"]
    swipe(page, start, 200)

    assert page.evaluate("window.scrollY") < before - 100
    assert map_offset(page) == offset
