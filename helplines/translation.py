"""The helplines' words admins keep in each language (django-modeltranslation): name_ro, hours_ar,
for_what_pl, ... beside the English. Their history is registered here, after the translation
fields exist, so every language's edits are kept (django-simple-history's recipe for
modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, translator

from helplines.models import HELPLINE_WORDS, Helpline
from servicemap.model_words import keep_english_copies


class HelplineWords(TranslationOptions):
    fields = HELPLINE_WORDS


translator.register(Helpline, HelplineWords)
keep_english_copies(Helpline)
simple_history.register(Helpline)
