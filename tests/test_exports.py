import csv
import io
from datetime import date

import pypdf
import pytest

from components.data import load_content
from components.exports import VisitSummary, chart_png, file_name, shortlist_items, visit_csv, visit_markdown, visit_pdf
from components.fit import fit_content
from components.ladder import ladder_chart, ladder_data
from components.situation import Situation
from components.triage import assess

CONTENT = load_content()
LABELS = dict(zip(CONTENT.symptoms["id"], CONTENT.symptoms["label"], strict=True))
SITUATION = Situation(
    symptoms=("leg_pain",),
    pain=8,
    function="severe",
    duration="chronic",
    tried=("physical_therapy", "medications"),
    findings=("imaging_matches",),
)
FITTED = fit_content(SITUATION, CONTENT)
SHORTLIST = FITTED.set_index("id").loc[["discectomy", "epidural_steroid"]].reset_index()
SUMMARY = VisitSummary(
    day=date(2026, 11, 26),
    situation="Symptoms: pain spreading down a leg (sciatica). Pain: 8 out of 10.",
    warnings=assess(Situation(symptoms=("back_pain",), flags=("fever",)), CONTENT.red_flags).lines(),
    shortlist=shortlist_items(SHORTLIST, {"discectomy": "Leg pain eased faster at first (sciatica trials, 12 months)."}),
    questions=("What do you think is causing my pain?", "What are the risks of discectomy for someone like me?"),
    notes="Ask about going back to work – and driving.",
)


def test_file_names_carry_the_date():
    assert file_name(date(2026, 11, 26), "pdf") == "backpain-visit-2026-11-26.pdf"


def test_markdown_holds_situation_shortlist_questions_and_disclaimer():
    text = visit_markdown(SUMMARY)
    assert "# Back pain: notes for my visit (2026-11-26)" in text
    assert "not medical advice" in text
    assert "- **Microdiscectomy or open discectomy**: fits now." in text
    assert "2. What are the risks of discectomy for someone like me?" in text
    assert "## Warning signs\n\n- **See a doctor today: fever or feeling very unwell**" in text
    assert "Ask about going back to work" in text
    assert "  - In numbers: Leg pain eased faster at first (sciatica trials, 12 months)." in text


def test_csv_has_one_row_per_fact():
    rows = list(csv.DictReader(io.StringIO(visit_csv(SUMMARY))))
    sections = [r["section"] for r in rows]
    assert sections.count("shortlist") == 2 and sections.count("question") == 2
    assert rows[0]["section"] == "date" and "not medical advice" in rows[0]["detail"]
    assert [r["item"] for r in rows if r["section"] == "warning sign"] == ["See a doctor today: fever or feeling very unwell"]


@pytest.fixture(scope="module")
def ladder_png() -> bytes:
    chart = ladder_chart(ladder_data(FITTED, CONTENT.categories), CONTENT.categories, 3, emergency=False)
    return chart_png(chart)


def test_the_ladder_renders_to_png_offline(ladder_png: bytes):
    assert ladder_png.startswith(b"\x89PNG")
    assert len(ladder_png) > 10_000


def test_pdf_is_one_page_with_the_shortlist_and_the_ladder_image(ladder_png: bytes):
    reader = pypdf.PdfReader(io.BytesIO(visit_pdf(SUMMARY, ladder_png)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in (
        "Back pain: notes for my visit (2026-11-26)",
        "Microdiscectomy or open discectomy",
        "Epidural steroid injection",
        "What do you think is causing my pain?",
        "not medical advice",
        "The escalation ladder",
    ):
        assert expected in text.replace("\n", " "), expected
    assert len(reader.pages[0].images) == 1


def test_a_long_summary_still_fits_on_one_page(ladder_png: bytes):
    long = VisitSummary(
        day=SUMMARY.day,
        situation=SUMMARY.situation,
        warnings=(),
        shortlist=SUMMARY.shortlist,
        questions=tuple(f"Question number {n} about something that takes a fair bit of room on the line?" for n in range(80)),
        notes="x " * 2000,
    )
    reader = pypdf.PdfReader(io.BytesIO(visit_pdf(long, ladder_png)))
    assert len(reader.pages) == 1
    assert "More in the Markdown download" in reader.pages[0].extract_text()
