import json

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import timezone

from geography.models import CouncilArea
from geography.shapes import to_shape
from services.models import Location, Service
from tests.admin_forms import admin_url, service_form_data
from tests.examples import example_of

registered_models = sorted(admin.site._registry, key=lambda model: model.__name__)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.invalid", "pw")


@pytest.fixture
def admin_client_(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.parametrize("model", registered_models, ids=lambda model: model.__name__)
def test_every_admin_page_renders_for_a_superuser(admin_client_, superuser, model):
    request = RequestFactory().get("/")
    request.user = superuser
    can_add = admin.site._registry[model].has_add_permission(request)
    instance = example_of(model)

    pages = [admin_url(model, "changelist"), admin_url(model, "change", instance.pk)]
    if can_add:
        pages.append(admin_url(model, "add"))

    for page in pages:
        # The review queue's change page is the service's own (followed).
        response = admin_client_.get(page, follow=True)
        assert response.status_code == 200, page
        assert b"Error creating geometry" not in response.content
        # An empty icon, as on the public pages: the browser asks for no /favicon.ico, a 404.
        assert b'<link rel="icon" href="data:,">' in response.content, page


def test_service_list_filters_by_offer_and_unchecked_facts(admin_client_):
    by_offer = admin_client_.get(
        admin_url(Service, "changelist"), {"offers__code__exact": "sexual_health"}
    )
    unchecked = admin_client_.get(admin_url(Service, "changelist"), {"unchecked": "any"})

    assert [s.slug for s in by_offer.context["cl"].result_list] == [
        "quay-services",
        "roam",
        "routes-out",
        "steve-retson-project",
        "wishes",
    ]
    assert "you-my-sister" not in [s.slug for s in unchecked.context["cl"].result_list]
    # The survey's 15 and the 3 known since, whose eligibility no service has confirmed.
    assert len(unchecked.context["cl"].result_list) == 18


def test_mark_as_verified_today_action(admin_client_):
    response = admin_client_.post(
        admin_url(Service, "changelist"),
        {
            "action": "mark_verified_today",
            "_selected_action": [Service.all_objects.get(slug="roam").pk],
        },
        follow=True,
    )

    assert "Marked 1 services as checked today." in response.content.decode()
    roam = Service.all_objects.get(slug="roam")
    assert roam.last_verified == timezone.localdate()
    assert roam.verification_source == "Checked with the service by admin"
    assert Service.all_objects.get(slug="wishes").last_verified.isoformat() == "2022-05-31"


def test_a_service_limited_to_areas_must_name_its_areas(admin_client_):
    roam = Service.all_objects.get(slug="roam")
    Location.all_objects.filter(service=roam).delete()
    roam.contact_routes.all().delete()
    roam.sources.all().delete()

    response = admin_client_.post(
        admin_url(Service, "change", roam.pk), service_form_data(roam, coverage=[])
    )

    assert response.status_code == 200
    assert "Choose the areas it covers" in response.content.decode()


def test_coverage_is_saved_from_the_map_widget_checkboxes(admin_client_):
    roam = Service.all_objects.get(slug="roam")
    Location.all_objects.filter(service=roam).delete()
    roam.contact_routes.all().delete()
    roam.sources.all().delete()
    fife = CouncilArea.objects.get(code="S12000047")

    page = admin_client_.get(admin_url(Service, "change", roam.pk)).content.decode()
    response = admin_client_.post(
        admin_url(Service, "change", roam.pk), service_form_data(roam, coverage=[fife.pk])
    )

    assert 'data-code="S12000047"' in page
    assert "area-map--admin" in page
    assert response.status_code == 302
    assert list(roam.coverage.values_list("code", flat=True)) == ["S12000047"]


def test_a_location_added_in_admin_takes_the_area_of_its_point(admin_client_):
    wishes = Service.all_objects.get(slug="wishes")
    response = admin_client_.post(
        admin_url(Location, "add"),
        {
            "service": wishes.pk,
            "name": "Drop-in clinic",
            "point": json.dumps({"type": "Point", "coordinates": [-4.2518, 55.8642]}),
            "public": "on",
        },
    )

    assert response.status_code == 302
    assert Location.all_objects.get(name="Drop-in clinic").council_area.code == "S12000049"


def test_editing_a_boundary_in_admin_rebuilds_its_display_shape(admin_client_):
    orkney = CouncilArea.objects.get(code="S12000023")
    square = {
        "type": "MultiPolygon",
        "coordinates": [[[[-3.2, 58.9], [-2.8, 58.9], [-2.8, 59.1], [-3.2, 59.1], [-3.2, 58.9]]]],
    }

    response = admin_client_.post(
        admin_url(CouncilArea, "change", orkney.pk),
        {
            "name": orkney.name,
            "code": orkney.code,
            "slug": orkney.slug,
            "country": "S",
            "boundary": json.dumps(square),
            "source": "drawn in admin",
            "vintage": "2026",
        },
    )

    assert response.status_code == 302
    orkney.refresh_from_db()
    assert to_shape(orkney.display_boundary).equals(to_shape(square))
    assert to_shape(orkney.boundary).contains(to_shape(orkney.label_point))


def test_an_invalid_boundary_is_refused_with_a_reason(admin_client_):
    orkney = CouncilArea.objects.get(code="S12000023")
    bow_tie = {
        "type": "MultiPolygon",
        "coordinates": [[[[-3.2, 58.9], [-2.8, 59.1], [-2.8, 58.9], [-3.2, 59.1], [-3.2, 58.9]]]],
    }

    response = admin_client_.post(
        admin_url(CouncilArea, "change", orkney.pk),
        {
            "name": orkney.name,
            "code": orkney.code,
            "slug": orkney.slug,
            "country": "S",
            "boundary": json.dumps(bow_tie),
        },
    )

    assert response.status_code == 200
    assert "not a valid shape" in response.content.decode()


def test_an_admin_can_set_every_fact_a_visitor_reads_about_a_service(admin_client_):
    """A field missing from the service form is one no admin can correct: whether it is in the
    finder and why not, a status's confidence, its opening times and way in."""
    service_admin = admin.site._registry[Service]
    on_the_form = {
        name
        for _title, options in service_admin.fieldsets
        for entry in options["fields"]
        for name in (entry if isinstance(entry, tuple) else (entry,))
    }
    editable = {
        field.name
        for field in [*Service._meta.concrete_fields, *Service._meta.many_to_many]
        if field.editable and not field.primary_key and not getattr(field, "auto_now", False)
    }
    # The English copy of its words is edited in the field itself (summary), never on its own.
    english_copies = {name for name in editable if name.endswith("_en_gb")}

    assert english_copies
    assert editable - on_the_form == english_copies
    assert on_the_form & english_copies == set()
    page = admin_client_.get(admin_url(Service, "change", Service.all_objects.first().pk))
    for name in ("listed_in_finder", "not_listed_because", "opening_times", "referral_source"):
        assert f'name="{name}"' in page.content.decode()
