"""The tests docs/SAFETY.md names as the proof of each hazard's control, read once for the hazard-log
test and for the run's own check (conftest.py) that every one of them ran and passed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "docs" / "SAFETY.md"
VIGNETTE_TEST = "tests/clinical/test_vignettes.py::test_vignette"


def hazards() -> list[list[str]]:
    rows = [line for line in LOG.read_text(encoding="utf-8").splitlines() if re.match(r"^\| H\d+ \|", line)]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]


def named_tests() -> dict[str, str]:
    """Each named test's node id (a vignette is its row of the parametrised vignette test), with the
    hazard that names it first."""
    named: dict[str, str] = {}
    for hazard, *_, tests in hazards():
        for path, name in re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", tests):
            named.setdefault(f"{path}::{name}", hazard)
        for vignette in re.findall(r"`vignette ([A-Z]\d\d)`", tests):
            named.setdefault(f"{VIGNETTE_TEST}[{vignette}]", hazard)
    return named


def not_passed(named: Mapping[str, str], outcomes: Mapping[str, Iterable[str]]) -> list[str]:
    """The named tests that did not run and pass: deselected (-k, --ignore, a path left out), skipped,
    xfailed or failed. `outcomes`: each node id run, with its reports' outcomes. A test named without
    its parameters counts when each of its parametrised cases passed."""
    problems = []
    for node, hazard in named.items():
        runs = {nodeid: set(results) for nodeid, results in outcomes.items() if nodeid == node or nodeid.startswith(node + "[")}
        if not runs:
            problems.append(f"{hazard}: {node} did not run")
        elif any(results - {"passed"} or "passed" not in results for results in runs.values()):
            problems.append(f"{hazard}: {node} did not pass ({', '.join(sorted(set().union(*runs.values())))})")
    return problems
