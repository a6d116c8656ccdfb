"""Accessibility and screen-sharing in a real browser: axe-core, presentation mode, keyboard, phone width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from components.pages import PAGES
from tests.e2e.conftest import Server, serious_axe_violations, wait_for_app

SITUATION = "symptoms=leg_pain,numbness&pain=7&function=some&duration=subacute&tried=medications&t=discectomy,exercise_therapy"
PATHS = ["/" + info.url_path for info in PAGES]


@pytest.mark.parametrize("mode", ["normal", "presentation"])
@pytest.mark.parametrize("path", PATHS)
def test_no_serious_or_critical_axe_violations(page: Page, server: Server, path: str, mode: str):
    extra = "&present=1" if mode == "presentation" else ""
    page.goto(f"{server.url}{path}?{SITUATION}{extra}")
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").get_by_role("heading").first).to_be_visible()
    assert serious_axe_violations(page) == []


@pytest.mark.parametrize("path", PATHS)
def test_no_serious_or_critical_axe_violations_in_spanish(page: Page, server: Server, path: str):
    """The same pages in Spanish, with <html lang="es"> so screen readers pronounce them in Spanish."""
    page.goto(f"{server.url}{path}?{SITUATION}&lang=es")
    wait_for_app(page)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_test_id("stMain").get_by_role("heading").first).to_be_visible()
    assert serious_axe_violations(page) == []


def body_text_px(page: Page) -> float:
    # The page's main body text: the situation in words under the title.
    paragraph = page.get_by_test_id("stMain").locator("p", has_text="Symptoms:").first
    return float(paragraph.evaluate("p => parseFloat(getComputedStyle(p).fontSize)"))


def test_presentation_mode_is_readable_across_a_desk_and_keeps_the_view(page: Page, server: Server):
    page.goto(f"{server.url}/explore?{SITUATION}")
    wait_for_app(page)
    normal = body_text_px(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Presentation mode").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"present=1"))
    presenting = body_text_px(page)
    assert presenting >= 20 and presenting >= 1.2 * normal, (normal, presenting)
    heading = page.get_by_role("heading", name="Explore treatments", exact=True)
    assert float(heading.evaluate("h => parseFloat(getComputedStyle(h).fontSize)")) > presenting * 1.5
    expect(page.get_by_test_id("stMainMenu")).to_be_hidden()
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    # Folded, but not out of reach: » brings back the situation and the pages.
    expect(page.get_by_test_id("stExpandSidebarButton")).to_be_visible()
    # Leaving presentation mode keeps the situation and the link follows.
    page.get_by_role("button", name="Leave presentation mode").click()
    wait_for_app(page)
    expect(page).not_to_have_url(re.compile(r"present=1"))
    expect(page).to_have_url(re.compile(r"pain=7"))
    assert body_text_px(page) == normal


def test_the_whole_flow_works_with_the_keyboard_alone(page: Page, server: Server):
    page.goto(f"{server.url}/explore?symptoms=leg_pain&pain=2&duration=chronic&tried=physical_therapy,medications")
    wait_for_app(page)
    summary = page.get_by_text(re.compile(r"\d+ fit now · \d+ later step"))
    before = summary.inner_text()
    slider = page.get_by_test_id("stSidebar").get_by_role("slider")
    for _ in range(80):  # Tab through the page until the pain slider has the focus
        page.keyboard.press("Tab")
        if slider.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the pain slider cannot be reached with Tab")
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    wait_for_app(page)
    expect(slider).to_have_value("9")
    expect(page).to_have_url(re.compile(r"pain=9"))
    expect(summary).not_to_have_text(before)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("path", PATHS)
def test_no_page_scrolls_sideways_on_a_phone(page: Page, server: Server, path: str, lang: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server.url}{path}?{SITUATION}&lang={lang}")
    wait_for_app(page)
    expect(page.get_by_role("heading").first).to_be_visible()
    widths = page.evaluate(
        """() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                  ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stMainBlockContainer"]')]
                     .map(el => el.scrollWidth - el.clientWidth)]"""
    )
    assert widths[0] <= widths[1], widths
    assert all(overflow <= 1 for overflow in widths[2:]), widths
