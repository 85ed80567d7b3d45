"""Admin's map widgets run under the Content-Security-Policy with nothing refused."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from geography.models import CouncilArea
from services.models import Service

pytestmark = pytest.mark.browser


def test_a_boundary_map_draws_in_admin_without_breaking_the_policy(page, traffic, signed_in_admin):
    orkney = CouncilArea.objects.get(code="S12000023")

    page.goto(reverse("admin:geography_councilarea_change", args=[orkney.pk]))

    expect(page.get_by_role("heading", name="Change council area")).to_be_visible()
    expect(page.locator(".leaflet-container path.leaflet-interactive").first).to_be_attached()
    assert traffic.console_errors == []
    assert traffic.requests_elsewhere() == []


def test_an_admin_signs_in_and_edits_a_service_in_the_browser(
    page, django_user_model, reference_data_committed
):
    """A real sign-in and a real edit: the browser's own Origin and CSRF token must pass."""
    django_user_model.objects.create_superuser("editor-in-chief", "e@example.invalid", "pw-2026")
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill("editor-in-chief")
    page.get_by_label("Password").fill("pw-2026")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    page.goto(reverse("admin:services_service_changelist"))
    page.get_by_role("link", name="WISHES", exact=True).click()
    page.get_by_label("Summary:", exact=True).fill(
        "A women-only sexual health service in Edinburgh."
    )
    # The coverage map fetches the areas and draws them beside the checkboxes.
    expect(page.locator(".area-map--admin[data-ready=true]")).to_be_visible()
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(reverse("service-detail", args=["wishes"]))
    expect(page.locator(".ds_lead")).to_have_text(
        "A women-only sexual health service in Edinburgh."
    )


def test_a_services_history_shows_under_the_policy(page, traffic, signed_in_admin):
    roam = Service.all_objects.get(slug="roam")
    roam.summary = "Outreach by text message too."
    roam.save()

    page.goto(reverse("admin:services_service_history", args=[roam.pk]))

    expect(page.get_by_text("Outreach by text message too.")).to_be_visible()
    assert traffic.console_errors == []


@pytest.mark.parametrize("model", ["service", "location"])
def test_an_export_page_works_under_the_policy(page, traffic, signed_in_admin, model):
    page.goto(reverse(f"admin:services_{model}_export"))
    # The library's label is not tied to its box (it names an id the box does not have).
    select_all = page.locator("input.select-toggle")
    fields = page.locator(".selectable-field-export-row input[type=checkbox]")

    select_all.uncheck()
    expect(fields.first).not_to_be_checked()
    select_all.check()

    expect(fields.first).to_be_checked()
    assert traffic.console_errors == []
