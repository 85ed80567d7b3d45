"""A service the finder leaves out keeps its page (issue 14): it says first, in words, why the
finder does not list it or that it has closed, gives a next step a person can take now, and
keeps its facts for caseworkers without offering a way to get in touch."""

import re
from datetime import date

import pytest
from django.urls import reverse

from helplines.directory import file_directory
from services.models import Service, ServiceStatus
from services.wording import LeftOut, left_out_text
from tests.finder_forms import as_sent_by_the_page
from tests.html_checks import visible_text

pytestmark = pytest.mark.django_db

CLOSED = "tara"  # a service with a phone number of its own, so a leak would show
CLOSED_NOTE = "Its funding ended in March 2026."
CLOSED_SOURCE = "https://example.org/news/tara-closes"
# The urgent numbers and the mainstream services (every route, as the page asked nothing).
HELPLINE_LINKS = {
    f"tel:{helpline.dial}" for helpline in (*file_directory().urgent, *file_directory().mainstream)
}


@pytest.fixture
def closed_service():
    Service.all_objects.filter(slug=CLOSED).update(
        status=ServiceStatus.CLOSED,
        status_note=CLOSED_NOTE,
        status_seen_on=date(2026, 3, 31),
        status_source=CLOSED_SOURCE,
    )


def text_of(html: str) -> str:
    return visible_text(html)


def phone_and_email_links(html: str) -> set[str]:
    return set(re.findall(r'href="((?:tel|mailto):[^"]*)"', html))


def test_operation_begonia_s_page_says_it_is_not_support_to_contact_and_what_to_do_instead(client):
    response = client.get(reverse("service-detail", args=["operation-begonia"]))
    html = response.content.decode()
    text = text_of(html)

    assert response.status_code == 200
    assert text.index("The finder does not list this service") < text.index("What you can do now")
    assert "not a support service a person can contact" in text
    assert f'<a href="{reverse("finder")}">Find a service you can contact</a>' in html
    assert 'id="ways-forward-title"' in html
    # The only numbers to call are the national helplines; nothing leads to the operation.
    assert phone_and_email_links(html) == HELPLINE_LINKS
    assert "How to get in touch" not in text
    assert "Contact the service" not in text
    assert "How to get support" not in text
    assert "check with the service before you go" not in text
    # Its facts stay, for caseworkers, with the latest news of it.
    assert "Changed: The Courier" in text
    assert "Evidence dated 8 May 2025" in text
    assert "Covers Aberdeen City" in text


@pytest.mark.usefixtures("closed_service")
def test_a_closed_service_s_page_says_it_closed_when_and_where_we_read_it_and_what_to_do(client):
    response = client.get(reverse("service-detail", args=[CLOSED]))
    html = response.content.decode()
    text = text_of(html)

    assert response.status_code == 200
    assert text.index("This service has closed") < text.index("What you can do now")
    assert CLOSED_NOTE in text
    assert "Evidence dated 31 March 2026" in text
    assert f'href="{CLOSED_SOURCE}"' in html
    assert f'<a href="{reverse("finder")}">Find a service you can contact</a>' in html
    assert phone_and_email_links(html) == HELPLINE_LINKS
    assert "0141 276 7724" not in text
    assert "How to get in touch" not in text


def test_a_service_in_the_finder_has_no_such_notice_and_says_how_to_get_in_touch(client):
    text = text_of(client.get(reverse("service-detail", args=[CLOSED])).content.decode())

    assert "How to get in touch" in text
    assert "What you can do now" not in text
    # It ends with the numbers and other services a person can go to, compact.
    assert text.index("How to get in touch") < text.index("Other help")
    assert "has closed" not in text


@pytest.mark.usefixtures("closed_service")
def test_neither_a_service_taken_out_nor_a_closed_one_is_in_a_finder_answer(client):
    html = client.post(reverse("finder"), as_sent_by_the_page({})).content.decode()
    shown = set(re.findall(r'data-result-slug="([^"]+)"', html))

    assert len(shown) == 17
    assert {"operation-begonia", CLOSED} & shown == set()


@pytest.mark.parametrize(
    ("listed", "because", "status", "note", "seen_on", "expected"),
    [
        (
            False,
            "It is a police operation.",
            ServiceStatus.CHANGED,
            "Patrols began.",
            date(2025, 5, 8),
            LeftOut(
                "The finder does not list this service",
                "It is a police operation.",
                "Changed: Patrols began.",
                "Evidence dated 8 May 2025",
            ),
        ),
        (
            False,
            "It is a police operation.",
            ServiceStatus.RUNNING,
            "",
            None,
            LeftOut("The finder does not list this service", "It is a police operation.", "", ""),
        ),
        (
            True,
            "",
            ServiceStatus.CLOSED,
            "Its funding ended.",
            date(2026, 3, 31),
            LeftOut(
                "This service has closed", "Its funding ended.", "", "Evidence dated 31 March 2026"
            ),
        ),
        (
            True,
            "",
            ServiceStatus.CLOSED,
            "",
            None,
            LeftOut("This service has closed", "", "", ""),
        ),
    ],
)
def test_a_left_out_service_says_why_first(listed, because, status, note, seen_on, expected):
    assert left_out_text(listed, because, status, note, seen_on) == expected


@pytest.mark.parametrize("listed", [True, False])
@pytest.mark.parametrize("status", list(ServiceStatus))
def test_a_service_page_and_the_finder_agree_on_whether_it_is_listed(status, listed):
    wishes = Service.all_objects.filter(slug="wishes")
    wishes.update(
        status=status,
        status_note="What changed.",
        listed_in_finder=listed,
        not_listed_because="" if listed else "Not support a person can contact.",
    )

    in_the_finder = Service.published_objects.in_finder().filter(slug="wishes").exists()

    assert wishes.get().in_finder is in_the_finder
    assert in_the_finder is (listed and status != ServiceStatus.CLOSED)
