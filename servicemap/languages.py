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

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation.trans_real import parse_accept_lang_header


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
    Language("ro", "Română", "ro"),
    Language("pl", "Polski", "pl"),
    Language("zh-hans", "简体中文", "zh-Hans"),
    Language("vi", "Tiếng Việt", "vi"),
    Language("sq", "Shqip", "sq"),
    Language("ar", "العربية", "ar"),
)

BY_CODE = {language.code: language for language in LANGUAGES}


def language_named(code: str) -> Language:
    return BY_CODE.get(code, ENGLISH)


def offered() -> tuple[Language, ...]:
    """The languages a person may choose: those whose every public string is translated
    (``PUBLIC_LANGUAGES`` in the settings names them)."""
    return tuple(BY_CODE[code] for code in settings.PUBLIC_LANGUAGES)


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


def entered_in_english(text: str) -> SafeString:
    """Words the team entered about a service (its summary, hours, notes), which are held in
    English only: on a page in another language they say so after them, and carry their own
    language and direction, so a screen reader reads them as English and an Arabic page lays
    their punctuation out left to right. Markup-safe text (``linebreaksbr``'s) stays as it is."""
    if not text or translation.get_language() == ENGLISH.code:
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
