"""The finder in a real browser: the journeys of the people it is for."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from services.models import Location

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committed_data_read_only")]


def results(page):
    return page.locator("#finder-results")


def result(page, name):
    return results(page).locator(
        ".finder-result", has=page.get_by_role("link", name=name, exact=True)
    )


def map_ready(page):
    expect(page.locator("#finder-map[data-ready=true]")).to_be_visible()


def map_shows_area(page, code):
    """The map has drawn the answer to the latest search: the person's area is outlined."""
    expect(page.locator(f"path.finder-map__area--{code}")).to_have_attribute("stroke-width", "4")


MORE_QUESTIONS = "Tell us more to narrow this down (optional)"


def tell_us_more(page):
    """Unfold the questions beyond where the person is, as a person taps them open."""
    if page.locator("details.finder-form__more[open]").count() == 0:
        page.get_by_text(MORE_QUESTIONS).click()


def answer(page, *, area=None, age=None, gender=None, trans=None, place=None):
    if (age, gender, trans) != (None, None, None):
        tell_us_more(page)
    if place is not None:
        page.get_by_label("Town, village or postcode").fill(place)
    if area is not None:
        page.get_by_label("Or choose a council area").select_option(label=area)
    if age is not None:
        page.get_by_label("Age", exact=True).fill(str(age))
    if gender is not None:
        choose(page.get_by_role("group", name="Gender"), gender)
    if trans is not None:
        choose(page.get_by_role("group", name="Are you trans?"), trans)


def choose(scope, label):
    """Tick a design-system radio or checkbox the way a person does: by its label, which covers
    the input itself."""
    scope.locator("label").get_by_text(label, exact=True).click()


def find(page):
    page.get_by_role("button", name="Find support").click()


def test_a_woman_of_25_in_edinburgh_finds_her_services_on_the_list_and_the_map(
    page, traffic, screenshots
):
    page.goto(reverse("finder"))
    map_ready(page)
    answer(page, area="City of Edinburgh", age=25, gender="Woman", trans="No")
    asked_before = len(traffic.requests)

    find(page)

    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        "7 services found for City of Edinburgh"
    )
    # The page takes her to the answer, and a screen reader reads its heading.
    expect(results(page).get_by_role("heading", level=2)).to_be_focused()
    expect(results(page).get_by_role("heading", level=2)).to_be_in_viewport()
    wishes = result(page, "WISHES")
    # The verdict's tag, whole: "For you" is also part of "Not for you".
    expect(wishes.locator(".ds_tag")).to_have_text("For you")
    expect(wishes).to_contain_text("For women aged 18 and over")
    expect(wishes).to_contain_text("covers City of Edinburgh")
    expect(result(page, "The TARA service").locator(".ds_tag")).to_have_text("Check with them")
    expect(results(page)).not_to_contain_text("Roam")
    # The map outlines her area and says how many reach each area. No real base has an address,
    # so there is no pin: choosing WISHES outlines the area it is based in.
    map_shows_area(page, "S12000036")
    expect(page.locator("#finder-map-legend li").first).to_be_visible()
    expect(page.locator("#finder-map .leaflet-interactive[fill='#0065bd']")).to_have_count(0)
    wishes.locator(".finder-result__organisation").click()
    expect(page.locator("path.finder-map__area--S12000036")).to_have_attribute("stroke", "#0065bd")
    # One request answered the list and the map together.
    assert traffic.requests[asked_before:] == [page.url]
    # The page was updated in place: still the finder, nothing in the address bar.
    assert page.url.rstrip("/") == traffic.origin
    assert traffic.cookies() == []
    assert traffic.requests_elsewhere() == []
    assert traffic.console_errors == []
    screenshots("finder-edinburgh-woman-25")


def test_a_17_year_old_man_sees_roam_as_unclear_and_the_adult_services_when_he_asks(page):
    page.goto(reverse("finder"))
    answer(page, area="City of Edinburgh", age=17, gender="Man")
    find(page)

    roam = result(page, "Roam")
    expect(roam).to_contain_text("Check with them")
    expect(roam).to_contain_text("Only for men who have sex with men")
    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        "1 service found for City of Edinburgh"
    )

    tell_us_more(page)
    choose(page, "Also show services that are not for me, and why")
    find(page)

    leith = result(page, "Leith Partnership")
    expect(leith).to_contain_text("Not for you")
    expect(leith).to_contain_text("Only for people aged 18 and over")
    expect(
        results(page).get_by_role("heading", name="Working in person in City of Edinburgh")
    ).to_be_visible()
    expect(results(page).locator(".ds_tag", has_text="Not for you").first).to_be_visible()


