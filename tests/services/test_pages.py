"""The finder's pages through the test client: what a person sees without JavaScript."""

import re

import pytest
from django.urls import reverse

from services.models import ContactRoute, Location, Service
from tests.finder_forms import as_sent_by_the_page
from tests.html_checks import verdict_badges, visible_text

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return visible_text(response.content.decode())


def test_the_finder_form_asks_every_question(client):
    response = client.get(reverse("finder"))

    assert response.status_code == 200
    page = text_of(response)
    for question in (
        "Town, village or postcode",
        "Or choose a council area",
        "Age",
        "Gender",
        "Are you trans?",
        "Do you sell or exchange sex now?",
        "Have you been trafficked or exploited?",
        "What kind of help are you looking for?",
        "Only show support I can get online or by phone",
    ):
        assert question in page
    assert "Prefer not to say" in page
    assert not response.cookies


def more_questions_unfolded(html: str) -> bool:
    found = re.search(r'<details class="ds_details finder-form__more"( open)?>', html)
    assert found, "no 'Tell us more' section"
    return bool(found.group(1))


@pytest.mark.parametrize(
    ("answers", "unfolded"),
    [
        ({"area": "S12000036"}, False),
        ({"place": "EH6 5AB", "gender": ""}, False),
        ({"area": "S12000036", "age": "25"}, True),
        ({"area": "S12000036", "needs": ["counselling"]}, True),
        ({"area": "S12000036", "remote_only": "on"}, True),
        # An answer to correct is shown where it is.
        ({"age": "200"}, True),
    ],
)
def test_the_questions_beyond_where_unfold_when_the_person_answered_one(client, answers, unfolded):
    assert not more_questions_unfolded(client.get(reverse("finder")).content.decode())

    html = client.post(reverse("finder"), as_sent_by_the_page(answers)).content.decode()

    assert more_questions_unfolded(html) is unfolded


def test_a_caseworker_sees_every_question_unfolded(admin_client):
    html = admin_client.get(reverse("caseworker-finder")).content.decode()

    assert more_questions_unfolded(html)


def test_a_woman_of_25_in_edinburgh_gets_her_list_without_javascript(client):
    response = client.post(
        reverse("finder"),
        as_sent_by_the_page({"area": "S12000036", "age": "25", "gender": "woman", "trans": "no"}),
    )

    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    assert "no-store" in response["Cache-Control"]
    page = text_of(response)
    assert "7 services found for City of Edinburgh" in page
    assert page.index("Working in person in City of Edinburgh") < page.index("WISHES")
    assert page.index("WISHES") < page.index("Across Scotland, the UK, or by phone and online")
    assert "For you" in page
    assert "Check with them" in page
    assert "For women aged 18 and over" in page
    assert "covers City of Edinburgh" in page
    assert "Roam" not in page
    assert not response.cookies


def test_the_answers_are_not_echoed_into_any_link(client):
    answers = as_sent_by_the_page({"place": "EH6 5AB", "age": "25"})
    response = client.post(reverse("finder"), answers)

    links = re.findall(r'(?:href|src|action)="([^"]*)"', response.content.decode())
    # A static file's name holds a hash of its content, whose hex digits may read "25".
    pages = [link for link in links if not link.startswith("/static/")]
    assert pages
    assert not [link for link in pages if "EH6" in link or "25" in link]


def test_a_postcode_finds_the_area(client):
    page = text_of(client.post(reverse("finder"), as_sent_by_the_page({"place": "EH6 5AB"})))

    assert "found for City of Edinburgh" in page
    assert "Using postcode EH6 5AB." in page


def test_a_town_name_finds_the_area(client):
    page = text_of(client.post(reverse("finder"), as_sent_by_the_page({"place": "Kirkwall"})))

    assert "found for Orkney Islands" in page
    assert "No specialist service works in person in Orkney Islands" in page


def test_an_unknown_place_is_told_and_still_gets_nationwide_services(client):
    page = text_of(client.post(reverse("finder"), as_sent_by_the_page({"place": "Atlantis"})))

    assert "We could not find a place with that name in Scotland" in page
    assert "4 services found" in page
    assert "TARA" in page


