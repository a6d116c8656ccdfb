"""'Keep my notes on this device' in a real browser: the notes go to the browser's storage only when
asked, come back after a reload and after a server restart, and 'Forget my notes' removes them."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from components.notes_store import FORGET_LABEL, KEEP_LABEL, STORAGE_KEY
from tests.e2e.conftest import Server, wait_for_app

LINK = "symptoms=back_pain&pain=6&duration=acute"
NOTES = "Ask whether I can keep driving. Pain worse when sitting."


def stored(page: Page) -> object:
    raw = page.evaluate(f"window.localStorage.getItem({json.dumps(STORAGE_KEY)})")
    return None if raw is None else json.loads(raw)


def wait_until_stored(page: Page, notes: str | None, timeout: float = 15_000) -> None:
    """Wait until the browser's storage holds these notes (None: nothing)."""
    page.wait_for_function(
        """([key, notes]) => {
            const raw = window.localStorage.getItem(key);
            return notes === null ? raw === null : raw !== null && JSON.parse(raw).notes === notes;
        }""",
        arg=[STORAGE_KEY, notes],
        timeout=timeout,
    )


def notes_box(page: Page):
    return page.get_by_role("textbox", name="Notes for your visit")


def type_notes(page: Page, text: str) -> None:
    notes_box(page).fill(text)
    notes_box(page).press("Tab")  # commit the text area
    wait_for_app(page)


def keep_notes(page: Page, text: str) -> None:
    page.get_by_text(KEEP_LABEL).click()
    wait_for_app(page)
    type_notes(page, text)


def expect_no_notes_after_a_reload(page: Page) -> None:
    page.reload()
    wait_for_app(page)
    expect(notes_box(page)).to_have_value("")


def test_notes_stay_off_the_device_unless_asked(page: Page, server: Server):
    page.goto(f"{server.url}/visit?{LINK}")
    wait_for_app(page)
    type_notes(page, NOTES)
    expect(page.get_by_text("are kept until you close this tab")).to_be_visible()
    assert stored(page) is None
    expect_no_notes_after_a_reload(page)


def test_kept_notes_come_back_after_a_reload_and_forget_removes_them(page: Page, server: Server):
    page.goto(f"{server.url}/visit?{LINK}")
    wait_for_app(page)
    keep_notes(page, NOTES)
    wait_until_stored(page, NOTES)
    assert stored(page) == {"notes": NOTES}
    expect(page.get_by_text("kept in this browser on this device, not on our server")).to_be_visible()

    page.reload()
    wait_for_app(page)
    expect(notes_box(page)).to_have_value(NOTES, timeout=15_000)
    expect(page.get_by_role("checkbox", name=KEEP_LABEL)).to_be_checked()

    # A change is stored too.
    type_notes(page, NOTES + " Bring my medicines list.")
    wait_until_stored(page, NOTES + " Bring my medicines list.")

    page.get_by_role("button", name=FORGET_LABEL).click()
    wait_for_app(page)
    expect(notes_box(page)).to_have_value("")
    expect(page.get_by_role("checkbox", name=KEEP_LABEL)).not_to_be_checked()
    wait_until_stored(page, None)
    expect_no_notes_after_a_reload(page)


def test_unticking_keep_removes_the_notes_from_the_device_but_not_from_the_tab(page: Page, server: Server):
    page.goto(f"{server.url}/visit?{LINK}")
    wait_for_app(page)
    keep_notes(page, NOTES)
    wait_until_stored(page, NOTES)
    page.get_by_text(KEEP_LABEL).click()
    wait_for_app(page)
    wait_until_stored(page, None)
    expect(notes_box(page)).to_have_value(NOTES)


def test_kept_notes_come_back_after_the_server_restarts(browser: Browser, tmp_path: Path):
    first = Server(tmp_path / "first.log")
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        page.goto(f"{first.url}/visit?{LINK}")
        expect(notes_box(page)).to_be_visible(timeout=30_000)
        page.get_by_text(KEEP_LABEL).click()
        expect(page.get_by_role("checkbox", name=KEEP_LABEL)).to_be_checked()
        notes_box(page).fill(NOTES)
        notes_box(page).press("Tab")
        wait_until_stored(page, NOTES, timeout=30_000)
    finally:
        first.stop()
    # The same address, a new server process: every session it had is gone.
    second = RestartedServer(tmp_path / "second.log", first.port)
    try:
        # The page reconnects by itself to the new server, which starts an empty session: the
        # situation comes back from the address, the notes from the browser.
        expect(notes_box(page)).to_have_value(NOTES, timeout=60_000)
        expect(page.get_by_role("checkbox", name=KEEP_LABEL)).to_be_checked()
        assert "Traceback" not in second.log
        context.close()
    finally:
        second.stop()


class RestartedServer(Server):
    def __init__(self, log_path: Path, port: int) -> None:
        super(Server, self).__init__(log_path=log_path, port=port)
