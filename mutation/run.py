"""`make mutation`: mutmut over the rule modules, then their scores into mutation/RESULTS.md.

Every run starts from a fresh copy of the code (mutmut otherwise keeps earlier verdicts), on the
in-memory SQLite test database. A survivor listed in mutation/equivalent.py changes nothing a
person or a caller could see: it is left out of the score and named, with the reason, in the
results.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from mutation.equivalent import EQUIVALENT

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = str(Path(sys.executable).with_name("mutmut"))
KEPT_BELOW = "## Earlier runs"
# mutmut's words for what happened to a mutant, and what each counts as here.
DETECTED = {"killed", "timeout", "segfault"}
MUTANT_NAME = re.compile(r"^(?P<module>[\w.]+?)\.x[_ǁ](?P<function>.+)__mutmut_\d+$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", type=Path, default=ROOT / "mutation" / "RESULTS.md")
    parser.add_argument("--title", default="Latest run")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="write the results of the run already in mutants/, without running mutmut",
    )
    arguments = parser.parse_args()

    environment = {
        **os.environ,
        # The test database is then SQLite in memory, copied into each mutant's run.
        "DATABASE_URL": "sqlite:///" + str(ROOT / "mutants" / "unused.sqlite3"),
        # Absolute: the tests run in mutants/, where make's relative ../shared/data is wrong.
        "SHARED_DATA": str(
            Path(os.environ.get("SHARED_DATA", ROOT.parent / "shared" / "data")).resolve()
        ),
    }
    load_before = os.getloadavg()
    started = time.monotonic()
    if not arguments.report_only:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
        run = subprocess.run([MUTMUT, "run"], cwd=ROOT, env=environment, check=False)  # noqa: S603
        if run.returncode:
            sys.exit(f"mutmut run failed ({run.returncode}): see its output above")
    seconds = time.monotonic() - started
    load_after = os.getloadavg()

    verdicts = mutant_verdicts(environment)
    survived = [name for name, verdict in verdicts.items() if verdict == "survived"]
    survivors = {name: diff_of(name, environment) for name in survived}
    equivalent = {name: why for name, diff in survivors.items() if (why := equivalence(name, diff))}
    report = render(
        arguments.title, verdicts, survivors, equivalent, seconds, (load_before, load_after)
    )
    write_keeping_earlier_runs(arguments.results, report)
    print(report)


def mutant_verdicts(environment: dict) -> dict[str, str]:
    listing = subprocess.run(  # noqa: S603
        [MUTMUT, "results", "--all", "true"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.strip().rsplit(": ", 1) for line in listing.splitlines() if ": " in line)


def diff_of(name: str, environment: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lines the mutant removes and adds, stripped."""
    shown = subprocess.run(  # noqa: S603
        [MUTMUT, "show", name], cwd=ROOT, env=environment, capture_output=True, text=True
    ).stdout.splitlines()
    removed = tuple(line[1:].strip() for line in shown if line[:1] == "-" and line[:3] != "---")
    added = tuple(line[1:].strip() for line in shown if line[:1] == "+" and line[:3] != "+++")
    return removed, added


def equivalence(name: str, diff: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    function = MUTANT_NAME.match(name)["function"].replace("ǁ", ".").strip(".")
    for known in EQUIVALENT:
        if known["function"] == function and (known["before"], known["after"]) == (
            " ".join(diff[0]),
            " ".join(diff[1]),
        ):
            return known["why"]
    return ""


def render(title, verdicts, survivors, equivalent, seconds, loads) -> str:
    by_module: dict[str, Counter] = {}
    for name, verdict in verdicts.items():
        module = MUTANT_NAME.match(name)["module"]
        counts = by_module.setdefault(module, Counter())
        counts["mutants"] += 1
        if verdict in DETECTED:
            counts["detected"] += 1
            counts["timed out"] += verdict == "timeout"
        elif name in equivalent:
            counts["equivalent"] += 1
        else:
            counts[verdict] += 1
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    took = f"{seconds / 60:.1f} min" if seconds > 1 else "a time not measured here"
    lines = [
        f"## {title}",
        "",
        f"{when}, at {commit or 'an unknown commit'}: {len(verdicts)} mutants in {took} on "
        f"{os.cpu_count()} cores, load average {loads[0][0]:.1f} at the start and "
        f"{loads[1][0]:.1f} at the end.",
        "",
        "Score: mutants detected (killed, or timed out) out of all but the equivalent ones.",
        "",
        "| Module | Mutants | Detected (timed out) | Survived | No test reached it | Equivalent "
        "| Score |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    if unchecked := sum(counts["not checked"] for counts in by_module.values()):
        lines[2] += f" The run stopped with {unchecked} mutants not yet tried: left out here."
    for module, counts in sorted(by_module.items()):
        judged = counts["mutants"] - counts["equivalent"] - counts["not checked"]
        score = f"{100 * counts['detected'] / judged:.1f} %" if judged else "not tried"
        lines.append(
            f"| {module} | {counts['mutants']} | {counts['detected']} ({counts['timed out']}) | "
            f"{counts['survived']} | {counts['no tests']} | {counts['equivalent']} | "
            f"{score} |"
        )
    lines += ["", "### Survivors", ""]
    lines += [
        f"- `{name}`: `{' / '.join(removed)}` → `{' / '.join(added)}`"
        for name, (removed, added) in sorted(survivors.items())
        if name not in equivalent
    ] or ["None."]
    lines += ["", "### Survivors judged equivalent", ""]
    lines += [f"- `{name}`: {why}" for name, why in sorted(equivalent.items())] or ["None."]
    return "\n".join(lines) + "\n"


def write_keeping_earlier_runs(path: Path, report: str) -> None:
    earlier = ""
    if path.exists() and KEPT_BELOW in (text := path.read_text()):
        earlier = text[text.index(KEPT_BELOW) :]
    header = (
        "# Mutation testing results\n\n"
        "Written by `make mutation` (mutation/README.md); the earlier runs below are kept by "
        "hand.\n\n"
    )
    path.write_text(header + report + ("\n" + earlier if earlier else ""))


if __name__ == "__main__":
    main()
