"""The language a page is read in (issue 18): part of its address, never a cookie, never switched
for a person; offered, in its own words, to a browser that asks for it; right to left for Arabic.

A language is offered only once it is translated in full; all six are, as drafts.
"""

import json
import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from servicemap.languages import LANGUAGES, entered_text, offered, preferred_language
from services.eligibility import ServiceRules, who_it_is_for
from services.models import Service, ServiceStatus
from services.wording import long_date, status_text
from tests.finder_forms import as_sent_by_the_page

pytestmark = pytest.mark.django_db


OTHER_LANGUAGES = [language.code for language in LANGUAGES if language.code != "en-gb"]


def html_tag(page: str) -> str:
    return re.search(r"<html[^>]*>", page).group(0)


def languages_nav(page: str) -> str:
    # Its name for screen readers is in the page's language.
    found = re.search(r'<div class="ds_wrapper site-languages">.*?</nav>', page, re.S)
    return found.group(0) if found else ""


def test_every_language_of_the_issue_is_known_each_named_in_itself():
    names = {language.code: language.name for language in LANGUAGES}
    assert names == {
        "en-gb": "English",
        "ro": "Română",
        "pl": "Polski",
        "zh-hans": "简体中文",
        "vi": "Tiếng Việt",
        "sq": "Shqip",
        "ar": "العربية",
    }


def test_every_language_is_offered_once_translated_in_full(client):
    assert [language.code for language in offered()] == [language.code for language in LANGUAGES]
    assert all(language.complete for language in LANGUAGES)
    # A draft until a native speaker reviews it.
    assert [language.code for language in LANGUAGES if language.reviewed] == ["en-gb"]
    response = client.get(reverse("about"), headers={"Accept-Language": "ro"})

    assert html_tag(response.content.decode()) == '<html lang="en-GB" dir="ltr">'
    assert "Accept-Language" in response["Vary"]
    # A language the site does not have has no pages.
    assert client.get("/de/about/").status_code == 404


@pytest.mark.parametrize(
    ("address", "lang", "direction"),
    [
        ("/about/", "en-GB", "ltr"),
        ("/ro/about/", "ro", "ltr"),
        ("/pl/about/", "pl", "ltr"),
        ("/zh-hans/about/", "zh-Hans", "ltr"),
        ("/vi/about/", "vi", "ltr"),
        ("/sq/about/", "sq", "ltr"),
        ("/ar/about/", "ar", "rtl"),
    ],
)
def test_the_address_says_the_language_and_no_cookie_keeps_it(client, address, lang, direction):
    response = client.get(address)

    assert response.status_code == 200
    assert html_tag(response.content.decode()) == f'<html lang="{lang}" dir="{direction}">'
    assert response["Content-Language"] == lang
    assert response.cookies == {}
    assert client.cookies == {}


def test_the_other_languages_are_listed_each_in_itself_linking_to_the_same_page(client):
    page = client.get("/ro/services/wishes/").content.decode()

    nav = languages_nav(page)
    assert '<a href="/services/wishes/" lang="en-GB" dir="ltr" hreflang="en-GB">English</a>' in nav
    assert '<a href="/ar/services/wishes/" lang="ar" dir="rtl" hreflang="ar">العربية</a>' in nav
    # The page's own language is not offered again.
    assert "Română" not in nav


