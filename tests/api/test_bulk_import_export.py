"""Bulk import and export in admin: services and locations as CSV and XLSX, all rows or none."""

import csv
import io
import os
import tempfile
from pathlib import Path

import pytest
import tablib
from django.test import Client
from django.urls import reverse

from geography.models import CouncilArea
from services.models import Location, Service
from services.resources import LocationResource, ServiceResource, point_from

pytestmark = pytest.mark.django_db


def rows(dataset: tablib.Dataset) -> list[dict]:
    return [dict(zip(dataset.headers, row, strict=True)) for row in dataset]


def exported(resource) -> tablib.Dataset:
    return resource.export(resource.get_queryset())


def roam_row() -> dict:
    return next(row for row in rows(exported(ServiceResource())) if row["slug"] == "roam")


def dataset_of(*rows_: dict) -> tablib.Dataset:
    dataset = tablib.Dataset(headers=list(rows_[0]))
    for row in rows_:
        dataset.append([row[header] for header in dataset.headers])
    return dataset


def imported(resource, dataset: tablib.Dataset, dry_run: bool = False):
    return resource.import_data(
        dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True
    )


def test_services_export_with_council_areas_offers_and_access_by_code():
    roam = roam_row()

    assert roam["organisation"] == "NHS Lothian"
    assert roam["primary_offer"] == "sexual_health"
    assert "S12000036" in roam["coverage"].split(", ")
    assert set(roam["offers"].split(", ")) >= {"sexual_health", "outreach_harm_reduction"}
    assert roam["access_routes"]
    assert "id" not in roam


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(file_format):
    exported_file = exported(ServiceResource()).export(file_format)

    result = imported(ServiceResource(), tablib.Dataset().load(exported_file, format=file_format))

    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert result.totals["skip"] == 19
    assert result.totals["update"] == result.totals["new"] == 0


def test_a_row_creates_a_service_with_its_areas_offers_and_access():
    row = {
        **roam_row(),
        "slug": "roam-west",
        "name": "Roam West",
        "coverage": "S12000049, S12000045",
        "offers": "sexual_health",
        "access_routes": "drop_in",
    }

    result = imported(ServiceResource(), dataset_of(row))

    assert result.totals["new"] == 1
    west = Service.all_objects.get(slug="roam-west")
    assert sorted(west.coverage.values_list("code", flat=True)) == ["S12000045", "S12000049"]
    assert list(west.offers.values_list("code", flat=True)) == ["sexual_health"]
    assert list(west.access_routes.values_list("code", flat=True)) == ["drop_in"]


BAD_SERVICE_CELLS = [
    ({"coverage": "S12000036, S12999999"}, "coverage", "Unknown code 'S12999999'."),
    ({"offers": "sexual_health, massage"}, "offers", "Unknown code 'massage'."),
    ({"organisation": "Nobody"}, "organisation", "There is no organisation 'Nobody'."),
    ({"primary_offer": "counselling"}, "primary_offer", "must be one of what it offers"),
    ({"scope": "areas", "coverage": ""}, "coverage", "Choose the areas it covers"),
    ({"scope": "everywhere"}, "scope", "not a valid choice"),
    ({"min_age": "seventeen"}, "min_age", "'seventeen' is not a number."),
]


@pytest.mark.parametrize(("changes", "column", "message"), BAD_SERVICE_CELLS)
def test_a_bad_cell_is_reported_by_row_and_column_and_nothing_is_written(changes, column, message):
    good = {**roam_row(), "name": "Roam, renamed"}
    bad = {**roam_row(), "slug": "sacro-another-way", "name": "Other", **changes}
    before = {service.slug: service.name for service in Service.all_objects.all()}

    result = imported(ServiceResource(), dataset_of(good, bad))

    (invalid,) = result.invalid_rows
    assert invalid.number == 2
    assert message in " ".join(invalid.error_dict[column])
    assert {service.slug: service.name for service in Service.all_objects.all()} == before


