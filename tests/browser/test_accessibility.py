"""WCAG 2.2 AA in a real browser: axe-core on every public page and every state of the finder,
at a phone's and a laptop's size, plus what axe cannot judge: announcements, zoom and colour.

axe-core comes from npm (package.json, devDependencies); the test reads it from node_modules and
evaluates it in the page, so nothing is copied into the repository. Evaluating it through the
DevTools protocol, rather than adding a <script> element, keeps the pages' strict CSP switched on
while axe looks at them.
"""

import re
from collections.abc import Callable

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Page, expect

from servicemap.languages import ENGLISH, LANGUAGES, language_named
from services.eligibility import Status
from tests.browser.conftest import SCREEN_SIZES, sign_in_as_caseworker
from tests.browser.test_finder import answer, choose, find, map_ready, results, tell_us_more
from tests.public_urls import public_page_urls

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committed_data_read_only")]

AXE_SCRIPT = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: the standard the site promises (design §7).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SIZE_IDS = [f"{width}x{height}" for width, height in SCREEN_SIZES]


def axe_violations(page: Page) -> list[dict]:
    """What axe-core finds wrong with the page as it is now, against WCAG_TAGS."""
    # The design system's buttons fade between colours for 0.2 s: just after focus leaves the
    # Find support button its text is neither dark nor white, and axe would judge that blend.
    # People read the settled page, so axe waits for every running transition to end.
    # A transition that is cancelled (its element replaced) rejects: that is settled too.
    page.evaluate(
        "Promise.all(document.getAnimations()"
        ".filter(running => running instanceof CSSTransition)"
        ".map(running => running.finished.catch(() => null)))"
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text())
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(found => found.violations.map(violation => ({"
        "  id: violation.id, impact: violation.impact, help: violation.help,"
        "  targets: violation.nodes.map(node => node.target.join(' '))"
        "})))",
        WCAG_TAGS,
    )


def described(violations: list[dict]) -> str:
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"    {target}" for target in violation["targets"])
        for violation in violations
    )


def assert_no_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{described(violations)}"


def loaded(page: Page, url: str) -> None:
    """A page opened and finished: its scripts have run and anything they fetch has arrived.
    Only the finder's map fetches anything (public pages draw their maps on the server), and it
    says when it is drawn: waiting for the network to be idle instead cost half a second a page."""
    page.goto(url, wait_until="load")
    if page.locator("#finder-map").count():
        map_ready(page)


@pytest.fixture(params=SCREEN_SIZES, ids=SIZE_IDS)
def screen(page, request) -> Page:
    width, height = request.param
    page.set_viewport_size({"width": width, "height": height})
    return page


@pytest.mark.parametrize("url", public_page_urls())
def test_every_public_page_passes_axe(screen, url):
    loaded(screen, url)

    assert_no_violations(screen)


def sign_in_caseworker(page: Page, request) -> None:
    sign_in_as_caseworker(page, request)
    map_ready(page)


def results_heading(page: Page):
    return results(page).get_by_role("heading", level=2)


def empty_form(page, request) -> None:
    loaded(page, reverse("finder"))


def found_services(page, request) -> None:
    loaded(page, reverse("finder"))
    answer(page, area="City of Edinburgh", age=25, gender="Woman", trans="No")
    find(page)
    expect(results_heading(page)).to_have_text("7 services found for City of Edinburgh")


def found_nothing(page, request) -> None:
    # Every service is for people of 16 or over (18 assumed where no source says).
    loaded(page, reverse("finder"))
    answer(page, area="Highland", age=12)
    find(page)
    expect(results_heading(page)).to_have_text("0 services found for Highland")


def unknown_place(page, request) -> None:
    loaded(page, reverse("finder"))
    answer(page, place="Atlantis")
    find(page)
    expect(results_heading(page)).to_be_visible()


def bad_age(page, request) -> None:
    loaded(page, reverse("finder"))
    answer(page, age=200)
    find(page)
    expect(results(page).get_by_role("heading", name="There is a problem")).to_be_visible()


def caseworker_with_not_eligible(page, request) -> None:
    sign_in_caseworker(page, request)
    answer(page, area="City of Edinburgh", age=17, gender="Man")
    find(page)
    not_for_you = results(page).locator(".ds_tag", has_text="Not for you")
    expect(not_for_you.first).to_be_visible()


def referral_list(page, request) -> None:
    caseworker_with_not_eligible(page, request)
    for name in ("Roam", "National Ugly Mugs"):
        choose(page, f"Add {name} to the referral list")
    page.get_by_role("button", name="Make a referral list").click()
    expect(page.locator(".referral-entry")).to_have_count(2)


def suggestion_with_errors(page, request) -> None:
    loaded(page, reverse("suggest-form"))
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()


def answered_by_the_server(page, request, *, age) -> None:
    # form.submit() skips the submit event finder.js listens for: the page is the server's own
    # answer, as without JavaScript, with the error summary and field errors in the form itself.
    loaded(page, reverse("finder"))
    answer(page, area="City of Edinburgh", age=age)
    with page.expect_navigation():
        page.evaluate("document.getElementById('finder-form').submit()")
    map_ready(page)


def server_results(page, request) -> None:
    answered_by_the_server(page, request, age=25)
    expect(results_heading(page)).to_contain_text("found for City of Edinburgh")


def server_errors(page, request) -> None:
    answered_by_the_server(page, request, age=200)
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()


FINDER_STATES: dict[str, Callable] = {
    "empty-form": empty_form,
    "results": found_services,
    "no-results": found_nothing,
    "unknown-place": unknown_place,
    "bad-age": bad_age,
    "caseworker-not-eligible": caseworker_with_not_eligible,
    "referral-list": referral_list,
    "suggestion-errors": suggestion_with_errors,
    "server-results": server_results,
    "server-errors": server_errors,
}


@pytest.mark.parametrize("state", FINDER_STATES.values(), ids=FINDER_STATES.keys())
def test_every_state_of_the_finder_passes_axe(screen, request, state):
    state(screen, request)

    assert_no_violations(screen)


def test_the_map_points_to_the_list_and_each_answer_is_announced(page):
    loaded(page, reverse("finder"))
    to_the_list = page.locator(".finder-map").get_by_role("link", name="The list of services")
    expect(to_the_list).to_have_attribute("href", "#finder-results")
    expect(page.get_by_role("region", name="Map of council areas")).to_be_visible()
    announcer = page.get_by_role("status").and_(page.locator("#finder-status"))
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).to_have_text("")

    answer(page, area="City of Edinburgh", age=25, gender="Woman", trans="No")
    find(page)

    # Read from the live region after finder.js fetched and placed the answer.
    expect(announcer).to_have_text("7 services found for City of Edinburgh")
    expect(page.locator("#finder-map-area-counts li")).to_have_count(32)
    expect(page.locator("#finder-map-area-counts")).to_contain_text(
        re.compile(r"City of Edinburgh: \d+ services? \(your area\)")
    )

    answer(page, area="Highland", age=12)
    find(page)

    expect(announcer).to_have_text("0 services found for Highland")


