"""Throughput: search requests a second through gunicorn at seed scale, under wrk on loopback.

gunicorn runs with our gunicorn.conf.py (its access log included, as in production) and gunicorn's
recommended (2 x cores) + 1 sync workers; wrk POSTs the search bodies in turn. wrk shares the two
cores with the server, so the figure is what this one machine can do for both sides at once.
"""

import json
import subprocess
from pathlib import Path

from benchmarks.common import (
    DATA,
    SEARCH_BODIES,
    Figure,
    Run,
    Section,
    ensure_debian_package,
    gunicorn,
    milliseconds,
    workers_for_cores,
)

SCRIPT = Path(__file__).with_name("search.lua")
THREADS = 2
CONNECTIONS = 10
WARM_UP_SECONDS = 5
RUN_SECONDS = 15
RUNS = 3
TARGET = 1000


def measure(run: Run) -> Section:
    scales, log = run.scales, run.log
    workers = workers_for_cores()
    section = Section(
        "Throughput: search through gunicorn at seed scale",
        f"gunicorn with {workers} sync workers ((2 x cores) + 1) and gunicorn.conf.py, on "
        f"127.0.0.1, serving the seed-scale database. wrk ({THREADS} threads, {CONNECTIONS} "
        f"connections, benchmarks/search.lua) POSTs the {len(SEARCH_BODIES)} search bodies in "
        f"turn: a {WARM_UP_SECONDS} s warm-up, then {RUNS} runs of {RUN_SECONDS} s. Requests/s "
        "and latency percentiles are the median of the runs; errors add up every run (answers "
        "that are not 2xx, counted by the script, and socket errors). wrk runs on the same two "
        "cores as the server.",
    )
    wrk = wrk_or_say_why_not(section)
    if wrk is None:
        return section
    bodies = search_bodies_file()
    rows = []
    for engine in scales:
        log(f"  throughput {engine.engine}")
        with gunicorn(engine.seed.url, workers) as server:
            run_wrk(wrk, server.url, bodies, WARM_UP_SECONDS)
            runs = [run_wrk(wrk, server.url, bodies, RUN_SECONDS) for _ in range(RUNS)]
        rates = sorted(run["requests"] / (run["duration_us"] / 1e6) for run in runs)
        errors = sum(
            run[kind] for run in runs for kind in ("not_2xx", "connect", "read", "write", "timeout")
        )
        latency = {
            percentile: sorted(run[f"{percentile}_us"] for run in runs)[RUNS // 2] / 1e6
            for percentile in ("p50", "p90", "p99")
        }
        rate = rates[RUNS // 2]
        rows.append(
            [
                engine.engine,
                ", ".join(f"{value:,.0f}" for value in rates),
                f"{rate:,.0f}",
                milliseconds(latency["p50"]),
                milliseconds(latency["p90"]),
                milliseconds(latency["p99"]),
                str(sum(run["requests"] for run in runs)),
                str(errors),
            ]
        )
        section.figures += [
            Figure(
                f"search requests/s at seed scale, gunicorn ({engine.engine})",
                f"{rate:,.0f}/s",
                f"≥ {TARGET:,}/s",
                rate >= TARGET,
            ),
            Figure(f"errors under load ({engine.engine})", str(errors), "0", errors == 0),
        ]
    section.tables.append(
        (
            [
                "database",
                "requests/s, each run",
                "requests/s (median)",
                "latency p50",
                "latency p90",
                "latency p99",
                "requests",
                "errors",
            ],
            rows,
        )
    )
    return section


def wrk_or_say_why_not(section: Section) -> str | None:
    """wrk's path, installing it if need be; None, said in the section's notes, if it cannot."""
    wrk = ensure_debian_package("wrk", "wrk")
    if wrk is None:
        section.notes.append("Not measured: wrk is not installed and could not be (apt-get).")
    return wrk


def search_bodies_file() -> Path:
    """The search bodies, one JSON document a line, for benchmarks/search.lua."""
    DATA.mkdir(parents=True, exist_ok=True)
    bodies = DATA / "search-bodies.txt"
    bodies.write_text("".join(json.dumps(body) + "\n" for body in SEARCH_BODIES.values()))
    return bodies


def run_wrk(wrk: str, base_url: str, bodies: Path, seconds: int) -> dict:
    """wrk POSTing the search bodies in turn for ``seconds``; its script's summary."""
    completed = subprocess.run(
        [
            wrk,
            f"--threads={THREADS}",
            f"--connections={CONNECTIONS}",
            f"--duration={seconds}s",
            "--timeout=10s",
            f"--script={SCRIPT}",
            f"{base_url}/api/v1/search",
            "--",
            str(bodies),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])
