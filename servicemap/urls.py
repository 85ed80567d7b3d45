from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Service finder administration"
admin.site.site_title = "Service finder admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("geography.urls")),
    path("api/v1/", include("services.api_urls")),
    path("", include("services.urls")),
]
