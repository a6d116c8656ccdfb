from components.compare import (
    ASPECTS,
    IMPORTANCE,
    NO_NUMBERS,
    VALUES,
    comparison_table,
    outcome_text,
    source_label,
    value_answer,
    values_table,
)
from components.data import load_content
from components.fit import fit_content
from components.situation import Situation

CONTENT = load_content()
LABELS = dict(zip(CONTENT.symptoms["id"], CONTENT.symptoms["label"], strict=True))
FITTED = fit_content(
    Situation(
        symptoms=("leg_pain",),
        pain=8,
        function="severe",
        duration="chronic",
        tried=("physical_therapy", "medications"),
        findings=("imaging_matches",),
    ),
    CONTENT,
)
CHOSEN = ("discectomy", "exercise_therapy", "acupuncture")


def test_every_option_gets_the_same_questions_in_the_same_order():
    table = comparison_table(FITTED, CONTENT.evidence, CONTENT.sources, CHOSEN, CONTENT.outcomes)
    assert list(table.index) == list(ASPECTS)
    assert list(table.columns) == ["Microdiscectomy or open discectomy", "Exercise therapy (physiotherapist-led)", "Acupuncture"]
    assert table.notna().all().all() and (table.map(len) > 0).all().all()


def test_the_columns_follow_the_order_chosen_and_each_cell_comes_from_that_treatments_data():
    chosen = ("acupuncture", "discectomy", "exercise_therapy")
    table = comparison_table(FITTED, CONTENT.evidence, CONTENT.sources, chosen, CONTENT.outcomes)
    data = CONTENT.treatments.set_index("id")
    assert list(table.columns) == [data.loc[t, "name"] for t in chosen]
    for treatment_id in chosen:
        column = table[data.loc[treatment_id, "name"]]
        assert column["What it involves"] == data.loc[treatment_id, "what_it_involves"]
        assert column["Typical course and recovery"] == data.loc[treatment_id, "recovery"]
        assert column["Possible benefits"] == data.loc[treatment_id, "benefits"]
        assert column["Possible risks"] == data.loc[treatment_id, "risks"]
    # Each option's figures come from its own rows of data/outcomes.csv.
    assert table.loc["Outcomes in numbers", "Microdiscectomy or open discectomy"].startswith(
        "Microdiscectomy or open discectomy: 95 in 100 people felt they had recovered."
    )
    assert table.loc["Outcomes in numbers", "Acupuncture"].startswith(
        "Acupuncture: 48 in 100 people had a clear improvement in pain or in back function."
    )
    assert table.loc["Outcomes in numbers", "Exercise therapy (physiotherapist-led)"].startswith(
        "Exercise therapy (physiotherapist-led): 30 in 100 people had their back pain come back."
    )
    # An option without figures says so in the same words as every other.
    heat = comparison_table(FITTED, CONTENT.evidence, CONTENT.sources, ["heat"], CONTENT.outcomes)
    assert heat.loc["Outcomes in numbers"].item() == NO_NUMBERS


def test_benefits_and_risks_have_equal_room_and_the_fit_is_stated():
    table = comparison_table(FITTED, CONTENT.evidence, CONTENT.sources, CHOSEN, CONTENT.outcomes)
    assert table.loc["Possible benefits"].str.len().min() > 40
    assert table.loc["Possible risks"].str.len().min() > 40
    assert table.loc["Fit for you", "Microdiscectomy or open discectomy"].startswith(
        "Fits now. It fits pain spreading down a leg"
    )


def test_each_guideline_stance_shows_with_its_year_recommendation_and_scope():
    cell = (
        comparison_table(FITTED, CONTENT.evidence, CONTENT.sources, ["acupuncture"], CONTENT.outcomes)
        .loc["What each guideline says"]
        .iloc[0]
    )
    assert "ACP 2017 rec 1, for the lower back and legs, pain lasting less than 12 weeks: recommended." in cell
    assert "ACP 2017 rec 2, for the lower back and legs, pain lasting more than 12 weeks: recommended." in cell
    assert "NICE NG59 (2016), for the lower back and legs: advises against." in cell
    assert "WHO 2023, for the lower back and legs, pain lasting more than 12 weeks: consider." in cell
    assert source_label("ACP 2017", 2017) == "ACP 2017"


