import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from services.models import Service, Suggestion, SuggestionKind, SuggestionStatus

pytestmark = pytest.mark.django_db

NEW_SERVICE = {
    "kind": "new_service",
    "service_name": "The Steve Retson Project",
    "details": "Sexual health support for men in Glasgow.",
    "source_url": "https://www.gov.scot/publications/exploring-available-knowledge/",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    caches["rate-limits"].clear()
    yield
    caches["rate-limits"].clear()


def test_the_explanation_page_sets_no_cookie_and_the_form_sets_only_the_csrf_one(client):
    explanation = client.get(reverse("suggest"))
    form = client.get(reverse("suggest-form"))

    assert not explanation.cookies
    assert set(form.cookies) == {"csrftoken"}
    assert form.cookies["csrftoken"]["max-age"] == ""
    assert "Do not include your name" in explanation.content.decode()


def test_a_new_service_is_stored_for_moderation(client):
    response = client.post(reverse("suggest-form"), NEW_SERVICE)

    assert response.status_code == 302
    assert response["Location"] == reverse("suggest-thanks")
    suggestion = Suggestion.objects.get()
    assert suggestion.kind == SuggestionKind.NEW_SERVICE
    assert suggestion.status == SuggestionStatus.PENDING
    assert suggestion.service_name == "The Steve Retson Project"


def test_a_correction_is_linked_to_its_service(client):
    roam = Service.all_objects.get(slug="roam")

    client.post(
        reverse("suggest-form"),
        {"kind": "correction", "service": roam.pk, "details": "New phone number."},
    )

    suggestion = Suggestion.objects.get()
    assert suggestion.service == roam
    assert suggestion.service_name == "Roam"


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_stored(client):
    response = client.post(reverse("suggest-form"), {**NEW_SERVICE, "website": "http://spam"})

    assert response.status_code == 302
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "correction", "details": "x"}, "Choose the service the correction is about."),
        ({"kind": "new_service", "details": "x"}, "Give the service&#x27;s name."),
        ({"kind": "new_service", "service_name": "A"}, "This field is required."),
        ({**NEW_SERVICE, "source_url": "not a url"}, "Enter a valid URL."),
        ({**NEW_SERVICE, "details": "x" * 4001}, "at most 4000 characters"),
        ({**NEW_SERVICE, "kind": "spam"}, "Select a valid choice."),
    ],
)
def test_invalid_suggestions_are_refused_with_a_message(client, data, message):
    response = client.post(reverse("suggest-form"), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_more_than_the_hourly_limit_from_one_client_is_refused(client, settings):
    settings.SUGGESTIONS_PER_HOUR = 3
    statuses = [client.post(reverse("suggest-form"), NEW_SERVICE).status_code for _ in range(4)]

    assert statuses == [302, 302, 302, 429]
    assert Suggestion.objects.count() == 3
    other_client = Client(REMOTE_ADDR="10.0.0.9")
    assert other_client.post(reverse("suggest-form"), NEW_SERVICE).status_code == 302


def test_behind_a_proxy_each_visitor_has_their_own_limit(settings):
    settings.SUGGESTIONS_PER_HOUR = 1
    settings.BEHIND_TLS_PROXY = True
    proxy = "10.0.0.2"
    settings.TRUSTED_PROXIES = [proxy]

    def suggest_from(visitor: str) -> int:
        return (
            Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=visitor)
            .post(reverse("suggest-form"), NEW_SERVICE)
            .status_code
        )

    assert [suggest_from("192.0.2.1"), suggest_from("192.0.2.1")] == [302, 429]
    assert suggest_from("192.0.2.2") == 302


def test_the_form_is_protected_against_cross_site_requests():
    strict = Client(enforce_csrf_checks=True)

    assert strict.post(reverse("suggest-form"), NEW_SERVICE).status_code == 403
    assert not Suggestion.objects.exists()
