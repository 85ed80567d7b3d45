from django.urls import path

from services.openreferral import views

# Ids are matched as any text, so an unknown one is a JSON 404 like every other feed error.
urlpatterns = [
    path("", views.FeedRootView.as_view(), name="openreferral-root"),
    path("services", views.FeedServicesView.as_view(), name="openreferral-services"),
    path("services/<str:id>", views.FeedServiceView.as_view(), name="openreferral-service"),
    path("taxonomies/", views.TaxonomiesView.as_view(), name="openreferral-taxonomies"),
    path("taxonomies/<str:id>", views.TaxonomyView.as_view(), name="openreferral-taxonomy"),
    path("taxonomy_terms/", views.TaxonomyTermsView.as_view(), name="openreferral-terms"),
    path("taxonomy_terms/<str:id>", views.TaxonomyTermView.as_view(), name="openreferral-term"),
]
