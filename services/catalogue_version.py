"""How every server process learns that its catalogue of published services is out of date.

services/catalogue.py keeps the published services compiled in each process. Every write to what
the finder shows calls :func:`mark_catalogue_stale` in the same transaction: saves, deletes and
many-to-many changes by signal (services/signals.py), and queryset update() and bulk writes, which
send no signals, from their querysets (services/bulk_writes.py). It gives the CatalogueVersion row
a new token, which other processes read within CATALOGUE_VERSION_CHECK_SECONDS, and counts a change
in this process, which this process's next search sees at once.
"""

import itertools
import uuid

from django.apps import apps
from django.db import transaction

_changes = itertools.count(1)
_latest_change = 0


def mark_catalogue_stale(using: str = "default") -> None:
    version = apps.get_model("services", "CatalogueVersion")
    token = uuid.uuid4()
    if not version.objects.using(using).filter(pk=1).update(token=token):
        version.objects.using(using).create(pk=1, token=token)
    _count_change()
    # Again after commit, in case another thread rebuilt the catalogue from the old rows between.
    transaction.on_commit(_count_change, using=using)


def changes_in_this_process() -> int:
    return _latest_change


def _count_change() -> None:
    global _latest_change
    _latest_change = next(_changes)