def test_each_verdict_and_waiting_list_and_map_shade_is_said_in_words(page):
    loaded(page, reverse("finder"))
    answer(page, area="City of Edinburgh", age=25, gender="Woman", trans="No")
    tell_us_more(page)
    choose(page, "Also show services that are not for me, and why")
    find(page)

    # The answer has come (the list is replaced by the script, so wait for it) with all three.
    expect(results_heading(page)).to_contain_text("found for City of Edinburgh")
    cards = results(page).locator(".finder-result")
    for status in Status:
        expect(cards.locator(".ds_tag", has_text=status.label).first).to_be_visible()
    # Every card carries its verdict's words, not only the tag's colour.
    expect(cards.locator(".ds_tag")).to_have_count(cards.count())
    assert set(cards.locator(".ds_tag").all_inner_texts()) == {status.label for status in Status}
    expect(cards.locator("dt", has_text="Waiting")).to_have_count(cards.count())
    expect(cards.locator("dt:text-is('Waiting') + dd")).to_have_text(
        [re.compile(r"waiting list|course", re.IGNORECASE)] * cards.count()
    )
    expect(page.locator("#finder-map-legend li").first).to_have_text(re.compile(r"^0 services$"))
    expect(page.locator("#finder-map-legend li").last).to_have_text(
        re.compile(r"^\d+ (or more )?services?$")
    )


def fits_the_width(page: Page) -> bool:
    return page.evaluate(
        "document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth + 1"
    )


def text_size(page: Page) -> float:
    """The root's font size, which the design system's sizes are multiples of (rem)."""
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def text_doubled(page: Page) -> None:
    """Chromium's own text-size setting at twice the usual 16px, as a person would choose it:
    unlike a larger root font set by the page, it also moves the design system's rem
    breakpoints, as browsers do."""
    normal_size = text_size(page)
    page.context.new_cdp_session(page).send(
        "Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}}
    )
    assert text_size(page) == 2 * normal_size


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("url", public_page_urls())
def test_every_public_page_fits_the_width_with_text_at_200_percent(page, width, url):
    page.set_viewport_size({"width": width, "height": 800})
    loaded(page, url)

    text_doubled(page)

    assert fits_the_width(page)


