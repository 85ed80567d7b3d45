from django.core.management.base import BaseCommand, CommandError

from helplines.loading import HelplinesError, load_helplines


class Command(BaseCommand):
    help = (
        "Load the urgent helplines and mainstream services (fixtures/helplines.yaml) in one "
        "transaction; safe to repeat: rows admins added or the helpline confirmed are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        try:
            report = load_helplines(options["path"])
        except HelplinesError as error:
            raise CommandError(str(error)) from error
        for line in report.summary_lines():
            self.stdout.write(line)
