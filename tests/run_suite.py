"""`make test`'s tests: the whole suite on each database in turn, as two pytest runs a database,
its browser tests in one process and then the rest with two workers (pytest-xdist).

The rest compute, and two workers halve their time on this machine's two cores (SQLite 181 s
against about 400; PostgreSQL 206 s against 478). The browser tests stay in one process: they are
bound by Chromium's work, and two workers gained little (SQLite 432 s against 483 on 2026-12-06)
while the load they made let a map's zoom overrun its test's five seconds. The workers of a run
copy one template database (tests/databases.py).
Each run's output is shown as it comes, followed by its time; the exit status is the first
failing run's, or 0.

    python -m tests.run_suite DATABASE_URL [DATABASE_URL ...] [-- PYTEST_ARGS]
"""

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

# pytest's exit status when a run selected no tests: a run with nothing to do (make test
# PYTEST_ARGS=tests/browser leaves the other run empty) has not failed.
NO_TESTS_COLLECTED = 5

# Each kind's pytest marker expression, and its number of workers (0: in pytest's own process).
KINDS = {"browser": ("browser", 0), "other": ("not browser", 2)}


@dataclass(frozen=True)
class Run:
    kind: str
    database_url: str
    pytest_args: tuple[str, ...]

    @property
    def title(self) -> str:
        scheme = urlsplit(self.database_url).scheme
        engine = "SQLite" if scheme.startswith("sqlite") else "PostgreSQL"
        return f"{engine}, {self.kind} tests"

    def command(self) -> list[str]:
        # The arguments given come last, so that `-n 0` among them runs without workers.
        marker, workers = KINDS[self.kind]
        return [
            *(sys.executable, "-m", "pytest", "-m", marker),
            *("-n", str(workers), *self.pytest_args),
        ]

    def environment(self) -> dict[str, str]:
        return {**os.environ, "DATABASE_URL": self.database_url}


def runs_of(arguments: list[str]) -> list[Run]:
    """The runs in order: each database's browser tests, then its other tests, a database at a
    time in the order given."""
    if "--" in arguments:
        split = arguments.index("--")
        database_urls, pytest_args = arguments[:split], tuple(arguments[split + 1 :])
    else:
        database_urls, pytest_args = arguments, ()
    if not database_urls:
        raise SystemExit(__doc__)
    return [Run(kind, url, pytest_args) for url in database_urls for kind in KINDS]


def passed(status: int) -> bool:
    return status in (0, NO_TESTS_COLLECTED)


def run(one: Run) -> int:
    print(f"== {one.title}: started", flush=True)
    started = time.monotonic()
    status = subprocess.call(one.command(), env=one.environment(), stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    print(f"== {one.title}: {'passed' if passed(status) else 'FAILED'} in {seconds:.0f} s")
    return status


def main(arguments: list[str]) -> int:
    failed = [(one, status) for one in runs_of(arguments) if not passed(status := run(one))]
    for one, status in failed:
        print(f"== FAILED: {one.title} (pytest exit status {status})")
    return failed[0][1] if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
