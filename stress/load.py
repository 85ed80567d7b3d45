"""`make load`: the app under gunicorn with production settings on loopback, against PostgreSQL,
for LOAD_SECONDS (300) with LOAD_CONNECTIONS (200) open connections, and PostgreSQL restarted
half-way through.

wrk sends the mix (stress/load.lua: pages, searches, the map's shapes) and records each answer's
time and status; from those records this reports when errors stopped after the restart (it must
be within RECOVERY_SECONDS), every error outside that window (there must be none), requests a
second and latency percentiles. Writes stress/LOAD-RESULTS.md; exits 1 if a limit was broken.

The database (bench_load_seed) is made afresh as `make data` makes one, and dropped at the end.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import (
    ROOT,
    SCOTLAND_BOUNDARIES,
    SEARCH_BODIES,
    SHARED_DATA,
    PostgreSQL,
    gunicorn,
    load_average,
    manage,
    workers_for_cores,
)

SECONDS = int(os.environ.get("LOAD_SECONDS", "300"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "200"))
SERVER = os.environ.get("LOAD_POSTGRES", "postgres://postgres@127.0.0.1:5432")
RESTART = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"]
RECOVERY_SECONDS = 5.0
RESULTS = ROOT / "stress" / "LOAD-RESULTS.md"
# The gazetteer `make data` imports (its defaults in the Makefile).
PLACES = SHARED_DATA / "places"
GAZETTEER = [
    "--places",
    str(PLACES / "scotland_populated_places_os_open_names_gb-places.csv"),
    "--postcodes",
    str(PLACES / "scotland_postcodes_nspl_2025-05_odileeds.csv"),
    "--districts",
    str(PLACES / "scotland_postcode_district_centroids_derived.csv"),
]


@dataclass(frozen=True)
class Restart:
    started: float  # seconds since the epoch
    finished: float


def build_database(postgres: PostgreSQL) -> str:
    url = postgres.recreate("seed")
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "import_boundaries", str(SCOTLAND_BOUNDARIES), "-v0")
    manage(url, "import_places", *GAZETTEER, "-v0")
    manage(url, "load_services", "-v0")
    return url


def restart_postgres_after(delay: float, restarts: list[Restart]) -> threading.Thread:
    def restart() -> None:
        time.sleep(delay)
        started = time.time()
        subprocess.run(RESTART, check=True, capture_output=True)
        restarts.append(Restart(started, time.time()))

    thread = threading.Thread(target=restart)
    thread.start()
    return thread


def run_wrk(base_url: str, work: Path) -> tuple[dict, list[tuple[float, int]], Restart]:
    bodies = work / "search-bodies.jsonl"
    bodies.write_text("".join(json.dumps(body) + "\n" for body in SEARCH_BODIES.values()))
    records = work / "records"
    records.mkdir()
    restarts: list[Restart] = []
    restarter = restart_postgres_after(SECONDS / 2, restarts)
    completed = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{SECONDS}s",
            # Queued behind 200 connections, an answer can take seconds: that is latency, not
            # an error, and shows in the percentiles.
            "--timeout",
            "30s",
            "--script",
            str(ROOT / "stress" / "load.lua"),
            base_url,
            "--",
            str(bodies),
            str(records),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    restarter.join()
    summary = json.loads(completed.stdout.strip().splitlines()[-1])
    answers = []
    for path in records.glob("thread-*.txt"):
        for line in path.read_text().splitlines():
            milliseconds, status = line.split()
            answers.append((int(milliseconds) / 1000, int(status)))
    return summary, sorted(answers), restarts[0]


def is_error(status: int) -> bool:
    return status >= 400


def report(summary: dict, answers: list[tuple[float, int]], restart: Restart) -> tuple[str, bool]:
    errors = [moment for moment, status in answers if is_error(status)]
    window_end = restart.finished + RECOVERY_SECONDS
    outside = [moment for moment in errors if not restart.started <= moment <= window_end]
    after_restart = [moment for moment in errors if moment >= restart.started]
    last_error = max(after_restart, default=None)
    recovered_in = max(0.0, last_error - restart.finished) if last_error else 0.0
    since_start = last_error - restart.started if last_error else 0.0
    socket_errors = sum(summary[kind] for kind in ("connect", "read", "write", "timeout"))
    seconds = summary["duration_us"] / 1e6
    statuses = Counter(status for _, status in answers)
    passed = not outside and recovered_in <= RECOVERY_SECONDS and socket_errors == 0
    load = ", ".join(f"{figure:.1f}" for figure in load_average())
    lines = [
        "# Load test results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make load` (stress/load.py): gunicorn "
        f"({workers_for_cores()} sync workers, production settings) on loopback against "
        f"PostgreSQL, {CONNECTIONS} connections for {seconds:.0f} s, PostgreSQL restarted "
        f"{restart.started - answers[0][0]:.0f} s in (the restart took "
        f"{restart.finished - restart.started:.1f} s).",
        "Mix, per ten requests: two each of the finder, a service page and an area page, three "
        "searches (POST /api/v1/search, the benchmarks' bodies) and one GET /api/v1/areas.",
        f"The machine is shared (load average {load} at the end): latency, the p99 above all, "
        "is inflated by other people's work.",
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| answers recorded | {len(answers)} |",
        f"| requests a second | {len(answers) / seconds:.1f} |",
        f"| latency p50 / p95 / p99 / max (ms) | {summary['p50_us'] / 1000:.0f} / "
        f"{summary['p95_us'] / 1000:.0f} / {summary['p99_us'] / 1000:.0f} / "
        f"{summary['max_us'] / 1000:.0f} |",
        f"| answers by status | {', '.join(f'{s}: {n}' for s, n in sorted(statuses.items()))} |",
        f"| error answers (4xx/5xx) in all | {len(errors)} |",
        f"| last error, from the restart's start / end (s) | {since_start:.2f} / "
        f"{recovered_in:.2f} (limit {RECOVERY_SECONDS:.0f} after the end) |",
        f"| errors outside the restart window | {len(outside)} (limit 0) |",
        f"| socket errors (connect/read/write/timeout) | {socket_errors} |",
        f"| verdict | {'pass' if passed else 'FAIL'} |",
        "",
    ]
    return "\n".join(lines), passed


def main() -> int:
    if not shutil.which("wrk"):
        print("make load needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    postgres = PostgreSQL(SERVER, "bench_load_")
    started = time.monotonic()
    url = build_database(postgres)
    print(f"built the database in {time.monotonic() - started:.0f} s", flush=True)
    try:
        with (
            tempfile.TemporaryDirectory(prefix="load-") as work,
            gunicorn(url, workers_for_cores()) as base_url,
        ):
            print(f"{CONNECTIONS} connections for {SECONDS} s against {base_url}", flush=True)
            summary, answers, restart = run_wrk(base_url, Path(work))
    finally:
        postgres.drop("seed")
    text, passed = report(summary, answers, restart)
    RESULTS.write_text(text)
    print(text)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
