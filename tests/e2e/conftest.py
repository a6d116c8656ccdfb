"""Playwright in the system Chromium against a real `streamlit run app.py` on loopback."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from benchmarks.server import CHROMIUM_ARGS, AppServer

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}; `make test` installs it", allow_module_level=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 720}}


class Server(AppServer):
    """One `streamlit run app.py` on loopback; its log is kept for assertions."""

    def __init__(self, log_path: Path) -> None:
        super().__init__(log_path=log_path)


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    """A server no one has visited yet: its first page request is the test's."""
    server = Server(tmp_path / "server.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = Server(tmp_path_factory.mktemp("server") / "server.log")
    yield server
    server.stop()


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished the current run (Streamlit's own e2e approach)."""
    page.wait_for_timeout(250)  # let a triggered rerun start
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
