"""Services a person could travel to (issue 15): the nearest few that work in person only in
other council areas, in their own group, never mixed into those that work where the person is."""

import pytest
from django.urls import reverse

from geography.models import CouncilArea
from services.eligibility import Gender, Person
from services.search import FURTHER_AWAY_LIMIT, SearchQuery, search
from tests.finder_forms import as_sent_by_the_page
from tests.html_checks import visible_text

pytestmark = pytest.mark.django_db

FIFE, ORKNEY, ABERDEEN, EDINBURGH = "S12000047", "S12000023", "S12000033", "S12000036"
WOMAN_30 = Person(age=30, gender=Gender.WOMAN)


def search_in(code: str, person: Person, **options):
    return search(
        SearchQuery(person=person, located=True, area=CouncilArea.objects.get(code=code), **options)
    )


@pytest.mark.parametrize(
    ("code", "person", "expected"),
    [
        # No specialist service works in person in Fife: Dundee and Edinburgh are near.
        (FIFE, WOMAN_30, ["vice-versa", "leith-partnership", "sacro-another-way"]),
        # A man in Orkney asking for sexual health help: the two services for men, far away.
        (
            ORKNEY,
            Person(gender=Gender.MAN, needs=frozenset({"sexual_health"})),
            ["roam", "steve-retson-project"],
        ),
        # A trafficked woman in Aberdeen has services there, and these beyond.
        (
            ABERDEEN,
            Person(gender=Gender.WOMAN, trafficked=True),
            ["vice-versa", "rasac-perth-kinross", "leith-partnership"],
        ),
    ],
)
def test_the_nearest_services_elsewhere_are_named_apart_from_those_here(code, person, expected):
    outcome = search_in(code, person)

    further = outcome.further_away
    assert [result.entry.slug for result in further] == expected
    assert len(further) <= FURTHER_AWAY_LIMIT
    here = {result.entry.slug for result in outcome.results}
    for result in further:
        assert result.entry.slug not in here
        assert code not in {area.code for area in result.reach.areas}
        assert result.reach.bases
        assert result.availability.because[0].startswith("covers ")
    distances = [result.distance_km for result in further]
    assert distances == sorted(distances)


@pytest.mark.parametrize(
    "query",
    [
        {"remote_only": True},
        # Said nothing of where: nothing is "further" than anywhere.
        {"located": False},
    ],
)
def test_nobody_is_sent_further_away_without_a_place_or_when_asking_for_remote_support(query):
    area = None if query.get("located") is False else CouncilArea.objects.get(code=FIFE)
    outcome = search(
        SearchQuery(
            person=WOMAN_30,
            located=area is not None,
            area=area,
            **{key: value for key, value in query.items() if key != "located"},
        )
    )

    assert outcome.further_away == []


def test_the_page_shows_the_group_after_the_services_here_with_travel_costs_and_a_caution(client):
    answers = as_sent_by_the_page({"area": FIFE, "age": "30", "gender": "woman"})

    page = visible_text(client.post(reverse("finder"), answers).content.decode())

    assert page.index("Across Scotland, the UK, or by phone and online") < page.index(
        "Further away"
    )
    assert (
        "A service may support only people who live in the areas it covers: ask them before you go."
        in page
    )
    after = page[page.index("Further away") :]
    assert after.index("Vice Versa") < after.index("Leith Partnership")
    assert "We do not know whether it covers travel costs: ask them." in after
    # Its base is known only by its council area: no number of km.
    assert "Based in Dundee City" in after


def test_the_api_gives_the_same_group(client):
    body = {"area": FIFE, "age": 30, "gender": "woman"}

    answer = client.post(reverse("api-search"), body, content_type="application/json").json()

    assert [r["slug"] for r in answer["further_away"]] == [
        "vice-versa",
        "leith-partnership",
        "sacro-another-way",
    ]
    assert all(r["distance_km"] is None for r in answer["further_away"])
    assert {r["travel_costs_covered"] for r in answer["further_away"]} == {False}
    assert not {r["slug"] for r in answer["results"]} & {r["slug"] for r in answer["further_away"]}
