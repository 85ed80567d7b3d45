from django.apps import apps
from django.db.models import Model, TextChoices
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from geography.models import CouncilArea
from services.catalogue_version import mark_catalogue_stale
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


def catalogue_changed_by(using: str = "default", **kwargs) -> None:
    mark_catalogue_stale(using)


def connect_catalogue_signals() -> None:
    """Anything the finder shows changing gives the catalogue a new version."""
    for model in (Service, Location, ContactRoute, Organisation, CouncilArea):
        post_save.connect(catalogue_changed_by, sender=model, dispatch_uid=f"catalogue-{model}")
        post_delete.connect(catalogue_changed_by, sender=model, dispatch_uid=f"catalogue-{model}")
    for relation in (Service.offers, Service.access_routes, Service.coverage):
        m2m_changed.connect(
            catalogue_changed_by, sender=relation.through, dispatch_uid=f"catalogue-{relation}"
        )


def sent_on_as_the_concrete_model(sender: type[Model], signal, **kwargs) -> None:
    signal.send(sender=sender._meta.concrete_model, **kwargs)


def connect_proxy_signals() -> None:
    """A proxy (the review queue) saves and deletes the same rows as its model, but Django names
    the proxy as the sender, which the model's history and the catalogue do not listen to: its
    signals are sent on in the model's name."""
    for model in apps.get_app_config("services").get_models():
        if model._meta.proxy:
            for signal in (post_save, pre_delete, post_delete):
                signal.connect(
                    sent_on_as_the_concrete_model, sender=model, dispatch_uid=f"proxy-{model}"
                )
