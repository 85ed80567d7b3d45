"""Every edit is kept: who changed what and when, the difference, and a way back."""

import pytest
from django.urls import reverse

from geography.models import CouncilArea
from services.models import Location, Service
from tests.admin_forms import admin_url, service_form_data
from tests.html_checks import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("alex", "a@example.invalid", "pw")
    )
    return client


@pytest.fixture
def roam():
    service = Service.all_objects.get(slug="roam")
    # The admin form below carries no inline rows; the service's own fields are what is edited.
    Location.all_objects.filter(service=service).delete()
    service.contact_routes.all().delete()
    service.sources.all().delete()
    return service


def text_of(response) -> str:
    return visible_text(response.content.decode())


def test_an_edit_is_kept_with_who_made_it_and_what_changed(admin_client_, roam):
    admin_client_.post(
        admin_url(Service, "change", roam.pk),
        service_form_data(roam, summary="Outreach by text message too.", min_age=17),
    )

    latest = roam.history.first()
    assert latest.history_user.username == "alex"
    assert latest.history_type == "~"
    changes = {
        change.field: (change.old, change.new)
        for change in latest.diff_against(latest.prev_record).changes
    }
    assert changes["min_age"] == (16, 17)
    assert changes["summary"][1] == "Outreach by text message too."
    page = text_of(admin_client_.get(admin_url(Service, "history", roam.pk)))
    assert "alex" in page
    assert "Outreach by text message too." in page


def test_an_earlier_version_can_be_restored_from_admin(admin_client_, roam):
    original_summary = roam.summary
    admin_client_.post(
        admin_url(Service, "change", roam.pk), service_form_data(roam, summary="Wrong.")
    )
    earlier = roam.history.exclude(summary="Wrong.").first()

    form_page = admin_client_.get(
        reverse("admin:services_service_simple_history", args=[roam.pk, earlier.history_id])
    )
    assert original_summary in form_page.content.decode()
    response = admin_client_.post(
        reverse("admin:services_service_simple_history", args=[roam.pk, earlier.history_id]),
        service_form_data(roam, summary=earlier.summary),
    )

    assert response.status_code == 302
    roam.refresh_from_db()
    assert roam.summary == original_summary
    assert roam.history.first().history_user.username == "alex"


def test_coverage_changes_are_kept_too(admin_client_, roam):
    fife = CouncilArea.objects.get(code="S12000047")

    admin_client_.post(
        admin_url(Service, "change", roam.pk), service_form_data(roam, coverage=[fife.pk])
    )

    records = list(roam.history.all())
    assert [area.councilarea.code for area in records[0].coverage.all()] == ["S12000047"]
    assert any(
        "S12000036" in [area.councilarea.code for area in record.coverage.all()]
        for record in records[1:]
    )


def test_council_area_edits_are_kept(admin_client_):
    orkney = CouncilArea.objects.get(code="S12000023")
    orkney.name = "Orkney"
    orkney.save()

    assert orkney.history.first().name == "Orkney"
    assert orkney.history.all()[1].name == "Orkney Islands"


def test_an_admin_sets_a_services_languages_and_the_history_keeps_what_they_were(
    admin_client_, roam
):
    page = admin_client_.get(admin_url(Service, "change", roam.pk)).content.decode()
    assert 'name="working_languages" value="ro"' in page
    assert 'name="interpreters"' in page

    response = admin_client_.post(
        admin_url(Service, "change", roam.pk),
        service_form_data(
            roam,
            working_languages=["ro", "pl"],
            interpreters="yes",
            languages_source="https://roam.example.org/languages",
            languages_confidence="high",
            languages_confirmed_on="2026-12-01",
        ),
    )

    assert response.status_code == 302
    roam.refresh_from_db()
    assert (roam.working_languages, roam.interpreters) == (["ro", "pl"], "yes")
    latest = roam.history.first()
    changes = {
        change.field: (change.old, change.new)
        for change in latest.diff_against(latest.prev_record).changes
    }
    assert changes["working_languages"] == ([], ["ro", "pl"])
    assert changes["interpreters"] == ("not_known", "yes")
    assert str(changes["languages_confirmed_on"][1]) == "2026-12-01"


def test_the_service_admin_refuses_a_language_not_on_the_list(admin_client_, roam):
    response = admin_client_.post(
        admin_url(Service, "change", roam.pk),
        service_form_data(roam, working_languages=["ro", "xx"]),
    )

    assert response.status_code == 200
    assert "xx is not one of the available choices" in text_of(response)
    roam.refresh_from_db()
    assert roam.working_languages == []
