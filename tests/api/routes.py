"""Every route of the URLconf but admin's, found by walking it rather than listed by hand.

tests/public_urls.py walks it for the HTML pages; these sweeps want the API and the feed too.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    route: str
    name: str
    takes_arguments: bool


def all_routes(patterns=None, prefix: str = "") -> list[Route]:
    routes = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith("admin/"):
            continue
        if isinstance(pattern, URLResolver):
            routes += all_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            routes.append(Route(route, pattern.name, bool(pattern.pattern.converters)))
    return routes