def test_locations_export_without_confidential_addresses():
    roam = Service.all_objects.get(slug="roam")
    Location.all_objects.create(
        service=roam,
        name="Safe flat",
        address="1 Hidden Lane",
        point={"type": "Point", "coordinates": [-3.2, 55.95]},
        public=False,
    )

    names = [row["name"] for row in rows(exported(LocationResource()))]

    assert "Safe flat" not in names
    assert "City of Edinburgh base" in names


def test_a_location_row_with_a_point_finds_its_council_area():
    row = {
        "service": "roam",
        "name": "Leith drop-in",
        "address": "12 Harbour Street",
        "postcode": "EH6 6AA",
        "longitude": "-3.17",
        "latitude": "55.975",
        "council_area": "",
        "opening_times": "",
        "accessibility": "",
        "public": "1",
    }

    result = imported(LocationResource(), dataset_of(row))

    assert result.totals["new"] == 1
    leith = Location.all_objects.get(name="Leith drop-in")
    assert leith.point == {"type": "Point", "coordinates": [-3.17, 55.975]}
    assert leith.council_area.code == "S12000036"


BAD_LOCATION_CELLS = [
    ({"service": "no-such-service"}, "service", "There is no service 'no-such-service'."),
    ({"council_area": "S12999999"}, "council_area", "There is no council area 'S12999999'."),
    ({"longitude": "west", "latitude": "55.9"}, "longitude", "must be numbers"),
    ({"longitude": "1.0", "latitude": "57.0"}, "point", "not inside any council area"),
]


@pytest.mark.parametrize(("changes", "column", "message"), BAD_LOCATION_CELLS)
def test_a_bad_location_cell_names_its_column(changes, column, message):
    row = {
        "service": "roam",
        "name": "New base",
        "longitude": "",
        "latitude": "",
        "council_area": "S12000036",
        "public": "1",
        **changes,
    }

    result = imported(LocationResource(), dataset_of(row))

    (invalid,) = result.invalid_rows
    assert message in " ".join(invalid.error_dict[column])
    assert not Location.all_objects.filter(name="New base").exists()


@pytest.mark.parametrize(
    ("longitude", "latitude", "point"),
    [
        ("", "", None),
        (None, None, None),
        ("-3.2", "55.9", {"type": "Point", "coordinates": [-3.2, 55.9]}),
        (-3.2, 55.9, {"type": "Point", "coordinates": [-3.2, 55.9]}),
    ],
)
def test_two_cells_make_a_point(longitude, latitude, point):
    assert point_from(longitude, latitude) == point


@pytest.mark.parametrize(
    ("longitude", "latitude", "message"),
    [
        ("-3.2", "", "or neither"),
        ("west", "55.9", "must be numbers"),
        ("200", "55.9", "not a longitude and a latitude"),
    ],
)
def test_cells_that_are_not_a_point_say_why(longitude, latitude, message):
    with pytest.raises(ValueError, match=message):
        point_from(longitude, latitude)


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("admin", "a@example.invalid", "pw")
    )
    return client


def upload(client, model, text: str):
    url = reverse(f"admin:services_{model._meta.model_name}_import")
    file = io.BytesIO(text.encode())
    file.name = "services.csv"
    return client.post(url, {"format": "0", "import_file": file})


def csv_text(*rows_: dict) -> str:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(rows_[0]))
    writer.writeheader()
    writer.writerows(rows_)
    return output.getvalue()


