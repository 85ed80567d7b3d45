"""Every answer leads somewhere (issue 15): what the answer says about the person's area is true
of the area, and an answer that leaves a person without a service they can use, or a person under
18, gets what they can do now at its top."""

import re
from html import unescape

import pytest
from django.db.models import Q
from django.urls import reverse

from geography.models import CouncilArea
from servicemap.helplines import CHILDLINE, URGENT_HELP
from services.models import Service
from services.ways_forward import ways_forward

pytestmark = pytest.mark.django_db

FRAGMENT = {"X-Finder-Fragment": "results"}
GLASGOW, EDINBURGH, FIFE, ORKNEY, ABERDEEN = (
    "S12000049",
    "S12000036",
    "S12000047",
    "S12000023",
    "S12000033",
)
ROAM = [("Roam", 16)]


@pytest.mark.parametrize(
    ("age", "results", "nothing_in_person", "first", "under_18"),
    [
        (15, 0, True, CHILDLINE, True),
        (17, 3, False, CHILDLINE, True),
        (18, 0, False, URGENT_HELP[0], False),
        (18, 5, True, URGENT_HELP[0], False),
        (None, 0, False, URGENT_HELP[0], False),
        (30, 5, False, None, False),
        (None, 7, False, None, False),
    ],
    ids=[
        "15, nothing",
        "17, with results",
        "18, nothing",
        "18, nothing in person where they are",
        "no age, nothing",
        "30, services here",
        "no age, services here",
    ],
)
def test_who_is_shown_ways_forward_and_what_comes_first(
    age, results, nothing_in_person, first, under_18
):
    shown = ways_forward(age, results, nothing_in_person, ROAM)

    assert (shown.helplines[0] if shown else None) == first
    assert bool(shown.under_18) is under_18
    assert bool(shown.child_protection) is under_18


def test_an_under_18_is_told_the_services_are_for_adults_with_the_exceptions_the_data_holds():
    assert ways_forward(16, 1, False, ROAM).under_18 == (
        "The specialist services in this finder are for adults aged 18 and over, except Roam "
        "(16 and over). Anyone under 18 can talk to Childline now."
    )
    assert ways_forward(16, 0, False, [*ROAM, ("Harbour", None)]).under_18.startswith(
        "The specialist services in this finder are for adults aged 18 and over, except Roam "
        "(16 and over) and Harbour (no minimum age stated: ask them)."
    )
    assert "except" not in ways_forward(16, 0, False, []).under_18


def answer_to(client, **answers) -> str:
    response = client.post(reverse("finder"), answers, headers=FRAGMENT)
    assert response.status_code == 200
    return unescape(re.sub(r"\s+", " ", response.content.decode()))


def working_in_person_in(code: str) -> int:
    """Counted straight from the records: services in the finder listing the area."""
    return Service.published_objects.in_finder().filter(Q(coverage__code=code)).distinct().count()


SHOW = (
    "To see them and why, tick “Also show services that are not for me, and why” under "
    "“Tell us more to narrow this down (optional)”."
)


@pytest.mark.parametrize(
    ("answers", "message", "ways_forward", "childline"),
    [
        (
            {"area": GLASGOW, "age": "17", "gender": "man"},
            f"4 specialist services work in person in Glasgow City, but going by your answers "
            f"none of them is for you. {SHOW}",
            True,
            True,
        ),
        (
            {"area": EDINBURGH, "age": "15", "gender": "woman"},
            f"4 specialist services work in person in City of Edinburgh, but going by your "
            f"answers none of them is for you. {SHOW}",
            True,
            True,
        ),
        ({"area": EDINBURGH, "age": "18", "gender": "woman"}, "", False, False),
        (
            {"area": ORKNEY, "gender": "man", "needs": "sexual_health"},
            "No specialist service works in person in Orkney Islands.",
            True,
            False,
        ),
        (
            {"area": FIFE, "age": "30", "gender": "woman"},
            "No specialist service works in person in Fife. These services support people there "
            "from across Scotland, the UK or remotely.",
            True,
            False,
        ),
        ({"area": ABERDEEN, "gender": "woman", "trafficked": "yes"}, "", False, False),
    ],
    ids=[
        "a man of 17 in Glasgow",
        "a girl of 15 in Edinburgh",
        "a woman of 18 in Edinburgh",
        "a man in Orkney asking for sexual health help",
        "a woman of 30 in Fife",
        "a trafficked woman in Aberdeen",
    ],
)
def test_each_answer_says_what_is_true_of_the_area_and_what_to_do_now(
    client, answers, message, ways_forward, childline
):
    page = answer_to(client, **answers)
    area = CouncilArea.objects.get(code=answers["area"])

    if message:
        assert f'<div class="ds_inset-text__text">{message}</div>' in page
    else:
        assert "work in person in" not in page
        assert "No specialist service works in person" not in page
    # A sentence about the area is true of the area, whoever asks.
    says_none = f"No specialist service works in person in {area.name}" in page
    assert says_none is (working_in_person_in(area.code) == 0)
    assert ("What you can do now" in page) is ways_forward
    assert ('href="tel:08001111"' in page) is childline
    if ways_forward:
        # At the top of the answer, before any service.
        first_service = page.find('class="finder-result"')
        assert first_service == -1 or page.index("What you can do now") < first_service
        assert 'href="tel:999"' in page


def test_the_api_gives_the_same_message_and_ways_forward_as_the_page(client):
    response = client.post(
        reverse("api-search"),
        {"area": GLASGOW, "age": 17, "gender": "man"},
        content_type="application/json",
    )
    body = response.json()

    assert body["message"].startswith("4 specialist services work in person in Glasgow City")
    forward = body["ways_forward"]
    assert forward["helplines"][0] == {
        "name": "Childline",
        "number": "0800 1111",
        "hours": CHILDLINE.hours,
        "for_what": CHILDLINE.for_what,
    }
    assert forward["under_18"].startswith("The specialist services in this finder are for adults")
    assert forward["child_protection"].startswith("If a child or young person is in danger now")


def test_the_api_gives_no_ways_forward_when_there_are_services_to_use(client):
    response = client.post(
        reverse("api-search"),
        {"area": EDINBURGH, "age": 25, "gender": "woman"},
        content_type="application/json",
    )

    assert response.json()["ways_forward"] == {
        "under_18": "",
        "child_protection": "",
        "helplines": [],
    }


@pytest.mark.parametrize(
    ("slug", "shown"),
    [("orkney-islands", True), ("fife", True), ("city-of-edinburgh", False)],
)
def test_an_area_page_with_no_service_in_person_says_what_to_do_now(client, slug, shown):
    page = unescape(client.get(reverse("area-detail", args=[slug])).content.decode())

    assert ('<h2 id="ways-forward-title">What you can do now</h2>' in page) is shown
    assert ('href="tel:999"' in page) is shown
