from django.urls import path

from services import views

urlpatterns = [
    path("", views.finder, name="finder"),
    path("services/<slug:slug>/", views.service_detail, name="service-detail"),
    path("areas/<slug:slug>/", views.area_detail, name="area-detail"),
]
