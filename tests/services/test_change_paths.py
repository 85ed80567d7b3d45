"""Every way of changing a service runs the same checks, keeps the change in the service's history
and changes the public search at once: each admin, each admin action, the bulk import, the Open
Referral import, a restore, and code that writes through the ORM (queryset update(), bulk_create
and bulk_update). A service unpublished for someone's safety must leave the search at once."""

import gzip
import io
import json

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from geography.models import CouncilArea
from servicemap.backup import RestoreError, restore
from services.catalogue import catalogue_version, current_catalogue
from services.models import Location, OfferCode, Organisation, Service, ServiceToReview
from services.openreferral.taxonomy import ANSWERS_BY_TERM_ID
from services.resources import ServiceResource
from services.summary import ServiceSummary
from tests.admin_forms import admin_url, service_form_data
from tests.openreferral.feed import full_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def searched_before(settings):
    """As in production: each process keeps the catalogue it built for a search and reads the
    version row only every few seconds, so a change must reach this process's search by itself
    and leave a new version for the others."""
    settings.CATALOGUE_VERSION_CHECK_SECONDS = 3600
    current_catalogue()
    return catalogue_version()


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("alex", "a@example.invalid", "pw")


@pytest.fixture
def admin_client_(client, admin_user):
    client.force_login(admin_user)
    return client


def found(client) -> set[str]:
    response = client.post("/api/v1/search", {}, content_type="application/json")
    return {result["slug"] for result in response.json()["results"]}


def finds_roam(client) -> bool:
    return "roam" in found(client)


def versions_of(slug: str) -> int:
    return Service.history.filter(slug=slug).count()


def assert_unpublished_everywhere(client, searched_before) -> None:
    assert not finds_roam(client)
    assert catalogue_version() != searched_before


def without_children(service: Service) -> Service:
    # The admin form below carries no inline rows; the service's own fields are what is edited.
    Location.all_objects.filter(service=service).delete()
    service.contact_routes.all().delete()
    service.sources.all().delete()
    return service


# The service admin and the review queue


def test_unpublishing_in_the_service_admin_leaves_the_search_at_once(
    client, admin_client_, searched_before
):
    roam = without_children(Service.all_objects.get(slug="roam"))
    versions = versions_of("roam")

    admin_client_.post(admin_url(Service, "change", roam.pk), service_form_data(roam, published=""))

    assert_unpublished_everywhere(client, searched_before)
    assert versions_of("roam") > versions
    assert roam.history.first().history_user.username == "alex"


def test_the_review_queue_sends_an_edit_to_the_services_own_form(admin_client_):
    roam = ServiceToReview.objects.get(slug="roam")

    response = admin_client_.get(admin_url(ServiceToReview, "change", roam.pk))

    assert response.status_code == 302
    assert response["Location"] == admin_url(Service, "change", roam.pk)


def test_a_post_to_the_review_queue_cannot_save_a_service_past_the_forms_checks(admin_client_):
    roam = without_children(Service.all_objects.get(slug="roam"))
    # Listed areas but none chosen: the service form refuses it.
    invalid = service_form_data(roam, coverage=[], published="")

    admin_client_.post(admin_url(ServiceToReview, "change", roam.pk), invalid)

    roam.refresh_from_db()
    assert roam.published
    assert roam.coverage.exists()


def test_a_save_through_the_review_queue_model_is_kept_and_leaves_the_search(
    client, searched_before
):
    queued = ServiceToReview.objects.get(slug="roam")
    versions = versions_of("roam")

    queued.published = False
    queued.save()

    assert_unpublished_everywhere(client, searched_before)
    assert versions_of("roam") == versions + 1


# Admin actions


@pytest.mark.parametrize("model", [Service, ServiceToReview])
def test_marking_services_checked_is_kept_and_reaches_the_search(
    admin_client_, searched_before, model
):
    roam = Service.all_objects.get(slug="roam")
    versions = versions_of("roam")

    admin_client_.post(
        admin_url(model, "changelist"),
        {"action": "mark_verified_today", "_selected_action": [roam.pk]},
    )

    assert versions_of("roam") == versions + 1
    latest = roam.history.first()
    assert (latest.last_verified, latest.history_user.username) == (timezone.localdate(), "alex")
    assert catalogue_version() != searched_before
    assert summary_of("roam").evidence.last_checked == timezone.localdate()


def test_marking_a_service_that_breaks_the_rules_checked_says_so_and_changes_nothing(
    admin_client_,
):
    roam = Service.all_objects.get(slug="roam")
    Service.coverage.through.objects.filter(service=roam).delete()
    versions = versions_of("roam")

    response = admin_client_.post(
        admin_url(Service, "changelist"),
        {"action": "mark_verified_today", "_selected_action": [roam.pk]},
        follow=True,
    )

    assert "Choose the areas it covers" in response.content.decode()
    roam.refresh_from_db()
    assert roam.last_verified != timezone.localdate()
    assert versions_of("roam") == versions


