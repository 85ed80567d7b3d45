"""A whole-page finder form shows its answers once: a form sent again (Reload, Back and "Confirm
form resubmission", an old page) gets the empty form, so the answers never come back."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from services import finder_tokens
from services.finder_tokens import Refusal
from services.models import UsedFinderToken
from services.roles import CASEWORKER
from tests.html_checks import visible_text

pytestmark = pytest.mark.django_db

ANSWERS = {
    "area": "S12000036",
    "place": "EH6 5AB",
    "age": "25",
    "gender": "woman",
    "trans": "yes",
    "trafficked": "yes",
    "involvement": "current",
    "needs": ["sexual_health"],
}


@pytest.fixture(params=["finder", "caseworker-finder"])
def finder_url(request, client, django_user_model) -> str:
    if request.param == "caseworker-finder":
        user = django_user_model.objects.create_user("casey", password="a long passphrase 42")
        user.groups.add(Group.objects.get(name=CASEWORKER))
        client.force_login(user)
    return reverse(request.param)


def token_in(response) -> str:
    field = finder_tokens.FIELD
    return re.search(rf'name="{field}" value="([^"]+)"', response.content.decode()).group(1)


def text_of(response) -> str:
    return visible_text(response.content.decode())


def answered_controls(response) -> list[str]:
    """Controls the page shows answered: "Prefer not to say" (an empty value) is no answer."""
    html = response.content.decode()
    ticked = re.findall(r'<input[^>]*value="([^"]+)"[^>]*\bchecked\b', html)
    chosen = re.findall(r'<option value="([^"]+)" selected>', html)
    typed = re.findall(r'<input[^>]*name="(?:place|age)"[^>]*value="([^"]+)"', html)
    return ticked + chosen + typed


def assert_shows_nothing_answered(response, refusal: Refusal) -> None:
    page = text_of(response)
    assert response.status_code == 409
    assert refusal.message in page
    assert "found" not in page
    assert "data-result-slug" not in response.content.decode()
    assert answered_controls(response) == []
    assert "no-store" in response["Cache-Control"]


def test_a_whole_page_shows_its_answers_once_and_then_the_empty_form(client, finder_url):
    page = client.get(finder_url)
    answers = {**ANSWERS, finder_tokens.FIELD: token_in(page)}

    first = client.post(finder_url, answers)
    again = client.post(finder_url, answers)

    assert first.status_code == 200
    assert "found for City of Edinburgh" in text_of(first)
    assert len(answered_controls(first)) == len(ANSWERS)
    assert_shows_nothing_answered(again, Refusal.SENT_AGAIN)


def test_the_empty_form_carries_a_new_token_that_searches(client, finder_url):
    answers = {**ANSWERS, finder_tokens.FIELD: token_in(client.get(finder_url))}
    client.post(finder_url, answers)
    refused = client.post(finder_url, answers)

    answered_again = client.post(finder_url, {**ANSWERS, finder_tokens.FIELD: token_in(refused)})

    assert answered_again.status_code == 200
    assert "found for City of Edinburgh" in text_of(answered_again)


def made_a_day_and_a_minute_ago() -> str:
    long_ago = time.time() - finder_tokens.LIFETIME.total_seconds() - 60
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        return finder_tokens.new_token()


def altered(token: str) -> str:
    """The token with its first character changed (a random one: one time in 64 it was the "x"
    this test once put there, and the token was then still good)."""
    return ("y" if token[0] == "x" else "x") + token[1:]


TOKENS_THAT_SHOW_NOTHING = {
    "none": (lambda: None, Refusal.SENT_AGAIN),
    "empty": (lambda: "", Refusal.SENT_AGAIN),
    "made up": (lambda: "abc:def:ghi", Refusal.SENT_AGAIN),
    "altered": (lambda: altered(finder_tokens.new_token()), Refusal.SENT_AGAIN),
    "signed for something else": (
        lambda: finder_tokens.signing.TimestampSigner(salt="other").sign("abc"),
        Refusal.SENT_AGAIN,
    ),
    "more than a day old": (made_a_day_and_a_minute_ago, Refusal.TOO_OLD),
}


@pytest.mark.parametrize(
    ("make_token", "refusal"), TOKENS_THAT_SHOW_NOTHING.values(), ids=TOKENS_THAT_SHOW_NOTHING
)
def test_a_whole_page_without_a_good_token_shows_the_empty_form(
    client, finder_url, make_token, refusal
):
    token = make_token()
    answers = ANSWERS if token is None else {**ANSWERS, finder_tokens.FIELD: token}

    response = client.post(finder_url, answers)

    assert_shows_nothing_answered(response, refusal)


def test_the_results_the_script_fetches_need_no_token_and_use_none(client, finder_url):
    token = token_in(client.get(finder_url))
    fragment = {"X-Finder-Fragment": "results"}

    without = client.post(finder_url, ANSWERS, headers=fragment)
    with_one = client.post(finder_url, {**ANSWERS, finder_tokens.FIELD: token}, headers=fragment)
    whole_page = client.post(finder_url, {**ANSWERS, finder_tokens.FIELD: token})

    for response in (without, with_one):
        assert response.status_code == 200
        assert "found for City of Edinburgh" in text_of(response)
        # What Back and Reload show is for whole pages, which enter the browser's history.
        assert "Back or Reload" not in text_of(response)
    assert whole_page.status_code == 200
    assert "Back or Reload" in text_of(whole_page)


def test_a_token_is_used_once_even_when_sent_twice_at_once():
    token = finder_tokens.new_token()

    assert [finder_tokens.use(token), finder_tokens.use(token)] == [None, Refusal.SENT_AGAIN]


def test_only_the_random_part_and_when_to_forget_it_are_kept(client):
    token = token_in(client.get(reverse("finder")))

    client.post(reverse("finder"), {**ANSWERS, finder_tokens.FIELD: token})

    kept = list(UsedFinderToken.objects.values())
    assert kept == [{"token": token.split(":")[0], "expires": kept[0]["expires"]}]
    assert kept[0]["expires"] - timezone.now() <= finder_tokens.LIFETIME


def test_used_tokens_are_forgotten_once_they_would_be_refused_as_too_old():
    finder_tokens.use(finder_tokens.new_token())
    later = timezone.now() + finder_tokens.LIFETIME + timedelta(seconds=1)

    with mock.patch("django.utils.timezone.now", return_value=later):
        finder_tokens.use(finder_tokens.new_token())

    assert UsedFinderToken.objects.count() == 1
    assert UsedFinderToken.objects.get().expires > later
