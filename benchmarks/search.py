"""Search: server time of ``POST /api/v1/search`` at seed scale and at 10,000 services.

A worker process per database times each request body through Django's test client (the whole
stack: middleware, validation, search, serialising; no network). The parent alternates short
blocks on the seed-scale and the scale database, so both see the same machine load, and pools
the samples of every block: the 10k/16 ratio is then taken within one run.
"""

import argparse
import json
import time

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
)

BLOCKS = 3
# Per block and database: every body this many times, unless the time budget runs out first
# (before the speed work a search at 10,000 services took seconds).
ROUNDS_PER_BLOCK = 60
SECONDS_PER_BLOCK = 60.0
MINIMUM_ROUNDS = 2
TARGET_P95 = 0.015
TARGET_RATIO = 3.0


def measure(run: Run) -> Section:
    scales, log = run.scales, run.log
    section = Section(
        "Search: POST /api/v1/search",
        "Server time through Django's test client (middleware, validation, search, JSON), "
        f"production settings (DEBUG off), for {len(SEARCH_BODIES)} request bodies: "
        f"{', '.join(SEARCH_BODIES)} (bodies in benchmarks/common.py). Seed scale is the real 16 "
        f"services over the 32 Scottish areas; scale is {SCALE_SERVICES:,} synthetic services "
        "(`generate_scale_data`, default seed) over the 380 Great Britain areas; each in its own "
        f"database. {BLOCKS} blocks alternate seed and scale; in each block a fresh process "
        f"sends each body once per round, up to {ROUNDS_PER_BLOCK} rounds or "
        f"{SECONDS_PER_BLOCK:.0f} s (at least {MINIMUM_ROUNDS}), after one untimed request per "
        "body. p50 and p95 are over all timed searches pooled; the ratio is scale/seed of the "
        "same statistic from the same run. Queries: SQL statements of one warm request per body "
        "(highest of the bodies), counted with CaptureQueriesContext.",
    )
    for engine in scales:
        samples = {"seed": {}, "scale": {}}
        facts = {}
        for block in range(BLOCKS):
            for scale, database in (("seed", engine.seed), ("scale", engine.scale)):
                log(f"  search {engine.engine} {scale}, block {block + 1}/{BLOCKS}")
                result = run_worker("search", database.url)
                for body, timings in result["timings"].items():
                    samples[scale].setdefault(body, []).extend(timings)
                facts.setdefault(scale, result)
        _report(section, engine.engine, samples, facts)
    return section


def _report(section: Section, engine: str, samples: dict, facts: dict) -> None:
    pooled = {
        scale: Stats.of([value for timings in by_body.values() for value in timings])
        for scale, by_body in samples.items()
    }
    seed, scale = pooled["seed"], pooled["scale"]
    queries = {name: max(facts[name]["queries"].values()) for name in pooled}
    section.tables.append(
        (
            [
                f"{engine}: body",
                "seed p50",
                "seed p95",
                "10k p50",
                "10k p95",
                "ratio p50",
                "queries seed / 10k",
                "response 10k",
            ],
            [
                [
                    body,
                    milliseconds(Stats.of(samples["seed"][body]).median),
                    milliseconds(Stats.of(samples["seed"][body]).p95),
                    milliseconds(Stats.of(samples["scale"][body]).median),
                    milliseconds(Stats.of(samples["scale"][body]).p95),
                    ratio(
                        Stats.of(samples["scale"][body]).median,
                        Stats.of(samples["seed"][body]).median,
                    ),
                    f"{facts['seed']['queries'][body]} / {facts['scale']['queries'][body]}",
                    f"{facts['scale']['bytes'][body] / 1000:,.0f} KB",
                ]
                for body in SEARCH_BODIES
            ]
            + [
                [
                    "**all bodies**",
                    milliseconds(seed.median),
                    milliseconds(seed.p95),
                    milliseconds(scale.median),
                    milliseconds(scale.p95),
                    ratio(scale.median, seed.median),
                    f"{queries['seed']} / {queries['scale']}",
                    "",
                ]
            ],
        )
    )
    section.notes.append(
        f"{engine}: {seed.count} timed searches at seed scale, {scale.count} at 10k; first "
        f"search after a process starts (untimed above): seed "
        f"{milliseconds(facts['seed']['first'])}, 10k {milliseconds(facts['scale']['first'])}."
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
            f"SQL queries per search, seed / 10k ({engine})",
            f"{queries['seed']} / {queries['scale']}",
            "the same at both scales",
            queries["seed"] == queries["scale"],
        ),
    ]


def work() -> dict:
    """In the worker: time every body against the database named by DATABASE_URL."""
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

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
    for name in names[1:]:
        search(name)
    timings = {name: [] for name in encoded}
    block_started = time.monotonic()
    for round_number in range(ROUNDS_PER_BLOCK):
        out_of_time = time.monotonic() - block_started > SECONDS_PER_BLOCK
        if round_number >= MINIMUM_ROUNDS and out_of_time:
            break
        for name in encoded:
            request_started = time.perf_counter()
            search(name)
            timings[name].append(time.perf_counter() - request_started)
    queries, sizes = {}, {}
    for name in encoded:
        with CaptureQueriesContext(connection) as captured:
            response = search(name)
        queries[name] = len(captured)
        sizes[name] = len(response.content)
    return {"timings": timings, "queries": queries, "bytes": sizes, "first": first}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--worker", action="store_true", required=True, help="run by benchmarks.run: time searches"
    )
    parser.parse_args()
    print(json.dumps(work()))


if __name__ == "__main__":
    main()