def test_an_admin_upload_is_previewed_then_applied_on_confirmation(admin_client_):
    row = {**roam_row(), "name": "Roam (Lothian)"}

    preview = upload(admin_client_, Service, csv_text(row))

    assert preview.status_code == 200
    assert Service.all_objects.get(slug="roam").name == "Roam"
    confirm = preview.context["confirm_form"]
    assert confirm is not None
    confirmed = admin_client_.post(
        reverse("admin:services_service_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )
    assert confirmed.status_code == 302
    assert Service.all_objects.get(slug="roam").name == "Roam (Lothian)"


def test_an_admin_upload_with_a_bad_row_shows_where_and_cannot_be_confirmed(admin_client_):
    good = {**roam_row(), "name": "Roam (Lothian)"}
    bad = {**roam_row(), "slug": "wishes", "coverage": "S12999999"}

    preview = upload(admin_client_, Service, csv_text(good, bad))

    assert preview.status_code == 200
    assert "confirm_form" not in preview.context
    (invalid,) = preview.context["result"].invalid_rows
    assert (invalid.number, list(invalid.error_dict)) == (2, ["coverage"])
    assert "Unknown code &#x27;S12999999&#x27;" in preview.content.decode()
    assert Service.all_objects.get(slug="roam").name == "Roam"


def test_an_admin_export_is_a_file_without_confidential_addresses(admin_client_):
    roam = Service.all_objects.get(slug="roam")
    Location.all_objects.create(
        service=roam, name="Safe flat", council_area=CouncilArea.objects.first(), public=False
    )
    fields = LocationResource().get_export_order()

    response = admin_client_.post(
        reverse("admin:services_location_export"),
        {"format": "0", **{f"locationresource_{name}": "on" for name in fields}},
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "City of Edinburgh base" in text
    assert "Safe flat" not in text


NOT_EDITABLE = [
    (resource, field.name)
    for resource in (ServiceResource, LocationResource)
    for field in resource._meta.model._meta.concrete_fields
    if not field.editable
]


@pytest.mark.parametrize(
    ("resource", "field"), NOT_EDITABLE, ids=[f"{r.__name__}-{f}" for r, f in NOT_EDITABLE]
)
def test_fields_no_one_may_edit_are_neither_exported_nor_imported(resource, field):
    exported_rows = rows(exported(resource()))
    row = {**exported_rows[0], field: "1"}
    before = {
        record.pk: getattr(record, field) for record in resource._meta.model._default_manager.all()
    }

    result = imported(resource(), dataset_of(row))

    assert field not in exported_rows[0]
    assert not result.has_validation_errors()
    assert {
        record.pk: getattr(record, field) for record in resource._meta.model._default_manager.all()
    } == before


def test_an_import_cannot_mark_services_as_synthetic_test_data():
    row = {**roam_row(), "is_synthetic": "1", "name": "Roam (renamed)"}

    imported(ServiceResource(), dataset_of(row))

    assert not Service.all_objects.filter(is_synthetic=True).exists()


def confirm_data(preview) -> dict:
    confirm = preview.context["confirm_form"]
    return {name: confirm[name].value() for name in confirm.fields}


@pytest.fixture
def other_admin_client(django_user_model):
    other = Client()
    other.force_login(django_user_model.objects.create_superuser("bea", "b@example.invalid", "pw"))
    return other


def test_only_the_admin_who_previewed_an_import_can_confirm_it(admin_client_, other_admin_client):
    preview = upload(admin_client_, Service, csv_text({**roam_row(), "name": "Roam (Lothian)"}))

    refused = other_admin_client.post(
        reverse("admin:services_service_process_import"), confirm_data(preview)
    )
    confirmed = admin_client_.post(
        reverse("admin:services_service_process_import"), confirm_data(preview)
    )

    assert refused.status_code == 400
    assert "Upload the file again" in refused.content.decode()
    assert confirmed.status_code == 302
    assert Service.all_objects.get(slug="roam").name == "Roam (Lothian)"


def test_an_import_is_confirmed_once(admin_client_):
    preview = upload(admin_client_, Service, csv_text({**roam_row(), "name": "Roam (Lothian)"}))
    url = reverse("admin:services_service_process_import")

    assert admin_client_.post(url, confirm_data(preview)).status_code == 302
    assert admin_client_.post(url, confirm_data(preview)).status_code == 400


@pytest.mark.parametrize("name", ["{planted}", "../{planted}"])
def test_a_confirmation_cannot_name_another_file(admin_client_, name):
    # Named for this process: parallel test workers share the folder.
    planted = Path(tempfile.gettempdir()) / f"planted-{os.getpid()}.csv"
    name = name.format(planted=planted.name)
    planted.write_text(csv_text({**roam_row(), "name": "Planted"}))
    preview = upload(admin_client_, Service, csv_text(roam_row()))

    response = admin_client_.post(
        reverse("admin:services_service_process_import"),
        {**confirm_data(preview), "import_file_name": name},
    )

    assert response.status_code == 400
    assert planted.exists()
    planted.unlink()
    assert Service.all_objects.get(slug="roam").name == "Roam"
