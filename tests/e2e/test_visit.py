"""My visit in a real browser: each download arrives with the right name and content."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pypdf
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, wait_for_app

LINK = "symptoms=leg_pain,numbness&pain=8&function=severe&duration=chronic&tried=physical_therapy,medications&t=discectomy,multidisciplinary_rehab"


def download(page: Page, label: str, tmp_path: Path) -> tuple[str, bytes]:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return info.value.suggested_filename, target.read_bytes()


def make_pdf(page: Page) -> None:
    """The PDF is made on request: its button turns into the download button when it is ready."""
    page.get_by_role("button", name="Make a PDF (summary page and charts)").click()
    expect(page.get_by_role("button", name="Download as PDF (summary page and charts)")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("button", name="Make a PDF (summary page and charts)")).to_have_count(0)


def test_each_download_on_my_visit_gives_the_expected_file(page: Page, server: Server, tmp_path: Path):
    page.goto(f"{server.url}/visit?{LINK}")
    wait_for_app(page)
    notes = page.get_by_role("textbox", name="Notes for your visit")
    notes.fill("Ask whether I can keep driving.")
    notes.press("Tab")  # commit the text area
    wait_for_app(page)
    before = date.today()
    name, body = download(page, "Download as text (Markdown)", tmp_path)
    after = date.today()
    # The date is the server's, as the file states it (the test's clock may pass midnight in between).
    text = body.decode("utf-8")
    stamp = re.match(r"# Back pain: notes for my visit \((\d{4}-\d{2}-\d{2})\)", text).group(1)
    assert before <= date.fromisoformat(stamp) <= after
    assert name == f"backpain-visit-{stamp}.md"
    assert "Microdiscectomy or open discectomy" in text and "Pain rehabilitation programme" in text
    assert "Ask whether I can keep driving." in text and "not medical advice" in text

    name, body = download(page, "Download as a spreadsheet (CSV)", tmp_path)
    assert name == f"backpain-visit-{stamp}.csv"
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert rows[0]["section"] == "date" and rows[0]["item"] == stamp
    assert [r["item"] for r in rows if r["section"] == "shortlist"] == [
        "Microdiscectomy or open discectomy",
        "Pain rehabilitation programme (physical and psychological)",
    ]

    make_pdf(page)
    name, body = download(page, "Download as PDF (summary page and charts)", tmp_path)
    assert name == f"backpain-visit-{stamp}.pdf"
    reader = pypdf.PdfReader(io.BytesIO(body))
    # Page 1: the summary with the ladder. Page 2: the shortlist's outcomes out of 100 (discectomy has
    # a drawn figure; the rehabilitation programme says plainly that there are no reliable numbers).
    assert len(reader.pages) == 2 and len(reader.pages[0].images) == 1 and len(reader.pages[1].images) == 1
    assert "Microdiscectomy or open discectomy" in reader.pages[0].extract_text()
    assert f"notes for my visit ({stamp})" in reader.pages[0].extract_text()
    outcomes = reader.pages[1].extract_text().replace("\n", " ")
    assert "95 in 100 people felt they had recovered" in outcomes
    assert "Pain rehabilitation programme (physical and psychological) There are no reliable numbers" in outcomes

    # Downloads do not rerun the page: the notes and the shortlist are still there.
    expect(notes).to_have_value("Ask whether I can keep driving.")
    expect(page.get_by_text("Take it with you")).to_be_visible()
