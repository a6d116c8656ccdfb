"""Patient-facing text reads at US school grade 8 or below (Flesch-Kincaid, median over every text)."""

from __future__ import annotations

import statistics
from pathlib import Path

import textstat
from streamlit.testing.v1 import AppTest

from components.data import load_content
from components.pages import PAGES

APP = str(Path(__file__).resolve().parent.parent / "app.py")
MAX_MEDIAN_GRADE = 8
# Cells shorter than this are labels, not sentences: grade formulas mean little on them.
MIN_WORDS = 6
TECHNICAL_COLUMNS = {
    "id",
    "citation",
    "url",
    "short_name",
    "organisation",
    "treatment_id",
    "source_id",
    "also",
    "where_in_source",
}


def data_texts() -> list[tuple[str, str]]:
    content = load_content()
    tables = {
        "treatments.csv": content.treatments,
        "evidence.csv": content.evidence,
        "symptoms.csv": content.symptoms,
        "red_flags.csv": content.red_flags,
        "categories.csv": content.categories,
        "glossary.csv": content.glossary,
        "outcomes.csv": content.outcomes,
        "knowledge.csv": content.knowledge,
    }
    texts = []
    for file, table in tables.items():
        for column in table.columns:
            if column in TECHNICAL_COLUMNS or not str(table[column].dtype).startswith(("str", "object")):
                continue
            for row, value in enumerate(table[column], start=2):
                texts.append((f"data/{file} row {row} column {column}", str(value)))
    return texts


def page_texts() -> list[tuple[str, str]]:
    texts = []
    for info in PAGES:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params["symptoms"] = "leg_pain"
        at.query_params["duration"] = "chronic"
        at.query_params["t"] = "discectomy,exercise_therapy"
        at.run()
        if info.url_path:
            at.switch_page(info.path).run()
        for kind in ("markdown", "caption", "info", "warning", "success"):
            for element in getattr(at, kind):
                for line in str(element.value).split("\n"):
                    texts.append((f"page /{info.url_path}", line.strip("-*0123456789. ")))
    return texts


def test_median_reading_grade_is_eight_or_below_and_the_hardest_texts_are_named():
    graded = [
        (textstat.flesch_kincaid_grade(text), where, text)
        for where, text in data_texts() + page_texts()
        if len(text.split()) >= MIN_WORDS
    ]
    median = statistics.median(grade for grade, _, _ in graded)
    hardest = sorted(graded, reverse=True)[:8]
    report = "\n".join(f"  grade {grade:.1f}: {where}: {text[:90]}" for grade, where, text in hardest)
    print(f"Median grade {median:.1f} over {len(graded)} texts. Hardest:\n{report}")
    assert median <= MAX_MEDIAN_GRADE, f"median grade {median:.1f} > {MAX_MEDIAN_GRADE}; hardest:\n{report}"
    assert len(graded) > 300  # the check covers the content and every page, not a sample
