import pytest

from services.models import Service, Suggestion, SuggestionStatus
from tests.admin_forms import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("mo", "m@example.invalid", "pw"))
    return client


def test_an_admin_accepts_a_suggestion_and_links_the_service_it_became(admin_client_):
    suggestion = Suggestion.objects.create(
        kind="new_service", service_name="Steve Retson Project", details="Glasgow, for men."
    )
    roam = Service.all_objects.get(slug="roam")

    response = admin_client_.post(
        admin_url(Suggestion, "change", suggestion.pk),
        {"service": roam.pk, "status": SuggestionStatus.ACCEPTED, "moderator_note": "Linked."},
    )

    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert suggestion.service == roam
    assert suggestion.moderated_by.username == "mo"


def test_suggestions_can_be_rejected_in_bulk(admin_client_):
    spam = [
        Suggestion.objects.create(kind="new_service", service_name=f"Spam {n}", details="...")
        for n in range(3)
    ]

    admin_client_.post(
        admin_url(Suggestion, "changelist"),
        {"action": "reject", "_selected_action": [s.pk for s in spam]},
    )

    assert set(Suggestion.objects.values_list("status", flat=True)) == {SuggestionStatus.REJECTED}
    assert not Suggestion.objects.filter(moderated_by__isnull=True).exists()
