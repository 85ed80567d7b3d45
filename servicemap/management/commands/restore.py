from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servicemap.backup import RestoreError, restore


class Command(BaseCommand):
    help = (
        "Replace every record with those in a backup (make restore BACKUP=…), all or nothing. "
        "Run migrate first on a new database."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="a file written by the backup command")

    def handle(self, *args, path: Path, **options):
        try:
            restore(path)
        except RestoreError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {path}.")