def test_someone_in_shetland_who_wants_remote_support_gets_the_remote_services(page):
    page.goto(reverse("finder"))
    answer(page, area="Shetland Islands")
    tell_us_more(page)
    choose(page, "Only show support I can get online or by phone")
    find(page)

    expect(results(page).locator(".finder-result")).to_have_count(4)
    for name in ("Click (CLiCK)", "National Ugly Mugs", "The TARA service", "You My Sister"):
        expect(result(page, name)).to_be_visible()
    expect(results(page)).to_contain_text(
        "No specialist service works in person in Shetland Islands"
    )


@pytest.mark.parametrize("context_options", [{"java_script_enabled": False}], ids=["no-js"])
def test_the_same_journeys_work_without_javascript(page, traffic, context_options, screenshots):
    page.goto(reverse("finder"))
    expect(page.locator("#finder-map")).to_be_hidden()
    # Nothing is offered that needs scripts to work.
    expect(page.get_by_role("button", name="Use my location")).to_be_hidden()
    answer(page, area="City of Edinburgh", age=17, gender="Man")
    find(page)

    expect(result(page, "Roam")).to_contain_text("Only for men who have sex with men")
    # The answers went in the body of a POST: the address is the finder's own, with no query,
    # and the page opens at the answer, not at the top of a page that looks unchanged.
    assert page.url == traffic.origin + reverse("finder") + "#answer"
    expect(results(page).get_by_role("heading", level=2)).to_be_in_viewport()

    answer(page, area="Shetland Islands", age="", gender="Prefer not to say")
    choose(page, "Only show support I can get online or by phone")
    find(page)
    expect(results(page).locator(".finder-result")).to_have_count(4)
    assert traffic.cookies() == []
    screenshots("finder-no-javascript")


def test_a_town_name_is_suggested_as_you_type_and_finds_the_area(page, traffic):
    page.goto(reverse("finder"))
    page.get_by_label("Town, village or postcode").press_sequentially("Kirkw")

    kirkwall = page.locator("#place-suggestions option[value^='Kirkwall']")
    expect(kirkwall).to_have_count(1)
    # The person picks Kirkwall, not whatever is first: while the letters are typed, the list for
    # "Kirk" can be showing, Kirkwall in it but not first (a run on PostgreSQL found Highland).
    suggestion = kirkwall.get_attribute("value")
    page.get_by_label("Town, village or postcode").fill(suggestion)
    find(page)

    expect(results(page).get_by_role("heading", level=2)).to_contain_text("for Orkney Islands")
    # What was typed went in POST bodies only.
    assert not [url for url in traffic.requests if "Kirkw" in url]


def test_a_postcode_or_its_district_finds_the_area(page, traffic):
    page.goto(reverse("finder"))
    answer(page, place="EH6 5AB")
    find(page)
    expect(results(page).get_by_role("heading", level=2)).to_contain_text("for City of Edinburgh")
    expect(results(page)).to_contain_text("Using postcode EH6 5AB.")

    answer(page, place="KW15")
    find(page)
    expect(results(page).get_by_role("heading", level=2)).to_contain_text("for Orkney Islands")
    assert not [url for url in traffic.requests if "EH6" in url or "KW15" in url]


def test_tapping_the_map_searches_that_area(page):
    page.goto(reverse("finder"))
    map_ready(page)

    page.locator("path.finder-map__area--S12000017").click()

    expect(results(page).get_by_role("heading", level=2)).to_contain_text("for Highland")
    expect(page.get_by_label("Or choose a council area")).to_have_value("S12000017")


@pytest.mark.parametrize(
    "context_options",
    [
        {
            "geolocation": {"latitude": 55.953252, "longitude": -3.188267},
            "permissions": ["geolocation"],
        }
    ],
    ids=["in-edinburgh"],
)
def test_use_my_location_sends_only_a_rounded_point(page, context_options):
    sent = []
    page.on(
        "request",
        lambda request: request.method == "POST" and sent.append(request.post_data or ""),
    )
    page.goto(reverse("finder"))
    map_ready(page)

    page.get_by_role("button", name="Use my location").click()

    expect(results(page).get_by_role("heading", level=2)).to_contain_text("for City of Edinburgh")
    map_shows_area(page, "S12000036")
    # One search, the form's: the map draws the answer that came with the list.
    assert len(sent) == 1
    assert 'name="lon"' in sent[0]
    assert "-3.19" in sent[0]
    assert "55.95" in sent[0]
    assert not [body for body in sent if "188267" in body or "953252" in body]


def test_choosing_a_result_highlights_where_it_works(page):
    page.goto(reverse("finder"))
    map_ready(page)
    answer(page, area="City of Edinburgh", gender="Man")
    find(page)
    map_shows_area(page, "S12000036")

    result(page, "Roam").locator(".finder-result__organisation").click()

    expect(result(page, "Roam")).to_have_class("finder-result finder-result--selected")
    expect(page.locator("path.finder-map__area--S12000010")).to_have_attribute(
        "stroke-dasharray", "6 4"
    )
    expect(page.locator("path.finder-map__area--S12000033")).not_to_have_attribute(
        "stroke-dasharray", "6 4"
    )


