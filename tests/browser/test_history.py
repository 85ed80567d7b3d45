"""Back, Reload and the quick exit in real Chromium: nothing a person answered comes back.

Someone who picks up a phone after the person who used it can press Back, Forward and Reload. Each
way back to the finder is tried with Chromium's back/forward cache on, as people have it: Back
could show the page as it was left, whole. A finder that fetched anything must not be kept, and
the tests require that Chromium did not keep it: Back loaded it again and Chromium filled its form
in from the history entry. That is all Back does with the cache off, as Playwright starts
Chromium, so those tests are not repeated with it off. A finder that Chromium does keep (one whose
scripts fetched nothing) must come back empty. Each is tried on a phone's screen and a laptop's, on
the public finder and the caseworkers' one.
"""

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Error, Page, expect

from services.finder_tokens import Refusal
from services.forms import FinderForm
from tests.browser.conftest import SCREEN_SIZES, new_context, sign_in_as_caseworker
from tests.browser.test_finder import (
    choose,
    find,
    map_ready,
    map_shows_area,
    results,
    tell_us_more,
)
from tests.browser.test_shell import press_escape, press_leave_button, press_shift_three_times

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committed_data_read_only")]

QUESTIONS = list(FinderForm.base_fields)
DUNDEE = "S12000042"
# Where the quick exit lands in these tests (conftest.neutral_site).
NEUTRAL_SITE = "**/weather"

# How each page came to be shown: set on pageshow (event.persisted is true for a page the
# back/forward cache kept) and unset on pagehide, so a test can wait for the page it went to.
RECORD_HOW_EACH_PAGE_IS_SHOWN = """
window.addEventListener("pageshow", (event) => { window.fromCache = event.persisted; });
window.addEventListener("pagehide", () => { delete window.fromCache; });
"""

# Every control of the page that holds an answer: a question answered, a box ticked. "Prefer not
# to say" (a radio whose value is empty) and an empty field are no answer.
ANSWERS_ON_THE_PAGE = """(questions) => Array.from(document.querySelectorAll("input, select"))
  .filter((control) => questions.includes(control.name) || control.name === "service")
  .filter((control) => ["radio", "checkbox"].includes(control.type)
    ? control.checked && control.value !== "" : control.value !== "")
  .map((control) => control.name + "=" + control.value)"""


@pytest.fixture
def keeps_pages() -> bool:
    """Whether the test's Chromium has its back/forward cache on (a test parametrizes this name
    to have it off)."""
    return True


@pytest.fixture
def browser(browser, browser_with_back_forward_cache, keeps_pages):
    return browser_with_back_forward_cache if keeps_pages else browser


@pytest.fixture
def context(browser, live_server, context_options):
    """A context without Playwright's request routing: with routing on, Chromium sends a form
    again on Back where it otherwise shows "Confirm form resubmission", so the tests would not see
    what people see. Chromium's own resolver rule (conftest.CHROMIUM_ARGS) still keeps every
    request on this machine."""
    context = new_context(browser, live_server, context_options)
    context.add_init_script(RECORD_HOW_EACH_PAGE_IS_SHOWN)
    yield context
    context.close()


@pytest.fixture(params=SCREEN_SIZES, ids=[f"{width}px" for width, _ in SCREEN_SIZES])
def screen(request) -> dict:
    width, height = request.param
    return {"viewport": {"width": width, "height": height}}


@pytest.fixture
def javascript() -> bool:
    return True


@pytest.fixture
def context_options(screen, javascript) -> dict:
    return {**screen, "java_script_enabled": javascript}


@pytest.fixture(params=["public", "caseworker"])
def finder_url(request, page) -> str:
    """The finder, opened after another page of the site, as a person comes to it."""
    if request.param == "caseworker":
        sign_in_as_caseworker(page, request)
    page.goto(reverse("about"))
    url = reverse("finder" if request.param == "public" else "caseworker-finder")
    page.goto(url)
    return url


def answer_every_question(page: Page) -> None:
    page.get_by_label("Or choose a council area").select_option(label="Dundee City")
    page.get_by_label("Town, village or postcode").fill("Dundee")
    tell_us_more(page)
    page.get_by_label("Age", exact=True).fill("25")
    choose(page.get_by_role("group", name="Gender"), "Woman")
    choose(page.get_by_role("group", name="Are you trans?"), "Yes")
    choose(
        page.get_by_role("group", name="Do you sell or exchange sex now?"),
        "I sell or exchange sex now",
    )
    choose(page.get_by_role("group", name="Have you been trafficked or exploited?"), "Yes")
    choose(page, "Sexual health")
    choose(page, "Only show support I can get online or by phone")
    not_for_me = page.get_by_text("Also show services that are not for me, and why")
    if not_for_me.count():
        not_for_me.click()
    assert len(page.evaluate(ANSWERS_ON_THE_PAGE, QUESTIONS)) >= 9


