"""Deciding, in a real browser: the outcome pictures and what matters on Compare, the SURE test and the
leaning on My visit, the three downloads that carry them, the link that holds the answers, and the
knowledge check."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdf
from playwright.sync_api import Browser, Locator, Page, expect

from benchmarks.browser import RunWatch
from tests.e2e.conftest import Server, serious_axe_violations, wait_for_app
from tests.e2e.test_visit import download, make_pdf

SITUATION = "symptoms=leg_pain&pain=6&function=some&duration=chronic"
SHORTLIST = "t=discectomy,nsaids"
DISCECTOMY = "Microdiscectomy or open discectomy"
NSAIDS = "Anti-inflammatory tablets (NSAIDs such as ibuprofen or naproxen)"
# S=Yes, U=No, R=No, E=Yes, as the person answers them (letter, question, answer).
ANSWERS = (
    ("S", "Do you feel sure about the best choice for you?", "Yes"),
    ("U", "Do you know the benefits and risks of each option?", "No"),
    ("R", "Are you clear about which benefits and risks matter most to you?", "No"),
    ("E", "Do you have enough support and advice to make a choice?", "Yes"),
)
READY = (
    "2 of 4 answered yes; not yet: do you know the benefits and risks of each option, "
    "are you clear about which benefits and risks matter most to you."
)
MATTERS = "Avoiding surgery: matters a lot; Fast relief: matters somewhat"
VALUES_QUESTION = "I am not sure which matters more to me: avoiding surgery or fast relief. Can we go over it?"
# The same question where no wishes were set on Compare (a link holds the answers, never the wishes).
VALUES_QUESTION_NO_WISHES = "I am not sure which matters more to me: the benefits or the risks. Can we go over it?"
# What "Where I stand" says in every download, as (label, text).
STAND = [
    ("Which way I am leaning", NSAIDS),
    ("How ready I feel to decide (SURE test)", READY),
    ("What matters to me", MATTERS),
]


def radio(page: Page, label: re.Pattern[str] | str) -> Locator:
    """A radio widget found by its label as it is shown."""
    return page.get_by_test_id("stRadio").filter(has=page.get_by_test_id("stWidgetLabel").filter(has_text=label))


def sure_radio(page: Page, letter: str) -> Locator:
    return radio(page, re.compile(rf"^{letter}: "))


def choose(page: Page, widget: Locator, option: str) -> None:
    """Click an option's label, as a person does, and wait for the page to take it in."""
    widget.get_by_text(option, exact=True).click()
    wait_for_app(page)


def answer_readiness(page: Page) -> None:
    for letter, _, answer in ANSWERS:
        choose(page, sure_radio(page, letter), answer)
    choose(page, radio(page, "Which way are you leaning?"), NSAIDS)


def expect_answers_checked(page: Page) -> None:
    for letter, _, answer in ANSWERS:
        expect(sure_radio(page, letter).get_by_role("radio", name=answer, exact=True)).to_be_checked()
        other = "No" if answer == "Yes" else "Yes"
        expect(sure_radio(page, letter).get_by_role("radio", name=other, exact=True)).not_to_be_checked()
    expect(radio(page, "Which way are you leaning?").get_by_role("radio", name=NSAIDS)).to_be_checked()


def set_importance(page: Page, wish: str, steps: int, shown: str) -> None:
    """Move a What-matters slider with the keyboard alone, from "not at all"."""
    slider = page.get_by_role("slider", name=wish)
    slider.focus()
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
    wait_for_app(page)
    expect(slider).to_have_attribute("aria-valuetext", shown)


def open_expander(page: Page, label: str) -> Locator:
    """Open an expander (this does not rerun the script) and return it."""
    expander = page.get_by_test_id("stExpander").filter(has_text=label)
    expander.get_by_text(label, exact=True).click()
    expect(expander.locator("details")).to_have_attribute("open", "")
    return expander


def flat(text: str) -> str:
    """PDF text with its line breaks undone, so a wrapped line reads as one."""
    return re.sub(r"\s+", " ", text)


@contextmanager
def fresh_tab(browser: Browser, context_args: dict) -> Iterator[tuple[Page, RunWatch]]:
    """A page in a browser context of its own: a new Streamlit session, sharing nothing with the test's page."""
    context = browser.new_context(**context_args)
    try:
        tab = context.new_page()
        yield tab, RunWatch(tab, timeout_s=30)
    finally:
        context.close()


