"""Deployment checks: production must fail closed rather than run on placeholders."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_production_configuration(app_configs, **kwargs) -> list[Error]:
    errors = []
    if not settings.SECRET_KEY_FROM_ENVIRONMENT:
        errors.append(
            Error(
                "SECRET_KEY is not set in the environment.",
                hint="Set SECRET_KEY to a long random value before serving the site.",
                id="servicemap.E001",
            )
        )
    if not settings.ALLOWED_HOSTS:
        errors.append(
            Error(
                "ALLOWED_HOSTS is empty.",
                hint="Set ALLOWED_HOSTS to the site's host names, separated by commas.",
                id="servicemap.E002",
            )
        )
    return errors
