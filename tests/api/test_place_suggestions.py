"""POST /api/v1/places/suggest: what the finder's place box suggests as someone types."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/places/suggest"


def suggest(client, body):
    return client.post(URL, body, content_type="application/json")


def test_the_start_of_a_name_suggests_places_and_nothing_is_cached(client):
    response = suggest(client, {"q": "Leit"})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "Leith" in [place["name"] for place in response.json()["suggestions"]]


@pytest.mark.parametrize("typed", [" ", "L"])
def test_fewer_than_two_letters_suggest_nothing(client, typed):
    response = suggest(client, {"q": typed})

    assert (response.status_code, response.json()) == (200, {"suggestions": []})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # Nothing typed: the description's minLength of 1, not an empty list of suggestions.
        ({"q": ""}, "This field may not be blank."),
        # Text only, as described: a number is not read as its digits.
        ({"q": 12}, "Not a valid string."),
        ({"q": "Lei\x00th"}, "Null characters and lone surrogates are not allowed."),
        ({}, "This field is required."),
    ],
)
def test_bad_input_is_a_400_problem_saying_what_is_wrong_with_q(client, body, message):
    response = suggest(client, body)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == {"q": [message]}
