"""make test's runner (tests/run_suite.py): which runs it makes, and with which databases."""

import pytest

from tests.run_suite import NO_TESTS_COLLECTED, Report, Run, lane_database_url, lanes_of, runs_of

SQLITE = "sqlite:////work/db.sqlite3"
POSTGRES = "postgres://postgres@127.0.0.1:5432/servicemap"


@pytest.mark.parametrize(
    ("database_url", "lane", "expected"),
    [
        (SQLITE, "browser", SQLITE),
        (SQLITE, "other", SQLITE),
        (POSTGRES, "other", POSTGRES),
        (POSTGRES, "browser", "postgres://postgres@127.0.0.1:5432/servicemap_browser"),
        (
            "postgres://u:p@db.example:5433/finder?sslmode=require",
            "browser",
            "postgres://u:p@db.example:5433/finder_browser?sslmode=require",
        ),
    ],
)
def test_only_the_postgresql_browser_lane_gets_a_database_of_its_own(database_url, lane, expected):
    assert lane_database_url(database_url, lane) == expected


def test_each_lane_runs_on_every_database_in_turn_with_the_same_pytest_arguments():
    lanes = runs_of([SQLITE, POSTGRES, "--", "-x", "tests/services"])

    assert {lane: [run.database_url for run in runs] for lane, runs in lanes.items()} == {
        "browser": [SQLITE, POSTGRES],
        "other": [SQLITE, POSTGRES],
    }
    browser_on_postgres = lanes["browser"][1]
    assert browser_on_postgres.title == "PostgreSQL, browser tests"
    assert browser_on_postgres.command()[1:] == [
        *("-m", "pytest", "-m", "browser"),
        *("-x", "tests/services"),
    ]
    assert lanes["other"][0].command()[3:5] == ["-m", "not browser"]
    assert browser_on_postgres.environment()["DATABASE_URL"].endswith("/servicemap_browser")


def test_no_database_named_is_refused_with_the_usage():
    usage = r"python -m tests\.run_suite \[--side-by-side\] DATABASE_URL"
    with pytest.raises(SystemExit, match=usage):
        runs_of(["--", "-x"])


@pytest.mark.parametrize(
    ("status", "failed"), [(0, False), (NO_TESTS_COLLECTED, False), (1, True), (2, True)]
)
def test_a_lane_with_no_tests_selected_has_not_failed(status, failed, capsys):
    report = Report()

    report.ended(Run("other", SQLITE, ()), status, 12.3, "1 passed\n")

    assert bool(report.failed) is failed
    assert capsys.readouterr().out.startswith(
        f"== SQLite, other tests: {'FAILED' if failed else 'passed'} in 12 s\n1 passed\n"
    )


@pytest.mark.parametrize(
    ("side_by_side", "expected"),
    [
        (False, [["browser on SQLite", "other on SQLite", "browser on PG", "other on PG"]]),
        (True, [["browser on SQLite", "browser on PG"], ["other on SQLite", "other on PG"]]),
    ],
)
def test_one_lane_runs_each_database_whole_before_the_next(side_by_side, expected):
    names = {SQLITE: "SQLite", POSTGRES: "PG"}

    lanes = lanes_of(runs_of([SQLITE, POSTGRES]), side_by_side)

    assert [[f"{run.lane} on {names[run.database_url]}" for run in lane] for lane in lanes] == (
        expected
    )
