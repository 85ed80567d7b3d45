"""Which languages a service works in, and interpreters (issue 18): the finder asks for a language
but never leaves a service out for it, and each card, page and API answer says what the record
holds of it, with where it comes from; what nobody has said is shown as not known, never as
"English only"."""

import itertools
from datetime import date
from html import unescape

import pytest
import yaml
from django.contrib.auth.models import Group
from django.urls import reverse

from servicemap.reference_data import contacts_file
from services.contacts_import import load_contacts
from services.forms import FinderForm
from services.models import Confidence, Interpreters, Service, WorkingLanguage
from services.roles import CASEWORKER
from services.templatetags.finder import LanguagesShown, languages_shown
from services.working_languages import (
    OWN_NAMES,
    LanguageSupport,
    language_choice_label,
    languages_text,
    support_in,
    support_text,
)
from tests.finder_forms import as_sent_by_the_page
from tests.html_checks import visible_text as words_of_the_page

NOT_YET_CONFIRMED = "From a public source, not yet confirmed with the service"


def visible_text(html: str) -> str:
    return unescape(words_of_the_page(html))


# The rule and its words: pure, one row per case.


@pytest.mark.parametrize(
    ("language", "working_languages", "interpreters", "support"),
    [
        ("ro", ["ro"], Interpreters.NOT_KNOWN, LanguageSupport.WORKS_IN),
        ("ro", ["pl", "ro"], Interpreters.NO, LanguageSupport.WORKS_IN),
        ("ro", ["pl"], Interpreters.YES, LanguageSupport.INTERPRETERS),
        ("ro", [], Interpreters.YES, LanguageSupport.INTERPRETERS),
        ("ro", ["pl"], Interpreters.NO, LanguageSupport.NEITHER),
        ("ro", [], Interpreters.NO, LanguageSupport.NEITHER),
        # Listing other languages says nothing of this one.
        ("ro", ["pl"], Interpreters.NOT_KNOWN, LanguageSupport.NOT_KNOWN),
        ("ro", [], Interpreters.NOT_KNOWN, LanguageSupport.NOT_KNOWN),
    ],
)
def test_what_a_service_can_do_in_a_language(language, working_languages, interpreters, support):
    assert support_in(language, working_languages, interpreters) is support


@pytest.mark.parametrize(
    ("support", "words"),
    [
        (LanguageSupport.WORKS_IN, "Roam works in Romanian."),
        (
            LanguageSupport.INTERPRETERS,
            "Roam does not list Romanian among its staff's languages, but uses interpreters: ask "
            "for one when you contact them.",
        ),
        (
            LanguageSupport.NEITHER,
            "Roam does not list Romanian among its staff's languages and does not use "
            "interpreters: ask when you contact them whether they can help.",
        ),
        (
            LanguageSupport.NOT_KNOWN,
            "Not known whether Roam can support you in Romanian: ask when you contact them.",
        ),
    ],
)
def test_a_card_says_what_is_known_of_the_language_chosen(support, words):
    assert support_text(support, "Roam", "Romanian") == words


@pytest.mark.parametrize(
    ("working_languages", "interpreters", "words"),
    [
        (["pl"], Interpreters.NOT_KNOWN, "Works in English and Polish."),
        (
            ["pl", "ro", "ar"],
            Interpreters.YES,
            "Works in English and Polish, Romanian and Arabic. It also uses interpreters.",
        ),
        (
            ["bfi"],
            Interpreters.NO,
            "Works in English and British Sign Language. It does not use interpreters.",
        ),
        ([], Interpreters.YES, "Uses interpreters for languages its staff do not speak."),
        ([], Interpreters.NO, "Does not use interpreters."),
        # Nothing known: nothing said, least of all "English only".
        ([], Interpreters.NOT_KNOWN, ""),
    ],
)
def test_with_no_language_chosen_only_what_is_known_is_said(working_languages, interpreters, words):
    assert languages_text(working_languages, interpreters) == words


@pytest.mark.parametrize(
    ("working_languages", "interpreters", "language"),
    list(itertools.product([[], ["pl"]], Interpreters.values, ["", "pl", "ro"])),
)
def test_no_answer_ever_says_english_only(working_languages, interpreters, language):
    service = Service(name="Roam", working_languages=working_languages, interpreters=interpreters)

    shown = languages_shown(service, language)

    assert "only" not in shown.text.lower()


@pytest.mark.parametrize("language", WorkingLanguage, ids=WorkingLanguage.values)
def test_every_language_is_named_and_named_in_itself(language):
    assert language.label
    assert OWN_NAMES[language]
    assert str(language.label) in language_choice_label(language.value)


def test_a_language_named_the_same_in_itself_is_offered_once_by_name():
    assert language_choice_label("pl") == "Polish (polski)"
    assert language_choice_label("bfi") == "British Sign Language (BSL)"


def service_with(**facts) -> Service:
    return Service(name="Roam", **facts)


