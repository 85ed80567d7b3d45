"""A person asks for support in their language (issue 18): every service stays on the list, and
each card says what is known of that language; nothing about it is kept or put in an address."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from services.models import Interpreters, Service
from tests.browser.test_finder import answer, find, result, results, tell_us_more

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committed_data_read_only")]

QUESTION = "Which language would you like support in?"


@pytest.mark.parametrize(
    "context_options", [{}, {"java_script_enabled": False}], ids=["javascript", "no-js"]
)
def test_a_person_who_chooses_romanian_sees_each_card_say_it_is_not_known(
    page, traffic, context_options, screenshots
):
    page.goto(reverse("finder"))
    answer(page, area="City of Edinburgh")
    tell_us_more(page)
    expect(page.get_by_label(QUESTION)).to_have_value("")
    page.get_by_label(QUESTION).select_option(label="Romanian (română)")

    find(page)

    expect(results(page).get_by_role("heading", level=2)).to_have_text(
        "8 services found for City of Edinburgh"
    )
    wishes = result(page, "WISHES")
    expect(wishes).to_contain_text(
        "Not known whether WISHES can support you in Romanian: ask when you contact them."
    )
    # Every card, the services further away too, answers for the language.
    cards = results(page).locator(".finder-result").count()
    assert cards > 8
    expect(results(page).locator(".finder-languages")).to_have_count(cards)
    expect(results(page)).not_to_contain_text("English only")
    # The answer went in a POST's body: never in an address, and no cookie keeps it.
    assert not [url for url in traffic.requests if "language" in url or "=ro" in url]
    assert traffic.cookies() == []
    screenshots("finder-language-not-known-" + ("js" if context_options == {} else "no-js"))


def test_a_service_that_works_in_the_language_says_so_with_its_state(
    page, reference_data_committed
):
    Service.all_objects.filter(slug="wishes").update(
        working_languages=["ro"], interpreters=Interpreters.YES
    )
    page.goto(reverse("finder"))
    answer(page, area="City of Edinburgh")
    tell_us_more(page)
    page.get_by_label(QUESTION).select_option(label="Romanian (română)")
    find(page)

    wishes = result(page, "WISHES").locator(".finder-languages")
    expect(wishes).to_contain_text("WISHES works in Romanian.")
    expect(wishes).to_contain_text("From a public source, not yet confirmed with the service")
