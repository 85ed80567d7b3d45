from django.urls import path

from geography import views

urlpatterns = [
    path("areas.geojson", views.area_shapes, name="area-shapes"),
]
