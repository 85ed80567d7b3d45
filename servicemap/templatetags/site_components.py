"""Site-wide components that carry their own data, so any page can show them with one tag."""

from django import template
from django.urls import reverse

from servicemap.helplines import URGENT_HELP

register = template.Library()


@register.inclusion_tag("includes/urgent_help.html")
def urgent_help() -> dict:
    """The national urgent help numbers, as a section headed "Urgent help"."""
    return {"helplines": URGENT_HELP}


# The footer's links, in order: (URL name, words).
FOOTER_LINKS = (
    ("about", "About"),
    ("privacy", "Privacy"),
    ("staying-safe", "Staying safe online"),
    ("statistics", "Statistics"),
    ("suggest", "Suggest a service or a correction"),
)


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context) -> dict:
    """The footer, where the page a person is on is named, not linked: a link to the page itself
    would go nowhere."""
    request = context.get("request")
    here = request.path if request is not None else None
    return {
        "links": [
            {"url": url, "words": words, "here": url == here}
            for url, words in ((reverse(name), words) for name, words in FOOTER_LINKS)
        ]
    }
