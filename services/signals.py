from django.db import transaction
from django.db.models import Model, TextChoices
from django.db.models.signals import m2m_changed, post_delete, post_save

from geography.models import CouncilArea
from services.catalogue import catalogue_changed, forget_catalogue
from services.models import (
    AccessCode,
    AccessRoute,
    ContactRoute,
    Location,
    Offer,
    OfferCode,
    Organisation,
    Service,
)


def sync_vocabularies(using: str = "default", **kwargs) -> None:
    """Give every member of the offer and access vocabularies its row.

    Runs after every migrate and after a test database is flushed, so a member added to the enum
    needs no data migration, and no database is ever missing a row a service may point at.
    """
    pairs: list[tuple[type[Model], type[TextChoices]]] = [
        (Offer, OfferCode),
        (AccessRoute, AccessCode),
    ]
    for model, vocabulary in pairs:
        existing = set(model.objects.using(using).values_list("code", flat=True))
        model.objects.using(using).bulk_create(
            [model(code=code) for code in vocabulary.values if code not in existing]
        )


def catalogue_changed_by(**kwargs) -> None:
    # Now, so this process's next search sees the change, and after commit again, in case another
    # thread rebuilt the catalogue from the old rows in between.
    catalogue_changed()
    transaction.on_commit(forget_catalogue)


def connect_catalogue_signals() -> None:
    """Anything the finder shows changing gives the catalogue a new version."""
    for model in (Service, Location, ContactRoute, Organisation, CouncilArea):
        post_save.connect(catalogue_changed_by, sender=model, dispatch_uid=f"catalogue-{model}")
        post_delete.connect(catalogue_changed_by, sender=model, dispatch_uid=f"catalogue-{model}")
    for relation in (Service.offers, Service.access_routes, Service.coverage):
        m2m_changed.connect(
            catalogue_changed_by, sender=relation.through, dispatch_uid=f"catalogue-{relation}"
        )
