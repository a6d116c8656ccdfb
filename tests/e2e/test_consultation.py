"""A consultation a GP drives on a shared 1280x720 screen, and the link the patient takes home."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.conftest import Server, wait_for_app

SHORTLIST = "t=exercise_therapy,acupuncture"


def sidebar(page: Page):
    return page.get_by_test_id("stSidebar")


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def expect_presenting(page: Page) -> None:
    """Presentation mode as the GP's screen shows it: large text, no Streamlit menu, the way back to the
    situation (») and the way out in sight."""
    expect(page).to_have_url(re.compile(r"present=1"))
    expect(page.get_by_role("button", name="Leave presentation mode")).to_be_visible()
    expect(page.get_by_test_id("stMainMenu")).to_be_hidden()
    size = page.locator("html").evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
    assert size >= 20, size


def turn_presentation_on(page: Page) -> None:
    sidebar(page).get_by_text("Presentation mode").click()
    wait_for_app(page)
    expect(sidebar(page)).to_have_attribute("data-collapsed", "true")
    expect_presenting(page)


def open_sidebar(page: Page) -> None:
    page.get_by_test_id("stExpandSidebarButton").click()
    expect(sidebar(page)).to_have_attribute("data-collapsed", "false")


def follow(page: Page, link: str, heading: str) -> None:
    page.get_by_test_id("stMain").get_by_role("link", name=link).first.click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


def test_a_gp_changes_the_situation_and_walks_every_page_in_presentation_mode(page: Page, server: Server):
    page.goto(f"{server.url}/?{SHORTLIST}")
    wait_for_app(page)
    turn_presentation_on(page)
    # The situation stays reachable with the sidebar folded: » opens it, and a change keeps the mode.
    open_sidebar(page)
    sidebar(page).get_by_role("button", name="Pain spreading down a leg (sciatica)").click()
    wait_for_app(page)
    sidebar(page).get_by_text("3 to 6 months").click()
    wait_for_app(page)
    expect_presenting(page)
    page.get_by_test_id("stSidebarCollapseButton").click()
    steps = [
        ("Explore treatments for your situation", "Explore treatments"),
        ("See the full escalation ladder", "Escalation ladder"),
        ("Compare options side by side", "Compare options"),
        ("Take these to My visit", "My visit"),
    ]
    for link, heading in steps:
        follow(page, link, heading)
        expect_presenting(page)
        given = query(page)
        assert given["symptoms"] == ["leg_pain"], (heading, page.url)
        assert given["duration"] == ["chronic"], (heading, page.url)
        assert given["t"] == ["exercise_therapy,acupuncture"], (heading, page.url)
        expect(sidebar(page)).to_have_attribute("data-collapsed", "true")


def test_turning_presentation_mode_on_folds_the_sidebar_every_time(page: Page, server: Server):
    page.goto(f"{server.url}/explore?symptoms=back_pain")
    wait_for_app(page)
    turn_presentation_on(page)
    page.get_by_role("button", name="Leave presentation mode").click()
    wait_for_app(page)
    expect(page).not_to_have_url(re.compile(r"present=1"))
    if sidebar(page).get_attribute("data-collapsed") == "true":
        open_sidebar(page)
    turn_presentation_on(page)


def test_the_ladder_charts_fit_a_shared_screen_with_nothing_cut_off(page: Page, server: Server):
    page.goto(
        f"{server.url}/ladder?symptoms=back_pain,walking_pain&pain=5&function=some&duration=over_1_year&age=65_plus&present=1"
    )
    wait_for_app(page)
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(3)
    for index in range(3):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        expect(chart.locator("canvas, svg").first).to_be_visible()
        height = chart.bounding_box()["height"]
        assert height <= 720 - 60, (index, height)  # the screen less Streamlit's header
    # That no label is cut off ("…") is checked on the same specs, drawn by vl-convert: tests/test_ladder.py.


def test_the_link_for_the_patient_is_never_in_presentation_mode_and_copies_with_one_tap(
    page: Page, server: Server, context: BrowserContext
):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page.goto(f"{server.url}/compare?symptoms=leg_pain&pain=6&{SHORTLIST}&present=1")
    wait_for_app(page)
    page.get_by_role("button", name=re.compile("Link to this view")).click()
    link = page.get_by_test_id("stPopoverBody").get_by_test_id("stCode").inner_text().strip()
    assert "present" not in link, link
    assert "symptoms=leg_pain" in link and "t=exercise_therapy,acupuncture" in link, link
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_test_id("stPopoverBody").get_by_role("status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()").strip() == link


def test_the_shortlist_stays_in_every_pages_address_once_it_is_set(page: Page, server: Server):
    page.goto(f"{server.url}/compare?symptoms=back_pain&{SHORTLIST}")
    wait_for_app(page)
    for name in ("Escalation ladder", "Explore treatments", "Start here", "Sources & method"):
        sidebar(page).get_by_role("link", name=name).click()
        wait_for_app(page)
        assert query(page).get("t") == ["exercise_therapy,acupuncture"], (name, page.url)
