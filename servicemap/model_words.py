"""The English copy modeltranslation keeps of a model's words (summary_en_gb beside summary).

A model's field itself (summary) is the English everywhere in this project: admins, loaders and
imports write it with English active, which writes the English copy too. A row saved without ever
assigning a field would leave its English copy NULL, and a query on the field, which
modeltranslation turns into one on the copy, would then read the row as having no words at all
("" is not NULL): so every save fills an empty English copy from the field.
"""

from django.db.models import Model
from django.db.models.signals import pre_save
from modeltranslation.translator import translator

from servicemap.languages import ENGLISH, localized_field


def keep_english_copies(*models: type[Model]) -> None:
    for model in models:
        pre_save.connect(_fill_english_copies, sender=model, weak=False)


def _fill_english_copies(sender: type[Model], instance: Model, **kwargs) -> None:
    for field in translator.get_options_for_model(sender).all_fields:
        english = localized_field(field, ENGLISH.code)
        if getattr(instance, english) is None:
            setattr(instance, english, instance.__dict__.get(field) or "")
