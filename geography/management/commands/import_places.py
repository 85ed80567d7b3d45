import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from geography.gazetteer_import import (
    SHARED_DISTRICTS_FILE,
    SHARED_PLACES_FILE,
    SHARED_POSTCODES_FILE,
    PlaceImportError,
    import_places,
)


class Command(BaseCommand):
    help = (
        "Import the gazetteer (OS Open Names places, ONS postcodes and postcode districts) from "
        "CSV files (paths or http(s) URLs), in one transaction; safe to repeat."
    )

    def add_arguments(self, parser):
        shared = settings.SHARED_DATA_DIR / "places"
        parser.add_argument(
            "--places",
            default=str(shared / SHARED_PLACES_FILE),
            help="OS Open Names populated places (CSV with British National Grid X and Y).",
        )
        parser.add_argument(
            "--postcodes",
            default=str(shared / SHARED_POSTCODES_FILE),
            help="Postcodes with latitude and longitude (CSV: Postcode, lat, long).",
        )
        parser.add_argument(
            "--districts",
            default=str(shared / SHARED_DISTRICTS_FILE),
            help="Postcode district centres (CSV: district, lat, long).",
        )

    def handle(self, *args, **options):
        show_progress = options["verbosity"] >= 1
        started = time.monotonic()
        try:
            report = import_places(
                options["places"],
                options["postcodes"],
                options["districts"],
                self._progress if show_progress else None,
            )
        except PlaceImportError as error:
            raise CommandError(str(error)) from error
        for line in report.summary_lines():
            self.stdout.write(line)
        self.stdout.write(f"Took {time.monotonic() - started:.1f} s.")

    def _progress(self, done: int, total: int, what: str) -> None:
        # Progress goes to stderr so the report on stdout stays clean for scripts.
        sys.stderr.write(f"  {what} ({done}/{total})\n")