@pytest.mark.parametrize(
    ("facts", "language", "say_when_not_known", "shown"),
    [
        # A card with no language chosen says nothing of languages nobody has stated.
        ({}, "", False, None),
        # A service's page says plainly that it is not known.
        (
            {},
            "",
            True,
            LanguagesShown(
                "Not known which languages Roam works in besides English, or whether it uses "
                "interpreters: ask when you contact them.",
                "",
                "",
                "",
            ),
        ),
        # Asked for a language, a card answers even when nothing is known, stating no source.
        (
            {},
            "ro",
            True,
            LanguagesShown(
                "Not known whether Roam can support you in Romanian: ask when you contact them.",
                "",
                "",
                "",
            ),
        ),
        (
            {
                "working_languages": ["ro"],
                "languages_source": "https://roam.example.org/languages",
                "languages_confidence": Confidence.HIGH,
            },
            "ro",
            False,
            LanguagesShown(
                "Roam works in Romanian.",
                "",
                NOT_YET_CONFIRMED,
                "https://roam.example.org/languages",
            ),
        ),
        (
            {"interpreters": Interpreters.YES, "languages_confirmed_on": date(2026, 11, 30)},
            "",
            False,
            LanguagesShown(
                "Uses interpreters for languages its staff do not speak.",
                "",
                "Confirmed with the service on 30 November 2026",
                "",
            ),
        ),
        # The old free text, kept by the migration, is shown with the facts and their state.
        (
            {"languages_note": "Interpreters available"},
            "",
            False,
            LanguagesShown(
                "Not known which languages Roam works in besides English, or whether it uses "
                "interpreters: ask when you contact them.",
                "Interpreters available",
                NOT_YET_CONFIRMED,
                "",
            ),
        ),
        # Only a web address becomes a link.
        (
            {"interpreters": Interpreters.NO, "languages_source": "javascript:alert(1)"},
            "",
            False,
            LanguagesShown("Does not use interpreters.", "", NOT_YET_CONFIRMED, ""),
        ),
    ],
)
def test_what_a_card_or_page_shows_of_a_services_languages(
    facts, language, say_when_not_known, shown
):
    assert languages_shown(service_with(**facts), language, say_when_not_known) == shown


# The finder's question.


def test_the_finders_language_question_is_blank_by_default_and_offers_the_list(db):
    field = FinderForm()["language"]

    assert field.label == "Which language would you like support in?"
    assert field.value() in (None, "")
    offered = dict(field.field.choices)
    assert offered[""] == "No preference"
    assert set(offered) - {""} == set(WorkingLanguage.values)
    assert offered["ro"] == "Romanian (română)"


@pytest.mark.parametrize("language", ["xx", "english", "ro-RO", "<script>"])
def test_a_language_not_on_the_list_is_a_form_error_not_a_crash(client, db, language):
    response = client.post(
        reverse("finder"), as_sent_by_the_page({"area": "S12000036", "language": language})
    )

    assert response.status_code == 400
    page = visible_text(response.content.decode())
    assert "Choose a language from the list, or leave it empty." in page


def finder_page(client, url_name: str = "finder", **answers):
    response = client.post(reverse(url_name), as_sent_by_the_page(answers))
    assert response.status_code == 200
    return response


def listed_slugs(html: str) -> list[str]:
    return [part.split('"')[0] for part in html.split('data-result-slug="')[1:]]


@pytest.mark.django_db
def test_choosing_a_language_leaves_no_service_out_and_each_card_says_it_is_not_known(client):
    without = finder_page(client, area="S12000036")
    with_romanian = finder_page(client, area="S12000036", language="ro")

    html = with_romanian.content.decode()
    page = visible_text(html)
    assert listed_slugs(html) == listed_slugs(without.content.decode())
    services = Service.published_objects.filter(slug__in=listed_slugs(html))
    for service in services:
        assert (
            f"Not known whether {service.name} can support you in Romanian: ask when you "
            "contact them." in page
        )
    assert "English only" not in page
    assert not with_romanian.cookies
    assert "no-store" in with_romanian["Cache-Control"]
    # Nothing is known of any real service: a card with no language chosen says nothing of it.
    assert "Languages:" not in visible_text(without.content.decode())


@pytest.fixture
def roam_in_romanian(db):
    Service.all_objects.filter(slug="roam").update(
        working_languages=["ro"],
        interpreters=Interpreters.YES,
        languages_source="https://roam.example.org/languages",
        languages_confidence=Confidence.HIGH,
    )


@pytest.mark.usefixtures("roam_in_romanian")
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ro", "Roam works in Romanian."),
        ("pl", "Roam does not list Polish among its staff's languages, but uses interpreters"),
        ("", "Works in English and Romanian. It also uses interpreters."),
    ],
)
def test_a_card_says_what_the_service_said_with_its_source_and_state(client, language, words):
    html = finder_page(client, area="S12000036", language=language).content.decode()
    card = html.split('data-result-slug="roam"')[1].split('class="finder-result"')[0]

    assert f"Languages: {words}" in visible_text(card)
    assert NOT_YET_CONFIRMED in visible_text(card)
    assert 'href="https://roam.example.org/languages"' in card


