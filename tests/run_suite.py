"""`make test`'s tests: the whole suite on each database, as two pytest runs a database, its
browser tests in one process and the rest with two workers (pytest-xdist).

The runs go in two lanes at once. One lane runs each database's browser tests in turn. They wait on
one Chromium round trip after another and leave about 40 % of this machine's two cores idle (py-spy
and /proc on 2026-12-06). The other lane runs each database's other tests in turn, at the lowest
CPU priority (nice 19, and in a session of its own whose group the kernel weighs at nice 19 too):
they take up that idle time, and the kernel gives the browser lane and Chromium the CPU whenever
they ask for it.

The rest compute, and two workers halve their time on this machine's two cores (SQLite 181 s
against about 400; PostgreSQL 206 s against 478). The browser tests stay in one process: they are
bound by Chromium's work, and two workers gained little (SQLite 432 s against 483 on 2026-12-06)
while the load they made let a map's zoom overrun its test's five seconds. The workers of a run
copy one template database (tests/databases.py).

A test that never reaches a database (pytest-django refuses it one) passes or fails the same on
each, so it runs once, with the first database's other tests; the later databases' runs leave it
out (--database-tests-only, tests/conftest.py).

Each run's output is shown whole when the run ends, followed by its time; the exit status is the
first failing run's in the order the runs are listed (each database's browser tests, then its
other tests, a database at a time), or 0.

    python -m tests.run_suite DATABASE_URL [DATABASE_URL ...] [-- PYTEST_ARGS]
"""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# pytest's exit status when a run selected no tests: a run with nothing to do (make test
# PYTEST_ARGS=tests/browser leaves the other run empty) has not failed.
NO_TESTS_COLLECTED = 5

# Each kind's pytest marker expression, and its number of workers (0: in pytest's own process).
KINDS = {"browser": ("browser", 0), "other": ("not browser", 2)}
# The other tests' lane yields the CPU to the browser lane's whenever it wants it.
OTHER_TESTS_NICENESS = 19


@dataclass(frozen=True)
class Run:
    kind: str
    database_url: str
    pytest_args: tuple[str, ...]
    # The first database's other tests include those that reach no database; later ones do not.
    first_database: bool = True

    @property
    def title(self) -> str:
        scheme = urlsplit(self.database_url).scheme
        engine = "SQLite" if scheme.startswith("sqlite") else "PostgreSQL"
        return f"{engine}, {self.kind} tests"

    def command(self) -> list[str]:
        # The arguments given come last, so that `-n 0` among them runs without workers.
        marker, workers = KINDS[self.kind]
        pytest = [sys.executable, "-m", "pytest", "-m", marker, "-n", str(workers)]
        if self.kind == "browser":
            return [*pytest, *self.pytest_args]
        only = [] if self.first_database else ["--database-tests-only"]
        return ["nice", "-n", str(OTHER_TESTS_NICENESS), *pytest, *only, *self.pytest_args]

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
    return [
        Run(kind, url, pytest_args, first_database=index == 0)
        for index, url in enumerate(database_urls)
        for kind in KINDS
    ]


def passed(status: int) -> bool:
    return status in (0, NO_TESTS_COLLECTED)


def yield_the_cpu(pid: int) -> None:
    """Lowers the priority of a run started in its own session. Where the kernel groups each
    session's processes (autogroup: Playwright starts Chromium in a session of its own), niceness
    weighs only against the same group's processes, so the group's own is lowered too."""
    # Without autogroup (or once the run has ended) there is no such file: `nice` alone lowers it.
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/autogroup").write_text(str(OTHER_TESTS_NICENESS))


def run(one: Run, show: Callable[[str], None], running: set[subprocess.Popen]) -> int:
    show(f"== {one.title}: started")
    started = time.monotonic()
    lowered = one.kind == "other"
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            one.command(),
            env=one.environment(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=lowered,
        )
        running.add(process)
        if lowered:
            yield_the_cpu(process.pid)
        status = process.wait()
        running.discard(process)
        output.seek(0)
        printed = output.read().decode(errors="replace")
    if printed and not printed.endswith("\n"):
        printed += "\n"  # the closing line starts a line of its own, whatever the run printed
    seconds = time.monotonic() - started
    show(f"{printed}== {one.title}: {'passed' if passed(status) else 'FAILED'} in {seconds:.0f} s")
    return status


class Stopped(Exception):
    """The runner was sent SIGTERM."""


def stopped(signal_number, frame) -> None:
    raise Stopped


def stop(process: subprocess.Popen) -> None:
    """Interrupts a run, with its workers: the whole session a lowered run leads."""
    with contextlib.suppress(ProcessLookupError):
        if os.getpgid(process.pid) == process.pid:
            os.killpg(process.pid, signal.SIGINT)
        else:
            process.send_signal(signal.SIGINT)


def main(arguments: list[str]) -> int:
    runs = runs_of(arguments)
    statuses: dict[Run, int] = {}
    running: set[subprocess.Popen] = set()
    showing, stopping = threading.Lock(), threading.Event()

    def show(text: str) -> None:
        with showing:
            print(text, flush=True)

    def lane(kind: str) -> None:
        for one in runs:
            if stopping.is_set():
                return
            if one.kind == kind:
                statuses[one] = run(one, show, running)

    lanes = [threading.Thread(target=lane, args=(kind,), daemon=True) for kind in KINDS]
    # Stopped (Ctrl-C, or SIGTERM from a CI's time limit), the runner stops its runs: the lowered
    # ones sit in sessions of their own, out of reach of a signal to the terminal's or make's
    # process group. The handler goes in before any run starts: a SIGTERM between a run's start and
    # the handler killed the runner and left its runs going (seen once in CI, in this file's test).
    handler = signal.signal(signal.SIGTERM, stopped)
    try:
        for each in lanes:
            each.start()
        for each in lanes:
            each.join()
    except (KeyboardInterrupt, Stopped) as interruption:
        stopping.set()
        for process in list(running):
            stop(process)
        if isinstance(interruption, Stopped):
            raise SystemExit(128 + signal.SIGTERM) from None
        raise
    finally:
        signal.signal(signal.SIGTERM, handler)
    failed = [(one, statuses[one]) for one in runs if not passed(statuses[one])]
    for one, status in failed:
        print(f"== FAILED: {one.title} (pytest exit status {status})")
    return failed[0][1] if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
