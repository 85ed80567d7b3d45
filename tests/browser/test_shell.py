"""The site's shell in a real browser: the quick exit, pages without JavaScript, no trace left."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.public_urls import cookie_free_page_urls, public_page_urls

pytestmark = pytest.mark.browser

SITE_PAGES = {"about": "/about/", "privacy": "/privacy/", "staying-safe": "/staying-safe/"}


def press_leave_button(page):
    page.get_by_role("link", name="Leave this site").click()


def press_escape(page):
    page.keyboard.press("Escape")


def press_shift_three_times(page):
    for _ in range(3):
        page.keyboard.press("Shift")


@pytest.mark.parametrize(
    "leave",
    [press_leave_button, press_escape, press_shift_three_times],
    ids=["button", "escape", "shift-three-times"],
)
def test_quick_exit_lands_on_the_neutral_site_and_back_does_not_return(
    page, live_server, neutral_site, committed_data_read_only, leave
):
    page.goto(reverse("about"))
    page.goto(reverse("finder"))

    leave(page)

    page.wait_for_url(neutral_site)
    expect(page).to_have_title("Weather")
    page.go_back()
    expect(page).to_have_url(live_server.url + reverse("about"))


def test_typing_capitals_with_shift_does_not_leave(page, live_server):
    page.goto(reverse("staying-safe"))

    for letter in "ABC":
        page.keyboard.press(f"Shift+{letter}")

    expect(page).to_have_url(live_server.url + reverse("staying-safe"))
    expect(page.get_by_role("heading", name="Staying safe online")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("")


def test_shift_pressed_once_says_how_many_more_presses_leave(page):
    page.goto(reverse("privacy"))

    page.keyboard.press("Shift")

    expect(page.get_by_role("status")).to_have_text("Shift: press 2 more times to leave this site.")


@pytest.mark.parametrize("context_options", [{"java_script_enabled": False}], ids=["no-js"])
@pytest.mark.parametrize("url", public_page_urls())
def test_pages_and_the_quick_exit_work_without_javascript(
    page, neutral_site, committed_data_read_only, context_options, url
):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.get_by_role("link", name="Leave this site").click()

    page.wait_for_url(neutral_site)
    expect(page).to_have_title("Weather")


def test_public_pages_set_no_cookie_and_ask_no_other_host(page, traffic, committed_data_read_only):
    for url in cookie_free_page_urls():
        page.goto(url, wait_until="networkidle")

    assert traffic.requests_elsewhere() == []
    assert traffic.cookies() == []
    assert traffic.console_errors == []


def test_a_site_page_asks_for_nothing_it_does_not_use(page, traffic):
    page.goto(reverse("about"), wait_until="networkidle")

    # The page, the design system's CSS, the site's additions to it (servicemap/site.css: the
    # quick exit's focus, on every page), the quick exit script and the words it says, in the
    # page's language (static/jsi18n/). Weights are measured by benchmarks/, not asserted here.
    assert len(traffic.finished) == 5


@pytest.mark.parametrize(("name", "url"), SITE_PAGES.items(), ids=SITE_PAGES.keys())
def test_site_pages_fit_a_small_phone_screen(page, screenshots, name, url):
    page.goto(url)

    screenshots(name)

    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
