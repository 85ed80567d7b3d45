from django.urls import path

from services import api

urlpatterns = [
    path("search", api.SearchView.as_view(), name="api-search"),
    path("services", api.ServiceListView.as_view(), name="api-services"),
    # Any text, not only a slug, so an unknown one is a JSON 404 like every other API error.
    path("services/<str:slug>", api.ServiceDetailView.as_view(), name="api-service"),
]
