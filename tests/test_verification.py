"""Checking facts with the services: the review queue and the note visitors see."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from services.models import Service, ServiceToReview
from tests.admin_forms import admin_url
from tests.finder_forms import as_sent_by_the_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("sam", "s@example.invalid", "pw"))
    return client


def test_services_not_checked_within_the_period_wait_in_the_review_queue(admin_client_, settings):
    settings.VERIFICATION_PERIOD_DAYS = 30
    Service.all_objects.filter(slug="roam").update(
        last_verified=timezone.localdate() - timedelta(days=29)
    )
    Service.all_objects.filter(slug="wishes").update(last_verified=None)

    queue = admin_client_.get(admin_url(ServiceToReview, "changelist"))

    queued = [service.slug for service in queue.context["cl"].result_list]
    # All 19 but Roam; the never checked first: WISHES, and the 3 known since the survey.
    assert len(queued) == 18
    assert "roam" not in queued
    assert set(queued[:4]) == {"wishes", "click-sacro", "numbrella-lane", "steve-retson-project"}


def test_marking_checked_clears_a_service_from_the_queue_and_the_warning(admin_client_, client):
    roam = Service.all_objects.get(slug="roam")
    stale_page = client.get(reverse("service-detail", args=["roam"])).content.decode()

    admin_client_.post(
        admin_url(ServiceToReview, "changelist"),
        {"action": "mark_verified_today", "_selected_action": [roam.pk]},
    )

    assert not ServiceToReview.objects.filter(slug="roam").exists()
    assert ServiceToReview.objects.count() == 18
    fresh_page = admin_client_.get(reverse("service-detail", args=["roam"])).content.decode()
    assert "These details may be out of date" in stale_page
    assert "Last checked on 31 May 2022" in stale_page
    assert "These details may be out of date" not in fresh_page
    assert f"Checked with the service on {timezone.localdate():%-d %B %Y}" in fresh_page
    assert "by sam" not in fresh_page
    assert Service.all_objects.get(slug="roam").history.first().history_user.username == "sam"


def test_every_result_in_the_finder_says_when_it_was_checked(client):
    answers = as_sent_by_the_page({"area": "S12000036"})
    page = client.post(reverse("finder"), answers).content.decode()

    listed = page.split('id="further-away"')[0]

    # Click, known since the survey, was never checked; the 7 others were, by the survey.
    assert listed.count("Last checked on 31 May 2022") == 7
    assert listed.count("Not yet checked with the service") == 1
    assert listed.count("These details may be out of date") == 8
    # The services further away say it too, each of them.
    cards = page.count('class="finder-result"')
    assert cards > 8
    checked = page.count("Last checked on 31 May 2022")
    assert checked + page.count("Not yet checked with the service") == cards
