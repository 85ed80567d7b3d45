"""What each role may do in admin, enforced by Django's permissions."""

import pytest
from django.contrib.auth.models import Group, User

from geography.models import CouncilArea
from services.models import (
    ContactRoute,
    Location,
    Service,
    ServiceToContact,
    ServiceToReview,
    Suggestion,
)
from services.roles import CASEWORKER, EDITOR
from tests.admin_forms import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user("eden", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(editor)
    return client


@pytest.fixture
def caseworker_client(client, django_user_model):
    caseworker = django_user_model.objects.create_user("casey", password="pw")
    caseworker.groups.add(Group.objects.get(name=CASEWORKER))
    client.force_login(caseworker)
    return client


def roam():
    return Service.all_objects.get(slug="roam")


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (lambda: admin_url(Service, "changelist"), 200),
        (lambda: admin_url(Service, "change", roam().pk), 200),
        (lambda: admin_url(Service, "add"), 200),
        (lambda: admin_url(Location, "changelist"), 200),
        (lambda: admin_url(ServiceToReview, "changelist"), 200),
        (lambda: admin_url(ServiceToContact, "changelist"), 200),
        (lambda: admin_url(Suggestion, "changelist"), 200),
        (lambda: admin_url(Service, "delete", roam().pk), 403),
        (lambda: admin_url(Location, "delete", Location.all_objects.first().pk), 403),
        (lambda: admin_url(CouncilArea, "add"), 403),
        (lambda: admin_url(User, "changelist"), 403),
        (lambda: admin_url(Group, "changelist"), 403),
    ],
)
def test_an_editor_edits_services_and_locations_but_deletes_nothing(editor_client, url, status):
    assert editor_client.get(url()).status_code == status


def test_an_editor_may_look_at_but_not_change_a_boundary(editor_client):
    edinburgh = CouncilArea.objects.get(code="S12000036")

    page = editor_client.get(admin_url(CouncilArea, "change", edinburgh.pk))
    attempt = editor_client.post(
        admin_url(CouncilArea, "change", edinburgh.pk), {"name": "Changed"}
    )

    assert page.status_code == 200
    assert 'name="name"' not in page.content.decode()
    assert attempt.status_code == 403
    assert CouncilArea.objects.get(code="S12000036").name == "City of Edinburgh"


def test_the_delete_action_is_not_offered_to_an_editor(editor_client):
    page = editor_client.get(admin_url(Service, "changelist")).content.decode()

    assert "delete_selected" not in page
    assert "mark_verified_today" in page


@pytest.mark.parametrize("model", [ServiceToContact, ContactRoute])
def test_an_editor_may_record_what_a_service_confirmed(editor_client, model):
    page = editor_client.get(admin_url(model, "changelist")).content.decode()

    assert "confirm_with_the_service_today" in page


def test_a_caseworker_cannot_enter_admin(caseworker_client):
    response = caseworker_client.get(admin_url(Service, "changelist"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
