"""The admin's "Place from postcode": a staff-only JSON answer from our own gazetteer."""

import pytest
from django.urls import reverse

LOCATE = reverse("admin:geography_place_locate")


@pytest.fixture
def staff_client(client, django_user_model):
    # Staff with no permissions at all: an editor placing a location may ask.
    client.force_login(django_user_model.objects.create_user("eden", password="pw", is_staff=True))
    return client


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.post(LOCATE, {"text": "EH6 5AB"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_signed_in_user_who_is_not_staff_is_sent_to_sign_in(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("casey", password="pw"))

    response = client.post(LOCATE, {"text": "EH6 5AB"})

    assert response.status_code == 302


def test_a_full_postcode_gives_its_point_and_council_area(staff_client):
    response = staff_client.post(LOCATE, {"text": "eh65ab"})

    assert response.status_code == 200
    assert response.json() == {
        "point": {"type": "Point", "coordinates": [-3.18487, 55.96621]},
        "council_area": "City of Edinburgh",
        "message": "Using postcode EH6 5AB.",
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_town_gives_its_point(staff_client):
    response = staff_client.post(LOCATE, {"text": "Inverness"})

    answer = response.json()
    assert response.status_code == 200
    assert answer["council_area"] == "Highland"
    assert answer["message"] == "Using Inverness, Highland."
    lon, lat = answer["point"]["coordinates"]
    assert (round(lon, 1), round(lat, 1)) == (-4.2, 57.5)


def test_a_name_many_places_share_lists_them_to_choose_from(staff_client):
    response = staff_client.post(LOCATE, {"text": "Newton, Highland"})

    assert response.status_code == 300
    assert "Choose the one you mean" in response.json()["message"]
    assert "Newton, near Wick, Highland" in response.json()["choices"]


def test_a_postcode_district_alone_asks_for_the_full_postcode(staff_client):
    response = staff_client.post(LOCATE, {"text": "EH6"})

    assert response.status_code == 422
    assert response.json() == {
        "message": "EH6 is a whole postcode district. Enter the full postcode, like EH6 5AB, "
        "to place the location."
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ZX9 4QQ", "We could not find that postcode. We only know postcodes in Scotland."),
        ("Qqzzxv", "We could not find a place with that name in Scotland."),
    ],
)
def test_an_unknown_postcode_or_place_is_not_found_with_a_message(staff_client, text, message):
    response = staff_client.post(LOCATE, {"text": text})

    assert response.status_code == 404
    assert response.json() == {"message": message, "choices": []}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter a postcode, like EH6 5AB, or the name of a town or village."),
        ({"text": "  "}, "Enter a postcode, like EH6 5AB, or the name of a town or village."),
        ({"text": "?!"}, "Enter a postcode, like EH6 5AB, or the name of a town or village."),
        ({"text": "x" * 101}, "That is too long for a postcode or a place name."),
        ({"text": "EH6\x00 5AB"}, "Null characters are not allowed."),
    ],
)
def test_malformed_text_is_a_bad_request_with_a_message(staff_client, data, message):
    response = staff_client.post(LOCATE, data)

    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_a_lookup_is_a_post_so_the_text_never_reaches_a_url(staff_client):
    assert staff_client.get(LOCATE, {"text": "EH6 5AB"}).status_code == 405