def test_what_matters_shows_only_chosen_wishes_most_important_first_and_no_score():
    importance = dict.fromkeys(VALUES, IMPORTANCE[0]) | {"avoid_surgery": "a little", "avoid_needles": "very much"}
    table = values_table(FITTED, CHOSEN, importance)
    assert list(table.index) == ["Avoiding needles (matters very much)", "Avoiding surgery (matters a little)"]
    assert table.loc["Avoiding surgery (matters a little)", "Microdiscectomy or open discectomy"] == "✖ This is surgery"
    assert table.loc["Avoiding needles (matters very much)", "Acupuncture"] == "✖ Uses needles"
    assert table.loc["Avoiding needles (matters very much)", "Exercise therapy (physiotherapist-led)"] == "✔ No needles"
    assert not any("score" in str(label).lower() or "total" in str(label).lower() for label in table.index)
    assert values_table(FITTED, CHOSEN, dict.fromkeys(VALUES, IMPORTANCE[0])).empty


def test_time_off_and_speed_answers_come_from_the_data():
    row = {
        "category": "surgery",
        "uses_needles": "yes",
        "uses_medicines": "yes",
        "time_to_help": "months",
        "recovery_weeks": 12.0,
    }
    assert value_answer("fast_relief", row) == "✖ Takes months"
    assert value_answer("little_time_off", row) == "✖ About 12 weeks or more to recover"
    assert value_answer("little_time_off", {**row, "recovery_weeks": float("nan")}) == "? No reliable figure"
    assert value_answer("little_time_off", {**row, "recovery_weeks": 0.0}) == "✔ No time off for the treatment"


def test_equally_important_wishes_keep_their_order_and_each_answer_reads_the_treatments_data():
    table = values_table(FITTED, CHOSEN, dict.fromkeys(VALUES, "a lot"))
    assert list(table.index) == [f"{label} (matters a lot)" for label in VALUES.values()]
    assert list(table.columns) == ["Microdiscectomy or open discectomy", "Exercise therapy (physiotherapist-led)", "Acupuncture"]
    assert table.to_dict("list") == {
        "Microdiscectomy or open discectomy": [
            "✖ This is surgery",
            "✖ Uses needles",
            "✖ Uses medicines",
            "◐ Helps over weeks",
            "✖ About 6 weeks or more to recover",
        ],
        "Exercise therapy (physiotherapist-led)": [
            "✔ Not surgery",
            "✔ No needles",
            "✔ No medicines",
            "◐ Helps over weeks",
            "✔ No time off for the treatment",
        ],
        "Acupuncture": [
            "✔ Not surgery",
            "✖ Uses needles",
            "✔ No medicines",
            "◐ Helps over weeks",
            "✔ No time off for the treatment",
        ],
    }


def test_outcomes_in_numbers_use_one_wording_pattern_and_say_when_there_are_none():
    table = comparison_table(FITTED, CONTENT.evidence, CONTENT.sources, ["spinal_cord_stimulation", "heat"], CONTENT.outcomes)
    row = table.loc["Outcomes in numbers"]
    assert row.iloc[0] == (
        "Spinal cord stimulation (implanted device): 48 in 100 people had at least half of their leg pain relieved. "
        "Usual care alone: 9 in 100 people had at least half of their leg pain relieved. "
        "(people with nerve pain in the leg after back surgery, in one trial, 6 months). Source: NICE TA159 (2008). How sure: low. "
        "Spinal cord stimulation (implanted device): 31 in 100 people needed another operation on the device. "
        "(people who still had the stimulator, in the same trial, within 2 years). Source: PROCESS trial 2008. How sure: low."
    )
    assert row.iloc[1] == NO_NUMBERS
    for treatment_id in CONTENT.outcomes["treatment_id"]:
        text = outcome_text(CONTENT.figures[treatment_id], "Its name")
        assert "Source:" in text and "How sure:" in text
