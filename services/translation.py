"""The services' words admins keep in each language (django-modeltranslation): summary_ro,
hours_ar, ... beside the English; a page shows the English, marked "(in English)", where a
language has none (servicemap.languages.entered_words). Names, addresses, numbers and the team's
notes on sources stay in the one language they are written in.

The models' history is registered here, after the translation fields exist, so every language's
edits are kept (django-simple-history's recipe for modeltranslation)."""

import simple_history
from django.db.models import Field
from modeltranslation.fields import TranslationField
from modeltranslation.translator import TranslationOptions, translator

from servicemap.model_words import keep_english_copies
from services.models import (
    CONTACT_ROUTE_WORDS,
    LOCATION_WORDS,
    SERVICE_WORDS,
    ContactRoute,
    Location,
    Service,
)


class ServiceWords(TranslationOptions):
    fields = SERVICE_WORDS


class ContactRouteWords(TranslationOptions):
    fields = CONTACT_ROUTE_WORDS


class LocationWords(TranslationOptions):
    fields = LOCATION_WORDS


translator.register(Service, ServiceWords)
translator.register(ContactRoute, ContactRouteWords)
translator.register(Location, LocationWords)
keep_english_copies(Service, ContactRoute, Location)
# Who changed what and when, with the coverage and vocabularies as they were, for restoring.
simple_history.register(Service, m2m_fields=["offers", "access_routes", "coverage"])
simple_history.register(ContactRoute)
simple_history.register(Location)


def in_one_language(field: Field) -> bool:
    """Whether a model field is one language's copy of a field's words (summary_ro,
    summary_en_gb), which modeltranslation adds: the field itself (summary) is the English, and
    what the seed, the spreadsheets and the Open Referral feed carry."""
    return isinstance(field, TranslationField)
