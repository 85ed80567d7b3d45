"""Site-wide components that carry their own data, so any page can show them with one tag."""

from django import template
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy

from helplines.directory import current_directory, file_directory
from servicemap.languages import (
    ENGLISH,
    Language,
    entered_text,
    language_named,
    offered,
    preferred_language,
)
from servicemap.page_links import link_from

register = template.Library()

# Words admins entered, in the page's language or said to be in English (servicemap.languages).
register.filter("entered", entered_text, is_safe=True)


@register.inclusion_tag("includes/urgent_help.html")
def urgent_help(without_database: bool = False) -> dict:
    """The national urgent help numbers, as a section headed "Urgent help". An error page asks
    for them ``without_database``: it may be answering because the database failed, so it shows
    the helplines file's."""
    directory = file_directory() if without_database else current_directory()
    return {"helplines": directory.urgent}


# The footer's links, in order: (URL name, words).
FOOTER_LINKS = (
    # Translators: a link in every page's footer, to the page about the site.
    ("about", gettext_lazy("About")),
    # Translators: a link in every page's footer, to the privacy notice.
    ("privacy", gettext_lazy("Privacy")),
    ("staying-safe", gettext_lazy("Staying safe online")),
    # Translators: a link in every page's footer, to the page of figures about the services.
    ("statistics", gettext_lazy("Statistics")),
    ("suggest", gettext_lazy("Suggest a service or a correction")),
)


def current_path(context: template.Context) -> str | None:
    """The path of the page being rendered: the request's, or ``here`` for pages rendered without
    one (error pages)."""
    request = context.get("request")
    return context.get("here") or (request.path if request is not None else None)


@register.inclusion_tag("includes/site_header.html", takes_context=True)
def site_header(context: template.Context) -> dict:
    """The site's name, linking to the start page from every page but the start page itself."""
    return {"home": link_from(current_path(context), reverse("finder"))}


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context: template.Context) -> dict:
    """The footer, where the page a person is on is named, not linked."""
    here = current_path(context)
    return {
        "links": [
            {"href": link_from(here, reverse(name)), "words": words} for name, words in FOOTER_LINKS
        ],
        "about_the_data": link_from(here, f"{reverse('about')}#data"),
    }


@register.simple_tag
def page_language() -> Language:
    """The language the page is in (its ``tag`` for the lang attribute)."""
    return language_named(translation.get_language())


@register.inclusion_tag("includes/languages.html", takes_context=True)
def language_choices(context: template.Context) -> dict:
    """The other languages this page is in, each named in itself and linking to the same page in
    it; and, when the browser asks for one of them first, that offer in its own words. Never a
    switch: the person chooses (servicemap/languages.py)."""
    request = context.get("request")
    here = translation.get_language()
    if request is None or len(offered()) < 2:
        return {}
    links = [
        {"language": language, "href": translate_url(request.path, language.code)}
        for language in offered()
        if language.code != here
    ]
    return {
        "links": links,
        "asked_for": _asked_for(request, here, links),
        "unreviewed": not language_named(here).reviewed,
        "english": translate_url(request.path, ENGLISH.code),
    }


def _asked_for(request, here: str, links: list[dict]) -> dict | None:
    """The link to the language the browser asks for before any other, when the page is not in
    it, with the offer written in that language."""
    by_code = {link["language"].code: link for link in links}
    wanted = preferred_language(request.headers.get("Accept-Language", ""), {here, *by_code})
    if wanted is None or wanted == here:
        return None
    link = by_code[wanted]
    with translation.override(wanted):
        words = translation.gettext("This page is in your language: %(language)s") % {
            "language": link["language"].name
        }
    return {**link, "words": words}
