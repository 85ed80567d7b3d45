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
from services.models import ContactRoute, Location, Service


class ServiceWords(TranslationOptions):
    # What a person reads about a service: what it is, who it is for beyond the finder's
    # questions, how to get support from it, when it is open, and what changed in its running.
    fields = (
        "summary",
        "description",
        "how_to_access",
        "other_criteria",
        "opening_times",
        "referral",
        "status_note",
    )


class ContactRouteWords(TranslationOptions):
    fields = ("label", "hours")


class LocationWords(TranslationOptions):
    fields = ("opening_times",)


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
