from django.core.management.base import BaseCommand, CommandError

from services.contacts_import import ContactsError, load_contacts


class Command(BaseCommand):
    help = (
        "Load contact routes and current status from the shared contacts file "
        "(services/contacts.yaml) onto the services already loaded, in one transaction; safe to "
        "repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        try:
            report = load_contacts(options["path"])
        except ContactsError as error:
            raise CommandError(str(error)) from error
        for line in report.summary_lines():
            self.stdout.write(line)
