"""Playwright in Chromium against a real `streamlit run app.py` on loopback.

Without a browser these tests cannot run. Under `make test` or CI that is an error that says
why, never a silent skip: a green run must mean the browser journeys ran.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from benchmarks.browser import CHROMIUM_ARGS, RunWatch, browser_tests_required, chromium_path
from benchmarks.server import AppServer
from components.data import DATA_DIR_VARIABLE

CHROMIUM = chromium_path()

NO_CHROMIUM = "no Chromium: not at $CHROMIUM_PATH, on PATH, at /usr/bin/chromium or from `playwright install chromium`"

if CHROMIUM is None and browser_tests_required():
    pytest.fail(f"{NO_CHROMIUM}. The browser tests are required here; `make chromium` installs one.", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def chromium_available() -> None:
    """Outside `make test` and CI, a machine without a browser skips these tests (and says why)."""
    if CHROMIUM is None:
        pytest.skip(f"{NO_CHROMIUM}; `make test` installs it")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 720}}


_WATCHES: dict[int, RunWatch] = {}


@pytest.fixture
def page(page: Page) -> Iterator[Page]:
    """pytest-playwright's page, with its script runs counted from the start (see wait_for_app)."""
    _WATCHES[id(page)] = RunWatch(page, timeout_s=30)
    yield page
    _WATCHES.pop(id(page), None)


class Server(AppServer):
    """One `streamlit run app.py` on loopback; its log is kept for assertions."""

    def __init__(self, log_path: Path) -> None:
        super().__init__(log_path=log_path)


def content_server(content: Path, **environment: str) -> Server:
    """A server reading the content folder `content` (a clinic's copy: BACKPAIN_DATA_DIR)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_VARIABLE, str(content))
        for name, value in environment.items():
            patch.setenv(name, value)
        return Server(content.parent / "server.log")


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
    """Wait until the server has finished the run the last action started and the page has drawn it
    (the same signal as the load test and the benchmark: benchmarks.browser.RunWatch)."""
    _WATCHES[id(page)].wait()
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=15_000)  # a page of many charts on a busy machine


def serious_axe_violations(page: Page) -> list[tuple[str, str, list]]:
    """axe-core's serious and critical findings on the page as it is now: (rule, impact, first targets)."""
    from axe_playwright_python.sync_playwright import Axe

    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
