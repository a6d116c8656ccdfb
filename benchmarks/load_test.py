"""Load test: 30 concurrent browser sessions with different situations against one server.

Checks that every page renders right for each session, that no session ever sees another's
situation or notes (not even for one painted frame), and that the server log stays clean; reports server memory per session.
Run with `make load-test` (or `python benchmarks/load_test.py --sessions 30`). Exits non-zero
if any check fails.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.async_api import async_playwright, expect  # noqa: E402

from benchmarks.browser import CHROMIUM_ARGS, RunWatch, chromium_path  # noqa: E402
from benchmarks.server import AppServer  # noqa: E402
from components.vocabulary import DURATIONS, SYMPTOMS  # noqa: E402

PAGES = ("/", "/explore", "/ladder", "/compare", "/visit", "/sources")
SHORTLISTS = (
    "discectomy,exercise_therapy",
    "heat,massage",
    "nsaids,acupuncture,duloxetine",
    "epidural_steroid,spinal_manipulation",
)


@dataclass
class Session:
    number: int
    symptoms: str
    pain: int
    duration: str
    shortlist: str
    notes: str = field(default_factory=lambda: f"notes-{uuid.uuid4().hex[:12]}")
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def query(self) -> str:
        return f"symptoms={self.symptoms}&pain={self.pain}&duration={self.duration}&t={self.shortlist}"


def sessions(count: int) -> list[Session]:
    durations = list(DURATIONS)
    return [
        Session(i, SYMPTOMS[i % len(SYMPTOMS)], i % 11, durations[i % 3], SHORTLISTS[i % len(SHORTLISTS)]) for i in range(count)
    ]


# Every value any text box has shown, checked once per painted frame: a flash of another person's
# notes between two reads by the test is still seen.
RECORD_TEXT_BOXES = """
window.__shown = new Set();
const look = () => {
  document.querySelectorAll('textarea').forEach(box => window.__shown.add(box.value));
  requestAnimationFrame(look);
};
requestAnimationFrame(look);
"""


async def run_session(browser, url: str, session: Session, others: list[Session], start: asyncio.Event) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    # Thirty browser tabs share this machine's cores with the server: allow slow loads.
    context.set_default_timeout(240_000)
    context.set_default_navigation_timeout(240_000)
    page = await context.new_page()
    await page.add_init_script(RECORD_TEXT_BOXES)
    watch = RunWatch(page, timeout_s=240)
    await start.wait()
    began = time.perf_counter()
    try:
        for path in PAGES:
            await page.goto(f"{url}{path}?{session.query}")
            await watch.settle()
            if await page.get_by_test_id("stException").count():
                session.problems.append(f"{path}: exception shown")
            slider = page.get_by_test_id("stSidebar").get_by_role("slider")
            value = await slider.input_value()
            if value != str(session.pain):
                session.problems.append(f"{path}: pain shows {value}, expected {session.pain}")
        charts = page.get_by_test_id("stVegaLiteChart")
        await page.goto(f"{url}/ladder?{session.query}")
        await watch.settle()
        await expect(charts).to_have_count(3, timeout=240_000)
        await page.goto(f"{url}/visit?{session.query}")
        await watch.settle()
        notes = page.get_by_role("textbox", name="Notes for your visit")
        await notes.fill(session.notes)
        await notes.press("Tab")
        # The page confirms the notes reached this session before we move on.
        await expect(page.get_by_text(f"Your notes ({len(session.notes)} characters)")).to_be_visible(timeout=240_000)
        await watch.settle()
        # Move away and back through the app's own navigation: the notes must still be this session's own,
        # as soon as the run that draws My visit has finished.
        await page.get_by_test_id("stSidebar").get_by_role("link", name="Explore treatments").click()
        await watch.settle()
        await page.get_by_test_id("stSidebar").get_by_role("link", name="My visit").click()
        await watch.settle()
        if (shown := await notes.input_value()) != session.notes:
            session.problems.append(f"notes came back as {shown!r}")
        body = await page.content() + "\n".join(await page.evaluate("[...window.__shown]"))
        for other in others:
            if other.number != session.number and other.notes in body:
                session.problems.append(f"saw session {other.number}'s notes")
        situation = await page.get_by_test_id("stMain").inner_text()
        if f"Pain: {session.pain} out of 10." not in situation:
            session.problems.append("My visit shows another situation")
    except Exception as error:  # a timeout or a missing element is a failed check, reported below
        session.problems.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        session.seconds = time.perf_counter() - began
        # Leave the way a person does (the tab navigates away), so the server closes the socket cleanly.
        await page.goto("about:blank")
        await asyncio.sleep(1)
        await context.close()


async def main(count: int) -> int:
    server = AppServer()
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            # Warm up: one session loads the libraries and fills the content caches.
            warm = await browser.new_page()
            warm_watch = RunWatch(warm, timeout_s=240)
            for path in PAGES:
                await warm.goto(f"{server.url}{path}")
                await warm_watch.settle()
            await warm.close()
            await asyncio.sleep(2)
            baseline = server.rss_mib()
            people = sessions(count)
            start = asyncio.Event()
            tasks = [asyncio.create_task(run_session(browser, server.url, s, people, start)) for s in people]
            await asyncio.sleep(1)
            began = time.perf_counter()
            start.set()
            peak = baseline
            while not all(t.done() for t in tasks):
                peak = max(peak, server.rss_mib())
                await asyncio.sleep(0.5)
            wall = time.perf_counter() - began
            await asyncio.sleep(1)
            after = server.rss_mib()
            await browser.close()
    finally:
        server.stop()

    failures = [(s.number, p) for s in people for p in s.problems]
    log_problems = [line for line in server.log.splitlines() if re.search(r"traceback|exception|error|warning", line, re.I)]
    per_session = (peak - baseline) / count
    print("| sessions | wall time | slowest session | server RSS before | peak | after | per extra session |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {count} | {wall:.1f} s | {max(s.seconds for s in people):.1f} s | {baseline:.0f} MiB | {peak:.0f} MiB | "
        f"{after:.0f} MiB | {per_session:.2f} MiB |"
    )
    for number, problem in failures:
        print(f"session {number}: {problem}")
    for line in log_problems:
        print(f"server log: {line}")
    ok = not failures and not log_problems
    print("PASS: every session saw only its own situation and notes; the server log is clean." if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=30)
    sys.exit(asyncio.run(main(parser.parse_args().sessions)))
