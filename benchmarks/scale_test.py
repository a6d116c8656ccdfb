"""Scale test: 60 concurrent browser sessions through HAProxy to three app replicas, one replica killed mid-run.

A Streamlit session lives in one server process, so replicas need sticky sessions (deploy/haproxy.cfg).
This runs that config's settings on loopback (benchmarks/balancer.py) and checks, in Chromium:

- every session stays on one replica: the SERVERID cookie names it, HAProxy's log shows every request
  of the session going there, and the replica process itself holds the session's WebSocket;
- no session ever sees another's situation or notes (every value a text box is given is recorded), and each
  session's own Markdown download (served from its replica's memory) holds its own notes;
- when one replica is killed (SIGKILL), its sessions come back on a survivor: the situation from the
  address, the kept notes from the device (once My visit has "Keep my notes on this device"), and no
  session on a surviving replica notices (its WebSocket stays open, its cookie and its notes stay).

It reports sessions per replica; the p50 and p95 time of a pain slider step, to the server's "run finished"
and to the page drawn, with one replica and with three; the replicas' CPU per step; and each replica's
peak memory. The same 60 sessions run against one replica first, for the comparison. Bounded: a fixed number of sessions, a
hard deadline after which everything is stopped and the run fails, traffic to 127.0.0.1 only, and every
process it starts is stopped on the way out. Run with `make scale-test`; exits non-zero if a check fails.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import ipaddress
import math
import os
import random
import re
import secrets
import signal
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.async_api import Browser, BrowserContext, Error, Page, async_playwright, expect  # noqa: E402

from benchmarks.balancer import SESSION_HEADER, Balancer, established_peers  # noqa: E402
from benchmarks.browser import CHROMIUM_ARGS, RunWatch, chromium_path  # noqa: E402
from benchmarks.load_test import PAGES, Session, sessions  # noqa: E402
from benchmarks.server import ROOT, AppServer  # noqa: E402

COOKIE = "SERVERID"  # deploy/haproxy.cfg: `cookie SERVERID insert indirect nocache`
NOTES_LABEL = "Notes for your visit"
KEEP_ON_DEVICE = "Keep my notes on this device"
STORAGE_KEY = "backpain-visit-notes"  # where My visit keeps the notes in the browser (localStorage)
RERUNS = 4  # pain slider steps per session and phase: there and back twice, so the address ends as it began
THINK_S = 2.0  # before each step a session waits up to this long (at random), as a person would
PDF_EVERY = 10  # every tenth session also downloads the PDF (it loads the chart renderer: the memory peak)
# Between two sessions' first page loads. Loading My visit in a new browser context costs about 4 s of CPU
# in the browser (measured here), so two cores take in one every 2 s; starting them faster only queues
# them, and every step of every session already open waits behind the queue.
STAGGER_S = 2.0
TIMEOUT_S = 300  # for one step of one session: 60 tabs and three servers share two cores
STEP_TIMEOUT_S = 120  # one pain step, to its run finished: the slowest seen under full load was under 30 s
LOST_KEY_S = 60  # a step with no run and no change on the slider after this long: the key press was lost
POLL_MS = 25  # how often a waiting page checks it is drawn (RunWatch: not every frame, for 60 pages)
DOWN_WITHIN_S = 30  # HAProxy must mark a killed replica down within this (2 checks, 2 s apart)
WEBSOCKET = "/_stcore/stream"

# Every value any text box is given, recorded as it is set: the load test's idea (benchmarks/load_test.py
# RECORD_TEXT_BOXES) without its check on every animation frame. That loop makes each page paint 60 times
# a second: 20 idle tabs on My visit used 0.81 of a core with it, 0.12 with this and 0.10 with neither
# (measured here), and the first 60-session run, with it, stopped at its deadline with sessions still
# loading. Wrapping the value setters (React sets a text area's value through them) and watching typing
# and text changes sees every value a box is given, painted or not. After the kill, a moved session's
# notes, put back by the page and not typed, must be among them: a check that nothing is missed.
RECORD_TEXT_BOXES = """
window.__shown = new Set();
const record = value => { if (typeof value === 'string' && value) window.__shown.add(value); };
for (const proto of [HTMLTextAreaElement.prototype, HTMLInputElement.prototype]) {
  for (const name of ['value', 'defaultValue']) {
    const original = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: original.enumerable,
      get() { return original.get.call(this); },
      set(value) { record(value); original.set.call(this, value); },
    });
  }
}
document.addEventListener('input', event => record(event.target.value), true);
new MutationObserver(changes => {
  for (const change of changes) {
    const node = change.target.nodeType === Node.ELEMENT_NODE ? change.target : change.target.parentElement;
    const box = node && node.closest('textarea');
    if (box) record(box.value);
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
PROGRESS = Path("/tmp/backpain-scale-progress.log")
_STARTED = time.perf_counter()

# Everything this script starts, stopped on any way out (see stop_everything).
_RUNNING: list[AppServer | Balancer] = []


def progress(message: str) -> None:
    """A line in the progress log, with seconds since the start (read it while a run goes on)."""
    with PROGRESS.open("a") as log:
        log.write(f"{time.perf_counter() - _STARTED:7.1f} s  {message}\n")


def stop_everything() -> None:
    """Stop every replica and HAProxy this script started (idempotent; registered with atexit)."""
    while _RUNNING:
        process = _RUNNING.pop()
        try:
            process.stop()
        except Exception as error:  # one failure must not leave the rest running
            print(f"stopping {process}: {error}", file=sys.stderr)


def started(process: AppServer | Balancer) -> AppServer | Balancer:
    _RUNNING.append(process)
    return process


def assert_loopback(url: str) -> None:
    """Load goes to this machine only."""
    host = urlsplit(url).hostname or ""
    if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
        raise RuntimeError(f"refusing to send load to {url}: not a loopback address")


def device_notes_in_source() -> bool:
    """Whether My visit has the "Keep my notes on this device" checkbox yet (it is being built). Until it
    has, the notes-come-back check after the kill is reported as not run; once the label is in the source,
    a page without the checkbox is a failure."""
    return any(KEEP_ON_DEVICE in path.read_text() for folder in ("pages", "components") for path in (ROOT / folder).glob("*.py"))


def p95(values: list[float]) -> float:
    """The nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass
class Tab:
    """One person's browser context and page, for one phase."""

    person: Session
    context: BrowserContext
    page: Page
    watch: RunWatch
    replica: str = ""  # from the SERVERID cookie
    sockets_closed: int = 0
    downloads_repeated: int = 0
    keys_repeated: int = 0
    reruns: list[float] = field(default_factory=list)  # pain step to the page drawn again
    run_ends: list[float] = field(default_factory=list)  # pain step to the server's "run finished"
    problems: list[str] = field(default_factory=list)

    @property
    def visit_url(self) -> str:
        return f"/visit?{self.person.query}"


def cpu_seconds(server: AppServer) -> float:
    """CPU time (user and system) a replica process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Memory:
    """Resident memory of each live replica, sampled twice a second while a phase runs."""

    def __init__(self, replicas: dict[str, AppServer]) -> None:
        self.replicas = replicas
        self.baseline = {name: server.rss_mib() for name, server in replicas.items()}
        self.peak = dict(self.baseline)
        self._task = asyncio.create_task(self._sample())

    async def _sample(self) -> None:
        while True:
            for name, server in self.replicas.items():
                with contextlib.suppress(OSError, RuntimeError):  # killed: /proc has no status for it any more
                    self.peak[name] = max(self.peak[name], server.rss_mib())
            await asyncio.sleep(0.5)

    def stop(self) -> None:
        self._task.cancel()


async def warm(browser: Browser, server: AppServer) -> None:
    """One visit to every page, straight to the replica: it loads the libraries and the content caches
    (what a replica does for its first visitor), so the phases measure sessions, not a cold start."""
    page = await browser.new_page()
    watch = RunWatch(page, timeout_s=TIMEOUT_S)
    for path in PAGES:
        await page.goto(f"{server.url}{path}")
        await watch.settle()
    await page.close()


async def open_tab(browser: Browser, person: Session) -> Tab:
    context = await browser.new_context(
        viewport={"width": 1280, "height": 720}, extra_http_headers={SESSION_HEADER: str(person.number)}
    )
    context.set_default_timeout(TIMEOUT_S * 1000)
    context.set_default_navigation_timeout(TIMEOUT_S * 1000)
    page = await context.new_page()
    await page.add_init_script(RECORD_TEXT_BOXES)
    tab = Tab(person, context, page, RunWatch(page, timeout_s=TIMEOUT_S, polling=POLL_MS))

    def count_close(_socket) -> None:
        tab.sockets_closed += 1

    page.on("websocket", lambda socket: socket.on("close", count_close))
    return tab


async def replica_of(tab: Tab, url: str) -> str:
    cookies = {c["name"]: c["value"] for c in await tab.context.cookies(url)}
    return cookies.get(COOKIE, "")


async def sidebar_pain(page: Page) -> str:
    return await page.get_by_test_id("stSidebar").get_by_role("slider").input_value()


async def kept_on_device(page: Page, notes: str) -> None:
    """Until this browser's storage holds `notes` under My visit's key (the page writes it after a run).
    When it does not, the error says what the page and the storage hold instead."""
    try:
        await page.wait_for_function(
            "([key, notes]) => (window.localStorage.getItem(key) || '').includes(notes)",
            arg=[STORAGE_KEY, notes],
            timeout=TIMEOUT_S * 1000,
            polling=100,
        )
    except Error as error:
        stored = await page.evaluate("key => window.localStorage.getItem(key)", STORAGE_KEY)
        box = await page.get_by_role("textbox", name=NOTES_LABEL).input_value()
        ticked = await page.get_by_role("checkbox", name=KEEP_ON_DEVICE).is_checked()
        state = await page.evaluate("() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState")
        raise AssertionError(
            f"notes not kept on the device: storage {stored!r}, notes box {box!r}, box ticked {ticked}, script {state}"
        ) from error


async def download(tab: Tab, label: str, tries: int = 3) -> bytes:
    """Click a download button and read the file. Each run of the page replaces the files behind its
    buttons, so a click that meets a run finishing (the page's own, such as the browser reporting the
    notes it keeps) can ask for a file just removed; then, and only then, the click is repeated."""
    for attempt in range(tries):
        before = tab.watch.mark()
        try:
            async with tab.page.expect_download(timeout=TIMEOUT_S * 1000) as info:
                await tab.page.get_by_role("button", name=label).click()
            return Path(await (await info.value).path()).read_bytes()
        except Error:
            # A run that replaced the file may still be going when the download fails: give it time to end.
            ended = time.monotonic() + 30
            while tab.watch.finished == before and time.monotonic() < ended:
                await asyncio.sleep(0.1)
            if tab.watch.finished == before or attempt == tries - 1:
                raise
            tab.downloads_repeated += 1
            await tab.watch.settle(after=before)
    raise AssertionError("unreachable")


async def set_up(tab: Tab, url: str, delay: float, device_notes: bool) -> None:
    """Open My visit with the person's situation, keep the notes on the device, type them, and download
    the summary: the Markdown file is served from the replica's memory, so it also proves stickiness."""
    page, person = tab.page, tab.person
    await asyncio.sleep(delay)
    try:
        await page.goto(f"{url}{tab.visit_url}")
        await tab.watch.settle()
        progress(f"session {person.number}: My visit drawn")
        if await page.get_by_test_id("stException").count():
            tab.problems.append("My visit shows an exception")
        if (pain := await sidebar_pain(page)) != str(person.pain):
            tab.problems.append(f"pain shows {pain}, expected {person.pain}; the address is now {urlsplit(page.url).query!r}")
        if device_notes:
            before = tab.watch.mark()
            await page.get_by_text(KEEP_ON_DEVICE, exact=True).click()
            await tab.watch.settle(after=before)
            await expect(page.get_by_role("checkbox", name=KEEP_ON_DEVICE)).to_be_checked()
            progress(f"session {person.number}: keeping notes on the device")
        notes = page.get_by_role("textbox", name=NOTES_LABEL)
        before = tab.watch.mark()
        await notes.fill(person.notes)
        await notes.press("Tab")  # commits the text area: one run
        await tab.watch.settle(after=before)
        # The notes have reached the session (and, kept, the device) before the summary is downloaded.
        if device_notes:
            await kept_on_device(page, person.notes)
        else:
            await expect(page.get_by_text(f"Your notes ({len(person.notes)} characters)")).to_be_visible()
        progress(f"session {person.number}: notes in the session")
        summary = (await download(tab, "Download as text (Markdown)")).decode()
        if person.notes not in summary:
            tab.problems.append("the Markdown summary does not hold this session's notes")
        if f"Pain: {person.pain} out of 10." not in summary:
            tab.problems.append("the Markdown summary does not hold this session's pain")
        if person.number % PDF_EVERY == 0:
            before = tab.watch.mark()
            await page.get_by_role("button", name="Make a PDF (summary page and charts)").click()
            await tab.watch.settle(after=before)
            pdf = await download(tab, "Download as PDF (summary page and charts)")
            if not pdf.startswith(b"%PDF"):
                tab.problems.append("the PDF download is not a PDF")
        progress(f"session {person.number}: set up")
    except Exception as error:  # a timeout or a missing element is a failed check, reported below
        tab.problems.append(f"set-up: {type(error).__name__}: {str(error).splitlines()[0]}")
        progress(f"session {person.number}: {tab.problems[-1]}")
    finally:  # whatever failed, the session has a replica: the checks after it need to know which
        tab.replica = await replica_of(tab, url)


async def step_pain(tab: Tab, key: str, expected: int) -> None:
    """One pain slider step by keyboard. Times it twice: until the server says the run it started has
    finished (the replica's side, queueing included), and until the page has drawn it (the person's side)."""
    slider = tab.page.get_by_test_id("stSidebar").get_by_role("slider")
    await slider.focus()
    before = tab.watch.mark()
    shown_before = await slider.input_value()
    began = time.perf_counter()
    await tab.page.keyboard.press(key)
    while tab.watch.finished == before:
        waited = time.perf_counter() - began
        if waited > STEP_TIMEOUT_S:
            raise TimeoutError(f"no run finished within {STEP_TIMEOUT_S} s of a pain step")
        if waited > LOST_KEY_S and not tab.keys_repeated and await slider.input_value() == shown_before:
            # The press never reached the slider (the page was redrawing it): press again, once, and say so.
            tab.keys_repeated += 1
            await slider.focus()
            await tab.page.keyboard.press(key)
        await asyncio.sleep(0.005)
    ended = time.perf_counter() - began
    await tab.watch.settle(after=before)
    tab.run_ends.append(ended)
    tab.reruns.append(time.perf_counter() - began)
    if (shown := await sidebar_pain(tab.page)) != str(expected):
        tab.problems.append(f"after a step the pain shows {shown}, expected {expected}")


async def rerun(tab: Tab, steps: int, label: str) -> None:
    """`steps` pain steps, there and back, timing each; the notes must still be the session's own."""
    pain = tab.person.pain
    there, back = ("ArrowRight", "ArrowLeft") if pain < 10 else ("ArrowLeft", "ArrowRight")
    think = random.Random(tab.person.number)
    try:
        for step in range(steps):
            await asyncio.sleep(think.uniform(0, THINK_S))
            key = there if step % 2 == 0 else back
            expected = pain + (0 if step % 2 else (1 if pain < 10 else -1))
            await step_pain(tab, key, expected)
        shown = await tab.page.get_by_role("textbox", name=NOTES_LABEL).input_value()
        if shown != tab.person.notes:
            tab.problems.append(f"{label}: notes show {shown!r}")
        progress(f"session {tab.person.number}: {label} done")
    except Exception as error:
        tab.problems.append(f"{label}: {type(error).__name__}: {str(error).splitlines()[0]}")
        progress(f"session {tab.person.number}: {tab.problems[-1]}")


def requests_by_session(balancer: Balancer) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """HAProxy's logged requests per test session, each with its place in the log."""
    by_session: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for place, entry in enumerate(balancer.requests()):
        by_session.setdefault(entry["session"], []).append((place, entry))
    return by_session


def holders(replicas: dict[str, AppServer]) -> dict[int, set[str]]:
    """Which live replicas hold a connection HAProxy opened from each of its local ports (the replica's side).
    One local port can serve two connections at once when they go to different replicas, hence a set."""
    held: dict[int, set[str]] = {}
    for name, server in replicas.items():
        if server.process.poll() is None:
            for port in established_peers(server.process.pid, server.port):
                held.setdefault(port, set()).add(name)
    return held


def check_sticky(
    tabs: list[Tab], balancer: Balancer, replicas: dict[str, AppServer], label: str, since: dict[int, int] | None = None
) -> dict[str, int]:
    """Every request a session made (from its place `since` in HAProxy's log on) went to the replica its
    cookie names, and that replica process holds the session's WebSocket now. Returns sessions per replica,
    as the replica processes see it."""
    by_session = requests_by_session(balancer)
    held = holders(replicas)
    seen: dict[str, int] = dict.fromkeys(replicas, 0)
    for tab in tabs:
        mine = by_session.get(str(tab.person.number), [])
        start = (since or {}).get(tab.person.number, 0)
        servers = {entry["server"] for place, entry in mine if place >= start}
        if since is None and not servers:
            tab.problems.append(f"{label}: no request in HAProxy's log")
        elif not servers <= {tab.replica}:
            tab.problems.append(f"{label}: requests went to {sorted(servers)}, the cookie says {tab.replica!r}")
        sockets = [entry for _, entry in mine if entry["path"] == WEBSOCKET and entry["status"] == "101"]
        holding = held.get(int(sockets[-1]["bport"]), set()) if sockets else set()
        if tab.replica not in holding:
            tab.problems.append(f"{label}: the WebSocket is held by {sorted(holding)}, the cookie says {tab.replica!r}")
        else:
            seen[tab.replica] += 1
    return seen


def check_isolation(tabs: list[Tab], everyone: list[Session], contents: dict[int, str]) -> None:
    """No session ever showed another session's notes (every painted text box value, and the page now)."""
    for tab in tabs:
        for other in everyone:
            if other.number != tab.person.number and other.notes in contents[tab.person.number]:
                tab.problems.append(f"saw session {other.number}'s notes")


async def shown_text(tab: Tab) -> str:
    try:
        return await tab.page.content() + "\n".join(await tab.page.evaluate("[...window.__shown]"))
    except Exception as error:
        tab.problems.append(f"could not read the page: {type(error).__name__}")
        return ""


async def close(tabs: list[Tab]) -> None:
    """Leave the way a person does (the tab navigates away), so the servers close the sockets cleanly."""

    async def leave(tab: Tab) -> None:
        try:
            await tab.page.goto("about:blank")
        finally:
            await tab.context.close()

    await asyncio.gather(*(leave(tab) for tab in tabs), return_exceptions=True)


@dataclass
class Phase:
    label: str
    replicas: int
    per_replica: dict[str, int]
    reruns: list[float]
    run_ends: list[float]
    baseline: dict[str, float]
    peak: dict[str, float]
    rerun_cpu_ms: float  # the replicas' CPU time while the reruns ran, per rerun
    seconds: float


async def run_phase(
    browser: Browser, label: str, names: list[str], people: list[Session], server_python: str, device_notes: bool, kill: bool
) -> tuple[Phase, list[Tab], list[str]]:
    """Start `names` replicas and HAProxy, run every person through set-up and reruns, check stickiness,
    and with `kill`, kill the busiest replica and check its sessions come back and the others carry on."""
    began = time.perf_counter()
    progress(f"{label}: starting")
    replicas = {
        name: started(AppServer(python=server_python, log_path=Path(f"/tmp/backpain-scale-{len(names)}-{name}.log")))
        for name in names
    }
    await asyncio.gather(*(warm(browser, server) for server in replicas.values()))
    balancer = started(Balancer({name: server.port for name, server in replicas.items()}))
    assert_loopback(balancer.url)
    await asyncio.sleep(1)
    memory = Memory(replicas)
    progress(f"{label}: replicas warm, HAProxy on {balancer.url}")
    notes: list[str] = []
    tabs = [await open_tab(browser, person) for person in people]
    try:
        await asyncio.gather(*(set_up(tab, balancer.url, i * STAGGER_S, device_notes) for i, tab in enumerate(tabs)))
        progress(f"{label}: every session set up; reruns")
        # Everyone at once: the reruns are timed under the full load.
        cpu_before = sum(map(cpu_seconds, replicas.values()))
        await asyncio.gather(*(rerun(tab, RERUNS, f"{label} reruns") for tab in tabs))
        reruns = [seconds for tab in tabs for seconds in tab.reruns]
        run_ends = [seconds for tab in tabs for seconds in tab.run_ends]
        rerun_cpu_ms = (sum(map(cpu_seconds, replicas.values())) - cpu_before) / max(1, len(reruns)) * 1000
        per_replica = check_sticky(tabs, balancer, replicas, label)
        # What each page has shown so far (a reload after the kill starts the page's record afresh).
        contents = {tab.person.number: await shown_text(tab) for tab in tabs}
        if kill:
            notes += await kill_one(tabs, balancer, replicas, device_notes)
            contents = {tab.person.number: contents[tab.person.number] + await shown_text(tab) for tab in tabs}
        check_isolation(tabs, people, contents)
    finally:
        memory.stop()
        await close(tabs)
    for name, server in replicas.items():
        if server.process.poll() is None:
            problems = [line for line in server.log.splitlines() if re.search(r"traceback|exception|error|warning", line, re.I)]
            notes += [f"{label}: {name} log: {line}" for line in problems]
    for process in [balancer, *replicas.values()]:
        _RUNNING.remove(process)
        process.stop()
    if repeated := sum(tab.downloads_repeated for tab in tabs):
        notes.append(f"{label}: {repeated} download clicks repeated after a run of the page replaced the file")
    if repeated := sum(tab.keys_repeated for tab in tabs):
        notes.append(f"{label}: {repeated} pain steps pressed again: the first press never reached the slider")
    phase = Phase(
        label, len(names), per_replica, reruns, run_ends, memory.baseline, memory.peak, rerun_cpu_ms, time.perf_counter() - began
    )
    return phase, tabs, notes


async def kill_one(tabs: list[Tab], balancer: Balancer, replicas: dict[str, AppServer], device_notes: bool) -> list[str]:
    """SIGKILL the replica with the most sessions. Its sessions reload My visit (same address) and must come
    back on a survivor with their own situation and, kept on the device, their own notes; every other
    session's WebSocket must stay open, its cookie and notes unchanged, and its next rerun work."""
    counts = {name: sum(tab.replica == name for tab in tabs) for name in replicas}
    victim = max(counts, key=counts.get)
    moved = [tab for tab in tabs if tab.replica == victim]
    stayed = [tab for tab in tabs if tab.replica != victim]
    closed_before = {tab.person.number: tab.sockets_closed for tab in tabs}
    problems_before = {tab.person.number: len(tab.problems) for tab in tabs}
    since = dict.fromkeys((tab.person.number for tab in tabs), len(balancer.requests()))
    killed_at = time.perf_counter()
    replicas[victim].process.send_signal(signal.SIGKILL)
    replicas[victim].process.wait(10)
    down = f"app/{victim} is DOWN"
    while down not in balancer.log:
        if time.perf_counter() - killed_at > DOWN_WITHIN_S:
            raise RuntimeError(f"HAProxy did not mark {victim} down within {DOWN_WITHIN_S} s")
        await asyncio.sleep(0.1)
    down_after = time.perf_counter() - killed_at
    progress(f"killed {victim}; HAProxy marked it down after {down_after:.1f} s")
    await asyncio.sleep(3)  # the moved tabs' own reconnection attempts settle before they reload

    async def come_back(tab: Tab) -> None:
        try:
            since[tab.person.number] = len(balancer.requests())
            await tab.page.goto(f"{balancer.url}{tab.visit_url}")
            await tab.watch.settle()
            tab.replica = await replica_of(tab, balancer.url)
            if tab.replica == victim or tab.replica not in replicas:
                tab.problems.append(f"after the kill the cookie says {tab.replica!r}")
            if (pain := await sidebar_pain(tab.page)) != str(tab.person.pain):
                tab.problems.append(f"after the kill the pain shows {pain}, expected {tab.person.pain}")
            if device_notes:
                notes = tab.page.get_by_role("textbox", name=NOTES_LABEL)
                await expect(notes).to_have_value(tab.person.notes, timeout=60_000)
                await kept_on_device(tab.page, tab.person.notes)
                if tab.person.notes not in await tab.page.evaluate("[...window.__shown]"):
                    tab.problems.append("the text box record missed the notes the page put back")
            progress(f"session {tab.person.number}: back on {tab.replica}")
        except Exception as error:
            tab.problems.append(f"after the kill: {type(error).__name__}: {str(error).splitlines()[0]}")
            progress(f"session {tab.person.number}: {tab.problems[-1]}")

    async def carry_on(tab: Tab) -> None:
        if tab.sockets_closed != closed_before[tab.person.number]:
            tab.problems.append("a session on a surviving replica lost its WebSocket")
        if (now := await replica_of(tab, balancer.url)) != tab.replica:
            tab.problems.append(f"a session on a surviving replica moved from {tab.replica} to {now!r}")
        before = len(tab.reruns)
        await rerun(tab, 2, "after the kill")
        del tab.reruns[before:], tab.run_ends[before:]  # not part of the timed reruns

    await asyncio.gather(*(come_back(tab) for tab in moved), *(carry_on(tab) for tab in stayed))
    survivors = {name: server for name, server in replicas.items() if name != victim}
    # After the kill: every request of a moved session since its reload, and every request of the others,
    # went to the surviving replica its cookie names, which holds the session's WebSocket.
    check_sticky(tabs, balancer, survivors, "after the kill", since)

    def fine(group: list[Tab]) -> int:
        """How many in `group` had no problem from the kill on."""
        return sum(len(tab.problems) == problems_before[tab.person.number] for tab in group)

    lines = [
        f"killed {victim} (SIGKILL) with {len(moved)} sessions; HAProxy marked it down after {down_after:.1f} s",
        f"{fine(moved)}/{len(moved)} moved sessions came back on "
        + ", ".join(f"{name}: {sum(t.replica == name for t in moved)}" for name in survivors)
        + " with their situation"
        + (" and notes from the device" if device_notes else ""),
        f"{fine(stayed)}/{len(stayed)} sessions on the surviving replicas carried on without noticing",
    ]
    if not device_notes:
        lines.append(
            f'NOT RUN: notes coming back from the device ("{KEEP_ON_DEVICE}" is not in pages/ or components/ yet); '
            "the situation from the address was checked"
        )
    return lines


def table(phases: list[Phase], count: int) -> list[str]:
    rows = [
        "| replicas | sessions | sessions per replica | pain step to run finished, p50 / p95 | to page drawn, p50 / p95 "
        "| steps timed | server CPU per step | replica RSS after warm-up → peak | phase time |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for phase in phases:
        spread = ", ".join(f"{name}: {n}" for name, n in phase.per_replica.items())
        memory = ", ".join(f"{name}: {phase.baseline[name]:.0f} → {phase.peak[name]:.0f} MiB" for name in phase.peak)
        ends, drawn = phase.run_ends, phase.reruns
        rows.append(
            f"| {phase.replicas} | {count} | {spread} "
            f"| {statistics.median(ends) * 1000:.0f} / {p95(ends) * 1000:.0f} ms "
            f"| {statistics.median(drawn) * 1000:.0f} / {p95(drawn) * 1000:.0f} ms "
            f"| {len(drawn)} | {phase.rerun_cpu_ms:.0f} ms | {memory} | {phase.seconds:.0f} s |"
        )
    return rows


async def main(count: int, server_python: str) -> int:
    device_notes = device_notes_in_source()
    people = sessions(count)
    # The same secret on every replica, as in deploy/compose.yaml and deploy/k8s (AppServer passes the
    # environment on to each `streamlit run`).
    os.environ["STREAMLIT_SERVER_COOKIE_SECRET"] = secrets.token_hex(32)
    phases: list[Phase] = []
    notes: list[str] = []
    failures: list[tuple[str, int, str]] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for label, names, kill in (("1 replica", ["app1"], False), ("3 replicas", ["app1", "app2", "app3"], True)):
                phase, tabs, phase_notes = await run_phase(browser, label, names, people, server_python, device_notes, kill)
                phases.append(phase)
                notes += phase_notes
                failures += [(label, tab.person.number, problem) for tab in tabs for problem in tab.problems]
        finally:
            await browser.close()
    print("\n".join(table(phases, count)))
    for line in notes:
        print(line)
    for label, number, problem in failures:
        print(f"{label}, session {number}: {problem}")
    if failures:  # the same problem in many sessions, counted once
        kinds: dict[str, set[str]] = {}
        for label, number, problem in failures:
            kind = re.sub(r"'[^']*'|\[[^]]*\]|\d+", "…", problem.split(";")[0])
            kinds.setdefault(f"{label}: {kind}", set()).add(str(number))
        print("Problems by kind (sessions):")
        for kind, numbers in sorted(kinds.items()):
            print(f"  {len(numbers):>2}  {kind}")
    log_problems = [line for line in notes if " log: " in line]
    ok = not failures and not log_problems and len(phases) == 2
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def run(count: int, server_python: str, deadline_s: float) -> int:
    """`main` within the deadline; past it, everything is stopped and the run fails."""
    atexit.register(stop_everything)
    PROGRESS.write_text("")
    print(f"Progress: {PROGRESS}", flush=True)

    def out_of_time(_signum, _frame) -> None:  # the last resort if the event loop itself is stuck
        print(f"FAIL: still running {deadline_s + 60:.0f} s after the start; stopping everything", file=sys.stderr)
        stop_everything()
        os._exit(3)

    def terminated(signum, _frame) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGALRM, out_of_time)
    signal.signal(signal.SIGTERM, terminated)
    signal.alarm(int(deadline_s) + 60)
    try:
        return asyncio.run(asyncio.wait_for(main(count, server_python), deadline_s))
    except TimeoutError:
        print(f"FAIL: the scale test did not finish within {deadline_s:.0f} s", file=sys.stderr)
        return 2
    finally:
        signal.alarm(0)
        stop_everything()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--server-python", default=sys.executable, help="the Python that runs the replicas")
    # 60 sessions take about 12 minutes on 2 cores (README, "Serving many patients"); the rest is headroom.
    parser.add_argument("--deadline", type=float, default=20 * 60, help="seconds; past it the run stops and fails")
    arguments = parser.parse_args()
    sys.exit(run(arguments.sessions, arguments.server_python, arguments.deadline))
