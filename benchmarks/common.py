"""What every benchmark shares: statistics, the report's pieces, the benchmark databases, running
Django in a child process, gunicorn, and a description of the machine.

The runner itself never imports Django: each figure runs the app in child processes whose
environment names the database, so one run can measure several databases side by side, and the
code measured is always the checkout these files sit in.
"""

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# SQLite files, collected static files and logs: never the developer's db.sqlite3.
DATA = ROOT / "benchmarks" / ".data"
SHARED_DATA = Path(os.environ.get("SHARED_DATA") or ROOT.parent / "shared" / "data").resolve()
SCOTLAND_BOUNDARIES = SHARED_DATA / "boundaries" / "sco-topo_lad.json"
GREAT_BRITAIN_BOUNDARIES = SHARED_DATA / "boundaries" / "gb-topo_lad.json"
SCALE_SERVICES = 10_000
# A setting for the child processes only: it never leaves this machine.
SECRET_KEY = "benchmarks-only-not-a-secret"

# What the finder's visitors send, one of each kind the search handles: a council area, a point
# (a tap on the map, a phone's location), a person with no place, remote help only, the
# caseworkers' view with ineligible services shown, and kinds of help.
SEARCH_BODIES: dict[str, dict[str, Any]] = {
    "area": {"area": "S12000036"},
    "area + person": {"area": "S12000049", "age": 25, "gender": "woman", "trans": False},
    "point + person": {
        "lon": -2.1,
        "lat": 57.15,
        "age": 19,
        "gender": "man",
        "involvement": "current",
    },
    "rural point": {"lon": -4.22, "lat": 57.48},
    "person only": {"age": 17, "gender": "non_binary"},
    "remote only": {"remote_only": True, "age": 30, "gender": "woman"},
    "caseworker view (all verdicts)": {
        "area": "S12000036",
        "age": 40,
        "gender": "man",
        "include_not_eligible": True,
    },
    "area + needs": {
        "area": "S12000033",
        "needs": ["sexual_health", "drugs_alcohol"],
        "trafficked": True,
    },
}


# Statistics -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    count: int
    median: float
    p95: float

    @classmethod
    def of(cls, samples: list[float]) -> "Stats":
        ordered = sorted(samples)
        # Nearest-rank 95th percentile: a value that was measured, never an interpolation.
        rank = max(1, -(-95 * len(ordered) // 100))
        return cls(len(ordered), statistics.median(ordered), ordered[rank - 1])


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def microseconds(seconds: float) -> str:
    return f"{seconds * 1_000_000:.1f} µs"


def kilobytes(size: int) -> str:
    return f"{size / 1000:.1f} KB"


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.1f}x" if denominator else "n/a"


# The report -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One line of the summary: a figure issue 6 sets a target for."""

    name: str
    measured: str
    target: str
    met: bool | None  # None: no target, or not measured


@dataclass
class Section:
    title: str
    method: str
    tables: list[tuple[list[str], list[list[str]]]] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    load_before: tuple[float, ...] = ()
    load_after: tuple[float, ...] = ()

    def markdown(self) -> str:
        lines = [f"## {self.title}", "", self.method, ""]
        if self.load_before:
            lines += [
                f"Load average (1, 5, 15 min) before: {_load_text(self.load_before)}; "
                f"after: {_load_text(self.load_after)}.",
                "",
            ]
        for header, rows in self.tables:
            lines += [markdown_table(header, rows), ""]
        lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines).rstrip() + "\n"


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def load_average() -> tuple[float, ...]:
    return tuple(round(value, 2) for value in os.getloadavg())


def _load_text(load: tuple[float, ...]) -> str:
    return ", ".join(f"{value:.2f}" for value in load)


# Child processes running the app ----------------------------------------------------------------