def test_a_person_weighs_the_options_and_takes_where_they_stand_to_the_visit(page: Page, server: Server, tmp_path: Path):
    page.goto(f"{server.url}/compare?{SITUATION}&{SHORTLIST}")
    wait_for_app(page)

    # Out of 100 people: a picture per figure, with the same numbers in words under it.
    expect(page.get_by_role("heading", name="Out of 100 people", exact=True)).to_be_visible()
    arrays = page.get_by_test_id("stHorizontalBlock").filter(has=page.get_by_role("heading", name=DISCECTOMY, exact=True))
    expect(arrays).to_have_count(1)
    expect(arrays.get_by_role("heading", name=NSAIDS, exact=True)).to_be_visible()
    expect(arrays.get_by_text("95 in 100 people felt they had recovered").first).to_be_visible()
    charts = arrays.get_by_test_id("stVegaLiteChart")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 2
    for chart in charts.all():
        expect(chart.locator("svg, canvas").first).to_be_visible()

    # What matters to you, with the keyboard: "a lot" is three steps from "not at all", "somewhat" two.
    set_importance(page, "Avoiding surgery", 3, "a lot")
    set_importance(page, "Fast relief", 2, "somewhat")
    wishes = page.get_by_test_id("stTable").filter(has_text="What matters to you")
    expect(wishes.get_by_text("Avoiding surgery (matters a lot)", exact=True)).to_be_visible()
    expect(wishes.get_by_text("Fast relief (matters somewhat)", exact=True)).to_be_visible()

    page.get_by_role("link", name="Take these to My visit").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="My visit", exact=True)).to_be_visible()
    expect(page.get_by_text(f"What matters to me (from Compare options): {MATTERS}.")).to_be_visible()

    answer_readiness(page)
    expect_answers_checked(page)
    said_no = page.get_by_test_id("stAlert").filter(has_text="You said no.")
    expect(said_no).to_have_count(2)
    expect(said_no.first).to_contain_text("U: Do you know the benefits and risks of each option? You said no.")
    expect(said_no.last).to_contain_text("R: Are you clear about which benefits and risks matter most to you? You said no.")
    expect(page.get_by_text(VALUES_QUESTION, exact=True)).to_be_visible()
    # The answers stay in the session, out of the address.
    assert "sure=" not in page.url and "lean=" not in page.url, page.url

    _, body = download(page, "Download as text (Markdown)", tmp_path)
    markdown = body.decode("utf-8")
    stand = markdown.split("## Where I stand\n", 1)[1].split("\n## ", 1)[0]
    for label, text in STAND:
        assert f"- **{label}**: {text}\n" in stand
    for _, question, answer in ANSWERS:
        assert f"  - {question} **{answer}**\n" in stand
    assert re.search(rf"^\d+\. {re.escape(VALUES_QUESTION)}$", markdown, re.MULTILINE)

    _, body = download(page, "Download as a spreadsheet (CSV)", tmp_path)
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert [(r["item"], r["detail"]) for r in rows if r["section"] == "where I stand"] == STAND
    assert [(r["item"], r["detail"]) for r in rows if r["section"] == "SURE answer"] == [(q, a) for _, q, a in ANSWERS]
    assert VALUES_QUESTION in [r["detail"] for r in rows if r["section"] == "question"]

    make_pdf(page)
    _, body = download(page, "Download as PDF (summary page and charts)", tmp_path)
    reader = pypdf.PdfReader(io.BytesIO(body))
    summary = flat(reader.pages[0].extract_text())
    assert "Where I stand" in summary
    for label, text in STAND:
        assert f"{label}: {text}" in summary
    for _, question, answer in ANSWERS:
        assert f"- {question} {answer}" in summary
    outcomes = [flat(p.extract_text()) for p in reader.pages[1:]]
    assert outcomes and outcomes[0].startswith("Out of 100 people: what happened in the studies")
    assert f"{DISCECTOMY}: 95 in 100 people felt they had recovered" in " ".join(outcomes)
    assert f"{NSAIDS}: 51 in 100 people said their back pain was better overall" in " ".join(outcomes)
    # One picture for discectomy's counted figure, two for the NSAIDs' figures.
    assert sum(len(p.images) for p in reader.pages[1:]) == 3


def test_the_link_with_my_answers_reopens_them_in_a_new_session(
    page: Page, server: Server, browser: Browser, browser_context_args: dict
):
    page.goto(f"{server.url}/visit?{SITUATION}&{SHORTLIST}")
    wait_for_app(page)
    answer_readiness(page)
    expander = open_expander(page, "Link to this page with my answers")
    link = expander.get_by_test_id("stCode").inner_text().strip()
    assert link.startswith(f"{server.url}/visit?"), link
    assert "sure=yes,no,no,yes" in link and "lean=nsaids" in link, link
    assert "sure=" not in page.url, page.url

    with fresh_tab(browser, browser_context_args) as (tab, watch):
        tab.goto(link)
        watch.wait()
        expect(tab.get_by_test_id("stSkeleton")).to_have_count(0, timeout=15_000)  # as wait_for_app: a busy machine
        expect_answers_checked(tab)
        expect(tab.get_by_text(VALUES_QUESTION_NO_WISHES, exact=True)).to_be_visible()
        # The app moves the answers into the session: the address keeps the situation only.
        expect(tab).to_have_url(re.compile(r"t=discectomy(,|%2C)nsaids"))
        expect(tab).not_to_have_url(re.compile(r"sure=|lean="))


def test_a_wrong_answer_in_the_knowledge_check_gets_the_right_one_and_its_source(page: Page, server: Server):
    page.goto(f"{server.url}/")
    wait_for_app(page)
    check = open_expander(page, "Check what you know: 6 short questions")
    expect(check.get_by_test_id("stAlert")).to_have_count(0)
    choose(page, radio(page, "Do most people with new back pain need a scan"), "Yes: a scan shows what is wrong")
    feedback = check.get_by_test_id("stAlert")
    expect(feedback).to_have_count(1)
    # No marks and no score: what the evidence says, kindly, with its source.
    expect(feedback.get_by_test_id("stMarkdownContainer")).to_have_text(
        re.compile(
            r"^Many people think so\. What the evidence says: No: a scan rarely changes what helps\. "
            r".*Source: NICE NG59 \(2016\)"
        )
    )


def test_my_visit_with_answers_and_the_knowledge_check_open_has_no_serious_axe_violations(page: Page, server: Server):
    page.goto(f"{server.url}/visit?{SITUATION}&{SHORTLIST}")
    wait_for_app(page)
    answer_readiness(page)
    check = open_expander(page, "Check what you know: 6 short questions")
    choose(page, radio(page, "What helps most people with new back pain?"), "Rest in bed until the pain goes")
    expect(check.get_by_text(re.compile(r"^Many people think so\. What the evidence says: Keep up your normal"))).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text="You said no.")).to_have_count(2)
    assert serious_axe_violations(page) == []
