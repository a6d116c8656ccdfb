"""The escalation ladder in a real browser: every chart drawn, no console errors, one highlight for all."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.e2e.conftest import Server, wait_for_app

SITUATION = "symptoms=leg_pain,numbness&pain=8&function=severe&duration=chronic&tried=physical_therapy,medications"
# On a page path such as /ladder, Streamlit's frontend first probes /ladder/_stcore/... before
# the app root; those two 404s are Streamlit's own start-up, not this app.
STREAMLIT_PROBES = re.compile(r"/[a-z]+/_stcore/(health|host-config)$")


def watch_console(page: Page) -> list[str]:
    errors: list[str] = []
    failed: set[str] = set()

    def on_response(response) -> None:
        if response.status >= 400 and not STREAMLIT_PROBES.search(response.url):
            failed.add(response.url)
            errors.append(f"HTTP {response.status} {response.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            errors.append(message.text)

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def open_with_charts(page: Page, url: str, charts: int) -> list[str]:
    """Open `url`, wait until its charts are drawn, and return the console errors seen (and still to come)."""
    errors = watch_console(page)
    page.goto(url)
    wait_for_app(page)
    expect_charts_drawn(page, charts)
    return errors


def expect_charts_drawn(page: Page, count: int) -> None:
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(count)
    for index in range(count):
        expect(charts.nth(index).locator("canvas, svg").first).to_be_visible()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 720}, {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_all_three_ladder_charts_are_drawn_without_console_errors(page: Page, server: Server, viewport):
    page.set_viewport_size(viewport)
    errors = open_with_charts(page, f"{server.url}/ladder?{SITUATION}", 3)
    expect(page.get_by_role("heading", name="1. The ladder")).to_be_visible()
    assert errors == []


def test_clicking_a_category_in_one_legend_highlights_it_in_every_chart(page: Page, server: Server):
    errors = open_with_charts(page, f"{server.url}/ladder?{SITUATION}", 3)
    medicines = page.get_by_role("radiogroup", name=re.compile("Highlight a category")).get_by_role("radio", name="Medicines")
    expect(medicines).not_to_be_checked()
    legend_entry = page.get_by_test_id("stVegaLiteChart").first.locator("svg text", has_text="Medicines")
    legend_entry.click()
    wait_for_app(page)
    # The shared highlight control now shows the category the legend click chose.
    expect(medicines).to_be_checked()
    expect_charts_drawn(page, 3)
    assert errors == []


def test_explore_is_headed_by_the_small_ladder(page: Page, server: Server):
    errors = open_with_charts(page, f"{server.url}/explore?{SITUATION}", 1)
    page.get_by_role("link", name="See the full escalation ladder").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/ladder\?.*pain=8"))
    expect_charts_drawn(page, 3)
    assert errors == []
