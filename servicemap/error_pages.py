"""What the site says when a request cannot be answered: a page for people, a problem for programs.

Everything here renders without the database, the session or the request's details, so the
answer works during an outage (the 500 and 503 pages), sets no cookie, and cannot repeat back
what someone sent (a search, a form) or anything about the server.
"""

from dataclasses import dataclass

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy

from servicemap.page_links import link_from
from servicemap.problems import answers_in_json, problem_response


@dataclass(frozen=True)
class ErrorPage:
    # The title is kept in the browser's history, so, like every title, it stays neutral. Each is
    # marked for translation and worded in the language of the page that failed.
    title: str
    heading: str
    explanation: str


ERROR_PAGES = {
    400: ErrorPage(
        # Translators: an error page's title, kept in the browser's history: keep it neutral.
        gettext_lazy("Request not understood"),
        gettext_lazy("Sorry, this request could not be understood"),
        gettext_lazy(
            "Something in the address or the form was not in a shape this site understands, so "
            "nothing was done. Check the address, or go back and try again."
        ),
    ),
    403: ErrorPage(
        # Translators: an error page's title, kept in the browser's history: keep it neutral.
        gettext_lazy("Not allowed"),
        gettext_lazy("Sorry, you cannot do that here"),
        gettext_lazy(
            "This page or action is not open to you. If you were filling in a form, it may have "
            "expired: go back, reload the page and try again."
        ),
    ),
    404: ErrorPage(
        # Translators: an error page's title, kept in the browser's history: keep it neutral.
        gettext_lazy("Page not found"),
        gettext_lazy("Sorry, this page was not found"),
        gettext_lazy("The page may have moved, or the address may be mistyped."),
    ),
    500: ErrorPage(
        # Translators: an error page's title, kept in the browser's history: keep it neutral.
        gettext_lazy("Something went wrong"),
        gettext_lazy("Sorry, something went wrong"),
        gettext_lazy(
            "Something went wrong on our side and your request was not completed. Please try "
            "again in a few minutes."
        ),
    ),
    503: ErrorPage(
        # Translators: an error page's title, kept in the browser's history: keep it neutral.
        gettext_lazy("Temporarily unavailable"),
        gettext_lazy("Sorry, this site is not working just now"),
        gettext_lazy(
            "The list of services cannot be reached at the moment. Please try again in a few "
            "minutes."
        ),
    ),
}


def error_response(path: str, status: int) -> HttpResponse:
    """The answer for ``status`` at ``path``: JSON problem details under the JSON endpoints,
    otherwise the page in the site's design, with the quick exit and the urgent help numbers."""
    page = ERROR_PAGES[status]
    if answers_in_json(path):
        return problem_response(status, str(page.explanation))
    # Rendered without the request: no context processor runs, so nothing reads the session,
    # the signed-in user or the database. The path alone tells the header and footer which page
    # this is, and whether the way to the start page would lead back here.
    context = {"page": page, "here": path, "start_page": link_from(path, reverse("finder"))}
    return HttpResponse(render_to_string("servicemap/error.html", context), status=status)
