import itertools
import re

import pytest

from components.data import load_content
from components.fit import fit_content, overall_stance
from components.situation import Situation
from components.triage import SOON_MEANWHILE, TIERS
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


def test_discectomy_fits_persistent_sciatica_after_conservative_care_only_when_a_scan_matches():
    sciatica = {
        "symptoms": ("leg_pain", "numbness"),
        "where": ("one_leg",),
        "pain": 8,
        "function": "severe",
        "duration": "chronic",
    }
    tried = ("physical_therapy", "medications")
    assert fits(Situation(**sciatica, tried=tried, findings=("imaging_matches",)))["discectomy"] == "fits now"
    # NICE NG59: decompression only when imaging matches the symptoms. Without the scan: a later step, saying so.
    no_scan = Situation(**sciatica, tried=tried)
    assert fits(no_scan)["discectomy"] == "later step"
    assert reasons(no_scan)["discectomy"] == (
        "It comes only after a scan (such as an MRI) that matches your symptoms (NICE NG59, spinal decompression)."
    )
    # The same person before trying conservative care: a later step, with the reason.
    earlier = Situation(**sciatica, findings=("imaging_matches",))
    assert fits(earlier)["discectomy"] == "later step"
    assert "physical therapy" in reasons(earlier)["discectomy"]


def test_discectomy_is_not_kept_for_severe_pain_only():
    moderate = Situation(
        symptoms=("leg_pain",),
        pain=5,
        function="some",
        duration="chronic",
        tried=("physical_therapy", "medications"),
        findings=("imaging_matches",),
    )
    assert moderate.severity == "moderate"
    assert fits(moderate)["discectomy"] == "fits now"


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
    assert reasons(situation)["stay_active"].startswith("Only after a doctor has checked your warning sign today. ")


def test_an_emergency_sign_holds_every_option_back_with_emergency_care_first():
    situation = Situation(symptoms=("back_pain",), pain=4, duration="acute", flags=("bladder_bowel",))
    assert "fits now" not in fits(situation).values()
    # In an emergency the options' own merits are beside the point: the reason says only what to do.
    assert set(reasons(situation).values()) <= {"Not now: get emergency care first."} | {
        r for r in reasons(situation).values() if r.startswith("Not now: get emergency care first.")
    }
    assert reasons(situation)["stay_active"] == "Not now: get emergency care first."


def test_a_sign_to_check_within_days_leaves_only_self_care_fitting_meanwhile():
    situation = Situation(symptoms=("back_pain",), pain=4, duration="acute", flags=("weight_loss",))
    table = fit_content(situation, CONTENT)
    fitting = table[table["fit"] == "fits now"]
    assert set(fitting["self_care"]) == {"yes"}
    assert "stay_active" in set(fitting["id"])
    assert reasons(situation)["stay_active"].startswith(
        "Fine to do meanwhile, but see a doctor in the next few days about your warning sign. "
    )
    assert reasons(situation)["exercise_therapy"].startswith(
        "Only after a doctor has checked your warning sign in the next few days. "
    )


def test_stay_active_fits_everyone_without_red_flags():
    for situation in SITUATIONS:
        assert fits(situation)["stay_active"] == "fits now"


# What a warning sign or a health condition puts before a reason, and what the region rule adds
# after it for neck symptoms: each one short sentence (components/fit.py).
PREFIXES = (*(tier.hold for tier in TIERS.values()), SOON_MEANWHILE)
CAUTION = re.compile(r"Ask your doctor first, because of [^.]+\.")
NECK_NOTE = "No guideline this app uses covers neck injections or neck surgery: ask a spine specialist."
CONDITIONS = re.compile(r"[^.]*(: only alongside| is about pain lasting| is about new \(acute\) pain)[^.]*\.")
# The reasons cautions.csv gives, sentence by sentence, and what two cautions add.
CAUTION_WHY = {part for reason in CONTENT.cautions["reason"] if reason for part in re.split(r"(?<=\.) ", reason)}
SEVERAL = "With more than one of these, it is not a first choice."
AVOIDED = "It is usually avoided with "
MAX_SENTENCE_WORDS = 45
REASON_SITUATIONS = SITUATIONS[::17] + [
    Situation(symptoms=symptoms, where=where, pain=6, function="some", duration=duration, tried=tried, **more)
    for symptoms, where in ((("back_pain", "leg_pain"), ()), (("neck_pain", "numbness"), ("one_arm",)), (("weakness",), ()))
    for duration in ("acute", "over_1_year")
    for tried in ((), ("physical_therapy", "medications"))
    for more in (
        {"flags": ("bladder_bowel",)},
        {"flags": ("fever",)},
        {"flags": ("weight_loss",)},
        {"health": ("kidney_disease", "blood_thinners"), "age": "65_plus"},
        {"health": ("heart_disease",), "age": "65_plus"},
    )
]


def sentences(reason: str) -> list[str]:
    return re.split(r"(?<=\.) ", reason)


def test_every_reason_is_one_short_sentence_plus_at_most_a_warning_a_caution_a_condition_and_a_neck_note():
    seen = {"warning": 0, "caution": 0, "avoid": 0, "neck": 0, "conditions": 0}
    for situation in REASON_SITUATIONS:
        for reason in reasons(situation).values():
            parts = sentences(reason)
            assert reason.endswith(".") and all(len(p.split()) <= MAX_SENTENCE_WORDS for p in parts), reason
            if parts[0] in PREFIXES:
                seen["warning"] += 1
                parts = parts[1:]
            if not parts:  # an emergency: the reason says only what to do
                continue
            if parts[0].startswith(AVOIDED):
                seen["avoid"] += 1
                rest = [p for p in parts[1:] if p not in CAUTION_WHY and p != "Ask your doctor about other options."]
                assert rest == [], reason
                continue
            if CAUTION.fullmatch(parts[0]):
                seen["caution"] += 1
                parts = parts[1:]
                while parts and (parts[0] in CAUTION_WHY or parts[0] == SEVERAL):
                    parts = parts[1:]
            if len(parts) == 2 and CONDITIONS.fullmatch(parts[1]):
                seen["conditions"] += 1
                parts = parts[:1]
            if parts[1:] == [NECK_NOTE]:
                seen["neck"] += 1
                parts = parts[:1]
            assert len(parts) == 1, reason
    # The sample reaches every kind of extra sentence, so the check above means something.
    assert all(seen.values()), seen


def test_disagreement_is_named_in_the_reason_and_is_never_a_first_choice():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="chronic", tried=("medications",))
    assert fits(situation)["acupuncture"] == "later step"
    assert "Guidelines disagree (ACP 2017 rec 2, WHO 2023 for it; NICE NG59 against)" in reasons(situation)["acupuncture"]
    assert fits(situation)["duloxetine"] == "later step"
    assert "disagree" in reasons(situation)["duloxetine"]


def test_later_step_when_pain_has_not_lasted_long_enough():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="acute")
    assert fits(situation)["yoga_tai_chi"] == "later step"
    assert "12 weeks" in reasons(situation)["yoga_tai_chi"]


def test_short_term_options_are_not_typical_for_long_lasting_pain():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="chronic")
    assert fits(situation)["muscle_relaxants"] == "not typical"
    assert fits(situation)["weak_opioids"] == "not typical"
