import sys
import time

from django.core.management.base import BaseCommand, CommandError

from services.scale import DEFAULT_SEED, ScaleDataError, generate_scale_data


class Command(BaseCommand):
    help = (
        "Replace the database's synthetic services with N generated ones, for benchmarks. Needs "
        "the Great Britain council areas; refuses a database that holds real services."
    )

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, required=True, help="How many to generate.")
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"The same seed gives the same services (default {DEFAULT_SEED}).",
        )

    def handle(self, *args, **options):
        show_progress = options["verbosity"] >= 1
        started = time.monotonic()
        try:
            report = generate_scale_data(
                options["services"], options["seed"], self._progress if show_progress else None
            )
        except ScaleDataError as error:
            raise CommandError(str(error)) from error
        for line in report.summary_lines():
            self.stdout.write(line)
        self.stdout.write(f"Took {time.monotonic() - started:.1f} s.")

    def _progress(self, done: str) -> None:
        # Progress goes to stderr so the report on stdout stays clean for scripts.
        sys.stderr.write(f"  {done}\n")
