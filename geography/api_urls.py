from django.urls import path

from geography import api

urlpatterns = [
    path("places/suggest", api.PlaceSuggestionsView.as_view(), name="api-place-suggestions"),
    # Named "area-shapes" for the maps on public and admin pages, which load it by that name.
    path("areas", api.AreaShapesView.as_view(), name="area-shapes"),
    path("areas/lookup", api.AreaLookupView.as_view(), name="api-area-lookup"),
]