def app_environment(database_url: str) -> dict[str, str]:
    """Production's settings (DEBUG off, hashed static files) on a benchmark database."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        # Loopback has no TLS in front of it; production's redirect to HTTPS would answer every
        # request with a 301.
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(DATA / "static"),
        "SHARED_DATA": str(SHARED_DATA),
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "servicemap.settings",
    }


def manage(database_url: str, *arguments: str) -> str:
    """Run a management command of this checkout; its output, or an error naming the command."""
    completed = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=app_environment(database_url),
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(arguments)} failed:\n{completed.stderr}")
    return completed.stdout


def run_worker(module: str, database_url: str, *arguments: str) -> Any:
    """Run ``python -m benchmarks.MODULE --worker ...`` against a database; the JSON it prints."""
    completed = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", "--worker", *arguments],
        cwd=ROOT,
        env=app_environment(database_url),
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"benchmarks.{module} worker failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def setup_django() -> None:
    """For a worker: Django configured from the environment its parent gave it."""
    import django

    django.setup()


# The benchmark databases ------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What every figure is given: the databases to measure, and where to say what it does."""

    scales: list["Scales"]
    postgres: "PostgreSQL | None"
    log: Callable[[str], None]


@dataclass(frozen=True)
class Database:
    label: str  # e.g. "SQLite" or "PostgreSQL"
    url: str


@dataclass(frozen=True)
class Scales:
    """The same engine at seed scale and at scale, so ratios compare like with like."""

    engine: str
    seed: Database
    scale: Database


class PostgreSQL:
    """Creates and drops the benchmarks' own databases on a PostgreSQL server (never others)."""

    def __init__(self, server_url: str, prefix: str):
        if not prefix.startswith("bench_"):
            raise ValueError("benchmark databases are named bench_*")
        self.server_url = server_url.rstrip("/")
        self.prefix = prefix

    def url(self, name: str) -> str:
        return f"{self.server_url}/{self.prefix}{name}"

    def available(self) -> bool:
        import psycopg

        try:
            self._execute("SELECT 1")
        except psycopg.OperationalError:
            return False
        return True

    def version(self) -> str:
        return self._execute("SHOW server_version")[0][0]

    def recreate(self, name: str, template: str | None = None) -> str:
        database = f"{self.prefix}{name}"
        self._execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        from_template = f' TEMPLATE "{self.prefix}{template}"' if template else ""
        self._execute(f'CREATE DATABASE "{database}"{from_template}')
        return self.url(name)

    def analyse(self, name: str) -> None:
        """Gathers the planner's statistics of a database just filled, as autovacuum would soon
        after in production. Without them (autovacuum is off on some machines here) PostgreSQL
        took the 10,000 services for one row and joined them in a nested loop: seconds a query."""
        import psycopg

        with psycopg.connect(self.url(name), autocommit=True) as connection:
            connection.execute("ANALYZE")

    def drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.prefix}{name}" WITH (FORCE)')

    def _execute(self, statement: str) -> list[tuple]:
        import psycopg

        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchall() if cursor.description else []


def sqlite_url(name: str) -> str:
    return f"sqlite:///{DATA / f'{name}.sqlite3'}"


def fresh_sqlite(name: str) -> str:
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / f"{name}.sqlite3").unlink(missing_ok=True)
    return sqlite_url(name)


def build_seed_database(url: str) -> None:
    """The real thing: the 32 Scottish council areas and the 16 services."""
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "import_boundaries", str(SCOTLAND_BOUNDARIES), "-v0")
    manage(url, "load_services", "-v0")


def build_scale_database(url: str) -> None:
    """The UK-wide scale test: 380 Great Britain areas and 10,000 synthetic services."""
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "import_boundaries", str(GREAT_BRITAIN_BOUNDARIES), "-v0")
    manage(url, "generate_scale_data", "--services", str(SCALE_SERVICES), "-v0")


def prepare_databases(
    postgres: PostgreSQL | None, reuse: bool, log: Callable[[str], None]
) -> list[Scales]:
    """Seed-scale and scale databases for SQLite and, when its server answers, PostgreSQL."""
    scales = []
    engines = [("SQLite", fresh_sqlite, sqlite_url)]
    if postgres is not None:
        engines.append(("PostgreSQL", postgres.recreate, postgres.url))
    for engine, create, existing in engines:
        databases = []
        for name, build in (("seed", build_seed_database), ("scale", build_scale_database)):
            if reuse:
                databases.append(Database(engine, existing(name)))
                continue
            started = time.monotonic()
            url = create(name)
            build(url)
            if postgres is not None and engine == "PostgreSQL":
                postgres.analyse(name)
            log(f"  built {engine} {name} database in {time.monotonic() - started:.0f} s")
            databases.append(Database(engine, url))
        scales.append(Scales(engine, *databases))
    return scales


