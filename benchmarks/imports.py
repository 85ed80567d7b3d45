"""Imports: wall time of ``manage.py import_boundaries`` and ``import_places`` into a fresh
database, as a person setting up a site waits for them."""

import re
import shutil
import time

from benchmarks.common import (
    DATA,
    GREAT_BRITAIN_BOUNDARIES,
    SCOTLAND_BOUNDARIES,
    Figure,
    PostgreSQL,
    Run,
    Section,
    fresh_sqlite,
    manage,
    sqlite_url,
)

RUNS = 3
TARGETS = {"boundaries, 32 Scottish areas": 3.0, "boundaries, 380 Great Britain areas": 15.0}
TOOK = re.compile(r"^Took ([\d.]+) s\.$", re.MULTILINE)


def measure(run: Run) -> Section:
    postgres, log = run.postgres, run.log
    section = Section(
        "Imports into a fresh database",
        f"Wall time of each command as a child process (Python and Django start-up included), "
        f"{RUNS} runs, median shown with the slowest run; *in command* is the time the command "
        "reports itself (its `Took … s.` line). Each run starts from a freshly migrated "
        "database (a copied SQLite file; a PostgreSQL database made from a migrated template). "
        "`import_places` (the shared OS Open Names places, ONS postcodes and districts) runs "
        "after the 32 Scottish areas, which it needs.",
    )
    engines = [("SQLite", _sqlite_databases())]
    if postgres is not None:
        engines.append(("PostgreSQL", _postgres_databases(postgres)))
    rows = []
    for engine, fresh_database in engines:
        timings = {
            "boundaries, 32 Scottish areas": [],
            "places and postcodes": [],
            "boundaries, 380 Great Britain areas": [],
        }
        for number in range(1, RUNS + 1):
            log(f"  imports {engine}, run {number}/{RUNS}")
            url = fresh_database()
            timings["boundaries, 32 Scottish areas"].append(
                _timed(url, "import_boundaries", str(SCOTLAND_BOUNDARIES))
            )
            timings["places and postcodes"].append(_timed(url, "import_places"))
            timings["boundaries, 380 Great Britain areas"].append(
                _timed(fresh_database(), "import_boundaries", str(GREAT_BRITAIN_BOUNDARIES))
            )
        for what, runs in timings.items():
            walls = sorted(wall for wall, _took in runs)
            tooks = sorted(took for _wall, took in runs)
            median = walls[RUNS // 2]
            rows.append(
                [
                    engine,
                    what,
                    f"{median:.1f} s",
                    f"{walls[-1]:.1f} s",
                    f"{tooks[RUNS // 2]:.1f} s",
                ]
            )
            target = TARGETS.get(what)
            section.figures.append(
                Figure(
                    f"import {what} ({engine})",
                    f"{median:.1f} s",
                    f"≤ {target:.0f} s" if target else "",
                    median <= target if target else None,
                )
            )
    if postgres is not None:
        postgres.drop("import")
        postgres.drop("import_template")
    section.tables.append(
        (["database", "import", "wall, median", "wall, slowest", "in command, median"], rows)
    )
    return section


def _sqlite_databases():
    template = fresh_sqlite("import-template")
    manage(template, "migrate", "--noinput", "-v0")

    def fresh() -> str:
        shutil.copyfile(DATA / "import-template.sqlite3", DATA / "import.sqlite3")
        return sqlite_url("import")

    return fresh


def _postgres_databases(postgres: PostgreSQL):
    manage(postgres.recreate("import_template"), "migrate", "--noinput", "-v0")
    return lambda: postgres.recreate("import", template="import_template")


def _timed(url: str, *command: str) -> tuple[float, float]:
    started = time.perf_counter()
    output = manage(url, *command, "-v0")
    wall = time.perf_counter() - started
    took = TOOK.search(output)
    return wall, float(took.group(1)) if took else float("nan")
