from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

from servicemap import api_docs, views

urlpatterns = [
    # Not at a guessable address in production: ADMIN_URL (see settings).
    path(settings.ADMIN_URL, admin.site.urls),
    # The quick exit has one address in every language.
    path("leave", views.leave, name="leave"),
    path("api/v1/openapi.json", SpectacularJSONAPIView.as_view(), name="api-schema"),
    path("api/v1/docs", api_docs.api_docs, name="api-docs"),
    path("api/v1/", include("services.api_urls")),
    path("api/v1/", include("geography.api_urls")),
    path("openreferral/", include("services.openreferral.urls")),
]
# The pages people read: in English at these addresses, in another language under its code
# (/ro/about/), so that the language is part of the link (servicemap/languages.py).
urlpatterns += i18n_patterns(
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("staying-safe/", views.staying_safe, name="staying-safe"),
    path("", include("services.urls")),
    prefix_default_language=False,
)

# Friendly pages, or problem details under the JSON endpoints, when DEBUG is off.
handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error
