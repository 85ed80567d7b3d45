"""The translation catalogues, locale/<language>/LC_MESSAGES/django.po and djangojs.po, their
compiled .mo files, and the JavaScript catalogs made from djangojs.mo, one a language:
static/jsi18n/<code>/djangojs.js.

`make messages` (manage.py update_translations) writes them from the code: every string the
templates and Python mark (the django domain) and every string the public JavaScript marks (the
djangojs domain), for each language in servicemap.languages but English, in which the code is
written. Translators work on the .po files (Weblate, Pontoon and Poedit read them); the .mo files
are what Django reads, compiled from them and kept beside them so that the site needs no GNU
gettext to run. The JavaScript reads its strings from its language's catalog, a static file made
from djangojs.mo by django-statici18n (English's too, whose gettext gives back the English), so a
page needs no inline script and no request to Django's catalog view. tests/test_translations.py
checks that all of them are up to date with the code.
"""

from contextlib import chdir
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.translation import to_locale

from servicemap.languages import ENGLISH, LANGUAGES

# Folders whose strings no visitor reads: tools, tests, and what is installed or generated.
NOT_TRANSLATED = [
    "node_modules",
    "tests",
    "benchmarks",
    "stress",
    "mutation",
    "test-artifacts",
    "backups",
    "staticfiles",
    "*.egg-info",
]

# The templates' and Python's messages, and the JavaScript's.
DOMAINS = ("django", "djangojs")


def locales() -> list[str]:
    """Each translated language's locale name, as gettext names its folder (zh-hans: zh_Hans)."""
    return [to_locale(language.code) for language in LANGUAGES if language is not ENGLISH]


def javascript_catalogs(project: Path) -> Path:
    """The folder of the JavaScript catalogs under ``project`` (static/jsi18n/), where the
    settings put them under this project."""
    root = Path(settings.STATICI18N_ROOT).relative_to(settings.BASE_DIR)
    return project / root / settings.STATICI18N_OUTPUT_DIR


def update_catalogues(project: Path) -> None:
    """Write every language's .po files from the code under ``project`` (keeping what is already
    translated, dropping messages the code no longer has), compile them, and write every
    language's JavaScript catalog from them. Needs GNU gettext (xgettext, msgmerge, msgfmt)."""
    # makemessages reads the files under the working folder, and writes to LOCALE_PATHS.
    with override_settings(LOCALE_PATHS=[project / "locale"]), chdir(project):
        (project / "locale").mkdir(exist_ok=True)
        for domain in DOMAINS:
            call_command(
                "makemessages",
                locale=locales(),
                domain=domain,
                # Not the JavaScript catalogs either: written from the catalogues, not the code.
                ignore_patterns=[*NOT_TRANSLATED, str(javascript_catalogs(Path()))],
                add_location="file",
                no_obsolete=True,
                verbosity=0,
            )
            for locale in locales():
                _describe(project / "locale" / locale / "LC_MESSAGES" / f"{domain}.po", locale)
        call_command(
            "compilemessages", locale=locales(), ignore_patterns=NOT_TRANSLATED, verbosity=0
        )
        # compilejsi18n switches to each language in turn: the caller's comes back afterwards.
        with translation.override(None):
            call_command("compilejsi18n", outputdir=javascript_catalogs(project), verbosity=0)


# What xgettext writes at the top of a new catalogue, and what this project says there instead.
_NEW_CATALOGUE = {
    "# SOME DESCRIPTIVE TITLE.\n": "# The service finder's public pages (servicemap).\n",
    "# Copyright (C) YEAR THE PACKAGE'S COPYRIGHT HOLDER\n": "",
    "# This file is distributed under the same license as the PACKAGE package.\n": "",
    "# FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.\n": (
        "# Drafts by the development team until a native speaker reviews them "
        "(servicemap/languages.py).\n"
    ),
    '#, fuzzy\nmsgid ""': 'msgid ""',
    r'"Project-Id-Version: PACKAGE VERSION\n"': r'"Project-Id-Version: servicemap\n"',
    r'"Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"': r'"Last-Translator: development team\n"',
    r'"Language-Team: LANGUAGE <LL@li.org>\n"': r'"Language-Team: none yet\n"',
}


def _describe(catalogue: Path, locale: str) -> None:
    """A new catalogue's header, filled in: its language (which translation tools read), what it
    is, and not fuzzy (msgfmt would otherwise leave the header, and with it the plural forms,
    out of the compiled file). A header already filled in is left as it is."""
    text = catalogue.read_text()
    for new, ours in _NEW_CATALOGUE.items():
        text = text.replace(new, ours)
    text = text.replace(r'"Language: \n"', f'"Language: {locale}\\n"')
    catalogue.write_text(text)
