"""Choosing a language in a real browser: the page's <html lang>, and a switch mid-journey keeps the
situation, the shortlist and the notes. With a made-up complete language ("xx", tests/test_i18n.py),
added the way a clinic would add one: files in its content folder."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pypdf
import pytest
from playwright.sync_api import Page, expect

from components.data import DATA_DIR
from components.i18n import LOCALES_DIR, read_catalogue
from components.translations import translation_file
from tests.e2e.conftest import Server, content_server, wait_for_app
from tests.e2e.test_visit import download
from tests.test_i18n import LANGUAGE, tagged, write_catalogue
from tests.test_spanish import spanish
from tests.test_translations import ONLY_ENGLISH, full_translation


@pytest.fixture(scope="module")
def language_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    content = tmp_path_factory.mktemp("language") / "content"
    shutil.copytree(DATA_DIR, content, ignore=ONLY_ENGLISH)  # the made-up language alone
    (content / "translations").mkdir()
    full_translation().to_csv(content / translation_file(LANGUAGE), index=False)
    messages = [m.id for m in read_catalogue(LOCALES_DIR / "messages.pot") if m.id]
    write_catalogue(content / "locales", LANGUAGE, {m: tagged(m) for m in messages})
    server = content_server(content)
    yield server
    server.stop()


def write_notes(page: Page, text: str) -> None:
    notes = page.get_by_role("textbox", name="Notes for your visit")
    notes.fill(text)
    notes.press("Tab")  # commit the text area
    wait_for_app(page)


def switch_language(page: Page, name: str, code: str) -> None:
    """Choose a language in the sidebar, as a person would, and wait for the page in it."""
    page.get_by_test_id("stSidebar").get_by_role("radio", name=name).click()
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", code)


def test_switching_language_mid_journey_keeps_the_situation_shortlist_and_notes(page: Page, language_server: Server):
    page.goto(f"{language_server.url}/visit?symptoms=leg_pain&pain=6&t=discectomy,exercise_therapy&lang={LANGUAGE}")
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", LANGUAGE)
    expect(page.get_by_text(f"Symptoms: [{LANGUAGE}] pain spreading down a leg (sciatica).")).to_be_visible()
    write_notes(page, "Ask about driving.")
    switch_language(page, "English", "en")
    expect(page.get_by_text("Symptoms: pain spreading down a leg (sciatica).")).to_be_visible()
    query = parse_qs(urlsplit(page.url).query)
    assert query["lang"] == ["en"] and query["pain"] == ["6"] and query["t"] == ["discectomy,exercise_therapy"]
    expect(page.get_by_role("textbox", name="Notes for your visit")).to_have_value("Ask about driving.")
    expect(page.get_by_test_id("stSidebar").get_by_role("slider")).to_have_value("6")


def test_a_person_switches_to_spanish_mid_journey_and_takes_spanish_downloads(page: Page, server: Server, tmp_path: Path):
    """The shipped app: Spanish is offered beside English. A person who started in English switches,
    and keeps the situation, shortlist, notes and pain; the three downloads come out in Spanish."""
    page.goto(f"{server.url}/visit?symptoms=leg_pain&pain=6&duration=subacute&t=discectomy,exercise_therapy")
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    write_notes(page, "Preguntar si puedo conducir.")
    switch_language(page, "Español", "es")
    expect(page.get_by_role("heading", name=spanish("My visit"), exact=True)).to_be_visible()
    expect(page.get_by_text("Síntomas: dolor que baja por una pierna (ciática).")).to_be_visible()
    kept = {
        "lang": ["es"],
        "symptoms": ["leg_pain"],
        "pain": ["6"],
        "duration": ["subacute"],
        "t": ["discectomy,exercise_therapy"],
    }
    assert parse_qs(urlsplit(page.url).query) == kept
    notes = page.get_by_role("textbox", name=spanish("Notes for your visit"))
    expect(notes).to_have_value("Preguntar si puedo conducir.")
    expect(page.get_by_test_id("stSidebar").get_by_role("slider")).to_have_value("6")

    _, markdown = download(page, spanish("Download as text (Markdown)"), tmp_path)
    _, table = download(page, spanish("Download as a spreadsheet (CSV)"), tmp_path)
    page.get_by_role("button", name=spanish("Make a PDF (summary page and charts)")).click()
    pdf_label = spanish("Download as PDF (summary page and charts)")
    expect(page.get_by_role("button", name=pdf_label)).to_be_visible(timeout=60_000)
    _, pdf = download(page, pdf_label, tmp_path)
    assert parse_qs(urlsplit(page.url).query) == kept  # the runs since the switch kept every answer
    summary = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace("\n", " ")
    for text in (markdown.decode("utf-8"), table.decode("utf-8"), summary):
        assert "información, no es consejo médico ni un diagnóstico" in text.replace("\n", " "), text[:300]
        assert "Preguntar si puedo conducir." in text
        assert "Discectomía" in text or "discectomía" in text, text[:600]
        assert "Symptoms:" not in text and "Questions for" not in text


@pytest.mark.browser_context_args(locale="es-ES")
def test_a_browser_set_to_spanish_opens_the_app_in_spanish(page: Page, server: Server):
    """With no `lang` in the link, the browser's language picks the default (st.context.locale)."""
    page.goto(f"{server.url}/?symptoms=leg_pain")
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", name=spanish("Back pain treatment options"), exact=True)).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_role("radio", name="Español")).to_be_checked()


def test_explores_filter_and_open_treatment_stay_after_a_switch_to_spanish(page: Page, server: Server):
    """The invasiveness filter and the treatment whose details are open are choices whose labels change
    with the language: they keep their values (H67), as the ladder's highlight does."""
    page.goto(f"{server.url}/explore?symptoms=leg_pain&pain=6&duration=subacute")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    main.get_by_role("slider").focus()
    for _ in range(3):
        main.get_by_role("slider").press("ArrowLeft")
    wait_for_app(page)
    expect(main.get_by_role("slider")).to_have_attribute("aria-valuetext", "2 - medicines, needles or hands-on")
    details = main.get_by_role("combobox", name=re.compile("Choose a treatment"))
    details.click()
    details.fill("Exercise therapy")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(main.get_by_role("heading", name="Exercise therapy (physiotherapist-led)")).to_be_visible()

    switch_language(page, "Español", "es")
    expect(main.get_by_role("slider")).to_have_attribute("aria-valuetext", spanish("2 - medicines, needles or hands-on"))
    expect(main.get_by_role("heading", name="Ejercicio terapéutico (guiado por un fisioterapeuta)")).to_be_visible()
    main.get_by_role("button", name=spanish("Add to my shortlist")).click()  # a run after the switch keeps them
    wait_for_app(page)
    expect(main.get_by_role("slider")).to_have_attribute("aria-valuetext", spanish("2 - medicines, needles or hands-on"))
    expect(main.get_by_role("heading", name="Ejercicio terapéutico (guiado por un fisioterapeuta)")).to_be_visible()
