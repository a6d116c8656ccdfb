"""Privacy and a clean server log over a full journey: every page, the shortlist, notes, downloads."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page, expect

from benchmarks.server import ROOT
from tests.e2e.conftest import Server, wait_for_app
from tests.e2e.test_visit import make_pdf

SITUATION = "symptoms=leg_pain,numbness&pain=7&function=some&duration=subacute&tried=medications"


def files_containing(token: str, folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        if not folder.exists():
            continue
        for path in [folder] if folder.is_file() else folder.rglob("*"):
            if any(part in {".git", ".venv", "__pycache__", "node_modules"} for part in path.parts) or not path.is_file():
                continue
            try:
                if token.encode() in path.read_bytes():
                    found.append(path)
            except OSError:
                continue
    return found


def test_a_full_journey_stays_on_the_apps_own_host_and_leaves_a_clean_log(page: Page, fresh_server: Server, tmp_path: Path):
    own_host = urlparse(fresh_server.url).netloc
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    notes_token = f"private-note-{uuid.uuid4().hex}"
    device = tmp_path / "device"  # stands in for the person's own downloads folder
    device.mkdir()

    page.goto(f"{fresh_server.url}/?{SITUATION}")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name="Explore treatments").click()
    wait_for_app(page)
    details = page.get_by_role("combobox", name=re.compile("Choose a treatment"))
    details.click()
    details.fill("Exercise therapy")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Add to my shortlist").click()
    wait_for_app(page)
    sidebar.get_by_role("link", name="Escalation ladder").click()
    wait_for_app(page)
    page.get_by_test_id("stVegaLiteChart").first.locator("svg text", has_text="Medicines").click()
    wait_for_app(page)
    sidebar.get_by_role("link", name="Compare options").click()
    wait_for_app(page)
    sidebar.get_by_role("link", name="My visit").click()
    wait_for_app(page)
    expect(page.get_by_text("Exercise therapy (physiotherapist-led)").first).to_be_visible()
    notes = page.get_by_role("textbox", name="Notes for your visit")
    notes.fill(notes_token)
    notes.press("Tab")
    wait_for_app(page)
    make_pdf(page)
    for label in ("Download as text (Markdown)", "Download as PDF (summary page and charts)"):
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name=label).click()
        info.value.save_as(device / info.value.suggested_filename)
    assert notes_token.encode() in next(device.glob("*.md")).read_bytes()
    sidebar.get_by_role("link", name="Sources & method").click()
    wait_for_app(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the dataset (zip of CSV files)").click()
    assert info.value.suggested_filename == "backpain-dataset.zip"

    # Nothing went to any other host. A blob: address is data the page made itself (the notes
    # store's inline script is loaded that way); it names the page's own origin.
    assert requests and {urlparse(url.removeprefix("blob:")).netloc for url in requests} == {own_host}
    # The notes reached the person's own download, and nowhere on the server's disk.
    server_side = [ROOT, Path.home() / ".streamlit", fresh_server.log_path]
    assert files_containing(notes_token, server_side) == []
    # The server log has no traceback, exception or deprecation warning.
    log = fresh_server.log
    for word in ("Traceback", "Exception", "Error", "Warning", "deprecat"):
        assert word.lower() not in log.lower(), log
