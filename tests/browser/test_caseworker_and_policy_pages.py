"""Pages for caseworkers and policy readers in a real browser, with screenshots to look at."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, sign_in_as_caseworker

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committed_data_read_only")]


@pytest.fixture
def signed_in_caseworker(page, request):
    sign_in_as_caseworker(page, request)
    return page


def test_a_caseworker_prints_a_referral_list_that_fits_a4_and_names_no_client(
    signed_in_caseworker, screenshots
):
    page = signed_in_caseworker
    page.get_by_label("Or choose a council area").select_option(label="City of Edinburgh")
    page.get_by_label("Age", exact=True).fill("17")
    page.get_by_role("group", name="Gender").locator("label").get_by_text("Man", exact=True).click()
    page.get_by_role("button", name="Find support").click()
    expect(page.locator(".ds_tag", has_text="Not for you").first).to_be_visible()
    for name in ("Roam", "National Ugly Mugs"):
        page.locator("label").get_by_text(f"Add {name} to the referral list").click()

    page.get_by_role("button", name="Make a referral list").click()

    expect(page).to_have_title("Support services \u2013 Support finder")
    expect(page.locator(".referral-entry")).to_have_count(2)
    screenshots("referral-list")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=ARTIFACTS / "screenshots" / "referral-list-print.png", full_page=True)
    pdf_path = ARTIFACTS / "referral-list.pdf"
    page.pdf(path=pdf_path, format="A4")
    assert page.locator("[data-quick-exit]").is_hidden()
    assert page.locator(".ds_site-header").is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 794
    assert "17" not in page.locator("main").inner_text()


def test_the_statistics_page_and_gap_map(page, traffic, screenshots):
    page.goto(reverse("statistics"))

    expect(page.get_by_role("img", name="Map of council areas shaded")).to_be_visible()
    expect(page.get_by_text("23 of 32 council areas have no specialist service")).to_be_visible()
    screenshots("statistics")
    assert traffic.cookies() == []
    assert traffic.requests_elsewhere() == []
