"""make test's runner (tests/run_suite.py): which runs it makes, in which order, on which
databases, and what its exit status says."""

import sys

import pytest

from tests import run_suite
from tests.run_suite import NO_TESTS_COLLECTED, main, runs_of

SQLITE = "sqlite:////work/db.sqlite3"
POSTGRES = "postgres://postgres@127.0.0.1:5432/servicemap"


def test_each_database_runs_its_browser_tests_then_the_rest_before_the_next_database():
    runs = runs_of([SQLITE, POSTGRES, "--", "-x", "tests/services"])

    assert [run.title for run in runs] == [
        "SQLite, browser tests",
        "SQLite, other tests",
        "PostgreSQL, browser tests",
        "PostgreSQL, other tests",
    ]
    databases = [run.environment()["DATABASE_URL"] for run in runs]
    assert databases == [SQLITE, SQLITE, POSTGRES, POSTGRES]
    assert runs[2].command() == [
        *(sys.executable, "-m", "pytest", "-m", "browser", "-n", "0"),
        *("-x", "tests/services"),
    ]
    assert runs[1].command()[3:7] == ["-m", "not browser", "-n", "2"]


def test_the_arguments_given_come_after_the_workers_so_they_can_change_them():
    (_, other) = runs_of([SQLITE, "--", "-n", "0"])

    assert other.command()[-4:] == ["-n", "2", "-n", "0"]


def test_no_database_named_is_refused_with_the_usage():
    with pytest.raises(SystemExit, match=r"python -m tests\.run_suite DATABASE_URL"):
        runs_of(["--", "-x"])


@pytest.mark.parametrize(
    ("statuses", "exit_status", "failed_titles"),
    [
        ([0, 0, 0, 0], 0, []),
        ([0, NO_TESTS_COLLECTED, NO_TESTS_COLLECTED, 0], 0, []),
        ([0, 1, 0, 2], 1, ["SQLite, other tests", "PostgreSQL, other tests"]),
        ([3, 0, 0, 0], 3, ["SQLite, browser tests"]),
    ],
)
def test_every_run_runs_and_the_first_failure_is_the_exit_status(
    statuses, exit_status, failed_titles, monkeypatch, capsys
):
    commands: list[list[str]] = []

    def call(command, env, stdin):
        commands.append(command)
        return statuses[len(commands) - 1]

    monkeypatch.setattr(run_suite.subprocess, "call", call)

    assert main([SQLITE, POSTGRES]) == exit_status

    runs = runs_of([SQLITE, POSTGRES])
    # A failure does not stop the runs after it.
    assert commands == [run.command() for run in runs]
    printed = capsys.readouterr().out.splitlines()
    # The stub returns at once: each run took 0 s.
    assert [line for line in printed if " in " in line] == [
        f"== {run.title}: {'passed' if status in (0, NO_TESTS_COLLECTED) else 'FAILED'} in 0 s"
        for run, status in zip(runs, statuses, strict=True)
    ]
    assert [line for line in printed if line.startswith("== FAILED: ")] == [
        f"== FAILED: {title} (pytest exit status {status})"
        for title, status in zip(
            failed_titles,
            [status for status in statuses if status not in (0, NO_TESTS_COLLECTED)],
            strict=True,
        )
    ]
