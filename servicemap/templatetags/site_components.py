"""Site-wide components that carry their own data, so any page can show them with one tag."""

from django import template
from django.urls import reverse

from helplines.directory import current_directory, file_directory
from servicemap.page_links import link_from

register = template.Library()


@register.inclusion_tag("includes/urgent_help.html")
def urgent_help(without_database: bool = False) -> dict:
    """The national urgent help numbers, as a section headed "Urgent help". An error page asks
    for them ``without_database``: it may be answering because the database failed, so it shows
    the helplines file's."""
    directory = file_directory() if without_database else current_directory()
    return {"helplines": directory.urgent}


# The footer's links, in order: (URL name, words).
FOOTER_LINKS = (
    ("about", "About"),
    ("privacy", "Privacy"),
    ("staying-safe", "Staying safe online"),
    ("statistics", "Statistics"),
    ("suggest", "Suggest a service or a correction"),
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