def test_bad_answers_come_back_with_an_error_summary_and_a_400(client):
    answers = as_sent_by_the_page({"age": "200", "gender": "robot"})
    response = client.post(reverse("finder"), answers)

    assert response.status_code == 400
    page = text_of(response)
    assert "There is a problem" in page
    assert "Age:" in page
    assert "Gender:" in page


def test_the_script_can_ask_for_the_results_alone(client):
    response = client.post(
        reverse("finder"), {"area": "S12000027"}, headers={"X-Finder-Fragment": "results"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "found for Shetland Islands" in text_of(response)


def test_a_service_page_has_what_a_person_needs_to_decide_and_make_contact(client):
    response = client.get(reverse("service-detail", args=["quay-services"]))

    page = text_of(response)
    assert response.status_code == 200
    for expected in (
        "Quay Services",
        "For women aged 18 and over",
        "Supports trans and non-binary people",
        "Sexual health",
        "Drop-in",
        "Covers Aberdeen City",
        "Contact the service for the address",
        "http://www.quayservices.co.uk",
        "31 May 2022",
        "Not yet confirmed with the service: waiting times",
    ):
        assert expected in page, expected
    assert not response.cookies


def test_confidential_addresses_and_private_contacts_never_show(client):
    wishes = Service.all_objects.get(slug="wishes")
    Location.all_objects.create(
        service=wishes,
        name="Safe flat",
        address="1 Secret Street",
        council_area=wishes.coverage.get(),
        public=False,
    )
    ContactRoute.all_objects.create(
        service=wishes, kind="phone", value="0131 999 0000", public=False
    )

    page = text_of(client.get(reverse("service-detail", args=["wishes"])))

    assert "Secret Street" not in page
    assert "Safe flat" not in page
    assert "0131 999 0000" not in page


def test_an_unpublished_service_has_no_page(client):
    Service.all_objects.filter(slug="wishes").update(published=False)

    assert client.get(reverse("service-detail", args=["wishes"])).status_code == 404


def test_an_area_page_lists_the_services_reachable_there(client):
    response = client.get(reverse("area-detail", args=["city-of-edinburgh"]))

    page = text_of(response)
    assert response.status_code == 200
    assert "8 specialist services can support people in City of Edinburgh" in page
    assert "Roam" in page
    assert "Quay Services" not in page


def test_titles_and_addresses_are_discreet(client):
    for url in (
        reverse("finder"),
        reverse("service-detail", args=["roam"]),
        reverse("area-detail", args=["city-of-edinburgh"]),
    ):
        title = re.search(r"<title>(.*?)</title>", client.get(url).content.decode(), re.S).group(1)
        assert not re.search(r"sex|prostitut|escort|trafficking", title + url, re.I), (title, url)


def test_each_result_s_badge_says_for_you_or_check_with_them(client):
    response = client.post(
        reverse("finder"),
        as_sent_by_the_page({"area": "S12000036", "age": "25", "gender": "woman", "trans": "no"}),
    )

    badges = verdict_badges(response.content.decode())
    assert badges["wishes"] == "For you"
    assert badges["tara"] == "Check with them"
    assert set(badges.values()) == {"For you", "Check with them"}


@pytest.mark.parametrize(
    ("answers", "status", "what"),
    [
        ({"area": "S12000036"}, 200, "results"),
        ({"age": "old"}, 400, "what to correct"),
        (None, 409, "the refusal of a form sent twice"),
    ],
    ids=["results", "errors", "sent twice"],
)
def test_a_whole_page_answer_opens_at_what_answers_it(client, answers, status, what):
    """Without JavaScript the form is sent to /#answer: the browser lands on the answer."""
    form_page = client.get(reverse("finder")).content.decode()
    assert 'action="/#answer"' in form_page

    sent = as_sent_by_the_page(answers or {"area": "S12000036"})
    if answers is None:
        client.post(reverse("finder"), sent)  # its token is used: the same form again is refused
    response = client.post(reverse("finder"), sent)

    assert response.status_code == status, what
    assert response.content.decode().count('id="answer"') == 1, what
