"""docs/SAFETY.md: every hazard names at least one test, and every test or vignette it names exists."""

import csv
import re

from tests.safety_names import ROOT, hazards, named_tests, not_passed

VIGNETTES = {row["id"] for row in csv.DictReader((ROOT / "tests" / "clinical" / "vignettes.csv").open(encoding="utf-8"))}


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


def test_a_named_test_that_was_deselected_skipped_or_xfailed_fails_the_run():
    """conftest.py checks, under `make test` and CI, that every test the log names ran and passed."""
    named = {
        "tests/a.py::test_one": "H01",
        "tests/clinical/test_vignettes.py::test_vignette[X01]": "H68",
        "tests/b.py::test_p": "H02",
    }
    ran = {
        "tests/a.py::test_one": ["passed"],
        "tests/clinical/test_vignettes.py::test_vignette[X01]": ["passed"],
        "tests/b.py::test_p[1]": ["passed"],
        "tests/b.py::test_p[2]": ["passed"],
    }
    assert not_passed(named, ran) == []
    deselected = {k: v for k, v in ran.items() if k != "tests/a.py::test_one"}
    assert not_passed(named, deselected) == ["H01: tests/a.py::test_one did not run"]
    assert not_passed(named, {**ran, "tests/b.py::test_p[2]": ["skipped"]}) == [
        "H02: tests/b.py::test_p did not pass (passed, skipped)"
    ]
    assert not_passed(named, {**ran, "tests/a.py::test_one": ["xfailed"]}) == ["H01: tests/a.py::test_one did not pass (xfailed)"]
    assert len(named_tests()) >= 100  # the real log names well over a hundred tests and vignettes
