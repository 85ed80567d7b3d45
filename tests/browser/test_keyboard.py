"""The finder with a keyboard alone: what someone who cannot use a mouse or touch screen does."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.test_finder import map_ready, results

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("committed_data_read_only")]

# More presses than any stretch of the page takes: reaching a field, or getting past the map.
MOST_PRESSES = 40
# The map's own stops: its area, zoom in, zoom out, the attribution's links.
MOST_PRESSES_THROUGH_THE_MAP = 8

# What the focused element shows, from the browser's computed styles: an outline, a box shadow,
# or the design system's drop shadow (a filter) under a yellow background. A radio or checkbox
# input is invisible and shows focus on its label's ::before, the drawn control. A change of
# colour alone does not count (WCAG 1.4.1): the quick exit's red turning yellow comes with an
# outline (static/servicemap/site.css).
FOCUS_INDICATOR = """() => {
  const element = document.activeElement;
  const drawn = element.matches(".ds_radio__input, .ds_checkbox__input")
    ? getComputedStyle(element.labels[0], "::before")
    : getComputedStyle(element);
  return {
    outline: drawn.outlineStyle !== "none" && parseFloat(drawn.outlineWidth) > 0
      ? drawn.outlineStyle + " " + drawn.outlineWidth : "",
    boxShadow: drawn.boxShadow === "none" ? "" : drawn.boxShadow,
    dropShadow: drawn.filter.includes("drop-shadow") ? drawn.filter : "",
  };
}"""


def focused(page: Page) -> dict:
    """The focused element's tag, id, text, and whether it is inside the map."""
    return page.evaluate(
        """() => {
          const element = document.activeElement;
          return {
            tag: element.tagName.toLowerCase(),
            id: element.id,
            name: element.getAttribute("name") || "",
            text: (element.innerText || element.value || "").trim(),
            inMap: Boolean(element.closest(".finder-map")),
          };
        }"""
    )


def assert_focus_visible(page: Page) -> None:
    indicator = page.evaluate(FOCUS_INDICATOR)
    assert any(indicator.values()), f"no visible focus on {focused(page)}"


def tab_to(page: Page, matches) -> dict:
    """Presses Tab until the focused element matches, checking that each stop shows its focus."""
    for _ in range(MOST_PRESSES):
        page.keyboard.press("Tab")
        element = focused(page)
        assert_focus_visible(page)
        if matches(element):
            return element
    raise AssertionError(f"not reached in {MOST_PRESSES} presses of Tab")


def test_the_skip_link_comes_first_and_moves_focus_to_the_main_content(page):
    page.goto(reverse("finder"))
    map_ready(page)

    page.keyboard.press("Tab")

    assert focused(page)["text"] == "Skip to main content"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"
    # The next stop is the first thing in the main content: the quick exit.
    page.keyboard.press("Tab")
    assert focused(page)["text"].startswith("Leave this site")
    assert_focus_visible(page)


@pytest.mark.parametrize("key", ["Enter", "Escape"])
def test_the_quick_exit_works_from_the_keyboard(page, neutral_site, key):
    page.goto(reverse("finder"))
    tab_to(page, lambda element: element["text"].startswith("Leave this site"))

    page.keyboard.press(key)

    page.wait_for_url(neutral_site)
    expect(page).to_have_title("Weather")


# The quick exit's computed style, at rest and with keyboard focus.
QUICK_EXIT_STYLE = """() => {
  const style = getComputedStyle(document.querySelector("[data-quick-exit] a"));
  return {
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    backgroundColor: style.backgroundColor,
    boxShadow: style.boxShadow,
    textDecorationLine: style.textDecorationLine,
  };
}"""


def relative_luminance(css_colour: str) -> float:
    """WCAG 2.2's relative luminance of an opaque rgb() colour, as getComputedStyle gives it."""
    channels = [float(value) / 255 for value in re.findall(r"[\d.]+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# The statistics page loads the finder's stylesheet and the about page does not: the quick exit is
# on every page (base.html), so its focus must show on both.
@pytest.mark.parametrize("url_name", ["about", "statistics"])
def test_the_quick_exit_shows_focus_by_more_than_a_change_of_colour(page, url_name):
    page.goto(reverse(url_name))
    resting = page.evaluate(QUICK_EXIT_STYLE)

    tab_to(page, lambda element: element["text"].startswith("Leave this site"))
    focus = page.evaluate(QUICK_EXIT_STYLE)

    # WCAG 1.4.1 and 2.4.7: red turning yellow alone is not enough for someone who cannot tell
    # the two apart. A thick outline, a box shadow, or an underline that appears with the focus is.
    outlined = focus["outlineStyle"] != "none" and focus["outlineWidth"] >= 2
    assert (
        (outlined and (resting["outlineStyle"] == "none" or resting["outlineWidth"] < 2))
        or focus["boxShadow"] not in ("none", resting["boxShadow"])
        or focus["textDecorationLine"] != resting["textDecorationLine"]
    ), f"the quick exit shows focus by colour alone: {resting} at rest, {focus} focused"
    if outlined:
        # The outline lies inside the button (it is fixed to the top of a phone's screen), so the
        # colour beside it is the focused button's own (WCAG 2.4.11/1.4.11: 3:1).
        assert contrast(focus["outlineColor"], focus["backgroundColor"]) >= 3


def test_a_keyboard_user_answers_finds_reaches_the_results_and_gets_past_the_map(page):
    page.goto(reverse("finder"))
    map_ready(page)

    tab_to(page, lambda element: element["name"] == "place")
    page.keyboard.type("EH6 5AB")
    # The other questions are folded: Enter on their summary opens them.
    tab_to(page, lambda element: element["tag"] == "summary")
    page.keyboard.press("Enter")
    expect(page.locator("details.finder-form__more")).to_have_attribute("open", "")
    tab_to(page, lambda element: element["name"] == "age")
    page.keyboard.type("25")
    # A radio group is one stop: Space chooses the focused option, the arrows move between them.
    gender = tab_to(page, lambda element: element["name"] == "gender")
    page.keyboard.press("Space")
    expect(page.locator(f"#{gender['id']}")).to_be_checked()
    tab_to(page, lambda element: element["text"] == "Find support")
    page.keyboard.press("Enter")

    expect(results(page).get_by_role("heading", level=2)).to_contain_text(
        "found for City of Edinburgh"
    )
    first_result = results(page).locator(".finder-result__title a").first
    name = first_result.inner_text()
    tab_to(page, lambda element: element["tag"] == "a" and element["text"] == name)

    # The map comes after the list; Tab goes into it and out again, to the footer.
    tab_to(page, lambda element: element["inMap"])
    for _ in range(MOST_PRESSES_THROUGH_THE_MAP):
        page.keyboard.press("Tab")
        if not focused(page)["inMap"]:
            break
    else:
        raise AssertionError("the map keeps the focus: a keyboard trap")
    assert_focus_visible(page)
