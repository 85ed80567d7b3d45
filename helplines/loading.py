"""Load the helplines file (fixtures/helplines.yaml) into the database, all or nothing.

An entry's name, hours and what it is for are in English, and may be given in the site's other
languages under ``translations`` (``ro: {name: ..., hours: ..., for_what: ...}``); a page shows
the English, marked "(in English)", where its language has none.

A row is found by its slug: loading again brings the file's rows up to date and leaves the rows
admins added alone. A row the helpline itself confirmed (``confirmed_on``) is left as it is: what
the helpline told us wins over a public page.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from helplines.models import HELPLINE_WORDS, Helpline
from servicemap.languages import ENGLISH, LANGUAGES, localized_field

FIELDS = (
    "kind",
    "need",
    "name",
    "number",
    "hours",
    "for_what",
    "source_title",
    "source_url",
    "checked_on",
    "order",
)
REQUIRED = frozenset(FIELDS) - {"need", "order"}
TRANSLATED_INTO = tuple(language.code for language in LANGUAGES if language != ENGLISH)
# Every field a row of the file sets, the words in each language included.
ALL_FIELDS = (
    *FIELDS,
    *(localized_field(word, language.code) for word in HELPLINE_WORDS for language in LANGUAGES),
)


class HelplinesError(Exception):
    """The helplines file cannot be loaded; nothing was written."""


@dataclass(frozen=True)
class HelplinesReport:
    created: int
    updated: int
    kept: int

    def summary_lines(self) -> list[str]:
        return [
            f"Helplines: {self.created} added, {self.updated} updated, "
            f"{self.kept} confirmed by the helpline and left as they are."
        ]


def read_helplines(path: str | Path) -> list[dict]:
    """The file's entries, checked for shape; raises HelplinesError naming what is wrong."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise HelplinesError(f"{path}: cannot be read: {error}") from error
    entries = document.get("helplines") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise HelplinesError(f"{path}: expected a list under 'helplines'")
    seen = set()
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("slug"):
            raise HelplinesError(f"{path}: entry {position} has no slug")
        slug = entry["slug"]
        if slug in seen:
            raise HelplinesError(f"{path}: {slug} is given twice")
        seen.add(slug)
        missing = sorted(name for name in REQUIRED if entry.get(name) in (None, ""))
        if missing:
            raise HelplinesError(f"{path}: {slug} has no {', '.join(missing)}")
        unknown = sorted(set(entry) - set(FIELDS) - {"slug", "translations"})
        if unknown:
            raise HelplinesError(f"{path}: {slug} has unknown fields: {', '.join(unknown)}")
        if not isinstance(entry["checked_on"], date):
            raise HelplinesError(f"{path}: {slug}'s checked_on is not a date (YYYY-MM-DD)")
        _check_translations(f"{path}: {slug}", entry.get("translations", {}))
    return entries


def _check_translations(where: str, translations) -> None:
    if not isinstance(translations, dict):
        raise HelplinesError(f"{where}'s translations: expected languages, e.g. ro: {{name: ...}}")
    for code, words in translations.items():
        if code not in TRANSLATED_INTO:
            raise HelplinesError(
                f"{where}'s translations: {code} is not one of {', '.join(TRANSLATED_INTO)}"
            )
        if not isinstance(words, dict) or not words:
            raise HelplinesError(f"{where}'s {code} translation: expected name, hours, for_what")
        unknown = sorted(set(words) - set(HELPLINE_WORDS))
        if unknown:
            raise HelplinesError(f"{where}'s {code} translation: unknown: {', '.join(unknown)}")
        empty = sorted(
            word for word, text in words.items() if not isinstance(text, str) or not text
        )
        if empty:
            raise HelplinesError(f"{where}'s {code} translation: empty: {', '.join(empty)}")


def _fields_of(entry: dict) -> dict:
    """The model's fields an entry sets: its words named by language, so an entry read while a
    page in another language is shown keeps its English as English."""
    defaults = {"need": "", "order": 0}
    fields = {name: entry.get(name, defaults.get(name)) for name in FIELDS}
    for word in HELPLINE_WORDS:
        fields[localized_field(word, ENGLISH.code)] = entry[word]
        for code in TRANSLATED_INTO:
            fields[localized_field(word, code)] = (
                entry.get("translations", {}).get(code, {}).get(word)
            )
    return fields


def unsaved_helplines(entries: list[dict]) -> list[Helpline]:
    """The entries as model instances, not saved: how a page shows them when the database cannot
    be read."""
    return [Helpline(slug=entry["slug"], **_fields_of(entry)) for entry in entries]


@transaction.atomic
def load_helplines(path: str | Path) -> HelplinesReport:
    entries = read_helplines(path)
    existing = {helpline.slug: helpline for helpline in Helpline.objects.all()}
    created = updated = kept = 0
    for fresh in unsaved_helplines(entries):
        helpline = existing.get(fresh.slug)
        if helpline is not None and helpline.confirmed_on:
            kept += 1
            continue
        if helpline is None:
            helpline, created = fresh, created + 1
        else:
            for name in ALL_FIELDS:
                setattr(helpline, name, getattr(fresh, name))
            updated += 1
        try:
            helpline.full_clean()
        except ValidationError as error:
            raise HelplinesError(f"{fresh.slug}: {_worded(error)}") from error
        helpline.save()
    return HelplinesReport(created, updated, kept)


def _worded(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
