"""Shared fixtures: caches are global across AppTests in one process, so clear them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import streamlit as st

from benchmarks.browser import browser_tests_required
from tests.safety_names import named_tests, not_passed


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def _is_browser_test(report: pytest.TestReport) -> bool:
    return report.nodeid.startswith("tests/e2e/")


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Say how many browser tests ran, so a run where they vanished cannot pass unnoticed."""
    counts = {
        outcome: sum(1 for r in terminalreporter.stats.get(outcome, []) if getattr(r, "nodeid", "") and _is_browser_test(r))
        for outcome in ("passed", "failed", "error", "skipped")
    }
    ran = counts["passed"] + counts["failed"]
    terminalreporter.write_line(
        f"Browser tests: {ran} ran ({counts['passed']} passed, {counts['failed']} failed), "
        f"{counts['skipped']} skipped, {counts['error']} errors."
    )


# Each test's outcomes in this run (setup, call and teardown reports; "skipped" for a skip or an xfail).
OUTCOMES: dict[str, list[str]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or report.outcome != "passed":
        OUTCOMES.setdefault(report.nodeid, []).append("xfailed" if hasattr(report, "wasxfail") else report.outcome)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under `make test` or CI a skipped browser test fails the run: it would otherwise look green. So does
    a test docs/SAFETY.md names as a hazard's proof that did not run and pass (deselected, skipped,
    xfailed): a hazard's control is proven only by a test that ran."""
    if not browser_tests_required():
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = [r.nodeid for r in (reporter.stats.get("skipped", []) if reporter else []) if _is_browser_test(r)]
    if skipped:
        reporter.write_line(f"Browser tests are required here, but {len(skipped)} were skipped: {skipped[:5]}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    # Checked whenever the hazard log's own test ran (a whole run, or one that deselected or skipped
    # some tests), not for a file run on its own nor for mutmut's runs of a few tests.
    log_ran = any(node.startswith("tests/test_safety_log.py::") for node in OUTCOMES)
    missing = not_passed(named_tests(), OUTCOMES) if log_ran and "MUTANT_UNDER_TEST" not in os.environ else []
    if missing and reporter:
        reporter.write_line(f"{len(missing)} tests the hazard log names did not run and pass: {missing[:5]}", red=True)
    if missing:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# Hypothesis loads its derandomised "ci" profile whenever CI is set, so CI would try the same
# hostile links on every run. Instead every run gets a new seed, printed so a failure can be rerun
# exactly: --hypothesis-seed=N (or HYPOTHESIS_SEED=N) repeats a run. No example database either:
# a run is reproduced from its seed alone.
HYPOTHESIS_SEED_OPTION = "hypothesis_seed"  # where the hypothesis plugin keeps --hypothesis-seed


@pytest.hookimpl(tryfirst=True)  # before the hypothesis plugin reads the seed option
def pytest_configure(config: pytest.Config) -> None:
    import random

    from hypothesis import settings

    given = config.getoption(HYPOTHESIS_SEED_OPTION, default=None) or os.environ.get("HYPOTHESIS_SEED")
    setattr(config.option, HYPOTHESIS_SEED_OPTION, given or str(random.randrange(2**32)))
    settings.register_profile("seeded", derandomize=False, database=None)  # on top of the profile loaded now
    settings.load_profile("seeded")


def pytest_report_header(config: pytest.Config) -> str:
    from hypothesis import settings

    if settings.default.derandomize:  # a profile chosen with --hypothesis-profile wins over the seed
        return f"Hypothesis: derandomised by profile {settings.get_current_profile_name()!r}, no seed"
    seed = config.getoption(HYPOTHESIS_SEED_OPTION, default=None)
    return f"Hypothesis seed: {seed} (rerun with --hypothesis-seed={seed})"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under `make mutation`, run the fastest tests first: mutmut stops at the first failure, so a
    mutant a quick rule test catches is not first run through the slow vignette loops. Uses the
    durations mutmut recorded (mutants/mutmut-stats.json); a normal run keeps pytest's order."""
    stats = Path("mutmut-stats.json")
    if "MUTANT_UNDER_TEST" not in os.environ or not stats.exists():
        return
    durations = json.loads(stats.read_text())["duration_by_test"]
    items.sort(key=lambda item: durations.get(item.nodeid, float("inf")))
