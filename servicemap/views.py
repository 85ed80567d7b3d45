"""Site-wide pages: the fixed pages every visitor can reach, the quick exit, and error pages."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from servicemap.error_pages import error_response
from services.freshness import directory_freshness
from services.wording import confirmed_text


class SitePage(TemplateView):
    """A page of fixed text: read-only, and nothing about the visitor is needed to render it."""

    http_method_names = ["get", "head"]


class PrivacyPage(SitePage):
    """The privacy page says whether maps ask another server for tiles, as configured now."""

    template_name = "servicemap/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            map_tiles_from_another_server=bool(settings.MAP_TILE_URL), **kwargs
        )


class AboutPage(SitePage):
    """The about page tells how up to date the directory is, counted now, never written down."""

    template_name = "servicemap/about.html"

    def get_context_data(self, **kwargs):
        freshness = directory_freshness()
        return super().get_context_data(
            freshness=freshness,
            confirmed=confirmed_text(freshness.confirmed, freshness.services),
            **kwargs,
        )


about = AboutPage.as_view()
privacy = PrivacyPage.as_view()
staying_safe = SitePage.as_view(template_name="servicemap/staying_safe.html")


@require_safe
def leave(request: HttpRequest) -> HttpResponseRedirect:
    """The quick exit: forget this site on this device, then show an ordinary page instead.

    Clear-Site-Data empties this site's cache (pages someone could reopen offline), cookies and
    storage; the redirect goes to a neutral site. The page's script replaces the current history
    entry with this one, so Back does not return to the page that was left.
    """
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


# Django's error handlers (servicemap/urls.py) and CSRF_FAILURE_VIEW: friendly pages in the site's
# design, or problem details under the JSON endpoints. Nothing about the error is shown: the
# exception or the CSRF failure's reason could name settings, queries or what was sent.
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request.path, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request.path, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request.path, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(request.path, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_response(request.path, 403)
