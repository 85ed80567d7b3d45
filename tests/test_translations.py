"""The translation catalogues: up to date with the code, compiled, and whole for a language offered.

A string marked in the code but missing from a catalogue would be shown in English on a page in
another language; a .mo file older than its .po would show last month's translation, and so would
a JavaScript catalog (static/jsi18n/) older than its djangojs catalogue. So the catalogues of both
domains (the templates' and Python's, django; the JavaScript's, djangojs) and the JavaScript
catalogs are written again from the code, as `make messages` writes them, in a copy of the
project, and compared with those kept in locale/ and static/jsi18n/.
"""

import re
import shutil

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale
from statici18n.utils import get_filename

from servicemap.languages import ENGLISH, LANGUAGES
from servicemap.translations import DOMAINS, javascript_catalogs, locales, update_catalogues

LOCALE = settings.BASE_DIR / "locale"
# What makemessages reads: the apps' code, the templates and the JavaScript (locale/, to keep what
# is translated).
SOURCES = ("services", "servicemap", "geography", "helplines", "templates", "static", "locale")


def catalogue(locale: str, kind: str = "po", domain: str = "django", folder=LOCALE):
    return folder / locale / "LC_MESSAGES" / f"{domain}.{kind}"


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
    """The project as `make messages` would leave it from the code as it is now: its catalogues,
    and its JavaScript catalogs (those kept are left out of the copy, so each is written anew)."""
    project = tmp_path_factory.mktemp("project")
    for name in SOURCES:
        shutil.copytree(
            settings.BASE_DIR / name,
            project / name,
            ignore=shutil.ignore_patterns("__pycache__", settings.STATICI18N_OUTPUT_DIR),
        )
    update_catalogues(project)
    return project


def test_every_language_but_english_has_a_catalogue_in_each_domain():
    assert locales() == ["ro", "pl", "zh_Hans", "vi", "sq", "ar"]
    for locale in locales():
        for domain in DOMAINS:
            assert polib.pofile(catalogue(locale, domain=domain)).metadata["Language"] == locale


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", locales())
def test_each_catalogue_holds_every_message_the_code_marks_and_no_other(
    written_from_the_code, locale, domain
):
    written = catalogue(locale, domain=domain, folder=written_from_the_code / "locale")
    from_the_code = messages(polib.pofile(written))
    kept = messages(polib.pofile(catalogue(locale, domain=domain)))
    assert from_the_code, "the code marks no string for translation"
    assert sorted(from_the_code - kept, key=str) == [], "run make messages"
    assert sorted(kept - from_the_code, key=str) == [], "run make messages"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", locales())
def test_each_compiled_catalogue_is_its_translations(locale, domain):
    """Django reads the .mo file: it holds what the .po file translates, fuzzy entries left out."""
    kept = polib.pofile(catalogue(locale, domain=domain))
    compiled = polib.mofile(catalogue(locale, "mo", domain))
    assert translations(compiled) == translations(kept.translated_entries()), "run make messages"


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_each_javascript_catalog_is_what_compilejsi18n_makes_of_the_catalogues(
    written_from_the_code, code
):
    """The pages load static/jsi18n/<code>/djangojs.js, made from djangojs.mo: English's too,
    whose gettext gives the English back."""
    name = get_filename(to_locale(code), "djangojs")
    made = javascript_catalogs(written_from_the_code) / name
    kept = javascript_catalogs(settings.BASE_DIR) / name
    assert kept.read_text() == made.read_text(), "run make messages"


def test_a_language_offered_has_every_message_translated():
    """A language is listed and routed only when complete (servicemap/languages.py): a page that
    switched to English half way would leave the person where they started."""
    missing = {}
    for language in LANGUAGES:
        if language is ENGLISH or not language.complete:
            continue
        for domain in DOMAINS:
            kept = polib.pofile(catalogue(to_locale(language.code), domain=domain))
            entries = kept.untranslated_entries() + kept.fuzzy_entries()
            if left := [entry.msgid for entry in entries]:
                missing.setdefault(language.code, []).extend(left)
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


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", locales())
def test_each_translation_keeps_the_placeholders_and_markup_of_its_english(locale, domain):
    broken = []
    for entry in polib.pofile(catalogue(locale, domain=domain)).translated_entries():
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
