from django.apps import AppConfig


class HelplinesConfig(AppConfig):
    name = "helplines"
    verbose_name = "Helplines and other services"
