"""The language a page is read in (issue 18): part of its address, never a cookie, never switched
for a person; offered, in its own words, to a browser that asks for it; right to left for Arabic.

Until a language is translated in full it is not offered and has no pages. These tests offer
Romanian and Arabic as a finished translation will (PUBLIC_LANGUAGES), to hold the mechanism to
what people will meet.
"""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from servicemap.languages import LANGUAGES, entered_in_english, offered, preferred_language
from services.eligibility import ServiceRules, who_it_is_for
from services.models import Service, ServiceStatus
from services.wording import status_text
from tests.finder_forms import as_sent_by_the_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_languages(settings):
    settings.PUBLIC_LANGUAGES = ("en-gb", "ro", "ar")


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


def test_only_english_is_offered_until_a_translation_is_complete(client):
    assert [language.code for language in offered()] == ["en-gb"]
    response = client.get(reverse("about"), headers={"Accept-Language": "ro"})
    page = response.content.decode()

    assert html_tag(page) == '<html lang="en-GB" dir="ltr">'
    assert response["Content-Language"] == "en-GB"
    assert languages_nav(page) == ""
    assert "Accept-Language" not in response.get("Vary", "")
    # A language not offered has no pages.
    assert client.get("/ro/about/").status_code == 404
    assert client.get("/ar/").status_code == 404


@pytest.mark.usefixtures("three_languages")
@pytest.mark.parametrize(
    ("address", "lang", "direction"),
    [("/about/", "en-GB", "ltr"), ("/ro/about/", "ro", "ltr"), ("/ar/about/", "ar", "rtl")],
)
def test_the_address_says_the_language_and_no_cookie_keeps_it(client, address, lang, direction):
    response = client.get(address)

    assert response.status_code == 200
    assert html_tag(response.content.decode()) == f'<html lang="{lang}" dir="{direction}">'
    assert response["Content-Language"] == lang
    assert response.cookies == {}
    assert client.cookies == {}


@pytest.mark.usefixtures("three_languages")
def test_the_other_languages_are_listed_each_in_itself_linking_to_the_same_page(client):
    page = client.get("/ro/services/wishes/").content.decode()

    nav = languages_nav(page)
    assert '<a href="/services/wishes/" lang="en-GB" dir="ltr" hreflang="en-GB">English</a>' in nav
    assert '<a href="/ar/services/wishes/" lang="ar" dir="rtl" hreflang="ar">العربية</a>' in nav
    # The page's own language is not offered again.
    assert "Română" not in nav


@pytest.mark.usefixtures("three_languages")
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


@pytest.mark.usefixtures("three_languages")
def test_a_page_in_a_language_not_yet_reviewed_says_so_with_english_one_tap_away(client):
    page = client.get("/ro/").content.decode()

    assert 'class="site-languages__draft"' in page
    assert '<a href="/" lang="en-GB" dir="ltr" hreflang="en-GB">Read this page in English</a>' in (
        page
    )
    assert 'class="site-languages__draft"' not in client.get("/").content.decode()


@pytest.mark.usefixtures("three_languages")
def test_the_quick_exit_and_the_finder_work_in_every_language(client):
    page = client.get("/ar/").content.decode()

    # The quick exit leaves from one address whatever the page's language.
    assert f'href="{reverse("leave")}"' in page
    assert client.get(reverse("leave")).status_code == 302
    # The finder's answers come back to the page in the person's language.
    with translation.override("ar"):
        assert reverse("finder") == "/ar/"
    assert 'action="/ar/' in page
    answer = client.post("/ar/", as_sent_by_the_page({"area": "S12000036"}))
    assert answer.status_code == 200
    assert html_tag(answer.content.decode()) == '<html lang="ar" dir="rtl">'


def in_language(code: str, english: str) -> str:
    """The catalogue's translation of an English message (a draft is still a translation)."""
    with translation.override(code):
        translated = translation.gettext(english)
    assert translated != english, f"{english!r} has no {code} translation"
    return translated


@pytest.mark.usefixtures("three_languages")
@pytest.mark.parametrize("code", ["ro", "ar"])
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


@pytest.mark.usefixtures("three_languages")
@pytest.mark.parametrize(
    ("asked", "served"),
    [("ro-RO,ro;q=0.9", "ro"), ("ar", "ar"), ("pl", "en-GB"), ("de", "en-GB"), (None, "en-GB")],
)
def test_the_api_answers_in_the_offered_language_asked_for_and_says_which(client, asked, served):
    response = search(client, asked)

    assert response.status_code == 200
    assert response["Content-Language"] == served
    assert "Accept-Language" in response["Vary"]
    wishes = next(r for r in response.json()["results"] if r["slug"] == "wishes")
    code = {"en-GB": "en-gb"}.get(served, served)
    with translation.override(code):
        rules = ServiceRules.of(Service.published_objects.get(slug="wishes"))
        assert wishes["reasons"][0] == who_it_is_for(rules)
        # Its page, in the same language.
        assert wishes["url"] == reverse("service-detail", args=["wishes"])


def test_the_api_answers_in_english_while_no_other_language_is_offered(client):
    response = search(client, "ro")

    assert response["Content-Language"] == "en-GB"
    wishes = next(r for r in response.json()["results"] if r["slug"] == "wishes")
    assert wishes["reasons"][0] == "For women aged 18 and over"


@pytest.mark.usefixtures("three_languages")
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
        marked = entered_in_english(text)
        in_english = translation.gettext("(in English)")

    assert marked == shown.format(in_english=in_english)


@pytest.mark.usefixtures("three_languages")
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
