"""The about page tells the truth about how current the directory is (issue 14): what has been
confirmed since the 2022 survey, counted from the data, where the rest comes from, how it is kept
up to date, what was added since, and why the planned national hub is not listed."""

import re
from datetime import date

import pytest
from django.urls import reverse

from services.models import CHECKED_WITH_THE_SERVICE, ContactRoute, Service
from services.wording import confirmed_text
from tests.html_checks import visible_text

pytestmark = pytest.mark.django_db

ADDED_SINCE_THE_SURVEY = ["Click (CLiCK)", "NUMbrella Lane", "Steve Retson Project"]
NOTHING_CONFIRMED = (
    "Nothing in this directory has been confirmed with a service since the 2022 survey."
)


def text_of(html: str) -> str:
    return visible_text(html)


def about(client) -> str:
    return client.get(reverse("about")).content.decode()


def section(html: str, heading_id: str) -> str:
    """From the heading with this id to the next heading of its level or higher."""
    start = html.rindex("<h", 0, html.index(f'id="{heading_id}"'))
    level = int(html[start + 2])
    ends = [html.find(f"<h{higher}", start + 1) for higher in range(1, level + 1)]
    return html[start : min(end for end in ends if end != -1)]


def test_the_about_page_says_nothing_has_been_confirmed_since_the_survey(client):
    text = text_of(about(client))

    assert NOTHING_CONFIRMED in text
    assert "which found 16 services" in text
    assert "public sources" in text
    assert "compiled in December 2026" in text
    assert "not yet confirmed" in text


def test_the_about_page_counts_the_services_that_have_confirmed_something(client):
    ContactRoute.all_objects.filter(service__slug="tara").update(confirmed_on=date(2027, 1, 5))
    Service.all_objects.filter(slug="roam").update(status_confirmed_on=date(2027, 1, 6))
    Service.all_objects.filter(slug="wishes").update(
        last_verified=date(2027, 1, 7), verification_source=f"{CHECKED_WITH_THE_SERVICE} by ann"
    )
    # A check that was not with the service, and a service nobody sees, are not counted.
    Service.all_objects.filter(slug="evaa").update(last_verified=date(2027, 1, 8))

    text = text_of(about(client))

    assert NOTHING_CONFIRMED not in text
    assert "Only 3 of the 19 services have confirmed any of their details" in text


def test_the_about_page_says_how_it_is_kept_up_to_date_and_how_to_correct_it(client, settings):
    settings.VERIFICATION_PERIOD_DAYS = 90
    html = section(about(client), "up-to-date")

    assert "check each service's details with the service itself" in text_of(html)
    assert "queue of services to contact" in text_of(html)
    assert "in the last 90 days" in text_of(html)
    assert f'href="{reverse("suggest")}"' in html


def test_the_about_page_lists_the_services_added_since_the_survey_from_the_data(client):
    html = section(about(client), "added-since-the-survey")
    named = re.findall(r'<li><a href="/services/[^"]+/">([^<]+)</a></li>', html)

    assert sorted(named) == ADDED_SINCE_THE_SURVEY
    assert "Roam" not in html


def test_a_service_marked_as_in_the_survey_leaves_the_added_list(client):
    Service.all_objects.filter(slug="click-sacro").update(in_2022_survey=True)

    html = section(about(client), "added-since-the-survey")

    assert "Click" not in html
    assert "Steve Retson Project" in html


def test_the_about_page_explains_the_planned_national_hub_is_not_listed(client):
    text = text_of(section(about(client), "national-hub"))

    assert "national hub" in text
    assert "summer 2024 in Edinburgh and the Borders, then in other cities" in text
    assert "does not list it as a service" in text
    assert not Service.all_objects.filter(name__icontains="hub").exists()


@pytest.mark.parametrize(
    ("confirmed", "services", "words"),
    [
        (0, 19, NOTHING_CONFIRMED),
        (
            1,
            19,
            "Only 1 of the 19 services has confirmed any of its details with us since the 2022 "
            "survey. Nothing about the others has been confirmed.",
        ),
        (
            4,
            19,
            "Only 4 of the 19 services have confirmed any of their details with us since the 2022 "
            "survey. Nothing about the others has been confirmed.",
        ),
        (
            19,
            19,
            "All 19 services have confirmed some of their details with us since the 2022 survey.",
        ),
    ],
)
def test_how_much_is_confirmed_is_said_in_words(confirmed, services, words):
    assert confirmed_text(confirmed, services) == words
