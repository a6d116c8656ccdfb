"""docs/SAFETY.md: every hazard names at least one test, and every test or vignette it names exists."""

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "docs" / "SAFETY.md"
VIGNETTES = {row["id"] for row in csv.DictReader((ROOT / "tests" / "clinical" / "vignettes.csv").open(encoding="utf-8"))}


def hazards() -> list[list[str]]:
    rows = [line for line in LOG.read_text(encoding="utf-8").splitlines() if re.match(r"^\| H\d+ \|", line)]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]


def test_the_log_has_a_hazard_for_each_point_of_the_safety_work():
    found = hazards()
    assert len(found) >= 30
    for cells in found:
        assert len(cells) == 6, cells
        assert cells[3] in ("catastrophic", "major", "considerable", "minor"), cells


def test_every_hazard_names_tests_that_exist():
    for hazard, *_, tests in hazards():
        named = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", tests)
        vignettes = re.findall(r"`vignette ([A-Z]\d\d)`", tests)
        assert named or vignettes, f"{hazard} names no test"
        for path, name in named:
            source = (ROOT / path).read_text(encoding="utf-8")
            assert re.search(rf"^def {name}\(", source, re.MULTILINE), f"{hazard}: {path}::{name} does not exist"
        for vignette in vignettes:
            assert vignette in VIGNETTES, f"{hazard}: vignette {vignette} does not exist"
