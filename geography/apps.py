from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "geography"
    verbose_name = "Geography"

    def ready(self) -> None:
        from geography import signals  # noqa: F401  (keeps the point-to-area index fresh)
