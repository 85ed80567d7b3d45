from django.apps import AppConfig


class ServiceMapConfig(AppConfig):
    name = "servicemap"
    verbose_name = "Service map"

    def ready(self) -> None:
        from servicemap import checks  # noqa: F401  (registers the deployment checks)
