"""Speed and memory of the app against a floor app (`make bench`).

Measures, on loopback, in the system Chromium:
- /explore and /ladder: navigation to fully drawn, and a sidebar change to fully drawn again,
  app and floor interleaved, medians of several runs, app/floor ratios;
- server side: warm script time per page (AppTest reruns, median), both for a rerun of the same
  situation and for a change to a situation not seen before (nothing cached for it yet);
- cold start: process start to the first page fully drawn (app and floor);
- server memory per extra open session.
Prints one Markdown table. The machine is noisy: runs are interleaved and medians reported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from google.protobuf.message import DecodeError  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.floor import write_floor_app  # noqa: E402
from benchmarks.server import CHROMIUM_ARGS, ROOT, AppServer  # noqa: E402
from components.pages import PAGES  # noqa: E402

QUERY = "symptoms=leg_pain,numbness&pain=6&function=some&duration=subacute&tried=medications"
DRAWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const tables = [...document.querySelectorAll('[data-testid="stDataFrame"]')];
  return charts.every(c => c.querySelector('canvas, svg')) && tables.every(t => t.querySelector('canvas'));
}"""


class RunWatch:
    """Counts the script runs that have finished for a page, from the messages on its WebSocket.
    A rerun can start and end between two paints of the browser, so the page's own "running"
    state is not a reliable sign that a rerun happened."""

    def __init__(self, page: Page) -> None:
        self.page, self.finished = page, 0
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg()
            try:
                message.ParseFromString(payload)
            except DecodeError:
                return
            if message.WhichOneof("type") == "script_finished":
                self.finished += 1

    def wait_past(self, count: int) -> None:
        """Until more than `count` runs have finished, then until the page is fully drawn."""
        deadline = time.monotonic() + 60
        while self.finished <= count:
            if time.monotonic() > deadline:
                raise TimeoutError("no script run finished")
            self.page.wait_for_timeout(5)  # lets Playwright deliver the socket's events
        self.page.wait_for_function(DRAWN, timeout=60_000, polling="raf")


