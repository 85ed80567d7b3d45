"""Every answer leads somewhere (issue 15): what the answer says about the person's area is true
of the area, and an answer that leaves a person without a service they can use, or a person under
18, gets what they can do now at its top."""

import re
from html import unescape

import pytest
from django.db.models import Q
from django.urls import reverse

from geography.models import CouncilArea
from helplines.directory import file_directory, forget_directory
from helplines.models import Helpline, Need
from services.models import Service
from services.ways_forward import mainstream_needs, ways_forward

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
DIRECTORY = file_directory()
CHILDLINE = DIRECTORY.under_18[0]
EMERGENCY = DIRECTORY.urgent[0]


@pytest.mark.parametrize(
    ("age", "without_a_service", "first", "at_the_top", "under_18"),
    [
        (15, True, CHILDLINE, True, True),
        (17, False, CHILDLINE, True, True),
        (18, True, EMERGENCY, True, False),
        (None, True, EMERGENCY, True, False),
        (30, False, EMERGENCY, False, False),
        (None, False, EMERGENCY, False, False),
    ],
    ids=[
        "15, nothing to use",
        "17, with services to use",
        "18, nothing to use",
        "no age, nothing to use",
        "30, services to use",
        "no age, services to use",
    ],
)
def test_every_answer_has_ways_forward_and_they_come_first_when_there_is_nothing_to_use(
    age, without_a_service, first, at_the_top, under_18
):
    shown = ways_forward(DIRECTORY, age, frozenset(), without_a_service, ROAM)

    assert shown.helplines[0] == first
    assert EMERGENCY in shown.helplines
    assert shown.first is at_the_top
    assert bool(shown.under_18) is under_18
    assert bool(shown.child_protection) is under_18
    assert [helpline.need for helpline in shown.mainstream] == list(Need)


@pytest.mark.parametrize(
    ("needs", "routes"),
    [
        ((), list(Need)),
        (("sexual_health",), [Need.SEXUAL_HEALTH, Need.HEALTH]),
        (("counselling", "emotional_support"), [Need.MENTAL_HEALTH, Need.HEALTH]),
        (("housing_benefits", "drugs_alcohol"), [Need.DRUGS_ALCOHOL, Need.HOUSING, Need.HEALTH]),
        (("safety_advice",), list(Need)),
        (("safety_advice", "sexual_health"), [Need.SEXUAL_HEALTH, Need.HEALTH]),
    ],
    ids=[
        "no needs: every route",
        "sexual health",
        "counselling and emotional support: mental health once",
        "housing and drugs",
        "a need no mainstream route meets: every route",
        "one met, one not",
    ],
)
def test_the_mainstream_routes_fit_the_needs_given(needs, routes):
    assert list(mainstream_needs(frozenset(needs))) == routes
    shown = ways_forward(DIRECTORY, 30, frozenset(needs), False, [])
    assert [helpline.need for helpline in shown.mainstream] == routes
    # Each says where its number comes from and when it was checked there.
    assert all(helpline.source_url and helpline.checked_on for helpline in shown.mainstream)


def test_an_under_18_is_told_the_services_are_for_adults_with_the_exceptions_the_data_holds():
    assert ways_forward(DIRECTORY, 16, frozenset(), False, ROAM).under_18 == (
        "The specialist services in this finder are for adults aged 18 and over, except Roam "
        "(16 and over). Anyone under 18 can talk to Childline now."
    )
    assert ways_forward(
        DIRECTORY, 16, frozenset(), True, [*ROAM, ("Harbour", None)]
    ).under_18.startswith(
        "The specialist services in this finder are for adults aged 18 and over, except Roam "
        "(16 and over) and Harbour (no minimum age stated: ask them)."
    )
    assert "except" not in ways_forward(DIRECTORY, 16, frozenset(), True, []).under_18


@pytest.mark.parametrize(
    ("taking_younger", "named", "counted"),
    [(5, 5, ""), (6, 5, " and 1 other (each one's page"), (1250, 5, " and 1,245 others (each")],
)
def test_the_under_18_answer_names_the_first_few_services_for_younger_people_and_counts_the_rest(
    taking_younger, named, counted
):
    services = [(f"Service {number:04}", 16) for number in range(taking_younger)]

    text = ways_forward(DIRECTORY, 15, frozenset(), True, services).under_18

    assert text.count("(16 and over)") == named
    assert f"Service {named - 1:04} (16 and over)" in text
    assert f"Service {named:04}" not in text
    assert counted in text


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
        (
            {"area": GLASGOW, "age": "16", "gender": "woman"},
            f"4 specialist services work in person in Glasgow City, but going by your answers "
            f"none of them is for you. {SHOW}",
            True,
            True,
        ),
        ({"area": EDINBURGH, "age": "18", "gender": "woman"}, "", False, False),
        ({"area": EDINBURGH, "gender": "woman", "remote_only": "on"}, "", False, False),
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
        "a girl of 16 in Glasgow",
        "a woman of 18 in Edinburgh",
        "a woman in Edinburgh asking for remote support only",
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
    # Every answer leads somewhere: the urgent numbers and the mainstream services.
    assert 'href="tel:999"' in page
    assert "Other services you can go to" in page
    first_service = page.find('class="finder-result"')
    if ways_forward:
        # At the top of the answer, before any service.
        assert first_service == -1 or page.index("What you can do now") < first_service
    else:
        # After every service, compact.
        assert page.index("Other help") > page.rindex('class="finder-result"')


