"""Run the benchmarks and write benchmarks/RESULTS.md (``make bench``).

    python -m benchmarks.run                         # every figure, SQLite and PostgreSQL
    python -m benchmarks.run --only search,lookup    # some of them
    python -m benchmarks.run --output /tmp/results.md --postgres-prefix bench_other_

The methods are in benchmarks/README.md and, with every figure, in the file written.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from benchmarks import imports, lookup, memory, page_weight, search, throughput
from benchmarks.common import (
    ROOT,
    PostgreSQL,
    Run,
    Section,
    load_average,
    machine_rows,
    markdown_table,
    prepare_databases,
)

FIGURES = {
    "search": search.measure,
    "lookup": lookup.measure,
    "throughput": throughput.measure,
    "memory": memory.measure,
    "page-weight": page_weight.measure,
    "imports": imports.measure,
}
# Figures measured on the seed-scale and scale databases (imports make databases of their own).
NEED_DATABASES = {"search", "lookup", "throughput", "memory", "page-weight"}
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432"


def main() -> None:
    arguments = _parser().parse_args()
    chosen = arguments.only.split(",") if arguments.only else list(FIGURES)
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown:
        sys.exit(f"unknown figure {unknown[0]!r}; choose from {', '.join(FIGURES)}")
    started = time.monotonic()
    load_at_start = load_average()
    postgres = None
    if not arguments.no_postgres:
        postgres = PostgreSQL(arguments.postgres, arguments.postgres_prefix)
        if not postgres.available():
            _log(f"PostgreSQL at {arguments.postgres} does not answer: measuring SQLite only")
            postgres = None
    scales = []
    if NEED_DATABASES & set(chosen):
        _log("Building the benchmark databases")
        scales = prepare_databases(postgres, arguments.reuse_databases, _log)
    run = Run(scales, postgres, _log)
    sections = []
    for name in chosen:
        _log(f"Measuring {name}")
        load_before = load_average()
        section = FIGURES[name](run)
        section.load_before, section.load_after = load_before, load_average()
        sections.append(section)
    output = Path(arguments.output)
    output.write_text(_report(sections, postgres, arguments.note, load_at_start, load_average()))
    _log(f"Wrote {output} in {(time.monotonic() - started) / 60:.0f} min")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    parser.add_argument("--only", help=f"comma-separated figures: {', '.join(FIGURES)}")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
        help="the PostgreSQL server (no database name); default BENCH_POSTGRES_URL or "
        f"{DEFAULT_POSTGRES}",
    )
    parser.add_argument(
        "--postgres-prefix",
        default="bench_",
        help="names of the databases this creates and drops (default bench_: bench_seed, …)",
    )
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument("--note", default="", help="a sentence for the top of the results")
    parser.add_argument(
        "--reuse-databases",
        action="store_true",
        help="use the databases a previous run built (same code only) instead of rebuilding them",
    )
    return parser


def _report(
    sections: list[Section],
    postgres: PostgreSQL | None,
    note: str,
    load_at_start: tuple[float, ...],
    load_at_end: tuple[float, ...],
) -> str:
    summary = [
        [figure.name, figure.measured, figure.target or "", _verdict(figure.met)]
        for section in sections
        for figure in section.figures
    ]
    parts = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m benchmarks.run`); how each figure is measured is "
        "said with it below and in benchmarks/README.md. Timings are medians and 95th "
        "percentiles over repeated runs, ratios are taken within one run, and nothing here is "
        "an assertion of the test suite. Targets are issue 6's.",
        "",
        *([note, ""] if note else []),
        "## Machine",
        "",
        markdown_table(["", ""], machine_rows(postgres)),
        "",
        f"Load average (1, 5, 15 min) at the start: {', '.join(map(str, load_at_start))}; at "
        f"the end: {', '.join(map(str, load_at_end))}. The machine's 2 cores are shared with "
        "other work, so a figure measured while the load was high is slower than the code.",
        "",
        "## Summary",
        "",
        markdown_table(["figure", "measured", "target", "met"], summary),
        "",
    ]
    parts += [section.markdown() for section in sections]
    return "\n".join(parts)


def _verdict(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: ""}[met]


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