@pytest.mark.usefixtures("roam_in_romanian")
def test_the_caseworkers_finder_words_the_clients_language_the_same_way(client, django_user_model):
    user = django_user_model.objects.create_user("casey", password="a long passphrase 42")
    user.groups.add(Group.objects.get(name=CASEWORKER))
    client.force_login(user)

    page = visible_text(
        finder_page(client, "caseworker-finder", area="S12000036", language="vi").content.decode()
    )

    assert "Roam does not list Vietnamese among its staff's languages, but uses interpreters" in (
        page
    )
    assert "Not known whether WISHES can support you in Vietnamese" in page


@pytest.mark.django_db
def test_a_service_page_says_when_its_languages_are_not_known(client):
    page = visible_text(client.get(reverse("service-detail", args=["wishes"])).content.decode())

    assert (
        "Languages: Not known which languages WISHES works in besides English, or whether it "
        "uses interpreters: ask when you contact them." in page
    )


@pytest.mark.usefixtures("roam_in_romanian")
def test_a_service_page_shows_the_same_facts_as_its_card(client):
    html = client.get(reverse("service-detail", args=["roam"])).content.decode()

    assert "Languages: Works in English and Romanian. It also uses interpreters." in visible_text(
        html
    )
    assert NOT_YET_CONFIRMED in visible_text(html)
    assert 'href="https://roam.example.org/languages"' in html


# The API.


def search(client, body: dict):
    return client.post("/api/v1/search", data=body, content_type="application/json")


@pytest.mark.usefixtures("roam_in_romanian")
def test_the_api_answers_for_the_language_asked_and_gives_every_services_languages(client):
    response = search(client, {"area": "S12000036", "language": "ro"})

    assert response.status_code == 200
    results = {result["slug"]: result for result in response.json()["results"]}
    assert results["roam"]["languages"] == {
        "works_in": ["ro"],
        "interpreters": "yes",
        "note": "",
        "source": "https://roam.example.org/languages",
        "confidence": "high",
        "confirmed_on": None,
    }
    assert results["roam"]["language_support"] == {
        "language": "ro",
        "support": "works_in",
        "text": "Roam works in Romanian.",
    }
    assert results["wishes"]["languages"]["interpreters"] == "not_known"
    assert results["wishes"]["language_support"] == {
        "language": "ro",
        "support": "not_known",
        "text": "Not known whether WISHES can support you in Romanian: ask when you contact them.",
    }
    without = search(client, {"area": "S12000036"}).json()["results"]
    assert [result["slug"] for result in without] == list(results)
    assert {result["language_support"] for result in without} == {None}


@pytest.mark.django_db
def test_the_api_refuses_a_language_not_on_the_list_naming_the_field(client):
    response = search(client, {"area": "S12000036", "language": "xx"})

    assert response.status_code == 400
    assert "language" in response.content.decode()


@pytest.mark.usefixtures("roam_in_romanian")
def test_a_services_record_in_the_api_carries_its_languages(client):
    record = client.get("/api/v1/services/roam").json()

    assert record["languages"]["works_in"] == ["ro"]
    assert record["languages"]["interpreters"] == "yes"


# The contacts file: the source of truth the fixtures are loaded from.


@pytest.mark.django_db
def test_the_real_file_says_nothing_of_languages_so_every_service_is_not_known():
    services = Service.all_objects.all()

    assert services.count() == 19
    assert set(services.values_list("interpreters", flat=True)) == {Interpreters.NOT_KNOWN}
    assert all(service.working_languages == [] for service in services)


def write_contacts(tmp_path, slug: str, languages, confidence: str | None = None):
    document = yaml.safe_load(contacts_file().read_text(encoding="utf-8"))
    entry = next(entry for entry in document if entry["slug"] == slug)
    entry["languages"] = languages
    if confidence:
        entry["confidence"]["languages"] = confidence
        entry["sources"].append(
            {"url": "https://tara.example.org/languages", "supports": ["languages"]}
        )
    path = tmp_path / "contacts.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_languages_in_the_file_are_loaded_with_their_source_and_confidence(tmp_path):
    path = write_contacts(
        tmp_path, "tara", {"works_in": ["ro", "sq"], "interpreters": True}, confidence="medium"
    )

    report = load_contacts(path)

    tara = Service.all_objects.get(slug="tara")
    assert report.languages_changed == ["tara"]
    assert (tara.working_languages, tara.interpreters) == (["ro", "sq"], Interpreters.YES)
    assert (tara.languages_source, tara.languages_confidence) == (
        "https://tara.example.org/languages",
        Confidence.MEDIUM,
    )
    assert tara.languages_confirmed_on is None
    assert tara.history.first().working_languages == ["ro", "sq"]


@pytest.mark.django_db
def test_languages_the_service_confirmed_are_not_overwritten_by_the_public_source(tmp_path):
    Service.all_objects.filter(slug="tara").update(
        working_languages=["vi"],
        interpreters=Interpreters.NO,
        languages_confirmed_on=date(2026, 12, 5),
    )
    path = write_contacts(tmp_path, "tara", None)

    report = load_contacts(path)

    tara = Service.all_objects.get(slug="tara")
    assert (tara.working_languages, tara.interpreters) == (["vi"], Interpreters.NO)
    assert "tara" not in report.languages_changed
