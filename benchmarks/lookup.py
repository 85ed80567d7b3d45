"""Point -> council area over the 380 Great Britain areas: geography.lookup's index against the
obvious alternative, testing every prepared polygon in turn.

All run in one worker process on the same random points, one lookup at a time, taking turns at
chunks of points so they share the machine's state; the ratios are taken within the run.
"""

import time

from benchmarks.common import (
    Figure,
    Run,
    Section,
    Stats,
    microseconds,
    ratio,
    run_worker,
    setup_django,
    worker_main,
)

POINTS = 20_000
PASSES = 3
CHUNK = 2_000
RANDOM_SEED = 6
# Great Britain's bounding box (longitude, latitude): Land's End to Lowestoft, Scilly to Shetland.
GREAT_BRITAIN_BOX = (-8.65, 49.86, 1.77, 60.86)
TARGET = 50e-6
SUBSETS = ("all points", "on land", "at sea")


def measure(run: Run) -> Section:
    scales, log = run.scales, run.log
    # The index is in-process shapely, the same whatever the database: one engine is enough.
    database = scales[0].scale
    log(f"  lookup on the {database.label} scale database")
    result = run_worker("lookup", database.url)
    section = Section(
        "Point to council area (380 Great Britain areas)",
        f"{POINTS:,} random points, uniform in Great Britain's bounding box "
        f"{GREAT_BRITAIN_BOX} (seed {RANDOM_SEED}), so many are at sea; each looked up "
        f"{PASSES} times by each method, one call at a time, timed with perf_counter_ns; the "
        f"methods take turns at chunks of {CHUNK:,} points. `AreaIndex.find` is "
        "geography.lookup's STRtree of prepared boundaries, warm (built before timing, as a "
        "server process holds it), including its coast tolerance for points just off the "
        "coast. The baselines (written here) test every prepared polygon for the point and "
        "take the first match: in a Python loop, one `intersects` call a polygon, and in one "
        "vectorised `shapely.intersects` call over all 380. At sea the index adds its coast "
        "tolerance (a nearest-area query); the baselines have none. Ratios are baseline p50 / "
        "index p50. A point is *on land* when some polygon contains it.",
    )
    rows = []
    for subset in SUBSETS:
        index, at_once, in_turn = (
            Stats.of(result[subset][method]) for method in ("index", "at once", "in turn")
        )
        rows.append(
            [
                subset,
                str(index.count),
                f"{microseconds(index.median)} / {microseconds(index.p95)}",
                f"{microseconds(at_once.median)} / {microseconds(at_once.p95)}",
                f"{microseconds(in_turn.median)} / {microseconds(in_turn.p95)}",
                f"{ratio(at_once.median, index.median)} / {ratio(in_turn.median, index.median)}",
            ]
        )
    section.tables.append(
        (
            [
                "points",
                "lookups each",
                "index p50 / p95",
                "every polygon, one call: p50 / p95",
                "every polygon, loop: p50 / p95",
                "p50 vs index: one call / loop",
            ],
            rows,
        )
    )
    index, at_once, in_turn = (
        Stats.of(result["all points"][method]) for method in ("index", "at once", "in turn")
    )
    section.notes += [
        f"Building the index from the database (load_index, once per process): "
        f"{result['build_seconds']:.2f} s.",
        f"On land, the two disagreed about {result['disagreements']} of "
        f"{len(result['on land']['index'])} lookups (a point on a shared edge may go either way).",
    ]
    section.figures += [
        Figure(
            "point -> area, one lookup, p50 (index)",
            microseconds(index.median),
            "≤ 50 µs",
            index.median <= TARGET,
        ),
        Figure("point -> area, one lookup, p95 (index)", microseconds(index.p95), "", None),
        Figure(
            "point -> area, every prepared polygon in turn (Python loop), p50",
            f"{microseconds(in_turn.median)} ({ratio(in_turn.median, index.median)} the index)",
            "slower than the index",
            in_turn.median > index.median,
        ),
        # For comparison only: the baseline is testing the polygons in turn. At 380
        # areas GEOS's own loop over prepared polygons, which checks each bounding box first, is
        # as quick as the tree; the tree is kept because it does not grow with the areas and
        # carries the coast tolerance.
        Figure(
            "point -> area, every prepared polygon in one shapely call, p50 (for comparison)",
            f"{microseconds(at_once.median)} ({ratio(at_once.median, index.median)} the index)",
            "",
            None,
        ),
    ]
    return section


def work() -> dict:
    """In the worker: time both methods on the areas of the database named by DATABASE_URL."""
    setup_django()
    import numpy
    import shapely

    from geography.lookup import load_index

    started = time.perf_counter()
    index = load_index()
    build_seconds = time.perf_counter() - started
    geometries = index.tree.geometries

    def every_polygon_at_once(lon: float, lat: float):
        matches = numpy.flatnonzero(shapely.intersects(geometries, shapely.Point(lon, lat)))
        return index.areas[matches[0]] if len(matches) else None

    def every_polygon_in_turn(lon: float, lat: float):
        point = shapely.Point(lon, lat)
        for area, geometry in zip(index.areas, geometries, strict=True):
            if geometry.intersects(point):
                return area
        return None

    methods = {
        "index": index.find,
        "at once": every_polygon_at_once,
        "in turn": every_polygon_in_turn,
    }
    west, south, east, north = GREAT_BRITAIN_BOX
    random = numpy.random.default_rng(RANDOM_SEED)
    points = list(
        zip(
            random.uniform(west, east, POINTS).tolist(),
            random.uniform(south, north, POINTS).tolist(),
            strict=True,
        )
    )
    land = [every_polygon_at_once(lon, lat) is not None for lon, lat in points]
    timings = {subset: {name: [] for name in methods} for subset in SUBSETS}
    clock = time.perf_counter_ns
    order = list(methods.items())
    for pass_number in range(PASSES):
        for chunk, start in enumerate(range(0, POINTS, CHUNK)):
            # Each method takes its turn at a chunk of points, so each runs in its steady state
            # rather than in the caches another left; the turns rotate so each goes first
            # equally often.
            shift = (chunk + pass_number) % len(order)
            for name, method in order[shift:] + order[:shift]:
                chunk_points = points[start : start + CHUNK]
                for (lon, lat), on_land in zip(chunk_points, land[start:], strict=False):
                    started = clock()
                    method(lon, lat)
                    seconds = (clock() - started) / 1e9
                    timings["all points"][name].append(seconds)
                    timings["on land" if on_land else "at sea"][name].append(seconds)
    disagreements = sum(
        1
        for (lon, lat), on_land in zip(points, land, strict=True)
        if on_land and index.find(lon, lat) != every_polygon_at_once(lon, lat)
    )
    return {**timings, "build_seconds": build_seconds, "disagreements": disagreements}


if __name__ == "__main__":
    worker_main(work, __doc__)
