"""The translation catalogues: up to date with the code, compiled, and whole for a language offered.

A string marked in the code but missing from a catalogue would be shown in English on a page in
another language; a .mo file older than its .po would show last month's translation. So the
catalogues are written again from the code, as `make messages` writes them, in a copy of the
project, and compared with those kept in locale/.
"""

import re
import shutil

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from servicemap.languages import ENGLISH, LANGUAGES
from servicemap.translations import locales, update_catalogues

LOCALE = settings.BASE_DIR / "locale"
# What makemessages reads: the apps' code and the templates (locale/, to keep what is translated).
SOURCES = ("services", "servicemap", "geography", "helplines", "templates", "locale")


def catalogue(locale: str, kind: str = "po"):
    return LOCALE / locale / "LC_MESSAGES" / f"django.{kind}"


def messages(entries) -> set[tuple]:
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in entries}


def translations(entries) -> dict[tuple, tuple]:
    return {
        (entry.msgctxt, entry.msgid): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
        for entry in entries
        if entry.msgid
    }


@pytest.fixture(scope="module")
def written_from_the_code(tmp_path_factory):
    """The catalogues `make messages` would write from the code as it is now."""
    project = tmp_path_factory.mktemp("project")
    for name in SOURCES:
        shutil.copytree(
            settings.BASE_DIR / name, project / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    update_catalogues(project)
    return project / "locale"


def test_every_language_but_english_has_a_catalogue():
    assert locales() == ["ro", "pl", "zh_Hans", "vi", "sq", "ar"]
    for locale in locales():
        assert polib.pofile(catalogue(locale)).metadata["Language"] == locale


@pytest.mark.parametrize("locale", locales())
def test_each_catalogue_holds_every_message_the_code_marks_and_no_other(
    written_from_the_code, locale
):
    from_the_code = messages(polib.pofile(written_from_the_code / locale / "LC_MESSAGES/django.po"))
    kept = messages(polib.pofile(catalogue(locale)))
    assert from_the_code, "the code marks no string for translation"
    assert sorted(from_the_code - kept, key=str) == [], "run make messages"
    assert sorted(kept - from_the_code, key=str) == [], "run make messages"


@pytest.mark.parametrize("locale", locales())
def test_each_compiled_catalogue_is_its_translations(locale):
    """Django reads the .mo file: it holds what the .po file translates, fuzzy entries left out."""
    kept = polib.pofile(catalogue(locale))
    compiled = polib.mofile(catalogue(locale, "mo"))
    assert translations(compiled) == translations(kept.translated_entries()), "run make messages"


def test_a_language_offered_has_every_message_translated():
    """A language is listed and routed only when complete (servicemap/languages.py): a page that
    switched to English half way would leave the person where they started."""
    missing = {}
    for language in LANGUAGES:
        if language is ENGLISH or not language.complete:
            continue
        kept = polib.pofile(catalogue(to_locale(language.code)))
        if left := [entry.msgid for entry in kept.untranslated_entries() + kept.fuzzy_entries()]:
            missing[language.code] = left
    assert missing == {}


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]")
TAG = re.compile(r"</?([a-z0-9]+)\b")


def _keeps(english: str, text: str, plural: bool) -> bool:
    """What a translation must keep of its English: the placeholders the code fills in (a plural
    form may leave out the number, as Arabic's forms for one and two do), the HTML tags the
    template wraps around words (their order may change), and straight double quotes, which would
    end an attribute the message is put in."""
    placeholders, kept = set(PLACEHOLDER.findall(english)), set(PLACEHOLDER.findall(text))
    return (
        (kept <= placeholders if plural else kept == placeholders)
        and sorted(TAG.findall(text)) == sorted(TAG.findall(english))
        and text.count('"') == english.count('"')
    )


@pytest.mark.parametrize("locale", locales())
def test_each_translation_keeps_the_placeholders_and_markup_of_its_english(locale):
    broken = []
    for entry in polib.pofile(catalogue(locale)).translated_entries():
        if not entry.msgid_plural:
            if not _keeps(entry.msgid, entry.msgstr, plural=False):
                broken.append(entry.msgid)
            continue
        # Each plural form keeps the shape of the English singular or plural.
        broken += [
            entry.msgid
            for text in entry.msgstr_plural.values()
            if not _keeps(entry.msgid_plural, text, plural=True)
            and not _keeps(entry.msgid, text, plural=True)
        ]
    assert broken == []
