"""Back up every record to one compressed JSON file, and restore one all or nothing.

One method for SQLite and PostgreSQL alike: Django's own serialisation, so a backup moves between
the two. Rows keep their numbers, because history rows record the number of the row they are a
version of (and of the rows it pointed at, which may have been deleted since). Only content types
and permissions are left to ``migrate`` and referred to by name ("natural keys"), as their numbers
differ from one database to another.

Restoring loads through ``loaddata``, which saves "raw": simple_history records no new version,
and the catalogue and area index signals only note that the data changed, which it has. History
is still switched off while loading, as ``loaddata`` sets many-to-many fields (a service's offers,
access routes, coverage) in a way simple_history would otherwise record as new edits.
"""

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time
from itertools import islice
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, models, transaction
from django.test.utils import override_settings

# Not backed up: what migrate creates by itself (content types, permissions), what lives only a
# short while (sessions, sign-in failures counted by django-axes, the finder's used single-use
# tokens), and the catalogue's version token, which a restore replaces on purpose so every
# process reloads the services.
LEFT_OUT_APPS = {"contenttypes", "sessions", "axes"}
LEFT_OUT_MODELS = {"auth.permission", "services.catalogueversion", "services.usedfindertoken"}

# Rows are read and written in batches of this many, so memory stays flat for 230 000 postcodes.
BATCH_SIZE = 2000


class FullPrecisionEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's encoder (and so ``dumpdata``) cuts them to the
    millisecond, which would change every saved time, and the history's order with them."""

    def default(self, value):
        if isinstance(value, datetime | time):
            return value.isoformat()
        return super().default(value)


class RestoreError(Exception):
    """A backup that could not be restored; the database is as it was before."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    records: int
    size_bytes: int


def backed_up_models() -> list[type[models.Model]]:
    """Every model with rows of its own, those referred to by name before those referring."""
    app_list = [
        (config, None) for config in apps.get_app_configs() if config.label not in LEFT_OUT_APPS
    ]
    return [
        model
        for model in serializers.sort_dependencies(app_list, allow_cycles=True)
        if model._meta.label_lower not in LEFT_OUT_MODELS
        and model._meta.managed
        and not model._meta.proxy
    ]


def refers_by_name(model: type[models.Model]) -> bool:
    """Whether the model points at content types or permissions, whose numbers vary."""
    return any(
        field.related_model in (ContentType, Permission)
        for field in model._meta.get_fields()
        if field.is_relation and not field.auto_created
    )


def default_backup_path(now: datetime | None = None) -> Path:
    moment = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return settings.BASE_DIR / "backups" / f"servicemap-{moment}.json.gz"


def serialised_records(model: type[models.Model], database: str = "default") -> Iterator[dict]:
    """The model's rows as ``loaddata`` reads them, in the order of their primary key."""
    rows = model._base_manager.using(database).order_by(model._meta.pk.name).iterator(BATCH_SIZE)
    while batch := list(islice(rows, BATCH_SIZE)):
        yield from serializers.serialize(
            "python", batch, use_natural_foreign_keys=refers_by_name(model)
        )


def back_up(path: Path, database: str = "default") -> BackupReport:
    """Write every backed-up record to ``path`` (gzip-compressed when it ends in .gz).

    Everything is read in one transaction, which on PostgreSQL sees the database as it was at
    its start, so a change made during the backup cannot leave a row pointing at a missing one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if path.suffix == ".gz" else open
    connection = connections[database]
    # Only a transaction's first statement may set its isolation (not so inside a caller's).
    one_snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    count = 0
    with transaction.atomic(using=database), opener(path, "wt", encoding="utf-8") as file:
        if one_snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        file.write("[")
        for model in backed_up_models():
            for record in serialised_records(model, database):
                file.write(",\n" if count else "\n")
                json.dump(record, file, cls=FullPrecisionEncoder, ensure_ascii=False)
                count += 1
        file.write("\n]\n")
    return BackupReport(path, count, path.stat().st_size)


def backed_up_tables() -> list[str]:
    tables = []
    for model in backed_up_models():
        tables.append(model._meta.db_table)
        tables += [
            field.remote_field.through._meta.db_table
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        ]
    return tables


def check_rules(database: str) -> None:
    """Hold restored rows to the rules every other write is held to: ``loaddata`` saves them
    without the checks, and a backup may have been edited or made by older code."""
    for model in backed_up_models():
        check = getattr(model._default_manager.using(database).all(), "check_rules", None)
        if check is not None:
            check()


def restore(path: Path, database: str = "default") -> None:
    """Replace every backed-up record with those in ``path``, in one transaction: if anything
    fails (a truncated or corrupt file, a row that breaks a constraint) nothing changes."""
    path = Path(path)
    if not path.is_file():
        raise RestoreError(f"There is no backup file at {path}.")
    if not path.name.endswith((".json", ".json.gz")):
        raise RestoreError(f"{path} is not a backup: its name should end in .json.gz or .json.")
    connection = connections[database]
    try:
        with (
            transaction.atomic(using=database),
            override_settings(SIMPLE_HISTORY_ENABLED=False),
        ):
            if connection.vendor == "postgresql":
                # PostgreSQL will not empty a table with foreign key checks still pending from
                # earlier in the transaction (a caller's): run them now.
                connection.check_constraints()
            connection.ops.execute_sql_flush(
                connection.ops.sql_flush(no_style(), backed_up_tables(), allow_cascade=True)
            )
            call_command("loaddata", str(path), database=database, verbosity=0)
            check_rules(database)
    except Exception as error:
        raise RestoreError(
            f"Could not restore {path}, so the database was left as it was: {error}"
        ) from error
