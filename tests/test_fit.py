import itertools

import pytest

from components.data import load_content
from components.fit import fit_content, overall_stance
from components.situation import Situation
from components.vocabulary import DURATIONS, FUNCTION, SYMPTOMS, TRIED

CONTENT = load_content()
LABELS = dict(zip(CONTENT.symptoms["id"], CONTENT.symptoms["label"], strict=True))
OPIOIDS = ("weak_opioids", "strong_opioids", "tramadol")


def fits(situation: Situation) -> dict[str, str]:
    table = fit_content(situation, CONTENT)
    return dict(zip(table["id"], table["fit"], strict=True))


def reasons(situation: Situation) -> dict[str, str]:
    table = fit_content(situation, CONTENT)
    return dict(zip(table["id"], table["reason"], strict=True))


# A spread of situations: every symptom alone and in pairs, every duration and function level,
# low and high pain, nothing tried or everything but surgery tried.
SITUATIONS = [
    Situation(symptoms=symptoms, pain=pain, function=function, duration=duration, tried=tried)
    for symptoms in [(s,) for s in SYMPTOMS] + [("back_pain", "leg_pain"), ("leg_pain", "numbness", "weakness")]
    for pain in (2, 5, 9)
    for function in FUNCTION
    for duration in DURATIONS
    for tried in ((), ("self_care", "physical_therapy", "medications", "chiropractic", "injections"))
]


def test_overall_stance_rules():
    assert overall_stance(["recommended", "not_recommended"]) == "disagree"
    assert overall_stance(["consider", "not_recommended"]) == "disagree"
    assert overall_stance(["specific_cases", "not_recommended"]) == "not_recommended"
    assert overall_stance(["no_stance"]) == "no_stance"
    assert overall_stance(["specific_cases", "consider"]) == "consider"


@pytest.mark.parametrize("situation", [s for s in SITUATIONS if not s.tried])
def test_opioids_never_fit_now_as_a_first_step(situation):
    result = fits(situation)
    assert all(result[o] != "fits now" for o in OPIOIDS)


@pytest.mark.parametrize("situation", SITUATIONS)
def test_options_guidelines_advise_against_are_never_fits_now(situation):
    result = fits(situation)
    for treatment in ("strong_opioids", "gabapentinoids", "paracetamol_alone", "facet_injection", "disc_replacement", "traction"):
        assert result[treatment] == "not typical"


def test_spinal_fusion_never_fits_now_for_back_pain_alone():
    for tried, history, pain, function, duration in itertools.product(
        ((), tuple(TRIED)), ((), ("spinal_condition", "spine_injury", "prior_spine_surgery")), (3, 9), FUNCTION, DURATIONS
    ):
        situation = Situation(
            symptoms=("back_pain",), pain=pain, function=function, duration=duration, tried=tried, history=history
        )
        assert fits(situation)["spinal_fusion"] != "fits now"


def test_epidural_is_for_leg_pain_not_back_pain_alone():
    severe_leg = Situation(symptoms=("leg_pain",), pain=9, function="severe", duration="acute", tried=("medications",))
    back_only = Situation(symptoms=("back_pain",), pain=9, function="severe", duration="acute", tried=("medications",))
    assert fits(severe_leg)["epidural_steroid"] == "fits now"
    assert fits(back_only)["epidural_steroid"] == "not typical"
    assert "leg" in reasons(back_only)["epidural_steroid"]


def test_discectomy_fits_persistent_disabling_sciatica_after_conservative_care():
    situation = Situation(
        symptoms=("leg_pain", "numbness"),
        pain=8,
        function="severe",
        duration="chronic",
        tried=("physical_therapy", "medications"),
    )
    assert fits(situation)["discectomy"] == "fits now"
    # The same person before trying conservative care: a later step, with the reason.
    earlier = Situation(symptoms=("leg_pain", "numbness"), pain=8, function="severe", duration="chronic")
    assert fits(earlier)["discectomy"] == "later step"
    assert "physical therapy" in reasons(earlier)["discectomy"]


@pytest.mark.parametrize("symptoms", [(s,) for s in SYMPTOMS])
def test_injections_and_surgery_never_fit_now_for_a_first_episode_of_mild_pain(symptoms):
    table = fit_content(Situation(symptoms=symptoms, pain=2, function="none", duration="acute"), CONTENT)
    invasive = table[table["category"].isin(["injections", "surgery"])]
    assert set(invasive["fit"]) <= {"later step", "not typical"}


def test_an_empty_situation_is_treated_as_a_new_mild_episode():
    result = fits(Situation())
    assert result["stay_active"] == "fits now"
    assert result["heat"] == "fits now"
    assert result["discectomy"] != "fits now"
    assert result["epidural_steroid"] != "fits now"


def test_red_flags_hold_every_option_back_until_a_doctor_checks():
    situation = Situation(symptoms=("back_pain",), pain=4, duration="acute", flags=("fever",))
    result = fits(situation)
    assert "fits now" not in result.values()
    assert "warning sign" in reasons(situation)["stay_active"]


def test_stay_active_fits_everyone_without_red_flags():
    for situation in SITUATIONS:
        assert fits(situation)["stay_active"] == "fits now"


def test_every_reason_is_one_sentence():
    for situation in SITUATIONS[::17]:
        for reason in reasons(situation).values():
            assert reason.endswith(".") and reason.count(". ") == 0, reason


def test_disagreement_is_named_in_the_reason():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="chronic", tried=("medications",))
    assert "ACP 2017 for, NICE NG59 against" in reasons(situation)["acupuncture"]
    assert fits(situation)["duloxetine"] == "fits now"
    assert "disagree" in reasons(situation)["duloxetine"]


def test_later_step_when_pain_has_not_lasted_long_enough():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="acute")
    assert fits(situation)["yoga_tai_chi"] == "later step"
    assert "12 weeks" in reasons(situation)["yoga_tai_chi"]


def test_short_term_options_are_not_typical_for_long_lasting_pain():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="chronic")
    assert fits(situation)["heat"] == "not typical"
    assert fits(situation)["muscle_relaxants"] == "not typical"
