from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "Services"

    def ready(self) -> None:
        from services.roles import sync_roles
        from services.signals import (
            connect_catalogue_signals,
            connect_proxy_signals,
            sync_vocabularies,
        )

        post_migrate.connect(sync_vocabularies, sender=self)
        connect_catalogue_signals()
        connect_proxy_signals()
        post_migrate.connect(sync_roles, sender=self)
