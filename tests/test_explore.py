from components.data import load_content
from components.explore import TABLE_COLUMNS, explore_table, fit_counts
from components.fit import fit_content
from components.situation import Situation

CONTENT = load_content()
LABELS = dict(zip(CONTENT.symptoms["id"], CONTENT.symptoms["label"], strict=True))
FITTED = fit_content(Situation(symptoms=("back_pain",)), CONTENT)


def test_by_default_every_treatment_is_listed_with_id_name_category_fit_and_reason():
    table = explore_table(FITTED, CONTENT.categories, list(CONTENT.categories["id"]), 5)
    assert len(table) == len(CONTENT.treatments)
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert {"id", "name", "category", "fit", "reason"} <= set(table.columns)
    assert "not typical" in set(table["fit"])


def test_category_and_invasiveness_filters():
    surgery = explore_table(FITTED, CONTENT.categories, ["surgery"], 5)
    assert set(surgery["category"]) == {"Surgery and implants"}
    gentle = explore_table(FITTED, CONTENT.categories, list(CONTENT.categories["id"]), 2)
    assert gentle["invasiveness"].max() <= 2
    assert not set(gentle["id"]) & {"epidural_steroid", "discectomy"}


def test_fit_counts_add_up():
    table = explore_table(FITTED, CONTENT.categories, list(CONTENT.categories["id"]), 5)
    assert sum(fit_counts(table).values()) == len(table)


def test_overall_stance_is_shown_with_a_symbol_not_only_colour():
    table = explore_table(FITTED, CONTENT.categories, list(CONTENT.categories["id"]), 5)
    guidelines = dict(zip(table["id"], table["guidelines"], strict=True))
    assert guidelines["acupuncture"] == "⚖ guidelines disagree"
    assert guidelines["strong_opioids"] == "✖ not recommended"