@pytest.mark.parametrize("width", [1280, 360])
def test_text_zoomed_to_200_percent_still_fits_and_works(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    loaded(page, reverse("finder"))

    text_doubled(page)

    assert fits_the_width(page)
    answer(page, area="City of Edinburgh", age=25, gender="Woman", trans="No")
    submit = page.get_by_role("button", name="Find support")
    submit.scroll_into_view_if_needed()
    expect(submit).to_be_in_viewport()
    submit.click()
    first_result = results(page).locator(".finder-result__title a").first
    expect(first_result).to_be_visible()
    first_result.scroll_into_view_if_needed()
    expect(first_result).to_be_in_viewport()
    # A trial click checks that the link would receive the click, not something covering it.
    first_result.click(trial=True)
    assert fits_the_width(page)


# Each word of each cell of the page's data tables that the browser drew across more than one line:
# a word is a run of letters and digits, so a line ending at a hyphen, comma or space is no break.
# A Range over the word has one client rectangle per line it is drawn on.
WORDS_BROKEN_IN_TABLES = r"""() => {
  const broken = [];
  let words = 0;
  for (const cell of document.querySelectorAll("main table th, main table td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      // A meter's fallback text is not drawn; a visually hidden label is drawn 1px wide on purpose.
      if (text.parentElement.closest("meter, .visually-hidden")) continue;
      for (const word of text.data.matchAll(/[\p{L}\p{N}'\u2019]+/gu)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        words += 1;
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return {words, broken};
}"""

# Every data table in main, and the region around it that scrolls it sideways on its own.
TABLE_REGIONS = """() => [...document.querySelectorAll("main table")].map(table => {
  const region = table.closest(".table-scroll");
  return region && {
    role: region.getAttribute("role"),
    name: region.getAttribute("aria-label"),
    tabindex: region.getAttribute("tabindex"),
    overflowX: getComputedStyle(region).overflowX,
    scrolls: region.scrollWidth > region.clientWidth,
  };
})"""


@pytest.mark.parametrize(
    ("width", "text_at_200_percent"),
    [(1280, False), (1280, True), (360, True)],
    ids=["1280", "1280-text-200", "360-text-200"],
)
def test_the_statistics_tables_never_break_a_word(page, width, text_at_200_percent):
    # A council area's name split mid-word ("Aberdeensh / ire") is hard to read and to find
    # (WCAG 1.4.10 lets a data table scroll sideways instead: the next test).
    page.set_viewport_size({"width": width, "height": 800})
    loaded(page, reverse("statistics"))
    if text_at_200_percent:
        text_doubled(page)

    drawn = page.evaluate(WORDS_BROKEN_IN_TABLES)

    assert drawn["words"] > 100
    assert drawn["broken"] == []


@pytest.mark.parametrize("url_name", ["statistics", "api-docs"])
def test_a_wide_table_scrolls_in_its_own_region_and_the_page_fits_a_phone(page, url_name):
    page.set_viewport_size({"width": 360, "height": 800})
    loaded(page, reverse(url_name))
    text_doubled(page)

    regions = page.evaluate(TABLE_REGIONS)

    # Every table sits in a named region that the keyboard can reach and scroll (axe's
    # scrollable-region-focusable), and the page itself does not scroll sideways.
    assert regions
    assert None not in regions
    assert all(region["name"] for region in regions)
    kinds = {(region["role"], region["tabindex"], region["overflowX"]) for region in regions}
    assert kinds == {("region", "0", "auto")}
    assert any(region["scrolls"] for region in regions)
    assert fits_the_width(page)
    # The arrow keys scroll the first wide one once it has the focus.
    wide = page.locator(".table-scroll").nth([r["scrolls"] for r in regions].index(True))
    wide.focus()
    page.keyboard.press("ArrowRight")
    expect(wide).not_to_have_js_property("scrollLeft", 0)


@pytest.fixture
def every_language_offered(settings):
    settings.PUBLIC_LANGUAGES = tuple(language.code for language in LANGUAGES)


@pytest.mark.usefixtures("every_language_offered")
@pytest.mark.parametrize("code", [language.code for language in LANGUAGES if language != ENGLISH])
def test_the_finder_with_results_and_a_service_page_pass_axe_in_every_language(page, code):
    """Translated words change lengths, directions and line breaks: each language is looked at
    on a phone, with an answer on the page, and on a service's page, whose words held in English
    carry their own language."""
    page.set_viewport_size(dict(zip(("width", "height"), SCREEN_SIZES[0], strict=True)))
    loaded(page, f"/{code}/")
    page.locator("#id_area").select_option("S12000036")
    page.locator("#finder-form button[type=submit]").first.click()
    expect(results(page).locator(".finder-result").first).to_be_visible()
    assert page.locator("html").get_attribute("lang") == language_named(code).tag
    assert_no_violations(page)

    loaded(page, f"/{code}/services/wishes/")
    # The summary, held in English, says so (the languages list's English link has that lang too).
    expect(page.locator('.ds_lead > span[lang="en-GB"]')).to_be_visible()
    expect(page.locator(".ds_lead > .site-in-english")).to_be_visible()
    assert_no_violations(page)
