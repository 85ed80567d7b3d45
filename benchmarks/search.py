"""Search: server time of ``POST /api/v1/search`` at seed scale and at 10,000 services.

A worker process per database times each request body through Django's test client (the whole
stack: middleware, validation, search, serialising; no network). The parent alternates short
blocks on the seed-scale and the scale database, so both see the same machine load, and pools
the samples of every block: the 10k/16 ratio is then taken within one run.
"""

import json
import statistics
import time
from contextlib import nullcontext
from pathlib import Path

from benchmarks.common import (
    SCALE_SERVICES,
    SEARCH_BODIES,
    Figure,
    Run,
    Section,
    Stats,
    milliseconds,
    ratio,
    run_worker,
    setup_django,
    worker_main,
)

BLOCKS = 3
# Per block and database: every body this many times, unless the time budget runs out first
# (before the speed work a search at 10,000 services took half a minute): then once.
ROUNDS_PER_BLOCK = 60
SECONDS_PER_BLOCK = 60.0
TARGET_P95 = 0.015
TARGET_RATIO = 3.0
# The catalogue: rebuilt this many times in each block's process, after its searches.
REBUILDS = 5
TARGET_REBUILD = 0.5


def measure(run: Run) -> Section:
    scales, log = run.scales, run.log
    section = Section(
        "Search: POST /api/v1/search",
        "Server time through Django's test client (middleware, validation, search, JSON), "
        f"production settings (DEBUG off), for {len(SEARCH_BODIES)} request bodies: "
        f"{'; '.join(SEARCH_BODIES)} (bodies in benchmarks/common.py). Seed scale is the real 16 "
        f"services over the 32 Scottish areas; scale is {SCALE_SERVICES:,} synthetic services "
        "(`generate_scale_data`, default seed) over the 380 Great Britain areas; each in its own "
        f"database. {BLOCKS} blocks alternate seed and scale; in each block a fresh process "
        "makes one untimed search (reported below as the first search) and an untimed round of "
        "every body, then sends each body "
        f"once per round until {ROUNDS_PER_BLOCK} rounds or {SECONDS_PER_BLOCK:.0f} s have "
        "passed (at least one round). p50 and p95 are over all timed searches of all bodies "
        "pooled; the ratio is scale/seed of the same statistic from the same run. Queries: SQL "
        "statements of each body's first timed request (the table's total row gives the "
        "highest), counted with CaptureQueriesContext. The worker starts as a server does "
        "(importing servicemap.wsgi, which freezes what start-up made for the garbage "
        f"collector). Then, after its searches, it rebuilds the catalogue {REBUILDS} times on "
        "its own, as a process does after an edit (`forget_catalogue`, then `current_catalogue`: "
        "the version's query and the build), times the first search after an edit "
        f"{REBUILDS} times (an edit marked with `mark_catalogue_stale`, then the 'area' body: "
        "the rebuild and the cards of the services it lists), and reads its resident memory "
        "(VmRSS) last. Rebuild and after-edit figures are medians over every block's runs; "
        "memory is the largest of the blocks.",
    )
    for engine in scales:
        samples = {scale: {body: [] for body in SEARCH_BODIES} for scale in ("seed", "scale")}
        firsts = {"seed": [], "scale": []}
        catalogue = {
            scale: {"rebuilds": [], "after_edit": [], "resident_mb": []}
            for scale in ("seed", "scale")
        }
        facts = {}
        for block in range(BLOCKS):
            for scale, database in (("seed", engine.seed), ("scale", engine.scale)):
                log(f"  search {engine.engine} {scale}, block {block + 1}/{BLOCKS}")
                result = run_worker("search", database.url)
                for body, timings in result["timings"].items():
                    samples[scale][body].extend(timings)
                firsts[scale].append(result["first"])
                for name, values in catalogue[scale].items():
                    figure = result[name]
                    values.extend(figure if isinstance(figure, list) else [figure])
                facts.setdefault(scale, result)
        _report(section, engine.engine, samples, firsts, facts)
        _report_catalogue(section, engine.engine, catalogue)
    return section


