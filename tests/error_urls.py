"""The site's URLconf plus views that fail on purpose, under a page path and an API path.

Only the error page tests use it (through settings.ROOT_URLCONF), so no failing view is ever
reachable on the real site. It takes the real handlers from servicemap.urls: Django looks them up
on the root URLconf, so this also checks that servicemap.urls names them.
"""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from servicemap.urls import handler400, handler403, handler404, handler500  # noqa: F401
from servicemap.urls import urlpatterns as site_urlpatterns

# Text a leaked traceback or debug page would carry, so the tests can look for it.
SECRET_IN_THE_ERROR = "do-not-show-this-detail"


def crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(SECRET_IN_THE_ERROR)


def suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation(SECRET_IN_THE_ERROR)


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied(SECRET_IN_THE_ERROR)


def missing(request: HttpRequest) -> HttpResponse:
    raise Http404(SECRET_IN_THE_ERROR)


def accepts_a_form(request: HttpRequest) -> HttpResponse:
    """Not exempt from CSRF, as every form view of the site: a post without a token is refused."""
    return HttpResponse("accepted")


FAILING_VIEWS = [
    ("crash", crash),
    ("suspicious", suspicious),
    ("forbidden", forbidden),
    ("missing", missing),
    ("form", accepts_a_form),
]

urlpatterns = [
    *[path(f"failing/{name}", view) for name, view in FAILING_VIEWS],
    *[path(f"api/v1/failing/{name}", view) for name, view in FAILING_VIEWS],
    *[path(f"openreferral/failing/{name}", view) for name, view in FAILING_VIEWS],
    *site_urlpatterns,
]
