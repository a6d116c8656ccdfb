"""Choosing a language in a real browser: the page's <html lang>, and a switch mid-journey keeps the
situation, the shortlist and the notes. With a made-up complete language ("xx", tests/test_i18n.py),
added the way a clinic would add one: files in its content folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from components.data import DATA_DIR
from components.i18n import LOCALES_DIR, read_catalogue
from components.translations import translation_file
from tests.e2e.conftest import Server, content_server, wait_for_app
from tests.test_i18n import LANGUAGE, tagged, write_catalogue
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


def test_switching_language_mid_journey_keeps_the_situation_shortlist_and_notes(page: Page, language_server: Server):
    page.goto(f"{language_server.url}/visit?symptoms=leg_pain&pain=6&t=discectomy,exercise_therapy&lang={LANGUAGE}")
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", LANGUAGE)
    expect(page.get_by_text(f"Symptoms: [{LANGUAGE}] pain spreading down a leg (sciatica).")).to_be_visible()
    notes = page.get_by_role("textbox", name="Notes for your visit")
    notes.fill("Ask about driving.")
    notes.press("Tab")
    wait_for_app(page)

    page.get_by_test_id("stSidebar").get_by_role("radio", name="English").click()
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Symptoms: pain spreading down a leg (sciatica).")).to_be_visible()
    query = parse_qs(urlsplit(page.url).query)
    assert query["lang"] == ["en"] and query["pain"] == ["6"] and query["t"] == ["discectomy,exercise_therapy"]
    expect(notes).to_have_value("Ask about driving.")
    expect(page.get_by_test_id("stSidebar").get_by_role("slider")).to_have_value("6")
