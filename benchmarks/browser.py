"""The browser side shared by the browser tests, the load test and the benchmark: which Chromium to
drive, with which flags, and how to know that the app has finished a run and drawn it."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from pathlib import Path

from google.protobuf.message import DecodeError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# Flags for an offline machine: no background calls to Google hosts, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SYSTEM_CHROMIUM = "/usr/bin/chromium"


def browser_tests_required() -> bool:
    """`make test` (BROWSER_TESTS=required) and CI must run the browser tests: no browser is an error there."""
    return bool(os.environ.get("CI")) or os.environ.get("BROWSER_TESTS") == "required"


def playwright_chromium() -> str | None:
    """Where `playwright install chromium` puts its browser (used on a machine without root)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if Path(path).exists() else None


def chromium_path() -> str | None:
    """The Chromium to drive: $CHROMIUM_PATH when set (the Makefile passes its choice down), else the
    system one, else Playwright's own. None when there is none; a path set but missing is an error."""
    chosen = os.environ.get("CHROMIUM_PATH")
    if chosen:
        if not Path(chosen).exists():
            raise FileNotFoundError(f"CHROMIUM_PATH={chosen} does not exist")
        return chosen
    return shutil.which("chromium") or (SYSTEM_CHROMIUM if Path(SYSTEM_CHROMIUM).exists() else None) or playwright_chromium()


# The page is fully drawn: no run in progress, every chart and table painted.
DRAWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const tables = [...document.querySelectorAll('[data-testid="stDataFrame"]')];
  return charts.every(c => c.querySelector('canvas, svg')) && tables.every(t => t.querySelector('canvas'));
}"""
# A run that ends to make way for another (st.rerun, st.switch_page) is not the end of the change.
_COMPLETE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
TIMEOUT_S = 60


class RunWatch:
    """Counts the script runs that have finished for a page, from the messages on its WebSocket.

    A run can start and end between two paints of the browser, so the page's own "running" state
    is no sign that a run happened, and a fixed sleep is either too short or too slow. Here a
    change is complete when the server has said so on the socket and the page has drawn it.
    Works with Playwright's sync and async pages alike (`wait` and `settle`).
    """

    def __init__(self, page, timeout_s: float = TIMEOUT_S, polling: str | int = "raf") -> None:
        """`polling`: how the page checks that it is drawn, "raf" (every animation frame: the exact
        moment, for timing one page) or every so many ms (the scale test: a frame-by-frame check makes
        each waiting page paint 60 times a second, which 60 pages at once cannot afford)."""
        self.page, self.finished, self.seen, self.timeout_s, self.polling = page, 0, 0, timeout_s, polling
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg()
            try:
                message.ParseFromString(payload)
            except DecodeError:
                return
            if message.WhichOneof("type") == "script_finished" and message.script_finished in _COMPLETE:
                self.finished += 1

    def mark(self) -> int:
        """The count before an action, for `wait(after=...)` when runs may already be pending."""
        return self.finished

    def _waiting(self, after: int | None) -> tuple[int, float]:
        """The count to wait past (default: the count at the last wait) and the deadline."""
        return (self.seen if after is None else after), time.monotonic() + self.timeout_s

    def _still_waiting(self, count: int, deadline: float) -> bool:
        if self.finished > count:
            return False
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished within {self.timeout_s:.0f} s")
        return True

    def wait(self, after: int | None = None) -> None:
        """Until a run has finished since `after` (default: since the last wait), then until drawn."""
        count, deadline = self._waiting(after)
        while self._still_waiting(count, deadline):
            self.page.wait_for_timeout(5)  # lets Playwright deliver the socket's events
        self.page.wait_for_function(DRAWN, timeout=self.timeout_s * 1000, polling=self.polling)
        self.seen = self.finished

    async def settle(self, after: int | None = None) -> None:
        """`wait` for Playwright's async API (the load test)."""
        count, deadline = self._waiting(after)
        while self._still_waiting(count, deadline):
            await asyncio.sleep(0.005)
        await self.page.wait_for_function(DRAWN, timeout=self.timeout_s * 1000, polling=self.polling)
        self.seen = self.finished
