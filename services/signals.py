from django.db.models import Model, TextChoices

from services.models import AccessCode, AccessRoute, Offer, OfferCode


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
