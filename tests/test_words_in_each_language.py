"""The words admins keep about a service in each language (issue 18): its summary, description,
how to get support, other conditions, opening times, status note, and its contact routes' labels
and hours. A page, the API and the Open Referral feed give them in the language asked for where
admins entered it, and the English, marked "(in English)" on a page, where they did not; every
language's edit is kept in the history."""

import json
import re

import pytest
from django.utils import translation
from django.utils.html import escape

from servicemap.languages import Entered, entered_text, entered_words
from services.models import ContactRoute, Service
from services.openreferral.ids import service_id
from tests.admin_forms import admin_url, service_form_data
from tests.finder_forms import as_sent_by_the_page

pytestmark = pytest.mark.django_db

ROMANIAN_SUMMARY = "Sprijin pentru femei care vând sau schimbă sex, în Glasgow."
ROMANIAN_LABEL = "Linie telefonică pentru femei"


@pytest.fixture
def tara():
    """A service with its summary and its first route's label in Romanian, and nothing in Polish."""
    service = Service.all_objects.get(slug="tara")
    Service.all_objects.filter(pk=service.pk).update(summary_ro=ROMANIAN_SUMMARY)
    route = ContactRoute.public_objects.filter(service=service).order_by("pk").first()
    ContactRoute.all_objects.filter(pk=route.pk).update(label_ro=ROMANIAN_LABEL)
    service.refresh_from_db()
    return service


def in_english_marker(code: str) -> str:
    with translation.override(code):
        return translation.gettext("(in English)")


@pytest.mark.parametrize(
    ("page_language", "text", "language"),
    [
        ("ro", ROMANIAN_SUMMARY, "ro"),
        ("pl", "english", "en-gb"),
        ("ar", "english", "en-gb"),
        ("en-gb", "english", "en-gb"),
    ],
    ids=["translated", "not translated", "not translated, right to left", "english page"],
)
def test_a_field_is_in_the_page_s_language_where_admins_kept_it_and_english_otherwise(
    tara, page_language, text, language
):
    english = tara.summary

    with translation.override(page_language):
        words = entered_words(tara, "summary")

    assert words == (english if text == "english" else text)
    assert words.language == language


@pytest.mark.parametrize(
    ("page_language", "words", "shown"),
    [
        ("ro", Entered("Luni & marți", "ro"), "Luni &amp; marți"),
        (
            "ro",
            Entered("Monday & Tuesday", "en-gb"),
            '<span lang="en-GB" dir="ltr">Monday &amp; Tuesday</span>'
            ' <span class="site-in-english">{in_english}</span>',
        ),
        ("en-gb", Entered("Monday & Tuesday", "en-gb"), "Monday &amp; Tuesday"),
        ("en-gb", "Monday", "Monday"),
        (
            "ar",
            "Monday",
            '<span lang="en-GB" dir="ltr">Monday</span>'
            ' <span class="site-in-english">{in_english}</span>',
        ),
    ],
    ids=[
        "in the page's language",
        "english on a romanian page",
        "english on an english page",
        "plain words on an english page",
        "plain words count as english",
    ],
)
def test_only_words_not_in_the_page_s_language_are_marked_as_english(page_language, words, shown):
    with translation.override(page_language):
        marked = entered_text(words)

    assert marked == shown.format(in_english=in_english_marker(page_language))


def test_a_service_page_shows_the_words_admins_kept_in_its_language_unmarked(client, tara):
    romanian = client.get("/ro/services/tara/").content.decode()
    polish = client.get("/pl/services/tara/").content.decode()
    english = client.get("/services/tara/").content.decode()

    assert f'<p class="ds_lead">{ROMANIAN_SUMMARY}</p>' in romanian
    assert ROMANIAN_LABEL in romanian
    assert f'<span lang="en-GB" dir="ltr">{ROMANIAN_LABEL}' not in romanian
    # Polish has none of them: the English, marked.
    assert f'<span lang="en-GB" dir="ltr">{escape(tara.summary)}</span>' in polish
    assert in_english_marker("pl") in polish
    assert ROMANIAN_SUMMARY not in english
    assert ROMANIAN_SUMMARY not in polish


def test_the_finder_s_cards_show_a_route_s_label_in_the_page_s_language(client, tara):
    answers = {"area": "S12000049", "age": 30, "gender": "woman", "trans": "no"}

    romanian = client.post("/ro/", as_sent_by_the_page(answers)).content.decode()
    english = client.post("/", as_sent_by_the_page(answers)).content.decode()

    assert ROMANIAN_LABEL in romanian
    assert ROMANIAN_LABEL not in english


@pytest.mark.parametrize(
    ("asked", "summary"), [("ro", ROMANIAN_SUMMARY), ("pl", None), (None, None)]
)
def test_the_api_gives_a_service_s_words_in_the_language_asked_for(client, tara, asked, summary):
    headers = {"Accept-Language": asked} if asked else {}
    answer = client.post(
        "/api/v1/search",
        json.dumps({"area": "S12000049", "age": 30, "gender": "woman", "trans": False}),
        content_type="application/json",
        headers=headers,
    ).json()
    record = client.get("/api/v1/services/tara", headers=headers).json()

    result = next(result for result in answer["results"] if result["slug"] == "tara")
    assert result["summary"] == (summary or tara.summary)
    assert record["summary"] == (summary or tara.summary)
    labels = [contact["label"] for contact in result["contacts"]]
    assert (ROMANIAN_LABEL in labels) == (asked == "ro")


def test_the_open_referral_feed_gives_a_service_s_words_in_the_language_asked_for(client, tara):
    romanian = client.get(
        f"/openreferral/services/{service_id(tara.slug)}",
        headers={"Accept-Language": "ro"},
    )
    english = client.get(f"/openreferral/services/{service_id(tara.slug)}")

    assert romanian["Content-Language"] == "ro"
    assert romanian.json()["description"].startswith(ROMANIAN_SUMMARY)
    assert ROMANIAN_SUMMARY not in english.content.decode()


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ana", "a@example.invalid", "pw"))
    return client


def test_an_admin_keeps_a_service_s_words_in_another_language_and_the_history_keeps_each(
    admin_client_,
):
    service = Service.all_objects.get(slug="roam")
    service.contact_routes.all().delete()
    service.sources.all().delete()
    service.locations.all().delete()
    page = admin_client_.get(admin_url(Service, "change", service.pk)).content.decode()
    assert "In Română (ro)" in page
    assert 'name="summary_ro"' in page
    # The English is edited in the field itself, never in a second copy.
    assert 'name="summary_en_gb"' not in page
    # Arabic is typed right to left.
    arabic = re.search(r'<input[^>]*name="summary_ar"[^>]*>', page).group(0)
    assert 'dir="rtl"' in arabic
    assert 'lang="ar"' in arabic

    response = admin_client_.post(
        admin_url(Service, "change", service.pk),
        service_form_data(service, summary="Outreach by text.", summary_ro="Sprijin prin SMS."),
    )

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.summary == "Outreach by text."
    with translation.override("ro"):
        assert service.summary == "Sprijin prin SMS."
    latest = service.history.first()
    assert latest.summary_ro == "Sprijin prin SMS."
    assert latest.summary_en_gb == "Outreach by text."
    changes = {change.field for change in latest.diff_against(latest.prev_record).changes}
    assert {"summary_ro", "summary_en_gb"} <= changes
    # The history list names the English change once, under the field's own name.
    history = admin_client_.get(admin_url(Service, "history", service.pk)).content.decode()
    assert history.count("Outreach by text.") == 1
    assert "Sprijin prin SMS." in history