# gunicorn ----------------------------------------------------------------------------------------


def workers_for_cores() -> int:
    """gunicorn's documented starting point: (2 x cores) + 1 sync workers."""
    return 2 * (os.cpu_count() or 1) + 1


def collect_static(database_url: str) -> None:
    """Production's hashed, compressed static files, as WhiteNoise serves them."""
    shutil.rmtree(DATA / "static", ignore_errors=True)
    manage(database_url, "collectstatic", "--noinput", "-v0")


@dataclass(frozen=True)
class Served:
    """gunicorn serving: where, and its master process (whose children are the workers)."""

    url: str
    pid: int

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        return [int(pid) for pid in children]


@contextmanager
def gunicorn(database_url: str, workers: int) -> Iterator[Served]:
    """The app under gunicorn with our gunicorn.conf.py on a free loopback port; always stopped.

    Pages name production's hashed static files, so they are collected first: without them
    gunicorn cannot answer a page at all.
    """
    collect_static(database_url)
    port = _free_port()
    DATA.mkdir(parents=True, exist_ok=True)
    with (DATA / "gunicorn.log").open("w") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "servicemap.wsgi",
                "--config",
                "gunicorn.conf.py",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=app_environment(database_url),
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            _wait_until_serving(server, base_url)
            yield Served(base_url, server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(server: subprocess.Popen, base_url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped; see {DATA / 'gunicorn.log'}")
        try:
            with urllib.request.urlopen(f"{base_url}/about/", timeout=30) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet, or a worker still starting
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s")


def ensure_debian_package(command: str, package: str) -> str | None:
    """The path of ``command``, installing Debian's ``package`` first when missing (as root);
    None when it cannot be had."""
    if shutil.which(command):
        return shutil.which(command)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        quiet = {"capture_output": True, "check": False}
        subprocess.run(["apt-get", "update", "-qq"], **quiet)
        subprocess.run(["apt-get", "install", "-y", "-qq", package], **quiet)
    return shutil.which(command)


# The machine -----------------------------------------------------------------------------------


def machine_rows(postgres: PostgreSQL | None) -> list[list[str]]:
    import sqlite3

    versions = _package_versions("django", "shapely", "gunicorn", "playwright", "psycopg")
    cpu = _cpu_model()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    commit = _git("rev-parse", "--short", "HEAD")
    changed = bool(_git("status", "--porcelain", "--untracked-files=no"))
    return [
        ["date (UTC)", datetime.now(UTC).strftime("%Y-%m-%d %H:%M")],
        ["code", f"{ROOT} at {commit}" + (" with uncommitted changes" if changed else "")],
        ["CPU", f"{cpu}, {os.cpu_count()} cores"],
        ["memory", f"{memory:.0f} GiB"],
        ["OS", platform.platform()],
        ["Python", platform.python_version()],
        ["Django", versions["django"]],
        ["SQLite", sqlite3.sqlite_version],
        ["PostgreSQL", postgres.version() if postgres else "not reachable: not measured"],
        ["shapely", versions["shapely"]],
        ["gunicorn", versions["gunicorn"]],
        ["Playwright", versions["playwright"]],
        ["psycopg", versions["psycopg"]],
    ]


def _package_versions(*names: str) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _git(*arguments: str) -> str:
    completed = subprocess.run(
        ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return completed.stdout.strip() if completed.returncode == 0 else "unknown"


def worker_main(work: Callable[[], Any], purpose: str) -> None:
    """A figure's child process (``python -m benchmarks.MODULE --worker``): its results as JSON."""
    parser = argparse.ArgumentParser(description=purpose)
    parser.add_argument(
        "--worker", action="store_true", required=True, help="run by benchmarks.run"
    )
    parser.parse_args()
    print(json.dumps(work()))