@pytest.mark.parametrize("context_options", [{"java_script_enabled": False}], ids=["no-js"])
def test_without_javascript_a_reload_shows_the_empty_form_and_says_why(
    page, context_options, screenshots
):
    page.goto(reverse("finder"))
    answer(page, area="City of Edinburgh", age=25, gender="Woman")
    find(page)
    expect(results(page)).to_contain_text("Your answers are not kept.")
    screenshots("finder-results-no-javascript")

    page.reload()

    expect(page.get_by_text("this page does not show them again")).to_be_visible()
    expect(results(page)).to_be_empty()
    expect(page.get_by_label("Or choose a council area")).to_have_value("")
    expect(page.get_by_label("Age", exact=True)).to_have_value("")
    screenshots("finder-sent-again-no-javascript")


@pytest.mark.parametrize(
    "context_options", [{}, {"java_script_enabled": False}], ids=["javascript", "no-javascript"]
)
def test_a_name_of_several_places_is_answered_with_each_to_choose(page, context_options):
    page.goto(reverse("finder"))
    answer(page, place="Newton")

    find(page)

    expect(results(page)).to_contain_text("More than one place in Scotland has that name")
    choices = results(page).get_by_role("list", name="Places with that name")
    expect(choices.get_by_role("button")).to_have_count(9)
    choices.get_by_role("button", name="Newton, near Wick, Highland").click()

    expect(results(page).get_by_role("heading", level=2)).to_contain_text("found for Highland")
    expect(results(page)).to_contain_text("Using Newton, near Wick, Highland.")
    expect(page.get_by_label("Town, village or postcode")).to_have_value(
        "Newton, near Wick, Highland"
    )


def fits_in_the_map(page, code: str) -> bool:
    """Whether the area's whole shape is inside the map's box."""
    box = page.locator("#finder-map").bounding_box()
    shape = page.locator(f"path.finder-map__area--{code}").bounding_box()
    return (
        shape["x"] >= box["x"] - 1
        and shape["y"] >= box["y"] - 1
        and shape["x"] + shape["width"] <= box["x"] + box["width"] + 1
        and shape["y"] + shape["height"] <= box["y"] + box["height"] + 1
    )


def settles(page, condition) -> bool:
    """Whether the condition comes true within five seconds: Leaflet animates its zooms."""
    for _ in range(50):
        if condition():
            return True
        page.wait_for_timeout(100)
    return condition()


def test_the_map_has_a_way_back_to_all_of_scotland(page):
    page.goto(reverse("finder"))
    map_ready(page)
    answer(page, area="City of Edinburgh")
    find(page)
    map_shows_area(page, "S12000036")
    # Zoomed to Edinburgh: Shetland is off the map.
    assert settles(page, lambda: not fits_in_the_map(page, "S12000027"))

    page.get_by_role("button", name="All of Scotland").click()

    assert settles(page, lambda: fits_in_the_map(page, "S12000027"))


def test_a_map_whose_style_sheet_fails_stays_hidden_and_the_list_still_answers(page):
    # Leaflet measures its container and places its panes by leaflet.css: started without it, a
    # map is drawn at the wrong size and place. So the map waits for the style sheet and, without
    # it, stays away; the list answers in any case.
    uncaught = []
    page.on("pageerror", lambda error: uncaught.append(error))
    page.route("**/leaflet/leaflet*.css", lambda route: route.abort())
    page.goto(reverse("finder"))
    answer(page, area="City of Edinburgh")
    find(page)

    expect(results(page).get_by_role("heading", level=2)).to_contain_text(
        "services found for City of Edinburgh"
    )
    expect(result(page, "WISHES")).to_be_visible()
    expect(page.locator(".finder-map")).to_be_hidden()
    expect(page.locator("#finder-map[data-ready]")).to_have_count(0)
    assert uncaught == []


@pytest.mark.parametrize("size", [(360, 740), (1280, 800)], ids=["360px", "1280px"])
def test_a_base_with_an_address_is_a_marker_that_brings_the_list_to_its_service(
    page, size, reference_data_committed
):
    Location.all_objects.filter(service__slug="leith-partnership").update(
        point={"type": "Point", "coordinates": [-3.17, 55.97]}
    )
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(reverse("finder"))
    map_ready(page)
    answer(page, area="City of Edinburgh", age=25, gender="Woman", trans="No")
    find(page)
    expect(results(page).get_by_role("heading", level=2)).to_be_focused()

    marker = page.locator("#finder-map .leaflet-interactive[fill='#0065bd']")
    expect(marker).to_have_count(1)
    marker.scroll_into_view_if_needed()
    marker.dispatch_event("click")

    leith = page.locator("[data-result-slug=leith-partnership]")
    expect(leith).to_have_class("finder-result finder-result--selected")
    expect(leith).to_be_in_viewport()