def _report(section: Section, engine: str, samples: dict, firsts: dict, facts: dict) -> None:
    by_body = {
        scale: {body: Stats.of(timings) for body, timings in bodies.items()}
        for scale, bodies in samples.items()
    }
    seed, scale = (
        Stats.of([value for timings in samples[name].values() for value in timings])
        for name in ("seed", "scale")
    )
    queries = {name: facts[name]["queries"] for name in ("seed", "scale")}
    most_queries = {name: max(counts.values()) for name, counts in queries.items()}
    rows = [
        [
            body,
            milliseconds(by_body["seed"][body].median),
            milliseconds(by_body["seed"][body].p95),
            milliseconds(by_body["scale"][body].median),
            milliseconds(by_body["scale"][body].p95),
            ratio(by_body["scale"][body].median, by_body["seed"][body].median),
            f"{queries['seed'][body]} / {queries['scale'][body]}",
            f"{facts['scale']['bytes'][body] / 1000:,.0f} KB",
        ]
        for body in SEARCH_BODIES
    ]
    rows.append(
        [
            "**all bodies**",
            milliseconds(seed.median),
            milliseconds(seed.p95),
            milliseconds(scale.median),
            milliseconds(scale.p95),
            ratio(scale.median, seed.median),
            f"{most_queries['seed']} / {most_queries['scale']}",
            "",
        ]
    )
    section.tables.append(
        (
            [
                f"{engine}: body",
                "seed p50",
                "seed p95",
                "10k p50",
                "10k p95",
                "10k / seed, p50",
                "queries seed / 10k",
                "answer at 10k",
            ],
            rows,
        )
    )
    section.notes.append(
        f"{engine}: {seed.count} timed searches at seed scale, {scale.count} at 10k. The first "
        "search of each process (untimed above; median of the blocks): seed "
        f"{milliseconds(statistics.median(firsts['seed']))}, 10k "
        f"{milliseconds(statistics.median(firsts['scale']))}."
    )
    section.figures += [
        Figure(
            f"search p95 at 10k services x 380 areas ({engine})",
            milliseconds(scale.p95),
            "≤ 15 ms",
            scale.p95 <= TARGET_P95,
        ),
        Figure(f"search p50 at 10k services ({engine})", milliseconds(scale.median), "", None),
        Figure(
            f"search p95 at seed scale, 16 services ({engine})", milliseconds(seed.p95), "", None
        ),
        Figure(
            f"search time 10k / 16, p50 and p95 ({engine})",
            f"{ratio(scale.median, seed.median)} and {ratio(scale.p95, seed.p95)}",
            "≤ 3x",
            max(scale.median / seed.median, scale.p95 / seed.p95) <= TARGET_RATIO,
        ),
        Figure(
            f"SQL queries per search, seed / 10k, most of any body ({engine})",
            f"{most_queries['seed']} / {most_queries['scale']}",
            "the same at both scales",
            most_queries["seed"] == most_queries["scale"],
        ),
    ]


def _report_catalogue(section: Section, engine: str, catalogue: dict) -> None:
    rows = []
    for scale, label in (("seed", "seed scale, 16 services"), ("scale", "10k services")):
        figures = catalogue[scale]
        rows.append(
            [
                label,
                milliseconds(statistics.median(figures["rebuilds"])),
                milliseconds(max(figures["rebuilds"])),
                milliseconds(statistics.median(figures["after_edit"])),
                f"{max(figures['resident_mb']):.0f} MB",
            ]
        )
    section.tables.append(
        (
            [
                f"{engine}: catalogue",
                "rebuild, median",
                "rebuild, slowest",
                "first search after an edit, median",
                "resident per process",
            ],
            rows,
        )
    )
    scale = catalogue["scale"]
    rebuild = statistics.median(scale["rebuilds"])
    resident = max(scale["resident_mb"])
    section.figures += [
        Figure(
            f"catalogue rebuild at 10k services x 380 areas ({engine})",
            milliseconds(rebuild),
            f"≤ {milliseconds(TARGET_REBUILD)}",
            rebuild <= TARGET_REBUILD,
        ),
        Figure(
            f"first search after an edit at 10k services ({engine})",
            milliseconds(statistics.median(scale["after_edit"])),
            "",
            None,
        ),
        # A lone process shares nothing; what a served worker costs is benchmarks/memory.py's.
        Figure(
            f"resident memory of a lone process at 10k services, after searching ({engine})",
            f"{resident:.0f} MB",
            "",
            None,
        ),
    ]


def resident_mb() -> float:
    """This process's resident memory, as the kernel counts it (VmRSS)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def work() -> dict:
    """In the worker: time every body against the database named by DATABASE_URL."""
    setup_django()
    # Started as a server starts (gunicorn imports this): what start-up made is frozen there.
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import servicemap.wsgi  # noqa: F401
    from services.catalogue import current_catalogue, forget_catalogue
    from services.catalogue_version import mark_catalogue_stale

    client = Client()
    encoded = {name: json.dumps(body) for name, body in SEARCH_BODIES.items()}

    def search(name: str):
        response = client.post("/api/v1/search", encoded[name], content_type="application/json")
        if response.status_code != 200:
            raise RuntimeError(f"{name}: {response.status_code} {response.content[:300]!r}")
        return response

    names = list(encoded)
    started = time.perf_counter()
    search(names[0])
    first = time.perf_counter() - started
    # An untimed round: building the catalogue takes seconds at 10,000 services, long enough for
    # the area index's 5-second version check to fall due; it is made here, not counted below
    # as if every search made it.
    for name in names:
        search(name)
    timings = {name: [] for name in names}
    queries, sizes = {}, {}
    block_started = time.monotonic()
    for round_number in range(ROUNDS_PER_BLOCK):
        if round_number and time.monotonic() - block_started > SECONDS_PER_BLOCK:
            break
        # The first round also counts each body's queries: recording a handful of statements
        # costs microseconds, nothing beside a search.
        counting = round_number == 0
        for name in names:
            with CaptureQueriesContext(connection) if counting else nullcontext() as captured:
                request_started = time.perf_counter()
                response = search(name)
                timings[name].append(time.perf_counter() - request_started)
            if counting:
                queries[name] = len(captured)
                sizes[name] = len(response.content)
    rebuilds, after_edit = [], []
    for _ in range(REBUILDS):
        # As a process rebuilds after an edit: the old catalogue let go first.
        forget_catalogue()
        started = time.perf_counter()
        current_catalogue()
        rebuilds.append(time.perf_counter() - started)
    for _ in range(REBUILDS):
        mark_catalogue_stale()
        started = time.perf_counter()
        search(names[0])
        after_edit.append(time.perf_counter() - started)
    return {
        "timings": timings,
        "queries": queries,
        "bytes": sizes,
        "first": first,
        "rebuilds": rebuilds,
        "after_edit": after_edit,
        "resident_mb": resident_mb(),
    }


if __name__ == "__main__":
    worker_main(work, __doc__)
