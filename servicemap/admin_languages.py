"""How the admin edits the words kept in each language (django-modeltranslation's fields,
services/translation.py and helplines/translation.py).

The field itself (summary) is the English, where admins have always written it; each other
language has its own collapsed section of the same words (summary_ro, ...), empty until someone
translates them, so a page in that language shows the English marked "(in English)". The English
copy modeltranslation keeps (summary_en_gb) is never a form field of its own: a form that showed
both would let one undo an edit of the other.
"""

import dataclasses

from simple_history.models import ModelDelta
from simple_history.template_utils import HistoricalRecordContextHelper

from servicemap.languages import ENGLISH, LANGUAGES, language_named, localized_field

ENGLISH_SUFFIX = localized_field("", ENGLISH.code)


def english_copies(*words: str) -> tuple[str, ...]:
    """The English copies of these words' fields, for a form's ``exclude``."""
    return tuple(localized_field(word, ENGLISH.code) for word in words)


class EnglishChangedOnce(HistoricalRecordContextHelper):
    """A history list names a change of the English words once, under the field's own name
    (summary), not again under the copy modeltranslation keeps of it (summary_en_gb). The copy
    stays in the history: restoring a version brings both back."""

    def context_for_delta_changes(self, delta: ModelDelta) -> list[dict]:
        shown = [change for change in delta.changes if not change.field.endswith(ENGLISH_SUFFIX)]
        changed = [change.field for change in shown]
        return super().context_for_delta_changes(
            dataclasses.replace(delta, changes=shown, changed_fields=changed)
        )


class WordsInEachLanguageAdmin:
    """For the admin of a model whose words are kept in each language (before SimpleHistoryAdmin
    in its bases)."""

    def get_historical_record_context_helper(self, request, historical_record):
        return EnglishChangedOnce(self.model, historical_record)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """A language's field is typed in that language: Arabic right to left."""
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        code = getattr(db_field, "language", None)
        if formfield is not None and code:
            language = language_named(code)
            formfield.widget.attrs.update(lang=language.tag, dir=language.direction)
        return formfield


def other_languages_fieldsets(*words: str) -> tuple:
    """A collapsed fieldset for each language but English, with these words' fields in it."""
    return tuple(
        (
            f"In {language.name} ({language.code})",
            {
                "classes": ("collapse",),
                "description": "Leave a field empty while it is not translated: pages in "
                f"{language.name} show the English, marked as English, instead.",
                "fields": tuple(localized_field(word, language.code) for word in words),
            },
        )
        for language in LANGUAGES
        if language != ENGLISH
    )
