"""Errors answered the site's way with DEBUG off: a friendly page with the quick exit for people,
RFC 9457 problem details for programs, and never a trace of what went wrong or what was sent."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.error_urls import SECRET_IN_THE_ERROR
from tests.html_checks import PageReader, sensitive_words_in

# (path under a prefix, status): each way a request fails, from a view or from Django itself.
FAILURES = [
    ("failing/suspicious", 400),
    ("failing/forbidden", 403),
    ("failing/missing", 404),
    ("no-such-page/", 404),
    ("failing/crash", 500),
]
JSON_PREFIXES = ["/api/v1/", "/openreferral/"]

# What a debug page or a leaked exception would show.
LEAKS = [SECRET_IN_THE_ERROR, "Traceback", "SECRET_KEY", "DATABASES", "SELECT ", "Request Method"]


@pytest.fixture
def failing_site(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.error_urls"


@pytest.fixture
def browser_client():
    """A client that gets the error answer, as a browser would, instead of the exception."""
    return Client(raise_request_exception=False, enforce_csrf_checks=True)


def assert_leaks_nothing(response) -> None:
    body = response.content.decode()
    assert [leak for leak in LEAKS if leak in body] == []
    assert not response.cookies


# No `db` fixture: pytest-django refuses any query, so these also show that no error page needs
# the database (the 500 page must work when the database is what failed).
@pytest.mark.parametrize(("path", "status"), FAILURES)
def test_a_failing_page_answers_a_friendly_page_with_the_quick_exit(
    failing_site, browser_client, path, status
):
    response = browser_client.get("/" + path)
    body = response.content.decode()
    page = PageReader(body)

    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert f'href="{reverse("leave")}"' in body
    assert 'id="urgent-help"' in body
    assert f'href="{reverse("finder")}"' in body
    assert page.inline_code == []
    assert page.title.strip().endswith("Support finder")
    assert sensitive_words_in(page.title) == []
    assert "no-store" in response["Cache-Control"]
    assert_leaks_nothing(response)


@pytest.mark.parametrize("prefix", JSON_PREFIXES)
@pytest.mark.parametrize(("path", "status"), FAILURES)
def test_a_failing_json_endpoint_answers_problem_details(
    failing_site, browser_client, prefix, path, status
):
    response = browser_client.get(prefix + path)
    problem = json.loads(response.content)

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert problem["status"] == status
    assert problem["type"] == "about:blank"
    assert problem["title"]
    assert problem["detail"]
    assert "Leave this site" not in response.content.decode()
    assert_leaks_nothing(response)


def test_a_form_refused_by_the_csrf_check_gets_the_friendly_403_page(failing_site, browser_client):
    response = browser_client.post("/failing/form", {"anything": "at all"})
    body = response.content.decode()

    assert response.status_code == 403
    assert "Sorry, you cannot do that here" in body
    assert f'href="{reverse("leave")}"' in body
    assert "CSRF" not in body
    assert_leaks_nothing(response)


def test_a_post_refused_by_the_csrf_check_under_the_api_gets_a_json_403(
    failing_site, browser_client
):
    response = browser_client.post("/api/v1/failing/form", {"anything": "at all"})

    assert response.status_code == 403
    assert json.loads(response.content)["status"] == 403
    assert_leaks_nothing(response)


def test_the_test_views_are_not_part_of_the_real_site(client, db):
    assert client.get("/failing/crash").status_code == 404
