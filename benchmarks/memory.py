"""Memory: what each gunicorn worker holds at 10,000 services, as production runs it.

gunicorn runs with our gunicorn.conf.py (the app loaded once in the master, workers forked from
it) and (2 x cores) + 1 sync workers on the scale database. wrk POSTs the search bodies until every
worker has built its catalogue and kept the cards it lists; then an edit marks the catalogue stale
and a second load makes every worker rebuild it, as after an admin's save. Each process's memory is
then read from the kernel (/proc/<pid>/smaps_rollup):

- resident (Rss): every page the process has in memory, counting each page it shares with the
  master and the other workers in full, in every process;
- proportional (Pss): each shared page divided among the processes that share it: what the worker
  costs the machine, such that the processes' figures add up to the memory used;
- own (Private_Clean + Private_Dirty): pages no other process has: what stopping the worker frees.
"""

from pathlib import Path

from benchmarks.common import (
    Figure,
    Run,
    Section,
    gunicorn,
    manage,
    workers_for_cores,
)
from benchmarks.throughput import run_wrk, search_bodies_file, wrk_or_say_why_not

LOAD_SECONDS = 20
TARGET_MB = 150
MARK_STALE = "from services.catalogue_version import mark_catalogue_stale; mark_catalogue_stale()"


def measure(run: Run) -> Section:
    scales, log = run.scales, run.log
    workers = workers_for_cores()
    section = Section(
        "Memory: each gunicorn worker at 10,000 services",
        f"gunicorn with {workers} sync workers and gunicorn.conf.py (preload_app: the app loaded "
        "in the master, the workers forked from it) on the scale database (10,000 services over "
        f"380 areas). wrk POSTs the search bodies for {LOAD_SECONDS} s; an edit marks the "
        f"catalogue stale; wrk again for {LOAD_SECONDS} s, so that every worker has rebuilt its "
        "catalogue and listed services. Then each process's memory from /proc/<pid>/smaps_rollup: "
        "resident (Rss, shared pages counted in full in each process), proportional (Pss, each "
        "shared page divided among the processes sharing it: what a worker costs the machine) "
        "and own (private pages: what stopping the worker frees). A worker's figure is the "
        "largest of the workers'.",
    )
    wrk = wrk_or_say_why_not(section)
    if wrk is None:
        return section
    bodies = search_bodies_file()
    rows = []
    for engine in scales:
        log(f"  memory {engine.engine}")
        with gunicorn(engine.scale.url, workers) as server:
            run_wrk(wrk, server.url, bodies, LOAD_SECONDS)
            manage(engine.scale.url, "shell", "--command", MARK_STALE)
            run_wrk(wrk, server.url, bodies, LOAD_SECONDS)
            master = memory_mb(server.pid)
            each = [memory_mb(pid) for pid in server.worker_pids()]
        worker = {name: max(figures[name] for figures in each) for name in master}
        total = master["Pss"] + sum(figures["Pss"] for figures in each)
        rows += [
            [engine.engine, "master", *(f"{master[name]:.0f} MB" for name in master)],
            [
                engine.engine,
                f"worker, largest of {len(each)}",
                *(f"{worker[name]:.0f} MB" for name in worker),
            ],
        ]
        section.notes.append(
            f"{engine.engine}: master and {len(each)} workers use {total:.0f} MB in all (the sum "
            f"of their Pss), {total / len(each):.0f} MB a worker with the master's share."
        )
        section.figures += [
            Figure(
                f"memory each gunicorn worker costs at 10k services, Pss ({engine.engine})",
                f"{worker['Pss']:.0f} MB",
                f"≤ {TARGET_MB} MB",
                worker["Pss"] <= TARGET_MB,
            ),
            Figure(
                f"resident memory of a gunicorn worker at 10k, shared pages in full "
                f"({engine.engine})",
                f"{worker['Rss']:.0f} MB",
                "",
                None,
            ),
        ]
    section.tables.append((["database", "process", "resident (Rss)", "Pss", "own"], rows))
    return section


def memory_mb(pid: int) -> dict[str, float]:
    """A process's resident, proportional and private memory, in MB."""
    kilobytes = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        kilobytes[name.rstrip(":")] = int(value)
    return {
        "Rss": kilobytes["Rss"] / 1024,
        "Pss": kilobytes["Pss"] / 1024,
        "own": (kilobytes["Private_Clean"] + kilobytes["Private_Dirty"]) / 1024,
    }
