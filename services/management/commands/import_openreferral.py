from django.core.management.base import BaseCommand, CommandError

from services.openreferral.importer import import_openreferral
from services.openreferral.parse import FeedError


class Command(BaseCommand):
    help = (
        "Import services from an Open Referral UK / HSDS 3.0 feed (a JSON file or an http(s) "
        "URL, e.g. https://…/openreferral/services?full=true), all of them or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A file path or an http(s) URL.")

    def handle(self, *args, **options):
        try:
            report = import_openreferral(options["source"])
        except FeedError as error:
            raise CommandError(str(error)) from error
        for line in report.summary_lines():
            self.stdout.write(line)
