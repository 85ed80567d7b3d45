"""`make test`'s tests: the whole suite on each database, its browser tests and the rest as
separate runs, one after another or (``--side-by-side``) in two lanes.

Side by side, one lane runs the browser tests (marked ``browser``) on each database in turn and
the other runs every other test on each database in turn. The browser tests mostly wait on
Chromium and the live server (a quarter of the machine's two cores), the rest mostly compute, so
side by side they take about the time of the longer lane (21.5 min for both databases here,
where one process a database took 45). It is not the default: with the other lane computing
beside it, the no-JavaScript quick-exit test with the back/forward cache on at 1280 px timed out
in each of the 3 side-by-side runs of the browser tests (the neutral site had not opened 30 s
after the press); on its own it passes.

Each run is an ordinary pytest process with its own test database: in memory for SQLite, and for
PostgreSQL named after the lane (``test_servicemap`` and ``test_servicemap_browser``), so two
runs side by side never share one. Each run's output is shown whole, with its time, as it ends;
the exit status is the first failing run's, or 0.

    python -m tests.run_suite [--side-by-side] DATABASE_URL [DATABASE_URL ...] [-- PYTEST_ARGS]
"""

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

# pytest's exit status when a run selected no tests: a lane with nothing to do (make test
# PYTEST_ARGS=tests/browser leaves the other lane empty) has not failed.
NO_TESTS_COLLECTED = 5

LANES = {"browser": "browser", "other": "not browser"}


@dataclass(frozen=True)
class Run:
    lane: str
    database_url: str
    pytest_args: tuple[str, ...]

    @property
    def title(self) -> str:
        scheme = urlsplit(self.database_url).scheme
        engine = "SQLite" if scheme.startswith("sqlite") else "PostgreSQL"
        return f"{engine}, {self.lane} tests"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "pytest", "-m", LANES[self.lane], *self.pytest_args]

    def environment(self) -> dict[str, str]:
        return {**os.environ, "DATABASE_URL": lane_database_url(self.database_url, self.lane)}


def lane_database_url(database_url: str, lane: str) -> str:
    """The database a lane's run names: a PostgreSQL database's name gets the lane's (its test
    database is test_<name>); SQLite's test database is in each process's memory anyway."""
    parts = urlsplit(database_url)
    if parts.scheme.startswith("sqlite") or lane != "browser":
        return database_url
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{lane}"))


def runs_of(arguments: list[str]) -> dict[str, list[Run]]:
    """Each lane's runs, in the order of the databases given."""
    if "--" in arguments:
        split = arguments.index("--")
        database_urls, pytest_args = arguments[:split], tuple(arguments[split + 1 :])
    else:
        database_urls, pytest_args = arguments, ()
    if not database_urls:
        raise SystemExit(__doc__)
    return {lane: [Run(lane, url, pytest_args) for url in database_urls] for lane in LANES}


def lanes_of(runs: dict[str, list[Run]], side_by_side: bool) -> list[list[Run]]:
    """The runs as lanes to run at once: each lane on its own side by side; otherwise one lane,
    each database's runs together, the browser tests first."""
    if side_by_side:
        return list(runs.values())
    return [[run for on_one in zip(*runs.values(), strict=True) for run in on_one]]


class Report:
    """Prints each run's output whole, one run at a time, as it ends."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.failed: list[tuple[Run, int]] = []

    def ended(self, run: Run, status: int, seconds: float, output: str) -> None:
        passed = status in (0, NO_TESTS_COLLECTED)
        with self.lock:
            print(f"== {run.title}: {'passed' if passed else 'FAILED'} in {seconds:.0f} s")
            print(output, end="" if output.endswith("\n") else "\n", flush=True)
            if not passed:
                self.failed.append((run, status))


def run_lane(runs: list[Run], report: Report) -> None:
    for run in runs:
        print(f"== {run.title}: started", flush=True)
        started = time.monotonic()
        with tempfile.TemporaryFile(mode="w+") as output:
            status = subprocess.call(
                run.command(),
                env=run.environment(),
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
            output.seek(0)
            report.ended(run, status, time.monotonic() - started, output.read())


def main(arguments: list[str]) -> int:
    side_by_side = "--side-by-side" in arguments[:1]
    report = Report()
    lanes = [
        threading.Thread(target=run_lane, args=(runs, report))
        for runs in lanes_of(runs_of(arguments[side_by_side:]), side_by_side)
    ]
    for lane in lanes:
        lane.start()
    for lane in lanes:
        lane.join()
    for run, status in report.failed:
        print(f"== FAILED: {run.title} (pytest exit status {status})")
    return report.failed[0][1] if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
