from django.conf import settings
from django.core.management.base import BaseCommand

from servicemap.translations import locales, update_catalogues


class Command(BaseCommand):
    help = (
        "Write each language's translation catalogues (locale/*/LC_MESSAGES/django.po and "
        "djangojs.po) from the strings the code marks, compile them, and write the JavaScript "
        "catalogs (static/jsi18n/) from them (make messages). Needs GNU gettext."
    )

    def handle(self, *args, **options):
        update_catalogues(settings.BASE_DIR)
        self.stdout.write(f"Updated and compiled the catalogues of {', '.join(locales())}.")
