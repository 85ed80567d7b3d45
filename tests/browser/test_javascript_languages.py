"""What the public JavaScript writes on a page, in the page's language (issue 18).

The scripts' words come from the page's language's JavaScript catalog, a static file made from
locale/<language>/LC_MESSAGES/djangojs.po (servicemap/translations.py) and loaded before them:
never from Django's catalog view, and never from an inline script, which the CSP would refuse.
"""

import json

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committed_data_read_only")]

EDINBURGH = "S12000036"


OTHER_LANGUAGES = ["ro", "pl", "zh-hans", "vi", "sq", "ar"]


def in_language(code: str, english: str) -> str:
    """The page's own words (the django catalogue), to find the finder's controls by."""
    with translation.override(code):
        return translation.gettext(english)


def in_javascript(code: str, english: str, plural: str | None = None, count: int = 1) -> str:
    """The JavaScript catalogue's translation of an English message: its plural form for
    ``count`` when it has one. A draft is still a translation, so it differs from the English."""
    catalogue = DjangoTranslation(code, domain="djangojs")
    if plural is None:
        translated = catalogue.gettext(english)
    else:
        translated = catalogue.ngettext(english, plural, count)
    assert translated not in (english, plural), f"{english!r} has no {code} translation"
    return translated


def address(code: str, name: str) -> str:
    with translation.override(code):
        return reverse(name)


@pytest.mark.parametrize("code", ["en-gb", "ro", "ar"])
def test_each_finder_loads_its_languages_catalog_as_a_static_file(page, traffic, code):
    page.goto(address(code, "finder"))
    expect(page.locator("#finder-map[data-ready=true]")).to_be_visible()

    catalogs = [url for url in traffic.requests if "jsi18n" in url or "djangojs" in url]
    assert len(catalogs) == 1
    # The hashed name collectstatic gave static/jsi18n/<code>/djangojs.js.
    assert catalogs[0].startswith(f"{traffic.origin}{settings.STATIC_URL}jsi18n/{code}/djangojs.")
    assert catalogs[0].endswith(".js")
    # Nothing the CSP refused (it would say so in the console), nothing from elsewhere.
    assert traffic.console_errors == []
    assert traffic.requests_elsewhere() == []


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_the_finders_status_map_and_answer_speak_the_language_of_the_page(page, traffic, code):
    said_while_searching = []

    def read_the_status_then_answer(route) -> None:
        if route.request.method == "POST":
            said_while_searching.append(page.locator("#finder-status").text_content())
        route.fallback()

    page.route(
        lambda url: url == traffic.origin + address(code, "finder"), read_the_status_then_answer
    )
    page.goto(address(code, "finder"))
    expect(page.locator("#finder-map[data-ready=true]")).to_be_visible()
    expect(page.get_by_role("button", name=in_javascript(code, "All of Scotland"))).to_be_visible()
    # The key's first shade, before any search: no service reaches the area.
    none = in_javascript(code, "%(count)s service", "%(count)s services", 0)
    expect(page.locator("#finder-map-legend li").first).to_have_text(none % {"count": "0"})

    page.get_by_label(in_language(code, "Or choose a council area")).select_option(EDINBURGH)
    page.get_by_role("button", name=in_language(code, "Find support"), exact=True).click()

    expect(page.locator("#finder-results h2")).to_be_focused()
    assert said_while_searching == [in_javascript(code, "Searching…")]
    # The answer the script put on the page: its verdicts in the page's language.
    expect(page.locator("#finder-results")).to_contain_text(in_language(code, "Check with them"))
    expect(page.locator("#finder-results")).not_to_contain_text("Check with them")
    # Under the map, the person's own area and how many of their services reach it.
    count = json.loads(page.locator("#finder-map-data").text_content())["counts_by_area"][EDINBURGH]
    area = in_javascript(
        code, "%(area)s: %(count)s service", "%(area)s: %(count)s services", count
    ) % {"area": "City of Edinburgh", "count": str(count)}
    yours = in_javascript(code, "%(area_and_count)s (your area)") % {"area_and_count": area}
    expect(page.locator("#finder-map-area-counts li", has_text=yours)).to_have_count(1)
    expect(page.locator(".finder-map")).not_to_contain_text("services")
    assert traffic.console_errors == []


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_the_quick_exit_counts_shift_presses_in_the_language_of_the_page_and_leaves(
    page, neutral_site, code
):
    page.goto(address(code, "about"))

    page.keyboard.press("Shift")

    said = in_javascript(
        code,
        "Shift: press %(count)s more time to leave this site.",
        "Shift: press %(count)s more times to leave this site.",
        2,
    )
    expect(page.locator("[data-quick-exit] [role=status]")).to_have_text(said % {"count": "2"})
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)
