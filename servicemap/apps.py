from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ServiceMapConfig(AppConfig):
    name = "servicemap"
    verbose_name = "Service map"

    def ready(self) -> None:
        from servicemap import checks  # noqa: F401  (registers the deployment checks)


class ServiceFinderAdminConfig(admin_apps.AdminConfig):
    """Django's admin app, with our site (optional two-factor sign-in) as admin.site."""

    default = False
    default_site = "servicemap.admin_site.ServiceFinderAdminSite"
