import pytest

from components.data import load_content
from components.situation import Situation
from components.triage import Sign, assess, raised_signs
from components.vocabulary import DERIVED_SIGNS, SYMPTOMS, WHERE

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
        assert tier(symptoms=("back_pain",), duration="subacute", age=band) == "soon", band
    # Under 20, pain that lasts is still checked; over 50, pain that has lasted months is not new.
    assert tier(symptoms=("back_pain",), duration="chronic", age="under_20") == "soon"
    for band in ("50_to_64", "65_plus"):
        assert tier(symptoms=("back_pain",), duration="chronic", age=band) is None, band
    assert tier(symptoms=("back_pain",), duration="acute", age="20_to_49") is None


def test_the_most_urgent_sign_comes_first():
    signs = assess(Situation(flags=("weight_loss", "fever", "saddle_numbness")), RED_FLAGS).signs
    assert [s.tier for s in signs] == ["emergency", "same_day", "soon"]


def _row(label: str, tier: str, raised: dict[str, str]) -> dict[str, str]:
    return {"label": label, "tier": tier, **{f"with_{s}": raised.get(s, tier) for s in (*SYMPTOMS, *WHERE)}}


def test_the_signs_symptoms_make_more_urgent_are_worded_from_the_data():
    content = load_content()
    sentences = raised_signs(content.red_flag_rows, content.symptom_labels)
    assert sentences == (
        "Fever or feeling very unwell, with new pain spreading down a leg (sciatica), pain spreading down an arm, "
        "tingling or numbness, muscle weakness or leg pain on walking or standing, is an emergency.",
        "A higher risk of infection, with new pain spreading down a leg (sciatica), pain spreading down an arm, "
        "tingling or numbness, muscle weakness or leg pain on walking or standing, is an emergency.",
        "Past or current cancer, with new pain spreading down a leg (sciatica), pain spreading down an arm, "
        "tingling or numbness, muscle weakness or leg pain on walking or standing, is an emergency.",
        "New weakness in a leg or arm, with symptoms in both legs, is an emergency.",
        "New weakness in a leg or arm, with symptoms in both arms, is a reason to see a doctor today.",
    )


def test_a_place_is_worded_only_when_a_symptom_felt_there_would_not_already_raise_the_sign():
    # Past cancer is an emergency with any leg or arm symptom, so "with symptoms in both legs" adds nothing.
    cancer = _row(
        "Past cancer", "same_day", dict.fromkeys(("leg_pain", "arm_pain", "numbness", "weakness", "both_legs"), "emergency")
    )
    weakness = _row("New weakness", "soon", {"weakness": "same_day", "both_legs": "emergency"})
    labels = {"weakness": "Weakness"}
    assert raised_signs([cancer], labels)[1:] == ()
    assert raised_signs([weakness], labels) == (
        "New weakness, with symptoms in both legs, is an emergency.",
        "New weakness, with new weakness, is a reason to see a doctor today.",
    )


def test_a_place_raises_a_sign_only_with_a_symptom_felt_there():
    both_legs = Situation(symptoms=("back_pain",), where=("both_legs",), duration="chronic", flags=("weight_loss",))
    row = _row("Weight loss", "soon", {"both_legs": "emergency"}) | {"id": "weight_loss", "action": "Check."}
    assert assess(both_legs, [row]).signs[0].tier == "soon"  # no leg symptom: the place is stale
    with_leg = Situation(**{**both_legs.__dict__, "symptoms": ("back_pain", "leg_pain")})
    assert assess(with_leg, [row]).signs[0].tier == "emergency"


@pytest.mark.parametrize(
    ("raised", "listed"),
    [
        (("numbness",), "tingling or numbness"),
        (("numbness", "weakness"), "tingling or numbness or muscle weakness"),
        (("numbness", "weakness", "walking_pain"), "tingling or numbness, muscle weakness or leg pain on walking or standing"),
    ],
)
def test_a_sign_raised_by_one_two_or_three_symptoms_names_them_all(raised, listed):
    # A clinic may edit red_flags.csv: one symptom alone must read as well as the current two or three.
    rows = [
        _row("Fever or feeling very unwell", "same_day", dict.fromkeys(raised, "emergency")),
        _row("Weight loss you cannot explain", "soon", {}),
    ]
    assert raised_signs(rows, load_content().symptom_labels) == (
        f"Fever or feeling very unwell, with new {listed}, is an emergency.",
    )


def test_a_sign_raised_to_two_tiers_gets_a_sentence_for_each():
    row = _row("Weight loss", "soon", {"numbness": "same_day", "weakness": "emergency"})
    assert raised_signs([row], {"numbness": "Numbness", "weakness": "Weakness"}) == (
        "Weight loss, with new weakness, is an emergency.",
        "Weight loss, with new numbness, is a reason to see a doctor today.",
    )


def test_each_sign_carries_its_id_wording_and_action_from_the_data():
    situation = Situation(
        symptoms=("back_pain", "numbness"), where=("one_leg",), duration="over_1_year", flags=("weight_loss", "fever")
    )
    assert assess(situation, RED_FLAGS).signs == (
        Sign(
            "fever",
            "Fever or feeling very unwell",
            "emergency",
            "An infection in the spine needs ruling out. With new pain spreading down a leg or an arm, numbness, weakness "
            "or pain in the legs on walking, it is an emergency.",
            True,
        ),
        Sign("weight_loss", "Weight loss you cannot explain", "soon", "A serious cause needs ruling out.", False),
    )


SEVERAL = Situation(flags=("weight_loss", "fever", "saddle_numbness", "night_pain"))


def test_the_visit_lists_each_sign_with_its_tier_in_words_most_urgent_first():
    assert assess(SEVERAL, RED_FLAGS).lines() == (
        "Emergency: get help now: numbness around the genitals or bottom",
        "See a doctor today: fever or feeling very unwell",
        "See a doctor in the next few days: weight loss you cannot explain",
        "See a doctor in the next few days: constant pain, pain at night, or pain high in the back",
    )
    assert assess(Situation(), RED_FLAGS).lines() == ()


@pytest.mark.parametrize(
    ("tier_id", "ids"),
    [("emergency", ["saddle_numbness"]), ("same_day", ["fever"]), ("soon", ["weight_loss", "night_pain"])],
)
def test_each_banner_tier_holds_only_its_own_signs(tier_id, ids):
    assert [sign.id for sign in assess(SEVERAL, RED_FLAGS).in_tier(tier_id)] == ids


def test_a_sign_raised_by_a_symptom_without_a_label_names_the_symptom_id():
    row = _row("Past cancer", "same_day", {"numbness": "emergency", "weakness": "emergency"})
    assert raised_signs([row], {"numbness": "Numbness"}) == ("Past cancer, with new numbness or weakness, is an emergency.",)
