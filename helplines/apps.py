from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HelplinesConfig(AppConfig):
    name = "helplines"
    verbose_name = "Helplines and other services"

    def ready(self) -> None:
        from helplines.directory import forget_directory
        from helplines.models import Helpline

        post_save.connect(forget_directory, sender=Helpline)
        post_delete.connect(forget_directory, sender=Helpline)
