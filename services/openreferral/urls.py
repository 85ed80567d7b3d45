from django.urls import path

from services.openreferral import views

# The standard's paths, as the UK profile writes them (no trailing slash). Ids are matched as any
# text, so an unknown one is a JSON 404 like every other feed error.
urlpatterns = [
    path("", views.FeedRootView.as_view(), name="openreferral-root"),
    path("services", views.FeedServicesView.as_view(), name="openreferral-services"),
    path("services/<str:id>", views.FeedServiceView.as_view(), name="openreferral-service"),
    path("organizations", views.OrganisationsView.as_view(), name="openreferral-organizations"),
    path(
        "organizations/<str:id>",
        views.OrganisationView.as_view(),
        name="openreferral-organization",
    ),
    path(
        "service_at_locations",
        views.ServiceAtLocationsView.as_view(),
        name="openreferral-service-at-locations",
    ),
    path(
        "service_at_locations/<str:id>",
        views.ServiceAtLocationView.as_view(),
        name="openreferral-service-at-location",
    ),
    path("taxonomies", views.TaxonomiesView.as_view(), name="openreferral-taxonomies"),
    path("taxonomies/<str:id>", views.TaxonomyView.as_view(), name="openreferral-taxonomy"),
    path("taxonomy_terms", views.TaxonomyTermsView.as_view(), name="openreferral-terms"),
    path("taxonomy_terms/<str:id>", views.TaxonomyTermView.as_view(), name="openreferral-term"),
]
