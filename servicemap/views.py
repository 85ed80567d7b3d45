"""Site-wide pages: the fixed pages every visitor can reach, and the quick exit."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView


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


about = SitePage.as_view(template_name="servicemap/about.html")
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
