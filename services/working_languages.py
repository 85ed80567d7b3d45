"""Whether a service can support a person in their language (issue 18): by its own staff, through
interpreters, neither, or not known. Pure: codes and choices in, an answer and its words out.

The finder asks for a language but never leaves a service out for it: most services have not
said which languages they work in, and "not said" must be read as not known, never as "English
only". The card, the service's page, the referral list and the API's answer all word it here.
"""

from collections.abc import Sequence

from django.db import models
from django.utils.translation import gettext as _

from services.models import Interpreters, WorkingLanguage
from services.wording import listed

# Each language named in itself, beside its name in the page's language, so that a person who
# reads little of the page's language still finds theirs in the finder's list.
OWN_NAMES = {
    WorkingLanguage.ALBANIAN: "shqip",
    WorkingLanguage.ARABIC: "العربية",
    WorkingLanguage.BENGALI: "বাংলা",
    WorkingLanguage.BRITISH_SIGN_LANGUAGE: "BSL",
    WorkingLanguage.BULGARIAN: "български",
    WorkingLanguage.CANTONESE: "粵語",
    WorkingLanguage.CHINESE: "普通话",
    WorkingLanguage.CZECH: "čeština",
    WorkingLanguage.FARSI: "فارسی",
    WorkingLanguage.FRENCH: "français",
    WorkingLanguage.GAELIC: "Gàidhlig",
    WorkingLanguage.HUNGARIAN: "magyar",
    WorkingLanguage.ITALIAN: "italiano",
    WorkingLanguage.KURDISH: "Kurdî",
    WorkingLanguage.LATVIAN: "latviešu",
    WorkingLanguage.LITHUANIAN: "lietuvių",
    WorkingLanguage.POLISH: "polski",
    WorkingLanguage.PORTUGUESE: "português",
    WorkingLanguage.PUNJABI: "ਪੰਜਾਬੀ",
    WorkingLanguage.ROMANIAN: "română",
    WorkingLanguage.RUSSIAN: "русский",
    WorkingLanguage.SLOVAK: "slovenčina",
    WorkingLanguage.SOMALI: "Soomaali",
    WorkingLanguage.SPANISH: "español",
    WorkingLanguage.THAI: "ไทย",
    WorkingLanguage.TIGRINYA: "ትግርኛ",
    WorkingLanguage.TURKISH: "Türkçe",
    WorkingLanguage.UKRAINIAN: "українська",
    WorkingLanguage.URDU: "اردو",
    WorkingLanguage.VIETNAMESE: "Tiếng Việt",
}


class LanguageSupport(models.TextChoices):
    """What a service's record says of one language a person asked for."""

    WORKS_IN = "works_in", "Its staff work in it"
    INTERPRETERS = "interpreters", "Not listed, but it uses interpreters"
    NEITHER = "neither", "Not listed, and it does not use interpreters"
    NOT_KNOWN = "not_known", "Not known"


def support_in(
    language: str, working_languages: Sequence[str], interpreters: str
) -> LanguageSupport:
    """The rule: a language its staff work in; else what it says of interpreters, where a
    service that has not said is not known, whatever languages it lists."""
    if language in working_languages:
        return LanguageSupport.WORKS_IN
    if interpreters == Interpreters.YES:
        return LanguageSupport.INTERPRETERS
    if interpreters == Interpreters.NO:
        return LanguageSupport.NEITHER
    return LanguageSupport.NOT_KNOWN


def language_name(code: str) -> str:
    """A working language's name in the page's language."""
    return str(WorkingLanguage(code).label)


def language_choice_label(code: str) -> str:
    """How the finder's list offers a language: its name in the page's language, then in itself
    when that differs ("Polish (polski)"; on a Polish page, "polski")."""
    name, own = language_name(code), OWN_NAMES[WorkingLanguage(code)]
    if name.casefold() == own.casefold():
        return name
    # Translators: a choice in the finder's list of languages: the language's name in your
    # language, then its name in itself (own, e.g. "polski"), which stays as it is.
    return _("%(name)s (%(own)s)") % {"name": name, "own": own}


def support_text(support: LanguageSupport, service: str, language: str) -> str:
    """What a person reads on a service's card about the language they chose (``language``: its
    name in the page's language). Every case but "its staff work in it" tells them to ask."""
    words = {"service": service, "language": language}
    if support is LanguageSupport.WORKS_IN:
        # Translators: on a service found, for the language the person chose (e.g. "Polish").
        return _("%(service)s works in %(language)s.") % words
    if support is LanguageSupport.INTERPRETERS:
        return (
            _(
                # Translators: on a service found, for the language the person chose
                # (e.g. "Polish").
                "%(service)s does not list %(language)s among its staff's languages, but uses "
                "interpreters: ask for one when you contact them."
            )
            % words
        )
    if support is LanguageSupport.NEITHER:
        return (
            _(
                # Translators: on a service found, for the language the person chose
                # (e.g. "Polish").
                "%(service)s does not list %(language)s among its staff's languages and does not "
                "use interpreters: ask when you contact them whether they can help."
            )
            % words
        )
    return (
        _(
            # Translators: on a service found, for the language the person chose (e.g. "Polish").
            "Not known whether %(service)s can support you in %(language)s: ask when you "
            "contact them."
        )
        % words
    )


def languages_text(working_languages: Sequence[str], interpreters: str) -> str:
    """What a service's record says of its languages when the person chose none: only what is
    known ("" when nothing is), never "English only"."""
    names = [language_name(code) for code in working_languages]
    interpreting = {
        # Translators: on a service, after the languages its staff work in.
        Interpreters.YES: _("It also uses interpreters."),
        # Translators: on a service, after the languages its staff work in.
        Interpreters.NO: _("It does not use interpreters."),
    }
    if names:
        # Translators: on a service: the languages its staff work in besides English (languages,
        # e.g. "Polish and Romanian").
        works_in = _("Works in English and %(languages)s.") % {"languages": listed(names)}
        return " ".join(filter(None, [works_in, str(interpreting.get(interpreters, ""))]))
    if interpreters == Interpreters.YES:
        # Translators: on a service that lists no language besides English.
        return _("Uses interpreters for languages its staff do not speak.")
    if interpreters == Interpreters.NO:
        # Translators: on a service that lists no language besides English.
        return _("Does not use interpreters.")
    return ""


def not_known_text(service: str) -> str:
    """What a service's page says when nothing is known of its languages."""
    return _(
        # Translators: on a service's page, when nothing is known of its languages.
        "Not known which languages %(service)s works in besides English, or whether it uses "
        "interpreters: ask when you contact them."
    ) % {"service": service}
