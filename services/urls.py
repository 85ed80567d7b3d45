from django.contrib.auth import views as auth_views
from django.urls import path

from services import caseworker_views, suggestion_views, views

urlpatterns = [
    path("", views.finder, name="finder"),
    path("services/<slug:slug>/", views.service_detail, name="service-detail"),
    path("areas/<slug:slug>/", views.area_detail, name="area-detail"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/coverage-gap.csv", views.coverage_gap_csv, name="coverage-gap-csv"),
    path("suggest/", suggestion_views.suggest, name="suggest"),
    path("suggest/new/", suggestion_views.suggest_form, name="suggest-form"),
    path("suggest/thanks/", suggestion_views.suggest_thanks, name="suggest-thanks"),
    path("caseworkers/", caseworker_views.caseworker_finder, name="caseworker-finder"),
    path("caseworkers/referral-list/", caseworker_views.referral_list, name="referral-list"),
    path(
        "caseworkers/sign-in/",
        caseworker_views.CaseworkerLoginView.as_view(),
        name="caseworker-login",
    ),
    path(
        "caseworkers/sign-out/",
        auth_views.LogoutView.as_view(next_page="finder"),
        name="caseworker-logout",
    ),
]
