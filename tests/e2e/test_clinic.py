"""A clinic's deployment in a real browser: its logo, its colours, its numbers, its feedback address."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from components.clinic import CLINIC_FILE
from components.data import DATA_DIR
from tests.e2e.conftest import Server, content_server, serious_axe_violations, wait_for_app

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def clinic_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    content = tmp_path_factory.mktemp("clinic") / "content"
    shutil.copytree(DATA_DIR, content)
    shutil.copy(ROOT / "examples" / CLINIC_FILE, content)
    shutil.copy(ROOT / "examples" / "riverside-logo.png", content)
    server = content_server(content)
    yield server
    server.stop()


def test_the_clinics_logo_colours_numbers_and_feedback_link_reach_the_browser(page: Page, clinic_server: Server):
    # The first visit to a fresh server. Its first run sets the clinic's colours and runs again at
    # once, so they are there when the page has settled (components.frame._apply_theme).
    page.goto(f"{clinic_server.url}/?symptoms=back_pain&flags=bladder_bowel")
    wait_for_app(page)
    banner = page.get_by_test_id("stAlertContentError").first
    expect(banner).to_contain_text("Call the emergency services on 999 or go to the nearest emergency department now.")
    expect(page.get_by_text("This app is provided by Riverside Back Care Clinic.")).to_be_visible()

    logo = page.get_by_test_id("stSidebarLogo").or_(page.get_by_test_id("stHeaderLogo")).first
    expect(logo).to_be_visible()
    assert logo.get_attribute("src").startswith(f"{clinic_server.url}/media/") or logo.get_attribute("src").startswith("/media/")

    # The theme is the clinic's: a white page, and the slider's handle in its primary colour (#0b6e4f).
    background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    assert background == "rgb(255, 255, 255)"
    slider_colours = page.evaluate(
        "[...document.querySelectorAll('[data-testid=stSlider] *')].map(e => getComputedStyle(e).backgroundColor)"
    )
    assert "rgb(11, 110, 79)" in slider_colours
    assert "rgb(29, 78, 216)" not in slider_colours  # the app's own blue (#1d4ed8) is gone

    link = page.get_by_role("link", name="Tell us what was unclear")
    assert link.get_attribute("href").startswith(
        "mailto:backpain-app@riverside-back-care.example.org?subject=What%20was%20unclear"
    )
    assert "back_pain" not in link.get_attribute("href")
    # Settled (the first visit's extra run can leave elements faded while it draws): the clinic's
    # colours pass the same accessibility check as the app's own.
    page.reload()
    wait_for_app(page)
    expect(page.locator("[data-stale=true]")).to_have_count(0)
    assert serious_axe_violations(page) == []
    assert "Traceback" not in clinic_server.log
