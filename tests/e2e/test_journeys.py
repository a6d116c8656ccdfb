"""The journeys a person takes, in a real browser."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, wait_for_app

SITUATION = "symptoms=leg_pain,numbness&pain=8&function=severe&duration=chronic&tried=physical_therapy,medications"


def sidebar(page: Page):
    return page.get_by_test_id("stSidebar")


def expect_situation_in_widgets(page: Page) -> None:
    side = sidebar(page)
    expect(side.get_by_role("button", name="Pain spreading down a leg (sciatica)")).to_have_attribute("aria-pressed", "true")
    expect(side.get_by_role("button", name="Tingling or numbness")).to_have_attribute("aria-pressed", "true")
    expect(side.get_by_role("button", name="Back pain", exact=True)).to_have_attribute("aria-pressed", "false")
    expect(side.get_by_role("slider")).to_have_value("8")
    expect(side.get_by_role("radio", name="Can't do everyday tasks")).to_be_checked()
    expect(side.get_by_role("radio", name="3 to 6 months")).to_be_checked()
    expect(side.get_by_test_id("stMultiSelect").first).to_contain_text("Physical therapy or exercise")
    expect(side.get_by_test_id("stMultiSelect").first).to_contain_text("Medicines")


def expect_situation_in_url(page: Page) -> None:
    for part in SITUATION.split("&"):
        expect(page).to_have_url(re.compile(re.escape(part.replace(",", "%2C")) + "|" + re.escape(part)))


def test_a_cold_servers_first_request_as_a_deep_link_shows_the_usual_explore_page(page: Page, fresh_server: Server):
    page.goto(f"{fresh_server.url}/explore?{SITUATION}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Explore treatments", exact=True)).to_be_visible()
    # The frame: our own navigation, the situation panel, the disclaimer; not Streamlit's file-name menu.
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(sidebar(page).get_by_role("link", name="Start here")).to_be_visible()
    expect(sidebar(page).get_by_role("link", name="Explore treatments")).to_be_visible()
    expect(sidebar(page).get_by_text("Your situation")).to_be_visible()
    expect(page.get_by_text("not medical advice and not a diagnosis")).to_be_visible()
    expect_situation_in_widgets(page)
    expect(page.get_by_text("5 fit now", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    expect_situation_in_url(page)
    assert "Traceback" not in fresh_server.log


def test_moving_from_explore_to_start_here_and_back_keeps_the_situation(page: Page, server: Server):
    page.goto(f"{server.url}/explore?{SITUATION}")
    wait_for_app(page)
    sidebar(page).get_by_role("link", name="Start here").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Should I see a back pain doctor?")).to_be_visible()
    # "/" normally; "/home" when this is the server's first session (Streamlit's legacy pages mode).
    expect(page).to_have_url(re.compile(r"127\.0\.0\.1:\d+/(home)?\?"))
    expect_situation_in_widgets(page)
    expect_situation_in_url(page)
    sidebar(page).get_by_role("link", name="Explore treatments").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Explore treatments", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/explore\?"))
    expect_situation_in_widgets(page)
    expect_situation_in_url(page)


def test_changing_the_situation_updates_the_link_and_survives_navigation(page: Page, server: Server):
    page.goto(f"{server.url}/explore")
    wait_for_app(page)
    sidebar(page).get_by_role("button", name="Back pain", exact=True).click()
    wait_for_app(page)
    sidebar(page).get_by_text("3 to 6 months").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"symptoms=back_pain.*duration=chronic"))
    sidebar(page).get_by_role("link", name="Start here").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"symptoms=back_pain.*duration=chronic"))
    expect(sidebar(page).get_by_role("radio", name="3 to 6 months")).to_be_checked()


def test_ticking_an_emergency_sign_shows_the_emergency_banner(page: Page, server: Server):
    page.goto(f"{server.url}/?symptoms=back_pain")
    wait_for_app(page)
    expect(page.get_by_test_id("stAlertContentError").filter(has_text=re.compile("Emergency: get help now"))).to_have_count(0)
    sidebar(page).get_by_text("New bladder or bowel problems").click()
    wait_for_app(page)
    banner = page.get_by_test_id("stAlertContentError").first
    expect(banner).to_contain_text("Emergency: get help now.")
    expect(page).to_have_url(re.compile(r"flags=bladder_bowel"))


def test_a_start_here_link_copied_as_home_still_opens_start_here(page: Page, server: Server):
    page.goto(f"{server.url}/")  # make sure this is not the server's first session
    wait_for_app(page)
    page.goto(f"{server.url}/home?{SITUATION}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Should I see a back pain doctor?")).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect_situation_in_widgets(page)


def test_saying_numbness_is_in_an_arm_keeps_lumbar_surgery_out_and_goes_into_the_link(page: Page, server: Server):
    page.goto(f"{server.url}/explore?pain=7&function=some&duration=over_6_months&tried=physical_therapy,medications")
    wait_for_app(page)
    sidebar(page).get_by_role("button", name="Tingling or numbness").click()
    wait_for_app(page)
    expect(page.get_by_text("Say in the sidebar where the numbness or weakness is")).to_be_visible()
    sidebar(page).get_by_role("button", name="One arm").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"symptoms=numbness&where=one_arm"))
    expect(page.get_by_text("Say in the sidebar where the numbness or weakness is")).to_have_count(0)
    expect(page.get_by_text("none of them covers neck injections or neck surgery", exact=False)).to_be_visible()


def test_a_same_day_sign_under_more_signs_shows_its_own_banner(page: Page, server: Server):
    page.goto(f"{server.url}/?symptoms=back_pain")
    wait_for_app(page)
    sidebar(page).get_by_text("More signs: fever, cancer, a fall, weight loss, night pain").click()
    sidebar(page).get_by_text("Fever or feeling very unwell").click()
    wait_for_app(page)
    banner = page.get_by_test_id("stAlertContentError").first
    expect(banner).to_contain_text("See a doctor today.")
    expect(page.get_by_test_id("stAlertContentError").filter(has_text=re.compile("Emergency: get help now"))).to_have_count(0)
    expect(page).to_have_url(re.compile(r"flags=fever"))
