from django.urls import path

from services import api

urlpatterns = [
    path("search", api.SearchView.as_view(), name="api-search"),
]
