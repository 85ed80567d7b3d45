from pathlib import Path

from django.core.management.base import BaseCommand

from servicemap.backup import back_up, default_backup_path


class Command(BaseCommand):
    help = "Write every record, with its history, to one compressed JSON file (make backup)."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="where to write it; backups/servicemap-<UTC time>.json.gz unless given",
        )

    def handle(self, *args, path: Path | None, **options):
        report = back_up(path or default_backup_path())
        self.stdout.write(
            f"Backed up {report.records} records to {report.path} ({report.size_bytes} bytes)."
        )