def open_a_service(page: Page) -> None:
    results(page).locator(".finder-result__title a").first.click()
    page.wait_for_url("**/services/**")
    expect(page.get_by_role("heading", name="Who it is for")).to_be_visible()


def history_step(page: Page, step: Callable) -> bool | None:
    """Back, Forward or Reload; returns whether the back/forward cache kept the page shown (None
    for a page off this site, where nothing is recorded)."""
    step(wait_until="commit")
    if page.url.startswith(("about:", "chrome-error:")):
        return None
    page.wait_for_function("() => window.fromCache !== undefined")
    return page.evaluate("window.fromCache")


def assert_nothing_answered_shows(page: Page) -> None:
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate(ANSWERS_ON_THE_PAGE, QUESTIONS) == []
    expect(page.locator(".finder-result")).to_have_count(0)
    expect(page.get_by_text("services found")).to_have_count(0)
    expect(page.get_by_text("(your area)")).to_have_count(0)
    expect(page.locator("path.finder-map__area[stroke-width='4']")).to_have_count(0)


def searched(page: Page) -> None:
    answer_every_question(page)
    find(page)
    expect(results(page).locator(".finder-result").first).to_be_visible()


def leave_from_a_service_page(leave):
    def journey(page: Page) -> None:
        searched(page)
        open_a_service(page)
        leave(page)
        page.wait_for_url(NEUTRAL_SITE)

    return journey


def back_from_a_service_page(page: Page) -> None:
    searched(page)
    open_a_service(page)


def leave_from_the_results(page: Page) -> None:
    searched(page)
    press_escape(page)
    page.wait_for_url(NEUTRAL_SITE)


def answered_then_followed_a_link(page: Page) -> None:
    answer_every_question(page)
    page.get_by_role("link", name="Staying safe online").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staying safe online")


# Each journey, and where the first Back takes the person from where it ends: the finder, or
# (after a quick exit from the finder itself, whose history entry the quick exit replaced) the
# page before it. A caseworker who leaves is signed out (/leave clears the site's cookies), so Back
# to the caseworkers' finder shows its sign-in page.
JOURNEYS = {
    "leave-button-on-a-service-page": (leave_from_a_service_page(press_leave_button), "finder"),
    "escape-on-a-service-page": (leave_from_a_service_page(press_escape), "finder"),
    "shift-three-times-on-a-service-page": (
        leave_from_a_service_page(press_shift_three_times),
        "finder",
    ),
    "back-from-a-service-page": (back_from_a_service_page, "finder"),
    "escape-on-the-results": (leave_from_the_results, "about"),
    "answered-then-followed-a-link": (answered_then_followed_a_link, "finder"),
}


def first_page_back(journey: str, finder_url: str) -> str:
    take, back_to = JOURNEYS[journey]
    if back_to == "about":
        return reverse("about")
    if finder_url == reverse("caseworker-finder") and "leave" in take.__qualname__:
        return reverse("caseworker-login") + "?next=" + finder_url
    return finder_url


@pytest.mark.parametrize("journey", JOURNEYS, ids=JOURNEYS.keys())
def test_back_forward_and_reload_never_show_the_answers_again(
    page, live_server, neutral_site, finder_url, journey
):
    take, _ = JOURNEYS[journey]
    take(page)

    from_cache = history_step(page, page.go_back)

    assert page.url == live_server.url + first_page_back(journey, finder_url)
    # Chromium keeps no page in the back/forward cache that was marked no-store or fetched an
    # answer marked no-store, and every finder page is and does (each search, the map's counts,
    # the place suggestions): though the cache is on, Back loads the page again.
    assert from_cache is False
    assert_nothing_answered_shows(page)
    history_step(page, page.reload)
    assert_nothing_answered_shows(page)
    if page.url != live_server.url + reverse("about"):
        # Back again, to the page before, then Forward to this one.
        history_step(page, page.go_back)
        assert_nothing_answered_shows(page)
        history_step(page, page.go_forward)
        assert_nothing_answered_shows(page)


# Without fetch, the finder's scripts fetch nothing marked no-store (finder.js answers by posting
# the whole page, and the map stays away), and Chromium's back/forward cache keeps the finder when
# it is on, as other browsers may keep it in any case: it must come back empty. After the quick
# exit Chromium does not keep it: /leave clears the site's data, and Chromium restores a no-store
# page only while the site's cookies stay as they were.
WITHOUT_FETCH = "delete window.fetch;"


@pytest.fixture
def without_fetch(context):
    context.add_init_script(WITHOUT_FETCH)


def go_back_to_it(page: Page) -> None:
    pass


