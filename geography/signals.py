"""Drop this process's point-to-area index whenever a boundary changes here."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from geography import lookup
from geography.models import CouncilArea


@receiver(post_save, sender=CouncilArea)
@receiver(post_delete, sender=CouncilArea)
def forget_area_index(**kwargs) -> None:
    # Now, for lookups later in this transaction, and again after commit, in case another thread
    # rebuilt the index from the old rows in between.
    lookup.invalidate()
    transaction.on_commit(lookup.invalidate)
