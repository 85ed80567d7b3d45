"""make test's runner (tests/run_suite.py): which runs it makes, in which order, on which
databases, side by side in which lanes, and what it shows and its exit status says."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import run_suite
from tests.run_suite import NO_TESTS_COLLECTED, main, runs_of

SQLITE = "sqlite:////work/db.sqlite3"
POSTGRES = "postgres://postgres@127.0.0.1:5432/servicemap"
PYTEST = [sys.executable, "-m", "pytest"]
LOWEST_PRIORITY = ["nice", "-n", "19"]


@pytest.fixture
def pytest_runs(monkeypatch) -> Callable[[Callable], list[dict]]:
    """Replaces starting pytest with a stand-in: each run calls ``behave(command, env, stdout)``,
    whose return is the run's exit status, and is recorded with the options it was started with.
    (Nothing is started, so no process's priority is lowered either.) The runner's clock stands
    still, so each run is shown as taking 0 s: on a loaded machine a stand-in's thread could wait
    over half a second for the CPU, and be shown as taking 1 s (seen once in CI)."""

    def stand_in(behave: Callable) -> list[dict]:
        started: list[dict] = []

        class Process:
            pid = -1

            def __init__(self, command, **options):
                self.command, self.options = command, options
                started.append({"command": command, **options})

            def wait(self) -> int:
                return behave(self.command, self.options["env"], self.options["stdout"])

        monkeypatch.setattr(run_suite.subprocess, "Popen", Process)
        monkeypatch.setattr(run_suite, "yield_the_cpu", lambda pid: None)
        monkeypatch.setattr(run_suite, "time", SimpleNamespace(monotonic=lambda: 0.0))
        return started

    return stand_in


def test_each_database_runs_its_browser_tests_and_the_rest_the_later_ones_only_database_tests():
    runs = runs_of([SQLITE, POSTGRES, "--", "-x", "tests/services"])

    assert [run.title for run in runs] == [
        "SQLite, browser tests",
        "SQLite, other tests",
        "PostgreSQL, browser tests",
        "PostgreSQL, other tests",
    ]
    databases = [run.environment()["DATABASE_URL"] for run in runs]
    assert databases == [SQLITE, SQLITE, POSTGRES, POSTGRES]
    assert [run.command() for run in runs] == [
        [*PYTEST, "-m", "browser", "-n", "0", "-x", "tests/services"],
        [*LOWEST_PRIORITY, *PYTEST, "-m", "not browser", "-n", "2", "-x", "tests/services"],
        [*PYTEST, "-m", "browser", "-n", "0", "-x", "tests/services"],
        [
            *(*LOWEST_PRIORITY, *PYTEST, "-m", "not browser", "-n", "2"),
            *("--database-tests-only", "-x", "tests/services"),
        ],
    ]


def test_the_arguments_given_come_after_the_workers_so_they_can_change_them():
    (_, other) = runs_of([SQLITE, "--", "-n", "0"])

    assert other.command()[-4:] == ["-n", "2", "-n", "0"]


def test_no_database_named_is_refused_with_the_usage():
    with pytest.raises(SystemExit, match=r"python -m tests\.run_suite DATABASE_URL"):
        runs_of(["--", "-x"])


def test_the_browser_tests_and_the_other_tests_run_side_by_side_each_lane_in_order(pytest_runs):
    waited: list[list[str]] = []
    both_lanes_running = threading.Barrier(2, timeout=10)

    def behave(command, env, stdout):
        waited.append(command)
        if len(waited) <= 2:
            # Each lane's first run waits here until the other lane's has started too: run one
            # after the other, they would wait for ever (and the barrier breaks after 10 s).
            both_lanes_running.wait()
        return 0

    started = pytest_runs(behave)

    assert main([SQLITE, POSTGRES]) == 0

    runs = runs_of([SQLITE, POSTGRES])
    lanes = {
        kind: [(run.command(), run.database_url) for run in runs if run.kind == kind]
        for kind in ("browser", "other")
    }
    for kind, lane in lanes.items():
        assert [
            (each["command"], each["env"]["DATABASE_URL"])
            for each in started
            if ("browser" in each["command"]) == (kind == "browser")
        ] == lane
    # The other tests alone start in sessions of their own, which yield the CPU as one.
    assert [each["start_new_session"] for each in started if "browser" in each["command"]] == [
        False,
        False,
    ]
    assert [each["start_new_session"] for each in started if "browser" not in each["command"]] == [
        True,
        True,
    ]


def test_each_run_s_output_is_shown_whole_under_its_title_when_it_ends(pytest_runs, capsys):
    def behave(command, env, stdout):
        # The other run's output stops short of a line's end.
        ending = "\n" if "browser" in command else ""
        stdout.write(f"first line of {command[-3:]}\nlast line{ending}".encode())
        return 1 if "browser" in command else 0

    pytest_runs(behave)

    main([SQLITE])

    printed = capsys.readouterr().out
    for run, status in zip(runs_of([SQLITE]), ["FAILED", "passed"], strict=True):
        assert f"== {run.title}: started\n" in printed
        assert (
            f"first line of {run.command()[-3:]}\nlast line\n== {run.title}: {status} in 0 s\n"
        ) in printed


@pytest.mark.parametrize(
    ("statuses", "exit_status", "failed_titles"),
    [
        ([0, 0, 0, 0], 0, []),
        ([0, NO_TESTS_COLLECTED, NO_TESTS_COLLECTED, 0], 0, []),
        ([0, 1, 0, 2], 1, ["SQLite, other tests", "PostgreSQL, other tests"]),
        ([3, 0, 4, 0], 3, ["SQLite, browser tests", "PostgreSQL, browser tests"]),
        ([0, 0, 0, 6], 6, ["PostgreSQL, other tests"]),
    ],
)
def test_every_run_runs_and_the_first_failure_in_order_is_the_exit_status(
    statuses, exit_status, failed_titles, pytest_runs, capsys
):
    runs = runs_of([SQLITE, POSTGRES])
    # The browser runs' commands are the same; their databases differ.
    status_of = {
        (tuple(run.command()), run.database_url): status
        for run, status in zip(runs, statuses, strict=True)
    }
    commands: list[tuple] = []

    def behave(command, env, stdout):
        commands.append((tuple(command), env["DATABASE_URL"]))
        return status_of[commands[-1]]

    pytest_runs(behave)

    assert main([SQLITE, POSTGRES]) == exit_status

    # A failure does not stop the runs after it.
    assert sorted(commands) == sorted(status_of)
    printed = capsys.readouterr().out.splitlines()
    # The stand-in's clock stands still: each run took 0 s.
    assert sorted(line for line in printed if line.endswith(" in 0 s")) == sorted(
        f"== {run.title}: {'passed' if status in (0, NO_TESTS_COLLECTED) else 'FAILED'} in 0 s"
        for run, status in zip(runs, statuses, strict=True)
    )
    assert [line for line in printed if line.startswith("== FAILED: ")] == [
        f"== FAILED: {title} (pytest exit status {status})"
        for title, status in zip(
            failed_titles,
            [status for status in statuses if status not in (0, NO_TESTS_COLLECTED)],
            strict=True,
        )
    ]


def test_a_lowered_run_s_session_is_weighed_at_the_lowest_priority():
    if not Path("/proc/self/autogroup").exists():
        pytest.skip("this kernel does not group sessions (autogroup): nice alone lowers a run")
    process = subprocess.Popen(["sleep", "30"], start_new_session=True)
    try:
        run_suite.yield_the_cpu(process.pid)

        assert Path(f"/proc/{process.pid}/autogroup").read_text().split()[-1] == "19"
    finally:
        process.kill()
        process.wait()


def test_a_runner_sent_sigterm_interrupts_its_runs_and_starts_no_more(pytest_runs, monkeypatch):
    interrupted: list = []
    monkeypatch.setattr(run_suite, "stop", interrupted.append)
    both_running, ended = threading.Barrier(2, timeout=10), threading.Event()

    def behave(command, env, stdout):
        if both_running.wait() == 0:
            os.kill(os.getpid(), signal.SIGTERM)  # as a CI's time limit would
        ended.wait(10)
        return 130

    started = pytest_runs(behave)

    with pytest.raises(SystemExit) as exit:
        main([SQLITE, POSTGRES])
    ended.set()
    time.sleep(0.5)  # time for a lane to start its next run, were it to

    assert exit.value.code == 128 + signal.SIGTERM
    assert len(interrupted) == 2
    assert len(started) == 2
    assert signal.getsignal(signal.SIGTERM) is not run_suite.stopped
