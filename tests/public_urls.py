"""Every public URL of the site, found by walking the URLconf rather than listed by hand.

A new public route is covered by the sweeps as soon as it is added. Left out: the areas where
people sign in (admin, caseworkers), which use cookies by design, and the machine-readable APIs
(JSON, Open Referral), which have their own tests. A route that takes arguments needs an example
in ROUTE_EXAMPLES; a test fails until it has one, so no page escapes the sweeps.
"""

from dataclasses import dataclass

from django.urls import reverse

from tests.routes import all_routes

NOT_PUBLIC = ("admin/", "caseworkers/", "api/", "openreferral/")

# The one public page that sets a cookie, by design: the suggestion form's CSRF token, set only
# once a visitor chooses to start the form (issue 5), and gone when the browser closes
# (tests/services/test_suggestions.py checks that).
SETS_A_COOKIE_BY_DESIGN = ("suggest-form",)

# Arguments for routes that take them, from the reference data the tests load.
ROUTE_EXAMPLES = {
    "service-detail": {"slug": "roam"},
    "area-detail": {"slug": "glasgow-city"},
}
# Further pages of a route that show something of their own: a service the finder leaves out
# says so first and sends nobody to it (issue 14).
MORE_EXAMPLES = [("service-detail", {"slug": "operation-begonia"})]


@dataclass(frozen=True)
class PublicRoute:
    route: str
    name: str | None
    takes_arguments: bool

    def url(self) -> str:
        if not self.takes_arguments:
            return "/" + self.route
        return reverse(self.name, kwargs=ROUTE_EXAMPLES[self.name])

    def has_example(self) -> bool:
        return not self.takes_arguments or self.name in ROUTE_EXAMPLES


def public_routes() -> list[PublicRoute]:
    return [
        PublicRoute(route.route, route.name, route.takes_arguments)
        for route in all_routes(leave_out=NOT_PUBLIC)
    ]


def public_urls() -> list[str]:
    """Every public URL that answers with content: pages and downloads, not the quick exit."""
    return [
        route.url() for route in public_routes() if route.has_example() and route.name != "leave"
    ] + [reverse(name, kwargs=arguments) for name, arguments in MORE_EXAMPLES]


def cookie_free_urls() -> list[str]:
    """Every public URL but the one page that sets a cookie by design."""
    exceptions = {reverse(name) for name in SETS_A_COOKIE_BY_DESIGN}
    return [url for url in public_urls() if url not in exceptions]


def is_page(url: str) -> bool:
    """An HTML page, not a download: a download's URL ends in a file name (coverage-gap.csv)."""
    return "." not in url.rsplit("/", 1)[-1]


def public_page_urls() -> list[str]:
    return [url for url in public_urls() if is_page(url)]


def cookie_free_page_urls() -> list[str]:
    return [url for url in cookie_free_urls() if is_page(url)]