def load_time(page: Page, watch: RunWatch, url: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    watch.wait_past(0)
    return time.perf_counter() - start


def rerun_time(page: Page, watch: RunWatch) -> float:
    """A sidebar change (the pain slider, by keyboard) until the page is fully drawn again."""
    slider = page.get_by_test_id("stSidebar").get_by_role("slider")
    slider.focus()
    key = "ArrowRight" if int(slider.input_value()) < 10 else "ArrowLeft"
    before = watch.finished
    start = time.perf_counter()
    page.keyboard.press(key)
    watch.wait_past(before)
    return time.perf_counter() - start


def browser_timings(app: AppServer, floor: AppServer, runs: int) -> dict[str, tuple[float, float]]:
    results: dict[str, tuple[float, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for path in ("explore", "ladder"):
            loads: dict[str, list[float]] = {"app": [], "floor": []}
            reruns: dict[str, list[float]] = {"app": [], "floor": []}
            for _ in range(runs):
                for name, server in (("app", app), ("floor", floor)):  # interleaved pairs
                    page = browser.new_page(viewport={"width": 1280, "height": 720})
                    watch = RunWatch(page)
                    loads[name].append(load_time(page, watch, f"{server.url}/{path}?{QUERY}"))
                    reruns[name].append(statistics.median(rerun_time(page, watch) for _ in range(3)))
                    page.close()
            results[f"/{path} load"] = (statistics.median(loads["app"]), statistics.median(loads["floor"]))
            results[f"/{path} rerun"] = (statistics.median(reruns["app"]), statistics.median(reruns["floor"]))
        browser.close()
    return results


def warm_script_ms(runs: int) -> dict[str, tuple[float, float]]:
    """Per page: median script time of a rerun (same situation), and of a change of the pain
    score and daily function to a combination this server has not drawn yet."""
    times = {}
    for info in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in (part.split("=") for part in QUERY.split("&")):
            at.query_params[key] = value
        at.query_params["t"] = "discectomy,exercise_therapy"
        at.run()
        if info.url_path:
            at.switch_page(info.path).run()
        at.run()
        same, new = [], []
        for i in range(runs):
            start = time.perf_counter()
            at.run()
            same.append((time.perf_counter() - start) * 1000)
            at.slider(key="w_pain").set_value(i % 11)
            at.radio(key="w_function").set_value(("none", "some", "severe")[i // 11 % 3])
            start = time.perf_counter()
            at.run()
            new.append((time.perf_counter() - start) * 1000)
        times["/" + info.url_path] = (statistics.median(same), statistics.median(new))
    return times


def cold_start(script: str, cwd: Path, path: str, python: str) -> float:
    started = time.perf_counter()
    server = AppServer(script=script, cwd=cwd, python=python)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            watch = RunWatch(page)
            page.goto(f"{server.url}/{path}?{QUERY}")
            watch.wait_past(0)
            elapsed = time.perf_counter() - started
            browser.close()
    finally:
        server.stop()
    return elapsed


def memory_per_session(server: AppServer, sessions: int) -> float:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        warm = browser.new_page()
        watch = RunWatch(warm)
        warm.goto(f"{server.url}/explore?{QUERY}")
        watch.wait_past(0)
        time.sleep(1)
        before = server.rss_mib()
        pages = []
        for i in range(sessions):
            page = browser.new_context().new_page()
            watch = RunWatch(page)
            page.goto(f"{server.url}/explore?{QUERY.replace('pain=6', f'pain={i % 11}')}")
            watch.wait_past(0)
            pages.append(page)
        time.sleep(2)
        after = server.rss_mib()
        browser.close()
    return (after - before) / sessions


def main(runs: int, python: str) -> int:
    folder = Path(tempfile.mkdtemp(prefix="backpain-floor-"))
    floor_script = write_floor_app(folder)
    app, floor = AppServer(python=python), AppServer(script=str(floor_script), cwd=folder, python=python)
    try:
        browser = browser_timings(app, floor, runs)
        app_memory = memory_per_session(app, 10)
        floor_memory = memory_per_session(floor, 10)
    finally:
        app.stop()
        floor.stop()
    colds = [
        (cold_start("app.py", ROOT, "explore", python), cold_start(str(floor_script), folder, "explore", python))
        for _ in range(5)
    ]
    cold_app, cold_floor = statistics.median(c[0] for c in colds), statistics.median(c[1] for c in colds)
    warm = warm_script_ms(22)

    print("| measure | app | floor | app/floor | target |")
    print("|---|---|---|---|---|")
    for name, (mine, base) in browser.items():
        print(
            f"| {name} (browser, median of {runs}) | {mine * 1000:.0f} ms | {base * 1000:.0f} ms | {mine / base:.2f} | ≤ 1.10 |"
        )
    print(
        f"| cold start to /explore drawn (median of 5) | {cold_app:.2f} s | {cold_floor:.2f} s | {cold_app / cold_floor:.2f} | ≤ 1.2 |"
    )
    print(f"| server memory per extra session (10 sessions) | {app_memory:.2f} MiB | {floor_memory:.2f} MiB | | < 1 MB |")
    for path, (same, _) in warm.items():
        print(f"| warm server-side rerun of {path} (AppTest, median of 22) | {same:.1f} ms | | | < 30 ms |")
    for path, (_, new) in warm.items():
        print(f"| server-side rerun of {path} after a change to a new situation (AppTest, median of 22) | {new:.1f} ms | | | |")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--server-python",
        default=sys.executable,
        help="the Python that runs the app and floor servers (make bench: requirements.txt only)",
    )
    arguments = parser.parse_args()
    # Absolute, not resolved: the floor runs in another folder, and a venv's python is a symlink.
    sys.exit(main(arguments.runs, os.path.abspath(arguments.server_python)))
