"""`make fuzz`: FUZZ_REQUESTS (100 000) hostile requests to every public form and endpoint.

The requests are drawn from stress/strategies.py, as tests/test_bad_input.py draws a few dozen,
and sent in-process through Django's test client to a throwaway test database (SQLite in memory
unless DATABASE_URL names another server, where it is test_fuzz_<name>) holding the real
boundaries, places and 16 services. Each answer is held to stress/checks.py: no server error, no
write from a read, a 400 naming a field that was certainly bad. Prints the number sent, the
number of 5xx and the count by status; exits 1 if anything was wrong.
"""

import logging
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicemap.settings")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from hypothesis import HealthCheck, Phase, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

from servicemap.reference_data import store_reference_data  # noqa: E402
from services.roles import CASEWORKER  # noqa: E402
from stress.checks import complaints, sent  # noqa: E402
from stress.strategies import EVERY_PROBE, Probe  # noqa: E402

# The test client speaks plain HTTP, as production's redirect to HTTPS would answer every probe.
# Set here, not in the environment, which tests importing this module would pass on to the
# subprocesses and settings they check.
settings.SECURE_SSL_REDIRECT = False

REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "100000"))
# Hypothesis keeps a tree of everything it drew in a run: short runs keep it small and fast.
BATCH = 2_000
EXAMPLES_KEPT = 10


@dataclass
class Report:
    statuses: Counter = field(default_factory=Counter)
    complaints: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def sent(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)

    def record(self, probe: Probe, status: int, found: list[str]) -> None:
        self.statuses[status] += 1
        for complaint in found:
            self.complaints[f"{probe.endpoint}: {complaint.split(':')[0]}"] += 1
            if len(self.examples) < EXAMPLES_KEPT:
                self.examples.append(f"{complaint}\n    {probe!r:.600}")

    def text(self) -> str:
        lines = [
            f"requests sent: {self.sent} in {self.seconds:.0f} s "
            f"({self.sent / max(self.seconds, 1e-9):.0f} a second)",
            f"5xx answers: {self.server_errors}",
            "answers by status: "
            + ", ".join(f"{status}: {count}" for status, count in sorted(self.statuses.items())),
        ]
        lines += [f"problem: {name} x {count}" for name, count in self.complaints.most_common()]
        lines += [f"example: {example}" for example in self.examples]
        return "\n".join(lines)


def fuzz(clients: dict[bool, Client], requests: int) -> Report:
    """Send ``requests`` probes (anonymous, or signed in as a caseworker where they say so)."""
    report = Report()
    started = time.monotonic()
    while report.sent < requests:

        @given(probe=EVERY_PROBE)
        @hypothesis_settings(
            max_examples=min(BATCH, requests - report.sent),
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def batch(probe: Probe) -> None:
            response, writes = sent(clients[probe.caseworker], probe)
            report.record(probe, response.status_code, complaints(probe, response, writes))

        batch()
        print(f"  {report.sent} sent, {report.server_errors} 5xx", file=sys.stderr, flush=True)
    report.seconds = time.monotonic() - started
    return report


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def prepare() -> dict[bool, Client]:
    """A test database with the real reference data, and the two kinds of visitor."""
    setup_test_environment()
    database = connection.settings_dict
    if database["ENGINE"] != "django.db.backends.sqlite3":
        # Never the test database of someone running the suite on the same server.
        database["TEST"]["NAME"] = f"test_fuzz_{database['NAME']}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    settings.STATIC_ROOT = tempfile.mkdtemp(prefix="fuzz-static-")
    call_command("collectstatic", interactive=False, verbosity=0)
    store_reference_data()
    # Every suggestion reaches the form, rather than the hourly limit's page.
    settings.SUGGESTIONS_PER_HOUR = 10**9
    user = User.objects.create_user("fuzz-caseworker")  # signed in below, by no password
    user.groups.add(Group.objects.get(name=CASEWORKER))
    # A server error is an answer to count, not an exception to stop the run.
    caseworker = Client(raise_request_exception=False)
    caseworker.force_login(user)
    return {False: Client(raise_request_exception=False), True: caseworker}


def main() -> int:
    # Every refused request would log a line: at 100 000 requests that is most of the run's time.
    # Failures are in the report, each with its probe to repeat in tests/test_bad_input.py.
    logging.disable(logging.ERROR)
    started = time.monotonic()
    clients = prepare()
    print(f"test database ready in {time.monotonic() - started:.0f} s", file=sys.stderr)
    try:
        before = row_counts()
        report = fuzz(clients, REQUESTS)
        changed = sorted(
            label
            for label, count in row_counts().items()
            if count != before[label] and label != "services.Suggestion"
        )
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    print(report.text())
    print(f"tables changed by reads: {', '.join(changed) or 'none'}")
    return 1 if report.complaints or changed else 0


if __name__ == "__main__":
    sys.exit(main())