def test_deleting_a_service_in_admin_is_kept_and_leaves_the_search(
    client, admin_client_, searched_before
):
    roam = Service.all_objects.get(slug="roam")

    admin_client_.post(
        admin_url(Service, "changelist"),
        {"action": "delete_selected", "_selected_action": [roam.pk], "post": "yes"},
    )

    assert_unpublished_everywhere(client, searched_before)
    assert Service.history.filter(slug="roam").first().history_type == "-"


# The bulk import in admin


def upload_and_confirm(client, file_format: str, content: str | bytes):
    file = io.BytesIO(content.encode() if isinstance(content, str) else content)
    file.name = f"services.{file_format}"
    preview = client.post(
        reverse("admin:services_service_import"),
        {"format": ["csv", "xlsx"].index(file_format), "import_file": file},
    )
    confirm = preview.context["confirm_form"]
    return client.post(
        reverse("admin:services_service_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_unpublishing_by_bulk_import_is_kept_and_leaves_the_search(
    client, admin_client_, searched_before, file_format
):
    exported = ServiceResource().export(Service.all_objects.filter(slug="roam"))
    dataset = tablib.Dataset(headers=exported.headers)
    dataset.append(
        [
            0 if name == "published" else value
            for name, value in zip(exported.headers, exported[0], strict=True)
        ]
    )
    versions = versions_of("roam")

    upload_and_confirm(admin_client_, file_format, dataset.export(file_format))

    assert_unpublished_everywhere(client, searched_before)
    assert versions_of("roam") > versions
    assert Service.history.filter(slug="roam").first().history_user.username == "alex"


# The Open Referral import


def feed_file(tmp_path, records) -> str:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return str(path)


def test_a_service_made_inactive_by_the_open_referral_import_is_kept_and_leaves_the_search(
    client, tmp_path, searched_before
):
    records = full_feed(client)
    (roam,) = [record for record in records if record["name"] == "Roam"]
    roam["status"] = "inactive"
    versions = versions_of("roam")

    call_command("import_openreferral", feed_file(tmp_path, records))

    assert_unpublished_everywhere(client, searched_before)
    assert versions_of("roam") > versions


def without_offers(record: dict) -> None:
    """Keeps the main kind of help but none of the kinds of help the service offers."""

    def is_an_offer(attribute: dict) -> bool:
        answer = ANSWERS_BY_TERM_ID.get(attribute["taxonomy_term_id"])
        return answer is not None and answer[0].field == "offers"

    record["attributes"] = [a for a in record["attributes"] if not is_an_offer(a)]


def without_service_areas(record: dict) -> None:
    record["service_areas"] = []


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (without_service_areas, "Choose the areas it covers"),
        (without_offers, "must be one of what it offers"),
    ],
)
def test_the_open_referral_import_applies_the_rules_across_a_services_relations(
    client, tmp_path, corrupt, message
):
    records = full_feed(client)
    (roam,) = [record for record in records if record["name"] == "Roam"]
    corrupt(roam)

    with pytest.raises(CommandError, match=message):
        call_command("import_openreferral", feed_file(tmp_path, records))

    assert Service.all_objects.get(slug="roam").coverage.exists()


# Restoring a backup


def backup_of(tmp_path, *records: dict) -> str:
    path = tmp_path / "backup.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as file:
        json.dump(list(records), file)
    return path


TIMESTAMPS = {"created_at": "2026-01-05T10:00:00Z", "updated_at": "2026-01-05T10:00:00Z"}
# loaddata moves PostgreSQL's sequences on to the numbers it loads, and a test's rollback does not
# move them back: numbers above any other test's rows keep later inserts from colliding.
NUMBER = 900_001


def organisation_record() -> dict:
    return {
        "model": "services.organisation",
        "pk": NUMBER,
        "fields": {"name": "Harbour Trust", "description": "A harbour charity.", **TIMESTAMPS},
    }


def service_record(**fields) -> dict:
    return {
        "model": "services.service",
        "pk": NUMBER,
        "fields": {
            "organisation": NUMBER,
            "name": "Harbour Light",
            "slug": "harbour-light",
            "summary": "Peer support.",
            "primary_offer": "courses_peer_support",
            "offers": ["courses_peer_support"],
            "scope": "scotland",
            **TIMESTAMPS,
            **fields,
        },
    }


def vocabulary_records() -> list[dict]:
    return [
        {"model": "services.offer", "pk": code, "fields": {"description": ""}}
        for code in OfferCode.values
    ]


def test_a_restore_changes_the_search_at_once(client, tmp_path, searched_before):
    restore(backup_of(tmp_path, *vocabulary_records(), organisation_record(), service_record()))

    assert found(client) == {"harbour-light"}
    assert catalogue_version() != searched_before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"scope": "areas"}, "Choose the areas it covers"),
        ({"offers": ["emotional_support"]}, "must be one of what it offers"),
        ({"men": "sometimes"}, "not a valid choice"),
    ],
)
def test_a_restore_refuses_a_service_that_breaks_the_rules(tmp_path, fields, message):
    with pytest.raises(RestoreError, match=message):
        restore(
            backup_of(
                tmp_path, *vocabulary_records(), organisation_record(), service_record(**fields)
            )
        )

    assert Service.all_objects.filter(slug="roam").exists()


