"""Shared fixtures: caches are global across AppTests in one process, so clear them."""

from __future__ import annotations

import os

import pytest
import streamlit as st


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


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under `make test` or CI a skipped browser test fails the run: it would otherwise look green."""
    if not (os.environ.get("CI") or os.environ.get("BROWSER_TESTS") == "required"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = [r.nodeid for r in (reporter.stats.get("skipped", []) if reporter else []) if _is_browser_test(r)]
    if skipped:
        reporter.write_line(f"Browser tests are required here, but {len(skipped)} were skipped: {skipped[:5]}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
