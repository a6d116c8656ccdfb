"""On a phone (390 px): the answer first, and one card per option instead of tables that scroll sideways."""

from __future__ import annotations

from urllib.parse import parse_qs

from playwright.sync_api import Page, expect

from components.data import load_content
from components.fit import fit_content
from components.situation import from_query
from tests.e2e.conftest import Server, wait_for_app

PHONE = {"width": 390, "height": 844}
NEW_BACK_PAIN = "symptoms=back_pain&pain=6&function=some&duration=acute&age=20_to_49"
SHORTLIST = "t=exercise_therapy,spinal_manipulation,acupuncture"


def fitted_for(situation: str):
    return fit_content(from_query(parse_qs(situation)).situation, load_content())


def no_sideways_scroll(page: Page) -> None:
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths


def test_start_here_answers_first_on_a_phone(page: Page, server: Server):
    page.set_viewport_size(PHONE)
    page.goto(f"{server.url}/")
    wait_for_app(page)
    neutral = page.get_by_text("This box then says whether to see a doctor")
    expect(neutral).to_be_in_viewport()
    expect(page.get_by_text("Not necessarily yet")).to_have_count(0)  # nothing reassures before an answer
    page.goto(f"{server.url}/?{NEW_BACK_PAIN}")
    wait_for_app(page)
    summary = page.get_by_test_id("stMain").get_by_text("Should I see a doctor?")
    expect(summary).to_be_in_viewport()
    box = page.locator(".st-key-start_summary")
    expect(box).to_contain_text("Not necessarily yet")
    expect(box).to_contain_text("Do I need a scan? Usually not.")
    now = fitted_for(NEW_BACK_PAIN)
    first = now.loc[(now["fit"] == "fits now") & (now["self_care"] == "yes"), "short_name"].iloc[0]
    expect(box).to_contain_text(first)
    expect(box.get_by_role("link", name="Explore treatments for your situation")).to_be_visible()
    no_sideways_scroll(page)


def test_explore_shows_a_card_per_option_with_every_reason_readable_on_a_phone(page: Page, server: Server):
    page.set_viewport_size(PHONE)
    page.goto(f"{server.url}/explore?{NEW_BACK_PAIN}")
    wait_for_app(page)
    expect(page.get_by_test_id("stDataFrame")).to_be_hidden()
    cards = page.locator(".st-key-narrow_view")
    expect(cards).to_be_visible()
    fitted = fitted_for(NEW_BACK_PAIN)
    for reason, count in fitted["reason"].value_counts().items():
        shown = cards.get_by_text(reason, exact=True)
        expect(shown).to_have_count(count)  # every option's reason, whole, in its card
        for index in range(count):
            box = shown.nth(index).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (reason, box)
    no_sideways_scroll(page)


def test_compare_shows_a_card_per_option_with_the_same_questions_in_order_on_a_phone(page: Page, server: Server):
    page.set_viewport_size(PHONE)
    page.goto(f"{server.url}/compare?{NEW_BACK_PAIN}&{SHORTLIST}")
    wait_for_app(page)
    expect(page.get_by_test_id("stTable")).to_be_hidden()
    cards = page.locator(".st-key-narrow_view [class*='st-key-compare_card_']")
    expect(cards).to_have_count(3)
    questions = None
    for index in range(3):
        card = cards.nth(index)
        shown = card.locator("strong").all_inner_texts()
        questions = questions or shown
        assert shown == questions and len(shown) >= 10, shown  # the same questions, in the same order
        assert shown[-1] == "Fit for you", shown
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    no_sideways_scroll(page)


def test_a_wide_screen_keeps_the_tables(page: Page, server: Server):
    page.goto(f"{server.url}/compare?{NEW_BACK_PAIN}&{SHORTLIST}")
    wait_for_app(page)
    expect(page.get_by_test_id("stTable")).to_be_visible()
    expect(page.locator(".st-key-narrow_view")).to_be_hidden()
