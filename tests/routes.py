"""Every route of the URLconf, found by walking it rather than listed by hand, so a new route
is covered by the sweeps that use this as soon as it is added."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    route: str
    name: str | None
    takes_arguments: bool


def all_routes(
    leave_out: tuple[str, ...] = ("admin/",), patterns=None, prefix: str = ""
) -> list[Route]:
    """Every route but those whose path starts with one of ``leave_out``."""
    routes = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(leave_out):
            continue
        if isinstance(pattern, URLResolver):
            routes += all_routes(leave_out, pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            routes.append(Route(route, pattern.name, bool(pattern.pattern.converters)))
    return routes