def test_the_api_gives_the_same_message_and_ways_forward_as_the_page(client):
    response = client.post(
        reverse("api-search"),
        {"area": GLASGOW, "age": 17, "gender": "man"},
        content_type="application/json",
    )
    body = response.json()

    assert body["message"].startswith("4 specialist services work in person in Glasgow City")
    forward = body["ways_forward"]
    assert forward["first"] is True
    assert forward["helplines"][0] == {
        "name": "Childline",
        "number": "0800 1111",
        "hours": CHILDLINE.hours,
        "for_what": CHILDLINE.for_what,
        "need": "",
        "source": CHILDLINE.source_title,
        "source_url": CHILDLINE.source_url,
        "checked_on": CHILDLINE.checked_on.isoformat(),
        "confirmed_on": None,
    }
    assert [route["need"] for route in forward["mainstream"]] == list(Need)
    assert forward["under_18"].startswith("The specialist services in this finder are for adults")
    assert forward["child_protection"].startswith("If a child or young person is in danger now")


def test_the_api_gives_ways_forward_after_the_list_when_there_are_services_to_use(client):
    response = client.post(
        reverse("api-search"),
        {"area": EDINBURGH, "age": 25, "gender": "woman", "needs": ["drugs_alcohol"]},
        content_type="application/json",
    )
    forward = response.json()["ways_forward"]

    assert forward["first"] is False
    assert (forward["under_18"], forward["child_protection"]) == ("", "")
    assert forward["helplines"][0]["number"] == "999"
    assert [route["need"] for route in forward["mainstream"]] == ["drugs_alcohol", "health"]


@pytest.mark.parametrize(
    ("slug", "shown"),
    [("orkney-islands", True), ("fife", True), ("city-of-edinburgh", False)],
)
def test_an_area_page_with_no_service_in_person_says_what_to_do_now(client, slug, shown):
    page = unescape(client.get(reverse("area-detail", args=[slug])).content.decode())

    assert ('<h2 id="ways-forward-title">What you can do now</h2>' in page) is shown
    assert ('<h2 id="ways-forward-title">Other help</h2>' in page) is not shown
    assert 'href="tel:999"' in page


@pytest.mark.parametrize(
    ("age", "needs", "without_a_service", "in_sight"),
    [
        (15, (), True, ["0800 1111", "999"]),
        (16, ("sexual_health",), False, ["0800 1111", "999", "0800 22 44 88"]),
        (None, ("sexual_health",), True, ["999", "0800 22 44 88"]),
        (None, ("drugs_alcohol", "counselling"), True, ["999", "0800 83 85 87", "0808 801 0609"]),
        (None, ("drugs_alcohol",), False, ["999"]),
        (30, (), True, ["999"]),
    ],
    ids=[
        "15: Childline, then 999",
        "16 asking for sexual health: its clinic too",
        "nothing to use, asking for sexual health: its clinic",
        "nothing to use, asking for two: both",
        "services to use: 999 alone",
        "nothing to use, no need named: 999 alone",
    ],
)
def test_the_most_fitting_numbers_are_in_sight_and_the_rest_one_tap_away(
    age, needs, without_a_service, in_sight
):
    shown = ways_forward(DIRECTORY, age, frozenset(needs), without_a_service, ROAM)

    assert [helpline.number for helpline in shown.in_sight] == in_sight
    # Nothing is lost: in sight and one tap away, every number is there once.
    everything = [*shown.in_sight, *shown.more_numbers, *shown.more_mainstream]
    assert sorted(h.slug for h in everything) == sorted(
        h.slug for h in (*shown.helplines, *shown.mainstream)
    )


def test_a_search_for_someone_under_18_names_the_finders_services_that_take_them(client):
    # Roam is the one service of the real data that takes people from 16.
    expected = (
        "The specialist services in this finder are for adults aged 18 and over, except Roam "
        "(16 and over). Anyone under 18 can talk to Childline now."
    )

    assert expected in answer_to(client, area="S12000049", age="15")
    api = client.post(
        "/api/v1/search", {"area": "S12000049", "age": 15}, content_type="application/json"
    )
    assert api.json()["ways_forward"]["under_18"] == expected


def test_each_answer_gives_the_helplines_in_its_own_language_and_as_last_edited(client, settings):
    # The answer's helplines are made once per row and language (services/search_answer.py): an
    # answer in Polish after one in English, and one after an admin's edit, must not get the
    # words made for another. The rows are kept between answers, as in production.
    settings.HELPLINES_CHECK_SECONDS = 60
    forget_directory()  # not the rows another test's transaction read

    def emergency(support_in: str = "", **headers) -> dict:
        body = {"area": EDINBURGH, "age": 25, **({"language": support_in} if support_in else {})}
        response = client.post(
            reverse("api-search"), body, content_type="application/json", **headers
        )
        assert response.status_code == 200
        return response.json()["ways_forward"]["helplines"][0]

    english = emergency()
    polish = emergency(HTTP_ACCEPT_LANGUAGE="pl")
    assert english["number"] == polish["number"] == "999"
    assert english["name"] == "Emergency services"
    assert polish["name"] != english["name"]
    assert emergency()["name"] == "Emergency services"
    # Support asked for in Romanian is not the language of the answer's words.
    assert emergency(support_in="ro")["name"] == "Emergency services"
    assert emergency(support_in="ro", HTTP_ACCEPT_LANGUAGE="pl")["name"] == polish["name"]

    row = Helpline.objects.get(slug="emergency")
    row.hours = "Free, day and night"
    row.save()

    assert emergency()["hours"] == "Free, day and night"
