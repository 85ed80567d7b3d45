"""Caseworkers: every verdict with its reason, and a referral list with nothing about the client."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from services.roles import CASEWORKER
from tests.finder_forms import as_sent_by_the_page
from tests.html_checks import verdict_badges, visible_text
from tests.test_security import current_code

pytestmark = pytest.mark.django_db

CLIENT_ANSWERS = {"area": "S12000036", "age": "17", "gender": "man", "trans": "yes"}


@pytest.fixture
def caseworker(client, django_user_model):
    user = django_user_model.objects.create_user("casey", password="a long passphrase 42")
    user.groups.add(Group.objects.get(name=CASEWORKER))
    client.force_login(user)
    return user


def text_of(response) -> str:
    return visible_text(response.content.decode())


def test_the_caseworker_pages_need_a_caseworker_account(client, django_user_model):
    assert client.get(reverse("caseworker-finder")).status_code == 302
    someone = django_user_model.objects.create_user("someone", password="a long passphrase 42")
    client.force_login(someone)
    response = client.get(reverse("caseworker-finder"))
    assert response.status_code == 403


def test_a_caseworker_sees_not_eligible_services_with_reasons_and_the_public_does_not(
    client, caseworker
):
    answers = as_sent_by_the_page(CLIENT_ANSWERS)
    caseworker_page = text_of(client.post(reverse("caseworker-finder"), answers))
    client.logout()
    public_page = text_of(client.post(reverse("finder"), as_sent_by_the_page(CLIENT_ANSWERS)))

    assert "Not for you" in caseworker_page
    assert "Only for people aged 18 and over" in caseworker_page
    assert "Only for women" in caseworker_page
    assert "Not for you" not in public_page
    assert "Roam" in public_page
    assert "Only for women" not in public_page


def test_the_referral_list_has_the_chosen_services_and_nothing_about_the_client(client, caseworker):
    client_answers = {"place": "Zzyzx Road", "age": "97", "gender": "non_binary", "trans": "yes"}

    response = client.post(
        reverse("referral-list"), {"service": ["roam", "national-ugly-mugs"], **client_answers}
    )

    html = response.content.decode()
    page = text_of(response)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert re.search(r"<title>\s*Support services", html)
    assert page.index("Roam") < page.index("National Ugly Mugs")
    assert "https://nationaluglymugs.org" in page
    assert "For men who have sex with men, aged 16 and over" in page
    assert "WISHES" not in page
    assert "Zzyzx" not in html
    assert not re.search(r"\b97\b", html)
    assert "non_binary" not in html
    assert "Non-binary" not in page


def test_the_referral_list_prints_on_a4_without_the_site_around_it(client, caseworker):
    html = client.post(reverse("referral-list"), {"service": ["roam"]}).content.decode()

    assert 'media="print"' in html
    assert "referral_print" in html


REPORT = (
    "The experiences of people who sell or exchange sex and their interaction with support "
    "services: lived experience engagement (Scottish Government, 2022)"
)


def test_caseworkers_are_told_what_helps_people_tell_them_and_where_it_comes_from(
    client, caseworker
):
    finder = text_of(client.get(reverse("caseworker-finder")))
    referral_list = client.post(reverse("referral-list"), {"service": ["roam"]})
    listed = text_of(referral_list)

    for page in (finder, listed):
        assert "What helps people tell you" in page
        assert "Ask directly." in page
        assert "Of 70 people, 40 had told some of the services they used, 24 none and 6 all" in (
            page
        )
        assert REPORT in page
    # The list may be handed over: the advice stays off the copy and the paper.
    html = referral_list.content.decode()
    assert html.index("What helps people tell you") > html.index('id="referral-list"')
    assert html.index("What helps people tell you") > html.rindex("</section>")
    assert "What helps people tell you" not in text_of(client.get(reverse("finder")))


def test_a_signed_in_account_that_is_not_a_caseworker_is_told_so_not_sent_round_in_circles(
    client, django_user_model
):
    editor = django_user_model.objects.create_user(
        "eddie", password="a long passphrase 42", is_staff=True
    )
    client.force_login(editor)

    response = client.get(reverse("caseworker-finder"), follow=True)
    sign_in = client.get(reverse("caseworker-login"))

    assert response.status_code == 403
    assert "not a caseworker account" in text_of(response)
    assert sign_in.status_code == 200


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "ada", "ada@example.invalid", "a long passphrase 42"
    )


@override_settings(ADMIN_TWO_FACTOR=True)
def test_with_two_factor_an_admin_needs_the_second_factor_for_the_caseworker_pages(
    client, superuser
):
    device = TOTPDevice.objects.create(user=superuser, name="Phone", confirmed=True)
    client.post(
        reverse("caseworker-login"), {"username": "ada", "password": "a long passphrase 42"}
    )

    with_password_only = client.get(reverse("caseworker-finder"))
    client.post(
        reverse("admin:login"),
        {
            "username": "ada",
            "password": "a long passphrase 42",
            "otp_device": device.persistent_id,
            "otp_token": current_code(device),
        },
    )
    with_both = client.get(reverse("caseworker-finder"))

    assert with_password_only.status_code == 403
    assert "authenticator" in text_of(with_password_only)
    assert with_both.status_code == 200


@override_settings(ADMIN_TWO_FACTOR=True)
def test_with_two_factor_a_caseworker_still_signs_in_with_a_password(client, caseworker):
    assert client.get(reverse("caseworker-finder")).status_code == 200


def test_a_service_the_client_cannot_use_is_badged_not_for_you(client, caseworker):
    response = client.post(reverse("caseworker-finder"), as_sent_by_the_page(CLIENT_ANSWERS))

    badges = verdict_badges(response.content.decode())
    assert badges["wishes"] == "Not for you"
    assert badges["roam"] == "Check with them"
