"""The answer's order (issue 15): for a person who gave their council area, the services that work
in person there come first, then those working across Scotland, the UK or remotely, then those
further away; within each, the verdict, then distance. The page and the API give the same groups."""

import pytest
from django.urls import reverse

from geography.models import CouncilArea
from services.models import Service
from tests.finder_forms import as_sent_by_the_page
from tests.html_checks import visible_text

pytestmark = pytest.mark.django_db

ABERDEEN, FIFE, GLASGOW, ORKNEY, EDINBURGH = (
    "S12000033",
    "S12000047",
    "S12000049",
    "S12000023",
    "S12000036",
)
HERE, WIDER, FURTHER = "in_person_here", "scotland_wide_or_remote", "further_away"
VERDICTS = ["eligible", "unclear", "not_eligible"]


def answer(client, **answers) -> dict:
    response = client.post(reverse("api-search"), answers, content_type="application/json")
    assert response.status_code == 200
    return response.json()


def grouped(body: dict) -> dict[str, list[str]]:
    return {group["key"]: group["services"] for group in body["groups"]}


@pytest.mark.parametrize(
    ("answers", "groups", "firsts"),
    [
        (
            {"area": ABERDEEN, "gender": "woman", "trafficked": True},
            [HERE, WIDER, FURTHER],
            # TARA, the one Scotland-wide service for trafficked people, leads its group.
            {WIDER: "tara"},
        ),
        ({"area": FIFE, "gender": "woman", "age": 30}, [WIDER, FURTHER], {}),
        (
            {"area": GLASGOW, "gender": "woman", "age": 30},
            [HERE, WIDER, FURTHER],
            {HERE: "routes-out"},
        ),
        ({"area": GLASGOW, "gender": "man", "age": 17}, [FURTHER], {}),
        ({"area": ORKNEY, "gender": "man", "needs": ["sexual_health"]}, [FURTHER], {}),
        ({"area": EDINBURGH, "gender": "woman", "remote_only": True}, ["unclear"], {}),
        ({"gender": "woman"}, ["unclear"], {}),
    ],
    ids=[
        "a trafficked woman in Aberdeen",
        "a woman of 30 in Fife",
        "a woman of 30 in Glasgow",
        "a man of 17 in Glasgow",
        "a man in Orkney asking for sexual health help",
        "remote support only: one group a verdict",
        "no place given: one group a verdict",
    ],
)
def test_the_groups_and_their_order_for_real_situations(client, answers, groups, firsts):
    body = answer(client, **answers)
    by_key = grouped(body)

    assert list(by_key) == groups
    headings = {group["key"]: group["heading"] for group in body["groups"]}
    if "unclear" in headings:
        assert headings["unclear"] == "Services that may be for you: check with them"
    for key, slug in firsts.items():
        assert by_key[key][0] == slug
    # The groups hold every service of the answer once, in the answer's own order.
    listed = [slug for key in groups if key != FURTHER for slug in by_key[key]]
    assert listed == [result["slug"] for result in body["results"]]
    assert by_key.get(FURTHER, []) == [result["slug"] for result in body["further_away"]]


@pytest.mark.parametrize("person", [{"gender": "woman"}, {"gender": "man", "age": 20}, {}])
def test_in_every_area_those_working_there_come_first_each_group_by_verdict(client, person):
    for area in CouncilArea.objects.filter(code__startswith="S12"):
        body = answer(client, area=area.code, include_not_eligible=True, **person)
        by_key = grouped(body)
        status = {result["slug"]: result["status"] for result in body["results"]}
        listing = set(
            Service.published_objects.in_finder()
            .filter(coverage=area)
            .values_list("slug", flat=True)
        )

        assert set(by_key.get(HERE, [])) == listing, area.name
        assert not set(by_key.get(WIDER, [])) & listing, area.name
        for key in (HERE, WIDER):
            ranks = [VERDICTS.index(status[slug]) for slug in by_key.get(key, [])]
            assert ranks == sorted(ranks), (area.name, key)


def test_the_page_shows_the_same_groups_under_the_same_headings(client):
    answers = {"area": GLASGOW, "age": "30", "gender": "woman"}
    page = visible_text(
        client.post(reverse("finder"), as_sent_by_the_page(answers)).content.decode()
    )
    body = answer(client, area=GLASGOW, age=30, gender="woman")

    positions = [page.index(group["heading"]) for group in body["groups"]]
    assert positions == sorted(positions)
    assert [group["heading"] for group in body["groups"]] == [
        "Working in person in Glasgow City",
        "Across Scotland, the UK, or by phone and online",
        "Further away",
    ]
    # Each service sits under its own group's heading, before the next one.
    names = {result["slug"]: result["name"] for result in body["results"] + body["further_away"]}
    for group, following in zip(body["groups"], [*positions[1:], len(page)], strict=True):
        start = page.index(group["heading"])
        for slug in group["services"]:
            assert start < page.index(names[slug], start) < following, (group["key"], slug)
