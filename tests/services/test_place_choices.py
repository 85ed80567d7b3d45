"""A place name that means more than one place, or none, offers the places it may mean: the
answer never stops at "choose one" with nothing to choose."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.finder_forms import as_sent_by_the_page

pytestmark = pytest.mark.django_db

FRAGMENT = {"X-Finder-Fragment": "results"}
NEWTONS = [
    "Newton, West Lothian",
    "Newton, South Lanarkshire",
    "Newton, Argyll and Bute",
    "Newton, Dumfries and Galloway",
    "Newton, Moray",
    "Newton, Scottish Borders",
    "Newton, near Inver, Highland",
    "Newton, near Newlands of Culloden, Highland",
    "Newton, near Wick, Highland",
]


def choices_in(html: str) -> list[str]:
    return [
        unescape(value)
        for value in re.findall(
            r'<button type="submit" form="finder-form" name="place_choice" '
            r'value="([^"]+)"',
            html,
        )
    ]


def test_a_name_of_several_places_offers_each_to_choose(client):
    html = client.post(reverse("finder"), {"place": "Newton"}, headers=FRAGMENT).content.decode()

    assert "More than one place in Scotland has that name. Choose the one you mean." in html
    assert choices_in(html) == NEWTONS


def test_a_name_of_no_place_offers_the_names_like_it(client):
    html = client.post(reverse("finder"), {"place": "Inverne"}, headers=FRAGMENT).content.decode()

    assert "Did you mean one of these?" in html
    assert "Inverness, Highland" in choices_in(html)


def test_a_name_of_one_place_offers_no_choice(client):
    html = client.post(reverse("finder"), {"place": "Inverness"}, headers=FRAGMENT).content.decode()

    assert choices_in(html) == []


def test_the_place_chosen_is_the_answer_and_fills_the_form(client):
    answers = {"place": "Newton", "place_choice": "Newton, near Wick, Highland"}

    html = unescape(client.post(reverse("finder"), as_sent_by_the_page(answers)).content.decode())

    assert "services found for Highland" in html
    assert "Using Newton, near Wick, Highland." in html
    assert 'name="place" value="Newton, near Wick, Highland"' in html
    assert choices_in(html) == []


def test_a_typed_place_and_a_chosen_area_that_disagree_are_both_named(client):
    answers = as_sent_by_the_page({"place": "Kirkwall", "area": "S12000036"})

    response = client.post(reverse("finder"), answers)

    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert (
        "“Kirkwall” is in Orkney Islands, but the council area chosen is City of Edinburgh. "
        "Clear one of them." in html
    )
    assert "services found" not in html


@pytest.mark.parametrize(
    "answers",
    [
        {"place": "Leith", "area": "S12000036"},
        {"place": "EH6 5AB", "area": "S12000036"},
        {"place": "Newton", "area": "S12000036"},
    ],
    ids=["a place in the area", "a postcode in the area", "a name of several places"],
)
def test_a_typed_place_that_agrees_with_the_area_or_is_not_one_place_is_no_error(client, answers):
    response = client.post(reverse("finder"), answers, headers=FRAGMENT)

    assert response.status_code == 200