@pytest.mark.parametrize(
    ("asked", "offer"),
    [
        ("ro-RO,ro;q=0.9,en;q=0.5", '<a href="/ro/about/" lang="ro" dir="ltr" hreflang="ro">'),
        ("ar", '<a href="/ar/about/" lang="ar" dir="rtl" hreflang="ar">'),
        ("en-GB,ro;q=0.5", None),
        ("de-DE,de", None),
        ("", None),
    ],
    ids=["romanian first", "arabic", "english first", "a language we do not have", "none"],
)
def test_a_browser_asking_for_a_language_is_offered_it_and_never_switched(client, asked, offer):
    response = client.get("/about/", headers={"Accept-Language": asked})
    page = response.content.decode()

    # Never switched: the English page, at the address asked for, with no redirect.
    assert response.status_code == 200
    assert html_tag(page) == '<html lang="en-GB" dir="ltr">'
    assert "Accept-Language" in response["Vary"]
    if offer is None:
        assert "site-languages__offer" not in page
    else:
        assert f'<p class="site-languages__offer">{offer}' in page


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_a_page_in_a_language_not_yet_reviewed_says_so_with_english_one_tap_away(client, code):
    page = client.get(f"/{code}/").content.decode()

    assert 'class="site-languages__draft"' in page
    assert '<a href="/" lang="en-GB" dir="ltr" hreflang="en-GB">Read this page in English</a>' in (
        page
    )
    assert 'class="site-languages__draft"' not in client.get("/").content.decode()


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_the_quick_exit_and_the_finder_work_in_every_language(client, code):
    page = client.get(f"/{code}/").content.decode()

    # The quick exit leaves from one address whatever the page's language, in its words.
    assert f'href="{reverse("leave")}"' in page
    assert in_language(code, "(Or press Esc)") in page
    assert client.get(reverse("leave")).status_code == 302
    # The finder's answers come back to the page in the person's language.
    with translation.override(code):
        assert reverse("finder") == f"/{code}/"
    assert f'action="/{code}/' in page
    answer = client.post(f"/{code}/", as_sent_by_the_page({"area": "S12000036"}))
    assert answer.status_code == 200
    assert answer.cookies == {}
    direction = "rtl" if code == "ar" else "ltr"
    tag = "zh-Hans" if code == "zh-hans" else code
    assert html_tag(answer.content.decode()) == f'<html lang="{tag}" dir="{direction}">'


def in_language(code: str, english: str) -> str:
    """The catalogue's translation of an English message (a draft is still a translation)."""
    with translation.override(code):
        translated = translation.gettext(english)
    assert translated != english, f"{english!r} has no {code} translation"
    return translated


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_the_finder_asks_and_answers_in_the_language_of_its_address(client, code):
    """Questions, verdicts, headings and the next steps come from the same translated code as
    the English: a Romanian or Arabic page shows none of those English words."""
    page = client.get(f"/{code}/").content.decode()
    assert in_language(code, "Find support") in page
    assert in_language(code, "Tell us more to narrow this down (optional)") in page

    answer = client.post(
        f"/{code}/",
        as_sent_by_the_page({"area": "S12000036", "age": 30, "gender": "woman", "trans": "no"}),
    ).content.decode()

    for english in ("For you", "Check with them", "Working in person in %(area)s"):
        translated = in_language(code, english)
        assert translated.split("%(")[0] in answer
        assert english.split("%(")[0] not in answer
    assert (
        in_language(code, "What you can do now") in answer
        or in_language(code, "Other help") in answer
    )


@pytest.mark.parametrize(
    ("header", "among", "chosen"),
    [
        ("ro-RO,ro;q=0.9,en;q=0.5", {"en-gb", "ro"}, "ro"),
        ("en-GB,ro;q=0.5", {"en-gb", "ro"}, "en-gb"),
        ("de-DE,ar;q=0.3", {"en-gb", "ar"}, "ar"),
        ("zh-CN,zh;q=0.9", {"en-gb", "zh-hans"}, "zh-hans"),
        # Polish is known but not among those asked about: the next one the browser takes is.
        ("pl,ro;q=0.8", {"en-gb", "ro"}, "ro"),
        ("pl", {"en-gb", "ro"}, None),
        ("", {"en-gb", "ro"}, None),
        ("*", {"en-gb", "ro"}, None),
        ("ro;q=nonsense,,;;", {"en-gb", "ro"}, None),
    ],
)
def test_the_language_a_browser_prefers_among_those_offered(header, among, chosen):
    assert preferred_language(header, among) == chosen


SEARCH = {"area": "S12000036", "age": 30, "gender": "woman", "trans": False}


def search(client, accept_language: str | None):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    return client.post(
        "/api/v1/search", json.dumps(SEARCH), content_type="application/json", headers=headers
    )


