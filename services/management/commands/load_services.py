from django.core.management.base import BaseCommand, CommandError

from services.seed import SeedError, load_services, seed_file


class Command(BaseCommand):
    help = "Load the seed services (fixtures/services.json) in one transaction; safe to repeat."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(seed_file()))
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Reset services that admins have edited since seeding to the seed's values.",
        )

    def handle(self, *args, **options):
        try:
            report = load_services(options["path"], overwrite=options["overwrite"])
        except SeedError as error:
            raise CommandError(str(error)) from error
        for line in report.summary_lines():
            self.stdout.write(line)
