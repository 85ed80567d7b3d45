"""`make backup` and `make restore`: every record and every version in its history comes back as
it was, and a damaged backup changes nothing (servicemap/backup.py)."""

import gzip

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from geography.models import AreaNote, CouncilArea, Postcode
from servicemap.backup import RestoreError, back_up, backed_up_models, restore
from services.models import Location, Organisation, Service, Suggestion, SuggestionKind
from services.roles import EDITOR

pytestmark = pytest.mark.django_db

# What a backup must hold, with the history of each that has one.
MUST_BE_BACKED_UP = [
    "auth.user",
    "auth.group",
    "admin.logentry",
    "otp_totp.totpdevice",
    "geography.councilarea",
    "geography.historicalcouncilarea",
    "geography.place",
    "geography.postcodedistrict",
    "geography.postcode",
    "geography.areanote",
    "geography.historicalareanote",
    "services.organisation",
    "services.historicalorganisation",
    "services.service",
    "services.historicalservice",
    "services.historicalservice_offers",
    "services.historicalservice_coverage",
    "services.location",
    "services.historicallocation",
    "services.contactroute",
    "services.historicalcontactroute",
    "services.suggestion",
]


@pytest.fixture(autouse=True)
def content_types_read_afresh():
    """A flush gives content types new numbers; Django's cache of them must not outlive it."""
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


@pytest.fixture
def fewer_postcodes():
    """All 230 000 postcodes take minutes to back up and restore (README gives the figures);
    the first thousand show that postcodes come back."""
    thousandth = Postcode.objects.order_by("pk").values_list("pk", flat=True)[999]
    Postcode.objects.filter(pk__gt=thousandth).delete()


def edit_as_admins_do() -> None:
    """Changes made the ways admin makes them, so every kind of history has versions."""
    admin = User.objects.create_superuser("admin", "admin@example.org", "a long admin password")
    editor = User.objects.create_user("editor", password="a long editor password")
    editor.groups.add(Group.objects.get(name=EDITOR))
    editor.user_permissions.add(Permission.objects.get(codename="delete_suggestion"))
    TOTPDevice.objects.create(user=admin, name="phone")

    service = Service.all_objects.get(slug="roam")
    service._history_user = admin
    service.description += " Changed by an admin."
    service.save()
    service.offers.remove(service.offers.first())
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(Service),
        object_id=str(service.pk),
        object_repr=str(service),
        action_flag=CHANGE,
        change_message="Changed description.",
    )
    Location.all_objects.filter(service__isnull=False).first().delete()
    Organisation.objects.create(name="A new organisation", description="Just founded.")
    area = CouncilArea.objects.get(slug="fife")
    area.name = "Fife Council area"
    area.save()
    AreaNote.objects.create(area=area, notes="A working group meets monthly.")
    Suggestion.objects.create(
        kind=SuggestionKind.CORRECTION, service=service, service_name=service.name, details="x"
    )


def referred_by_name(value, field):
    """Content types and permissions by name: their numbers change when migrate recreates them."""
    if value is None or field.related_model not in (ContentType, Permission):
        return value
    return field.related_model.objects.get(pk=value).natural_key()


def snapshot() -> dict[str, list[tuple]]:
    """Every backed-up row, read straight from the tables: each column, and each many-to-many
    link (by what it links, as a link's own number is not kept)."""
    rows = {}
    for model in backed_up_models():
        fields = model._meta.concrete_fields
        rows[model._meta.label_lower] = [
            tuple(referred_by_name(getattr(row, field.attname), field) for field in fields)
            for row in model._base_manager.order_by("pk")
        ]
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows[f"{model._meta.label_lower}.{field.name}"] = sorted(
                (link[0], referred_by_name(link[1], field))
                for link in through.objects.values_list(f"{source}_id", f"{target}_id")
            )
    return rows


def test_a_restore_after_a_wipe_brings_back_every_record_and_all_its_history(
    tmp_path, fewer_postcodes
):
    edit_as_admins_do()
    before = snapshot()
    backup = tmp_path / "backup.json.gz"

    call_command("backup", str(backup))
    # The edits' foreign key checks wait for the end of the test's transaction; PostgreSQL
    # will not empty a table with checks pending.
    connection.check_constraints()
    call_command("flush", interactive=False)
    ContentType.objects.clear_cache()
    wiped = snapshot()
    call_command("restore", str(backup))
    after = snapshot()

    assert set(MUST_BE_BACKED_UP) <= set(before)
    assert [label for label in MUST_BE_BACKED_UP if not before[label]] == []
    assert not wiped["services.service"]
    assert [label for label in before if before[label] != after[label]] == []
    assert Service.history.filter(history_type="~").exists()
    assert Location.history.filter(history_type="-").exists()


def test_a_restore_over_changed_data_puts_it_back_as_it_was(tmp_path, fewer_postcodes):
    edit_as_admins_do()
    before = snapshot()
    models = backed_up_models()
    report = back_up(tmp_path / "backup.json.gz")
    Organisation.objects.create(name="Made after the backup")
    Service.all_objects.filter(slug="roam").update(name="Changed after the backup")

    restore(report.path)

    assert report.records == sum(len(before[model._meta.label_lower]) for model in models)
    assert snapshot() == before


def damaged_backups(original: bytes) -> dict[str, bytes]:
    text = gzip.decompress(original)
    return {
        "cut short": original[: len(original) // 2],
        "cut short inside": gzip.compress(text[: len(text) // 2]),
        "not compressed": text[:1000],
        "a row that breaks a rule": gzip.compress(
            text.replace(b'"slug": "roam"', b'"slug": "wishes"')
        ),
    }


@pytest.mark.parametrize(
    "damage", ["cut short", "cut short inside", "not compressed", "a row that breaks a rule"]
)
def test_a_damaged_backup_fails_clearly_and_changes_nothing(tmp_path, fewer_postcodes, damage):
    report = back_up(tmp_path / "backup.json.gz")
    Organisation.objects.create(name="Made after the backup")
    before = snapshot()
    damaged = tmp_path / "damaged.json.gz"
    damaged.write_bytes(damaged_backups(report.path.read_bytes())[damage])

    with pytest.raises(CommandError, match="database was left as it was"):
        call_command("restore", str(damaged))

    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.json.gz", "There is no backup file"), ("notes.txt", "is not a backup")],
)
def test_restore_refuses_what_is_not_a_backup(tmp_path, name, message):
    if name != "missing.json.gz":
        (tmp_path / name).write_text("hello")

    with pytest.raises(RestoreError, match=message):
        restore(tmp_path / name)
