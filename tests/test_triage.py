from components.data import load_content
from components.situation import Situation
from components.triage import assess, raised_signs
from components.vocabulary import DERIVED_SIGNS

RED_FLAGS = load_content().red_flags


def tier(**fields) -> str | None:
    return assess(Situation(**fields), RED_FLAGS).tier


def test_no_sign_means_no_tier():
    assert tier() is None
    assert tier(symptoms=("back_pain", "leg_pain"), pain=10, function="severe", duration="acute") is None


def test_each_ticked_sign_has_its_tier_from_the_data():
    for row in RED_FLAGS.to_dict("records"):
        if row["id"] in DERIVED_SIGNS:
            continue
        assert tier(symptoms=("back_pain",), flags=(row["id"],)) == row["tier"], row["id"]


def test_a_major_injury_is_an_emergency_and_fever_alone_is_same_day():
    assert tier(flags=("major_trauma",)) == "emergency"
    assert tier(flags=("fever",)) == "same_day"
    assert tier(flags=("weight_loss",)) == "soon"


def test_new_nerve_symptoms_raise_cancer_fever_and_infection_risk_to_an_emergency():
    for flag in ("cancer_history", "fever", "infection_risk"):
        assert tier(symptoms=("back_pain",), flags=(flag,)) == "same_day", flag
        for nerve in ("numbness", "weakness"):
            signs = assess(Situation(symptoms=("back_pain", nerve), flags=(flag,)), RED_FLAGS).signs
            assert signs[0].tier == "emergency" and signs[0].raised, (flag, nerve)


def test_new_symptoms_in_both_legs_are_an_emergency_sign_without_a_tick():
    assert tier(symptoms=("numbness",), where=("both_legs",)) == "emergency"
    assert tier(symptoms=("leg_pain",), where=("both_legs",), duration="subacute") == "emergency"
    assert tier(symptoms=("numbness",), where=("one_leg",), duration="acute") is None
    assert tier(symptoms=("back_pain",), where=("both_legs",)) is None  # a place without leg symptoms says nothing


def test_both_legs_for_months_is_checked_within_days_and_both_arms_the_same_day():
    assert tier(symptoms=("walking_pain", "numbness"), where=("both_legs",), duration="over_1_year") == "soon"
    assert tier(symptoms=("arm_pain",), where=("both_arms",), duration="over_1_year") == "same_day"
    assert tier(symptoms=("numbness",), where=("one_arm",)) is None


def test_new_weakness_is_checked_within_days():
    assert tier(symptoms=("weakness",), where=("one_leg",), duration="subacute") == "soon"
    assert tier(symptoms=("weakness",), where=("one_leg",)) == "soon"
    assert tier(symptoms=("weakness",), where=("one_leg",), duration="over_6_months") is None


def test_new_pain_under_20_or_over_50_is_a_sign_to_check_within_days():
    for band in ("under_20", "50_to_64", "65_plus"):
        assert tier(symptoms=("back_pain",), duration="acute", age=band) == "soon", band
        assert tier(symptoms=("back_pain",), duration="chronic", age=band) is None, band
    assert tier(symptoms=("back_pain",), duration="acute", age="20_to_49") is None


def test_the_most_urgent_sign_comes_first():
    signs = assess(Situation(flags=("weight_loss", "fever", "saddle_numbness")), RED_FLAGS).signs
    assert [s.tier for s in signs] == ["emergency", "same_day", "soon"]


def test_the_signs_symptoms_make_more_urgent_are_worded_from_the_data():
    content = load_content()
    sentences = raised_signs(content.red_flag_rows, content.symptom_labels)
    assert len(sentences) == int((content.red_flags["raised_to"] != "").sum()) == 3
    assert (
        "Past or current cancer, with new tingling or numbness, muscle weakness or leg pain on walking or standing, "
        "is an emergency." in sentences
    )
