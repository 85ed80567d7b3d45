"""Site-wide components that carry their own data, so any page can show them with one tag."""

from django import template

from servicemap.helplines import URGENT_HELP

register = template.Library()


@register.inclusion_tag("includes/urgent_help.html")
def urgent_help() -> dict:
    """The national urgent help numbers, as a section headed "Urgent help"."""
    return {"helplines": URGENT_HELP}
