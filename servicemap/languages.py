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

from dataclasses import dataclass

from django.conf import settings


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