@pytest.mark.parametrize(
    ("asked", "served"),
    [
        ("ro-RO,ro;q=0.9", "ro"),
        ("pl", "pl"),
        ("zh-CN,zh;q=0.9", "zh-Hans"),
        ("vi", "vi"),
        ("sq-AL", "sq"),
        ("ar", "ar"),
        ("de", "en-GB"),
        (None, "en-GB"),
    ],
)
def test_the_api_answers_in_the_offered_language_asked_for_and_says_which(client, asked, served):
    response = search(client, asked)

    assert response.status_code == 200
    assert response["Content-Language"] == served
    assert "Accept-Language" in response["Vary"]
    wishes = next(r for r in response.json()["results"] if r["slug"] == "wishes")
    code = {"en-GB": "en-gb", "zh-Hans": "zh-hans"}.get(served, served)
    with translation.override(code):
        rules = ServiceRules.of(Service.published_objects.get(slug="wishes"))
        assert wishes["reasons"][0] == who_it_is_for(rules)
        # Its page, in the same language.
        assert wishes["url"] == reverse("service-detail", args=["wishes"])


def test_the_open_referral_feed_says_the_language_it_served(client):
    response = client.get("/openreferral/services", headers={"Accept-Language": "ar"})

    assert response.status_code == 200
    assert response["Content-Language"] == "ar"
    assert "Accept-Language" in response["Vary"]
    assert response.cookies == {}


@pytest.mark.parametrize(
    ("language", "text", "shown"),
    [
        ("en-gb", "Open Monday & Tuesday", "Open Monday &amp; Tuesday"),
        ("en-gb", "", ""),
        ("ro", "", ""),
        (
            "ro",
            "Open Monday & Tuesday",
            '<span lang="en-GB" dir="ltr">Open Monday &amp; Tuesday</span>'
            ' <span class="site-in-english">{in_english}</span>',
        ),
        (
            "ar",
            mark_safe("Line one<br>line two"),
            '<span lang="en-GB" dir="ltr">Line one<br>line two</span>'
            ' <span class="site-in-english">{in_english}</span>',
        ),
    ],
)
def test_words_held_in_english_say_so_on_a_page_in_another_language(language, text, shown):
    with translation.override(language):
        marked = entered_text(text)
        in_english = translation.gettext("(in English)")

    assert marked == shown.format(in_english=in_english)


def test_a_service_page_in_arabic_marks_the_words_held_in_english(client):
    service = Service.published_objects.get(slug="wishes")
    page = client.get(f"/ar/services/{service.slug}/").content.decode()
    english_page = client.get(f"/services/{service.slug}/").content.decode()

    marked = f'<span lang="en-GB" dir="ltr">{escape(service.summary)}</span>'
    assert marked in page
    assert in_language("ar", "(in English)") in page
    assert marked not in english_page
    assert "site-in-english" not in english_page


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en-gb", "Changed: Now run by A &amp; B &lt;b&gt;"),
        (
            "ro",
            '{status}: <span lang="en-GB" dir="ltr">Now run by A &amp; B &lt;b&gt;</span>'
            ' <span class="site-in-english">{in_english}</span>',
        ),
    ],
)
def test_a_status_note_is_escaped_once_and_marked_as_english(language, shown):
    with translation.override(language):
        words = status_text(ServiceStatus.CHANGED, "Now run by A & B <b>", None)
        expected = shown.format(
            status=ServiceStatus.CHANGED.label, in_english=translation.gettext("(in English)")
        )

    assert words == expected


def test_phone_numbers_read_left_to_right_on_a_right_to_left_page(client):
    """In an Arabic paragraph the groups of "116 123" would show as "123 116" unless the number
    is marked left to right: a person copying it by hand would dial the wrong number."""
    safety = client.get("/ar/staying-safe/").content.decode()
    tara = client.get("/ar/services/tara/").content.decode()

    assert '<a href="tel:116123" dir="ltr">116\N{NO-BREAK SPACE}123</a>' in safety
    assert '<a href="tel:0141 276 7724" dir="ltr">0141 276 7724</a>' in tara


@pytest.mark.parametrize(
    ("code", "written"),
    [
        ("en-gb", "4 December 2026"),
        ("pl", "4 grudnia 2026"),
        ("zh-hans", "2026年12月4日"),
        ("ar", "4 ديسمبر، 2026"),
    ],
)
def test_a_date_is_written_in_the_long_form_of_the_page_s_language(code, written):
    with translation.override(code):
        assert long_date(date(2026, 12, 4)) == written
