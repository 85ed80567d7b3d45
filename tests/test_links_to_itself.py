"""No page links to itself (issue 14): a link that leads back to the page a person is on goes
nowhere, and on a phone it looks like a way forward. The page a person is on is named instead,
with aria-current="page". Links to a part of the page (the skip link) are fine."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from geography.models import CouncilArea
from servicemap.error_pages import error_response
from services.models import Service, ServiceStatus
from services.roles import CASEWORKER
from tests.finder_forms import as_sent_by_the_page
from tests.html_checks import links_to_itself
from tests.public_urls import public_page_urls

pytestmark = pytest.mark.django_db

# A sample of service pages: with routes, with none, the one the finder does not list, and one
# this file closes (CLOSED_SERVICE).
SERVICE_SAMPLE = ["rasac-perth-kinross", "evaa", "operation-begonia", "vice-versa"]
CLOSED_SERVICE = "vice-versa"

FINDER_ANSWERS = {
    "nothing said": {},
    "an area and who they are": {"area": "S12000036", "age": "30", "gender": "woman"},
    "an answer the form refuses": {"age": "not a number"},
}

# (path, status) for each way a page fails, from tests/error_urls.py and from Django itself.
ERRORS = [
    ("/failing/suspicious", 400),
    ("/failing/forbidden", 403),
    ("/no-such-page/", 404),
    ("/failing/crash", 500),
]


@pytest.fixture
def closed_service():
    Service.all_objects.filter(slug=CLOSED_SERVICE).update(
        status=ServiceStatus.CLOSED, status_note="Its funding ended."
    )


@pytest.mark.parametrize("url", public_page_urls())
def test_no_public_page_links_to_itself(client, url):
    assert links_to_itself(client.get(url).content.decode(), url) == []


@pytest.mark.parametrize("answers", FINDER_ANSWERS.values(), ids=FINDER_ANSWERS.keys())
def test_no_finder_answer_links_to_itself(client, answers):
    url = reverse("finder")

    html = client.post(url, as_sent_by_the_page(answers)).content.decode()

    assert links_to_itself(html, url) == []


@pytest.mark.usefixtures("closed_service")
@pytest.mark.parametrize("slug", SERVICE_SAMPLE)
def test_no_service_page_links_to_itself(client, slug):
    url = reverse("service-detail", args=[slug])

    response = client.get(url)

    assert response.status_code == 200
    assert links_to_itself(response.content.decode(), url) == []


def test_no_area_page_links_to_itself(client):
    areas = CouncilArea.objects.without_geometry().values_list("slug", flat=True)
    assert len(areas) == 32

    found = {}
    for slug in areas:
        url = reverse("area-detail", args=[slug])
        found[slug] = links_to_itself(client.get(url).content.decode(), url)

    assert {slug: links for slug, links in found.items() if links} == {}


def test_an_area_page_names_its_own_area_on_the_map_and_links_the_others(client):
    html = client.get(reverse("area-detail", args=["fife"])).content.decode()

    assert 'aria-current="page"' in html
    assert f'href="{reverse("area-detail", args=["dundee-city"])}"' in html


def test_the_start_page_names_the_site_without_linking_it_and_other_pages_link_home(client):
    start = client.get(reverse("finder")).content.decode()
    about = client.get(reverse("about")).content.decode()

    assert '<span aria-current="page">Support finder</span>' in start
    assert f'<a class="ds_site-branding__link" href="{reverse("finder")}">Support finder</a>' in (
        about
    )


def test_the_caseworker_sign_in_page_does_not_link_to_itself(client):
    url = reverse("caseworker-login")

    assert links_to_itself(client.get(url).content.decode(), url) == []


def test_no_caseworker_page_links_to_itself(client, django_user_model):
    user = django_user_model.objects.create_user("casey", password="a long passphrase 42")
    user.groups.add(Group.objects.get(name=CASEWORKER))
    client.force_login(user)
    finder = reverse("caseworker-finder")
    referral_list = reverse("referral-list")

    pages = {
        "finder": (finder, client.get(finder)),
        "answer": (finder, client.post(finder, as_sent_by_the_page({"area": "S12000036"}))),
        "referral list": (referral_list, client.post(referral_list, {"service": ["tara"]})),
    }

    found = {
        name: links_to_itself(response.content.decode(), url)
        for name, (url, response) in pages.items()
    }
    assert {name: links for name, links in found.items() if links} == {}


@pytest.mark.parametrize(("path", "status"), ERRORS)
def test_no_error_page_links_to_itself(settings, path, status):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.error_urls"

    response = Client(raise_request_exception=False).get(path)

    assert response.status_code == status
    assert links_to_itself(response.content.decode(), path) == []


@pytest.mark.parametrize("status", [400, 403, 404, 500, 503])
def test_an_error_on_the_start_page_does_not_link_to_the_start_page(status):
    html = error_response(reverse("finder"), status).content.decode()

    assert links_to_itself(html, reverse("finder")) == []
    assert 'aria-current="page">Support finder' in html
