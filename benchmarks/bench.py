"""Speed and memory of the app against a floor app (`make bench`).

Measures, on loopback, in Chromium:
- /explore and /ladder: navigation to fully drawn, and a sidebar change to fully drawn again, app
  and floor interleaved with the order alternating each round, medians of several runs, app/floor
  ratios;
- server side: warm script time per page (AppTest reruns, median), both for a rerun of the same
  situation and for a change to a situation no page has drawn before;
- cold start: process start to the first page fully drawn (app and floor, order alternating);
- server memory per extra open session.

Fair by construction: the floor runs with the app's config, `gc.freeze()` and chart specs built
once (benchmarks/floor.py); every measured browser load and rerun is of a situation the app's
server has not drawn yet, so its caches cannot answer from an earlier round. Prints one Markdown
table and exits non-zero when a target is missed. The machine is noisy: medians are reported.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Page, sync_playwright  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.browser import CHROMIUM_ARGS, RunWatch, chromium_path  # noqa: E402
from benchmarks.floor import write_floor_app  # noqa: E402
from benchmarks.server import ROOT, AppServer  # noqa: E402
from components.pages import PAGES  # noqa: E402
from components.vocabulary import AGE_BANDS, DURATIONS  # noqa: E402

# A situation is new to a server when one of its answers is: the duration, age and daily-life
# answers each change what fits, so every combination is drawn from scratch.
BASE = {"symptoms": "leg_pain,numbness", "where": "one_leg", "tried": "medications"}
ANSWERS = list(itertools.product(("some", "severe", "none"), AGE_BANDS, DURATIONS))
SITUATION_RADIOS = ("function", "age", "duration")  # the sidebar's radios for the answers that vary
# Compare draws the outcome pictures of the options with figures: discectomy one, NSAIDs two.
SHORTLIST = "discectomy,nsaids,exercise_therapy"
FIRST_PAIN = 3  # three presses of the right arrow then give pain 4, 5 and 6: new for the situation


def situations() -> Iterator[dict[str, str]]:
    """Situations in a fixed order; a run of the benchmark never meets the same one twice."""
    for function, age, duration in ANSWERS:
        yield {**BASE, "function": function, "age": age, "duration": duration}
    raise RuntimeError("the benchmark ran out of new situations: add answers to ANSWERS")


def query(situation: dict[str, str], pain: int = FIRST_PAIN) -> str:
    return "&".join(f"{key}={value}" for key, value in {**situation, "pain": str(pain)}.items())


@dataclass(frozen=True)
class Row:
    measure: str
    app: float
    floor: float | None
    unit: str
    target: str = ""
    met: Callable[[Row], bool] | None = None

    @property
    def ratio(self) -> float | None:
        return self.app / self.floor if self.floor else None

    def cells(self) -> list[str]:
        digits = {"ms": 1, "s": 2, "MiB": 2}[self.unit]

        def show(value: float) -> str:
            return f"{value:.{digits}f} {self.unit}"

        verdict = "" if self.met is None else ("yes" if self.met(self) else "**no**")
        return [
            self.measure,
            show(self.app),
            "" if self.floor is None else show(self.floor),
            "" if self.ratio is None else f"{self.ratio:.2f}",
            self.target,
            verdict,
        ]


def ratio_at_most(limit: float) -> Callable[[Row], bool]:
    return lambda row: row.ratio is not None and row.ratio <= limit


def app_below(limit: float) -> Callable[[Row], bool]:
    return lambda row: row.app < limit


def new_page(browser, viewport: dict | None = None) -> tuple[Page, RunWatch]:
    page = browser.new_context(viewport=viewport or {"width": 1280, "height": 720}).new_page()
    return page, RunWatch(page)


def load_time(page: Page, watch: RunWatch, url: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    watch.wait()
    return time.perf_counter() - start


def rerun_time(page: Page, watch: RunWatch) -> float:
    """A sidebar change (the pain slider one step right, by keyboard) until the page is fully drawn again."""
    slider = page.get_by_test_id("stSidebar").get_by_role("slider")
    slider.focus()
    before = watch.mark()
    start = time.perf_counter()
    page.keyboard.press("ArrowRight")
    watch.wait(after=before)
    return time.perf_counter() - start


def browser_timings(app: AppServer, floor: AppServer, runs: int, fresh: Iterator[dict[str, str]]) -> list[Row]:
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for path in ("explore", "ladder"):
            loads: dict[str, list[float]] = {"app": [], "floor": []}
            reruns: dict[str, list[float]] = {"app": [], "floor": []}
            for round_number in range(runs):
                situation = next(fresh)
                order = [("app", app), ("floor", floor)]
                for name, server in order if round_number % 2 == 0 else order[::-1]:
                    page, watch = new_page(browser)
                    loads[name].append(load_time(page, watch, f"{server.url}/{path}?{query(situation)}"))
                    reruns[name].append(statistics.median(rerun_time(page, watch) for _ in range(3)))
                    page.context.close()
            for kind, times in (("load", loads), ("rerun", reruns)):
                rows.append(
                    Row(
                        f"/{path} {kind} (browser, median of {runs})",
                        statistics.median(times["app"]) * 1000,
                        statistics.median(times["floor"]) * 1000,
                        "ms",
                        "≤ 1.10",
                        ratio_at_most(1.10),
                    )
                )
        browser.close()
    return rows


def warm_script_ms(runs: int, fresh: Iterator[dict[str, str]]) -> dict[str, tuple[float, float]]:
    """Per page: median script time of a rerun (same situation), and of a change of the pain score
    in a situation no page has drawn yet. Every ten changes the sidebar moves to the next new
    situation (drawn once at pain 0, not measured), so one page's cached work never serves another's."""
    times = {}
    for info in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in {**BASE, "t": SHORTLIST}.items():
            at.query_params[key] = value
        at.run()
        if info.url_path:
            at.switch_page(info.path).run()
        same, new = [], []
        for i in range(runs):
            if i % 10 == 0:
                for field, value in next(fresh).items():
                    if field in SITUATION_RADIOS:
                        at.radio(key=f"w_{field}").set_value(value)
                at.slider(key="w_pain").set_value(0)
                at.run()
            start = time.perf_counter()
            at.run()
            same.append((time.perf_counter() - start) * 1000)
            at.slider(key="w_pain").set_value(i % 10 + 1)
            start = time.perf_counter()
            at.run()
            new.append((time.perf_counter() - start) * 1000)
        times["/" + info.url_path] = (statistics.median(same), statistics.median(new))
    return times


def cold_start(script: str, cwd: Path, path: str, python: str, situation: dict[str, str]) -> float:
    started = time.perf_counter()
    server = AppServer(script=script, cwd=cwd, python=python)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page, watch = new_page(browser)
            page.goto(f"{server.url}/{path}?{query(situation)}")
            watch.wait()
            elapsed = time.perf_counter() - started
            browser.close()
    finally:
        server.stop()
    return elapsed


def memory_per_session(server: AppServer, sessions: int, fresh: Iterator[dict[str, str]]) -> float:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        warm, watch = new_page(browser)
        warm.goto(f"{server.url}/explore?{query(next(fresh))}")
        watch.wait()
        time.sleep(1)
        before = server.rss_mib()
        situation = next(fresh)
        for i in range(sessions):
            page, watch = new_page(browser)
            page.goto(f"{server.url}/explore?{query(situation, pain=i % 11)}")
            watch.wait()
        time.sleep(2)
        after = server.rss_mib()
        browser.close()
    return (after - before) / sessions


def main(runs: int, python: str) -> int:
    fresh = situations()
    folder = Path(tempfile.mkdtemp(prefix="backpain-floor-"))
    floor_script = write_floor_app(folder, ROOT / ".streamlit" / "config.toml")
    app, floor = AppServer(python=python), AppServer(script=str(floor_script), cwd=folder, python=python)
    try:
        rows = browser_timings(app, floor, runs, fresh)
        app_memory = memory_per_session(app, 10, fresh)
        floor_memory = memory_per_session(floor, 10, fresh)
    finally:
        app.stop()
        floor.stop()
    colds: dict[str, list[float]] = {"app": [], "floor": []}
    for round_number in range(5):
        order = [("app", "app.py", ROOT), ("floor", str(floor_script), folder)]
        situation = next(fresh)
        for name, script, cwd in order if round_number % 2 == 0 else order[::-1]:
            colds[name].append(cold_start(script, cwd, "explore", python, situation))
    rows.append(
        Row(
            "cold start to /explore drawn (median of 5)",
            statistics.median(colds["app"]),
            statistics.median(colds["floor"]),
            "s",
            "≤ 1.2",
            ratio_at_most(1.2),
        )
    )
    # 1 MB = 10**6 bytes = 0.954 MiB.
    mebibytes_in_a_megabyte = 10**6 / 2**20
    rows.append(
        Row(
            "server memory per extra session (10 sessions)",
            app_memory,
            floor_memory,
            "MiB",
            "< 1 MB",
            lambda row: row.app < mebibytes_in_a_megabyte,
        )
    )
    warm = warm_script_ms(22, fresh)
    for path, (same, _) in warm.items():
        rows.append(Row(f"warm server-side rerun of {path} (AppTest, median of 22)", same, None, "ms", "< 30 ms", app_below(30)))
    for path, (_, new) in warm.items():
        rows.append(
            Row(f"server-side rerun of {path} after a change to a new situation (AppTest, median of 22)", new, None, "ms")
        )

    print("| measure | app | floor | app/floor | target | met |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    missed = [row.measure for row in rows if row.met is not None and not row.met(row)]
    if missed:
        print(f"\nMissed {len(missed)} target(s): " + "; ".join(missed))
        return 1
    print("\nEvery target met.")
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
