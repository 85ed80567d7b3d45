"""The languages the public pages are written for, and how far each translation has come.

The people these services see include women trafficked into Scotland and migrant women who read
little English (issue 18). A page's language is part of its address (English unprefixed, /ro/,
/ar/, ...), never a cookie, and never switched for a person: a browser asking for one of these
languages is offered it with a visible link (servicemap.templatetags.site_components).

A language is listed and offered only once every public string is translated into it
(``complete``): a page that switched language half way would leave the person where they started.
A translation written by the team is a draft until a native speaker reviews it (``reviewed``);
pages in a language not yet reviewed say so, in that language, with the English page one tap
away.
"""

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation.trans_real import parse_accept_lang_header

if TYPE_CHECKING:
    from django.db.models import Model


@dataclass(frozen=True)
class Language:
    # Django's language code, which is also the address's prefix.
    code: str
    # The language named in itself, as a person who reads it looks for it.
    name: str
    # The BCP 47 tag for the page's lang attribute.
    tag: str
    complete: bool = False
    reviewed: bool = False

    @property
    def direction(self) -> str:
        """The page's dir attribute: right to left for Arabic."""
        return "rtl" if self.code.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"


ENGLISH = Language("en-gb", "English", "en-GB", complete=True, reviewed=True)

LANGUAGES = (
    ENGLISH,
    # Every public string translated by the team (drafts), the JavaScript's and the helplines'
    # words too; none yet reviewed by a native speaker.
    Language("ro", "Română", "ro", complete=True),
    Language("pl", "Polski", "pl", complete=True),
    Language("zh-hans", "简体中文", "zh-Hans", complete=True),
    Language("vi", "Tiếng Việt", "vi", complete=True),
    Language("sq", "Shqip", "sq", complete=True),
    Language("ar", "العربية", "ar", complete=True),
)

BY_CODE = {language.code: language for language in LANGUAGES}


def language_named(code: str) -> Language:
    return BY_CODE.get(code, ENGLISH)


def offered() -> tuple[Language, ...]:
    """The languages a person may choose: those whose every public string is translated
    (``PUBLIC_LANGUAGES`` in the settings names them)."""
    return tuple(BY_CODE[code] for code in settings.PUBLIC_LANGUAGES)


def localized_field(field: str, code: str) -> str:
    """The name of the field that holds a model's words in a language (django-modeltranslation's
    names): summary_ro, hours_zh_hans, name_en_gb."""
    return f"{field}_{code.replace('-', '_')}"


def field_in_language_name(verbose_name: str, code: str) -> str:
    """An admin's name for a field's words in one language: "summary in Română"
    (MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME)."""
    return format_lazy("{} in {}", verbose_name, language_named(code).name)


def preferred_language(accept_language: str, among: Collection[str]) -> str | None:
    """The first language of a browser's Accept-Language header, in its order of preference, that
    is one of ``among`` (language codes), matching regional and script variants as Django does
    ("ro-RO" is Romanian, "zh-CN" Simplified Chinese); None when it asks for none of them."""
    for asked, _quality in parse_accept_lang_header(accept_language):
        try:
            code = translation.get_supported_language_variant(asked)
        except LookupError:
            continue
        if code in among:
            return code
    return None


class Entered(str):
    """Words admins entered about a service or a helpline, with the language they are in: the
    page's own where admins translated them, English otherwise (``entered_words``)."""

    language: str

    def __new__(cls, text: str, language: str) -> "Entered":
        entered = super().__new__(cls, text)
        entered.language = language
        return entered


def entered_words(instance: "Model", field: str) -> Entered:
    """A field of words admins keep in each language (services/translation.py,
    helplines/translation.py), in the page's language where they entered it, in English
    otherwise, saying which."""
    page = translation.get_language() or ENGLISH.code
    own = getattr(instance, localized_field(field, page), None)
    if own:
        return Entered(own, page)
    # The field itself falls back to the English (MODELTRANSLATION_FALLBACK_LANGUAGES).
    return Entered(getattr(instance, field) or "", ENGLISH.code)


class OwnWords:
    """``instance.words.<field>``: a translated field as ``entered_words`` gives it, for a
    template to show with the ``entered`` filter."""

    def __init__(self, instance: "Model"):
        self._instance = instance

    def __getattr__(self, field: str) -> Entered:
        return entered_words(self._instance, field)


class HasOwnWords:
    """For models whose words admins keep in each language."""

    @property
    def words(self) -> OwnWords:
        return OwnWords(self)


def entered_text(text: str) -> SafeString:
    """Words admins entered about a service or a helpline, as a page shows them: in the page's
    language (``Entered`` in it) as they are; otherwise, held in English, they carry their own
    language and direction, so a screen reader reads them as English and an Arabic page lays
    their punctuation out left to right, and say "(in English)" after them. Plain text (words
    kept in English only, such as who checked a service) counts as English. Markup-safe text
    stays as it is."""
    language = getattr(text, "language", ENGLISH.code)
    if not text or language == (translation.get_language() or ENGLISH.code):
        return conditional_escape(text)
    return format_html(
        '<span lang="{}" dir="ltr">{}</span>{}', ENGLISH.tag, text, in_english_marker()
    )


def in_english_marker() -> SafeString:
    """What follows words held in English only on a page in another language: "(in English)" in
    the page's language; nothing on an English page."""
    if translation.get_language() == ENGLISH.code:
        return SafeString("")
    return format_html(
        ' <span class="site-in-english">{}</span>',
        # Translators: after words about a service or a helpline that exist only in English (its
        # description, opening hours, notes), on a page in your language.
        translation.gettext("(in English)"),
    )