# Code that writes through the ORM without saving each service


def test_a_queryset_update_is_kept_and_leaves_the_search_at_once(client, searched_before):
    versions = versions_of("roam")

    Service.all_objects.filter(slug="roam").update(published=False)

    assert_unpublished_everywhere(client, searched_before)
    assert versions_of("roam") == versions + 1
    latest = Service.history.filter(slug="roam").first()
    assert (latest.history_type, latest.published) == ("~", False)
    # The version keeps the service's council areas, so restoring it keeps them too.
    assert latest.coverage.count() == Service.all_objects.get(slug="roam").coverage.count()


def test_a_queryset_update_of_a_services_address_reaches_the_search_at_once(
    client, searched_before
):
    roam = Service.all_objects.get(slug="roam")
    Location.all_objects.create(
        service=roam,
        name="Leith drop-in",
        point={"type": "Point", "coordinates": [-3.17, 55.975]},
    )
    current_catalogue()

    Location.all_objects.filter(name="Leith drop-in").update(public=False)

    (entry,) = [e for e in current_catalogue().entries if e.slug == "roam"]
    assert "Leith drop-in" not in [base.name for base in entry.bases]
    assert "Leith drop-in" not in [base.name for base in summary_of("roam").bases]


@pytest.mark.parametrize(
    ("services", "values", "message"),
    [
        ("national-ugly-mugs", {"scope": "areas"}, "Choose the areas it covers"),
        ("roam", {"primary_offer": "counselling"}, "must be one of what it offers"),
        ("roam", {"men": "sometimes"}, "not a valid choice"),
    ],
)
def test_a_queryset_update_that_breaks_the_rules_is_refused_whole(services, values, message):
    before = list(Service.all_objects.values_list("slug", *values).order_by("slug"))
    versions = Service.history.count()

    with pytest.raises(ValidationError, match=message):
        Service.all_objects.filter(slug__in=[services, "wishes"]).update(**values)

    assert list(Service.all_objects.values_list("slug", *values).order_by("slug")) == before
    assert Service.history.count() == versions


def test_bulk_update_is_kept_and_leaves_the_search_at_once(client, searched_before):
    roam = Service.all_objects.get(slug="roam")
    roam.published = False
    versions = versions_of("roam")

    Service.all_objects.bulk_update([roam], ["published"])

    assert_unpublished_everywhere(client, searched_before)
    assert versions_of("roam") == versions + 1


def test_bulk_update_that_breaks_the_rules_is_refused(searched_before):
    roam = Service.all_objects.get(slug="roam")
    roam.primary_offer_id = "counselling"

    # bulk_update rolls back its caller's transaction, here the test's, unless given a savepoint.
    with (
        pytest.raises(ValidationError, match="must be one of what it offers"),
        transaction.atomic(),
    ):
        Service.all_objects.bulk_update([roam], ["primary_offer"])

    assert Service.all_objects.get(slug="roam").primary_offer_id == "sexual_health"


def new_service(**fields) -> Service:
    return Service(
        organisation=Organisation.objects.get(name="NHS Lothian"),
        name="Harbour Light",
        slug="harbour-light",
        summary="Peer support.",
        primary_offer_id="courses_peer_support",
        scope="scotland",
        **fields,
    )


def test_bulk_create_is_kept_and_reaches_the_search_at_once(client, searched_before):
    Service.all_objects.bulk_create([new_service()])

    assert "harbour-light" in found(client)
    assert catalogue_version() != searched_before
    assert Service.history.get(slug="harbour-light").history_type == "+"


def test_bulk_create_that_breaks_the_rules_is_refused(searched_before):
    with pytest.raises(ValidationError, match="not a valid choice"):
        Service.all_objects.bulk_create([new_service(men="sometimes")])

    assert not Service.all_objects.filter(slug="harbour-light").exists()


def test_coverage_changed_through_the_orm_reaches_the_search_at_once(client, searched_before):
    fife = CouncilArea.objects.get(code="S12000047")
    in_fife = {"area": "S12000047"}

    Service.all_objects.get(slug="wishes").coverage.add(fife)

    response = client.post("/api/v1/search", in_fife, content_type="application/json")
    assert "wishes" in {result["slug"] for result in response.json()["results"]}


def summary_of(slug: str) -> ServiceSummary:
    """What a search's answer would say of the service, from the catalogue searches use now."""
    catalogue = current_catalogue()
    (index,) = [index for index, entry in enumerate(catalogue.entries) if entry.slug == slug]
    (summary,) = catalogue.summaries([index])
    return summary
