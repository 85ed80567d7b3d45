import sys
import time

from django.core.management.base import BaseCommand, CommandError

from geography.boundaries import (
    BoundaryImportError,
    ImportOptions,
    import_boundaries,
)
from geography.display import DEFAULT_DISPLAY_TOLERANCE


class Command(BaseCommand):
    # The system checks load every URL, view and admin page (0.3 s of a 3-second import of the
    # Scottish areas); `migrate`, which must run first, has made them already.
    requires_system_checks = []
    help = (
        "Import council-area boundaries from a GeoJSON, TopoJSON, GeoPackage or Shapefile "
        "(a path or an http(s) URL), in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A file path or an http(s) URL.")
        parser.add_argument("--code-field", help="The field holding the GSS code (e.g. LAD24CD).")
        parser.add_argument("--name-field", help="The field holding the area's name.")
        parser.add_argument(
            "--source-crs",
            help="The CRS to assume when the file declares none (default EPSG:4326), e.g. 27700.",
        )
        parser.add_argument(
            "--only-prefix",
            default="",
            help="Import only areas whose current code starts with this, e.g. S12.",
        )
        parser.add_argument("--layer", help="The layer to read from a multi-layer file.")
        parser.add_argument(
            "--tolerance",
            type=float,
            default=DEFAULT_DISPLAY_TOLERANCE,
            help="Simplification tolerance for map display, in degrees.",
        )
        parser.add_argument("--vintage", help="The boundaries' year (default: from the fields).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )

    def handle(self, *args, **options):
        source_crs = options["source_crs"]
        if source_crs and source_crs.isdigit():
            source_crs = f"EPSG:{source_crs}"
        import_options = ImportOptions(
            code_field=options["code_field"],
            name_field=options["name_field"],
            source_crs=source_crs,
            only_prefix=options["only_prefix"],
            layer=options["layer"],
            tolerance=options["tolerance"],
            vintage=options["vintage"],
            dry_run=options["dry_run"],
        )
        show_progress = options["verbosity"] >= 1
        started = time.monotonic()
        try:
            report = import_boundaries(
                options["source"], import_options, self._progress if show_progress else None
            )
        except BoundaryImportError as error:
            raise CommandError(str(error)) from error
        for line in report.summary_lines():
            self.stdout.write(line)
        self.stdout.write(f"Took {time.monotonic() - started:.1f} s.")

    def _progress(self, done: int, total: int, name: str) -> None:
        # Progress goes to stderr so the report on stdout stays clean for scripts.
        if done == 1 or done == total or done % max(1, total // 20) == 0:
            sys.stderr.write(f"  repairing {done}/{total}: {name}\n")