NEXT_PAGE_THEN = {
    "back": go_back_to_it,
    "leave-button": press_leave_button,
    "escape": press_escape,
    "shift-three-times": press_shift_three_times,
}


# Only the public finder: the caseworkers' session cookie changes as they move about, and Chromium
# then keeps none of their pages.
@pytest.mark.parametrize("finder_url", ["public"], indirect=True)
@pytest.mark.parametrize("then", NEXT_PAGE_THEN.values(), ids=NEXT_PAGE_THEN)
def test_a_finder_the_back_forward_cache_keeps_comes_back_empty(
    without_fetch, page, live_server, neutral_site, finder_url, then
):
    answer_every_question(page)
    page.get_by_role("link", name="Staying safe online").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staying safe online")
    then(page)
    if then is not go_back_to_it:
        page.wait_for_url(NEUTRAL_SITE)

    from_cache = history_step(page, page.go_back)

    assert page.url == live_server.url + finder_url
    assert from_cache is (then is go_back_to_it)
    assert_nothing_answered_shows(page)


# Chromium keeps no finder whose scripts fetched (see above), but other browsers may: the page is
# told it is being kept, as such a browser tells it, and then that it is shown again.
TOLD = "(type) => window.dispatchEvent(new PageTransitionEvent(type, { persisted: true }))"


@pytest.mark.parametrize("finder_url", ["public"], indirect=True)
@pytest.mark.parametrize("keeps_pages", [False], ids=["bfcache-off"])
def test_a_searched_finder_a_browser_keeps_comes_back_empty_with_the_whole_map(
    page, finder_url, keeps_pages
):
    map_ready(page)
    searched(page)
    map_shows_area(page, DUNDEE)

    page.evaluate(TOLD, "pagehide")

    # What the browser keeps: nothing answered, on the form, the list or the map.
    assert_nothing_answered_shows(page)
    page.evaluate(TOLD, "pageshow")
    # The map shows every area's services again, none of them the person's.
    expect(page.locator("#finder-map-area-counts")).not_to_contain_text(": 0 services")
    assert_nothing_answered_shows(page)


# Without JavaScript every search is a POST, and its page a history entry of its own. On Back,
# Chromium will not send a form again by itself: it shows "Confirm Form Resubmission" (an error
# page, ERR_CACHE_MISS), and Reload there sends the answers again. Playwright starts Chromium with
# --disable-prompt-on-repost, so Reload sends them without asking: the tests keep that, as it is
# what happens when the person holding the phone says yes to Chromium's question.
def leave_by_the_link(page: Page) -> None:
    press_leave_button(page)
    page.wait_for_url(NEUTRAL_SITE)


NO_JAVASCRIPT_JOURNEYS = {"leave-button": leave_by_the_link, "service-page": open_a_service}


def back_to_confirm_form_resubmission(page: Page) -> None:
    """Back to a search's page: Chromium's error page ERR_CACHE_MISS, which people see as
    "Confirm Form Resubmission" (Chromium draws it with script, so here it stays blank)."""
    with pytest.raises(Error, match="ERR_CACHE_MISS"):
        page.go_back(wait_until="commit")
    page.wait_for_url("chrome-error://**")
    assert page.evaluate(ANSWERS_ON_THE_PAGE, QUESTIONS) == []
    expect(page.get_by_text("found for")).to_have_count(0)


@pytest.mark.parametrize("javascript", [False], ids=["no-js"])
@pytest.mark.parametrize("then", NO_JAVASCRIPT_JOURNEYS.values(), ids=NO_JAVASCRIPT_JOURNEYS)
def test_without_javascript_back_and_reload_show_the_empty_form_not_the_answers(
    page, live_server, neutral_site, finder_url, javascript, then
):
    answer_every_question(page)
    find(page)
    expect(results(page).get_by_text("found for Dundee City")).to_be_visible()
    expect(results(page).get_by_text("Your answers are not kept.")).to_be_visible()
    then(page)

    back_to_confirm_form_resubmission(page)
    page.reload()

    signed_out = finder_url == reverse("caseworker-finder") and then is leave_by_the_link
    if signed_out:
        # The quick exit signed the caseworker out: the answers went to the sign-in page.
        # (The browser keeps the form's #answer through the redirect.)
        signed_in_at = live_server.url + reverse("caseworker-login") + "?next=" + finder_url
        assert page.url.partition("#")[0] == signed_in_at
    else:
        # The form is sent to #answer, so the refusal is what the page opens at.
        assert page.url == live_server.url + finder_url + "#answer"
        expect(page.get_by_text(Refusal.SENT_AGAIN.message)).to_be_in_viewport()
    assert_nothing_answered_shows(page)
    # Back again, to the form as it was before the search.
    page.go_back()
    assert_nothing_answered_shows(page)
