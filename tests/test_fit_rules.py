"""Each rule of the fit, one at a time, on a made-up treatment row: the fit and the exact reason a
person reads. The shipped content exercises the rules only where a real treatment happens to need
them (no real row reaches the spine-history rule, because a 'do not offer' comes first), so every
rule is pinned here on its own, whatever the data says today."""

from __future__ import annotations

import pandas as pd
import pytest

from components.fit import (
    Caution,
    Fit,
    Stance,
    _base_fit,
    _labels,
    fit_for,
    fit_one,
    overall_stance,
    scope_words,
    stance_scope,
    stance_table,
    stances_by_treatment,
    with_stances,
)
from components.situation import Situation
from components.triage import NO_SIGNS, SOON_MEANWHILE, Assessment, Sign
from components.vocabulary import DURATIONS, REGIONS

ALL_DURATIONS = ";".join(DURATIONS)
LABELS = {"back_pain": "Back pain", "leg_pain": "Leg pain", "walking_pain": "Walking pain", "numbness": "Numbness"}
NAMES = {"exercise_therapy": "Exercise therapy", "gentle": "Gentle care"}
# A person a low-back treatment fits: back pain, moderate, 4 to 12 weeks.
PERSON = Situation(symptoms=("back_pain",), pain=5, function="some", duration="subacute")


def row(**changes: object) -> dict[str, object]:
    """A low-back treatment for back pain with no criteria: every rule passes unless a test changes one column."""
    return {
        "id": "gentle",
        "self_care": "no",
        "specialist_decides": "no",
        "regions": "low_back",
        "invasiveness": 1,
        "symptoms": "back_pain;leg_pain",
        "excludes_symptoms": "",
        "needs_history": "",
        "uses_medicines": "no",
        "findings_from": "",
        "excluded_by_signs": "",
        "min_severity": "mild",
        "min_severity_for": "",
        "min_pain": 0,
        "durations": ALL_DURATIONS,
        "after_tried": "",
        "needs_findings": "",
        "criteria_source": "",
    } | changes


NO_CAUTIONS = pd.DataFrame(columns=["treatment_id", "factor", "decision", "reason", "source"])


def avoid(*factors: str) -> tuple[Caution, ...]:
    return tuple(Caution(f, "avoid", f"Reason for {f}.") for f in factors)


def caution(*factors: str) -> tuple[Caution, ...]:
    return tuple(Caution(f, "caution", f"Reason for {f}.") for f in factors)


def stance(stance: str, source: str = "NICE NG59 1.2.1", **changes: object) -> Stance:
    fields = {"region": "low_back", "durations": (), "for_symptoms": (), "only_alongside": ""} | changes
    return Stance(source, stance, **fields)


RECOMMENDED = (stance("recommended", "ACP 2017 rec 1"),)


def base(
    situation: Situation = PERSON,
    treatment: dict | None = None,
    stances: tuple[Stance, ...] = RECOMMENDED,
    later: tuple[Stance, ...] | None = None,
    cautioned: bool = False,
) -> Fit:
    later = stances if later is None else later
    return _base_fit(situation, treatment or row(), stances, later, LABELS, NAMES, cautioned)


def test_the_neutral_row_fits_now_and_names_who_recommends_it():
    assert base() == Fit("fits now", "It fits back pain at your stage: ACP 2017 rec 1 recommends it.")


# Rule 1: a "do not offer" with nobody for it.
def test_a_do_not_offer_makes_it_not_typical_and_names_the_guideline():
    against = (stance("not_recommended", "NICE NG59 1.2.21"),)
    assert base(stances=against) == Fit("not typical", "Guidelines advise against it (NICE NG59 1.2.21).")


# Rule 2: no symptoms.
def test_without_symptoms_only_self_care_can_fit():
    nothing = Situation(pain=5, function="some", duration="subacute")
    assert base(nothing) == Fit(
        "not typical", "Pick your symptoms in the sidebar first: until then only self-care can be suggested."
    )
    assert base(nothing, row(self_care="yes", symptoms="")).fit == "fits now"


# Rule 3: body region.
def test_a_treatment_for_another_region_is_not_typical_and_says_where_it_is_for():
    neck = Situation(symptoms=("neck_pain",), pain=5, function="some", duration="subacute")
    assert base(neck) == Fit(
        "not typical", "It is listed here for the lower back and legs only, and your symptoms are not there."
    )


def test_a_lumbar_procedure_for_neck_symptoms_says_no_guideline_covers_neck_procedures():
    neck = Situation(symptoms=("neck_pain",), pain=5, function="some", duration="subacute")
    assert base(neck, row(invasiveness=3)).reason == (
        "It is listed here for the lower back and legs only, and your symptoms are not there. "
        "No guideline this app uses covers neck injections or neck surgery: ask a spine specialist."
    )
    # Not for a procedure that also treats the neck, nor for someone with low-back symptoms too.
    both = Situation(symptoms=("neck_pain", "leg_pain"), pain=5, function="some", duration="subacute")
    assert "No guideline" not in base(both, row(invasiveness=3, symptoms="back_pain")).reason


def test_numbness_without_a_place_asks_where_it_is():
    unplaced = Situation(symptoms=("numbness",), pain=5, function="some", duration="subacute")
    assert base(unplaced) == Fit("not typical", "Say in the sidebar whether the numbness or weakness is in a leg or an arm.")


def test_a_treatment_for_every_region_counts_wherever_the_symptoms_are():
    neck = Situation(symptoms=("neck_pain",), pain=5, function="some", duration="subacute")
    everywhere = row(regions="low_back;neck", symptoms="neck_pain")
    assert base(neck, everywhere).fit == "fits now"


def test_a_treatment_for_other_symptoms_names_them():
    walking = Situation(symptoms=("walking_pain",), pain=5, function="some", duration="subacute")
    assert base(walking) == Fit("not typical", "It is used for back pain or leg pain, which you have not picked.")


def test_a_treatment_for_numbness_asks_where_when_the_place_is_unknown():
    both = Situation(symptoms=("back_pain", "numbness"), pain=5, function="some", duration="subacute")
    assert base(both, row(symptoms="numbness")) == Fit(
        "not typical",
        "It is used for numbness, which you have not picked (say in the sidebar whether it is in a leg or an arm).",
    )


# Rule 4: a guideline's exclusion, and the spine-history rule.
def test_an_excluded_symptom_makes_it_not_typical_with_the_guideline_cited():
    walking = Situation(symptoms=("back_pain", "walking_pain"), pain=5, function="some", duration="subacute")
    treatment = row(excludes_symptoms="walking_pain", criteria_source="NICE NG59 1.3.2")
    assert base(walking, treatment) == Fit("not typical", "It is not used for walking pain (NICE NG59 1.3.2).")


def test_an_option_only_for_a_spine_history_is_not_typical_until_that_history_is_ticked():
    treatment = row(needs_history="spinal_condition;spine_injury")
    assert base(PERSON, treatment) == Fit(
        "not typical",
        "It is only for people with a slipped vertebra (spondylolisthesis), scoliosis or an unstable spine, found by a "
        "doctor (not a slipped or worn disc) or a spine injury in the past, which you have not ticked.",
    )
    other_history = Situation(**{**PERSON.__dict__, "history": ("prior_spine_surgery",)})
    assert base(other_history, treatment).fit == "not typical"
    with_history = Situation(**{**PERSON.__dict__, "history": ("spine_injury",)})
    assert base(with_history, treatment).fit == "fits now"


# Rule 5: no pain.
def test_at_pain_zero_without_a_daily_life_answer_the_page_asks_for_one():
    assert base(Situation(symptoms=("back_pain",), pain=0, duration="subacute")) == Fit(
        "not typical",
        "Say in the sidebar how bad the pain is and how it affects daily life: until then only self-care is suggested.",
    )


def test_at_pain_zero_with_daily_life_unaffected_nothing_beyond_self_care_is_needed():
    calm = Situation(symptoms=("back_pain",), pain=0, function="none", duration="subacute")
    assert base(calm) == Fit(
        "not typical", "With no pain and daily life not affected, nothing beyond self-care and staying active is needed now."
    )
    numb = Situation(symptoms=("back_pain", "numbness"), where=("one_leg",), pain=0, function="none", duration="subacute")
    assert base(numb).reason.endswith("needed now. New numbness or weakness is still for a doctor to check.")
    assert base(calm, row(self_care="yes")).fit == "fits now"


def test_at_pain_zero_no_pain_medicine_fits_but_other_care_can():
    limited = Situation(symptoms=("back_pain",), pain=0, function="some", duration="subacute")
    assert base(limited, row(uses_medicines="yes")) == Fit(
        "not typical", "With no pain now, a pain medicine or injection is not needed."
    )
    assert base(limited).fit == "fits now"
    # An operation (invasiveness 4 or 5) is never called a pain medicine: it can treat weakness without pain.
    weak = Situation(symptoms=("weakness",), where=("one_leg",), pain=0, function="some", duration="subacute")
    operation = row(uses_medicines="yes", invasiveness=4, symptoms="leg_pain;weakness")
    assert base(weak, operation).fit == "fits now"
    assert "pain medicine" not in base(weak, operation).reason


# Rule 6: health conditions and age.
def test_an_option_avoided_with_a_condition_is_not_typical_and_says_which_and_why():
    frail = Situation(**{**PERSON.__dict__, "health": ("osteoporosis",), "age": "65_plus"})
    assert one(frail, row(), cautions=avoid("osteoporosis", "65_plus", "pregnancy")) == Fit(
        "not typical",
        "It is usually avoided with osteoporosis (thin bones) and being aged 65 or older. "
        "Reason for osteoporosis. Reason for 65_plus. Ask your doctor about other options.",
    )
    # Not the person's: no effect.
    assert one(PERSON, row(), cautions=avoid("pregnancy")).fit == "fits now"


def test_an_avoid_wins_over_a_caution_and_never_fits_now():
    frail = Situation(**{**PERSON.__dict__, "health": ("kidney_disease", "heart_disease")})
    told = one(frail, row(), cautions=avoid("kidney_disease") + caution("heart_disease"))
    assert told.fit == "not typical" and told.reason.startswith("It is usually avoided with kidney disease.")


# Rule 7: severity and pain thresholds.
def test_an_option_kept_for_worse_pain_says_what_it_is_kept_for():
    mild = Situation(symptoms=("back_pain",), pain=2, function="none", duration="subacute")
    treatment = row(min_severity="severe", criteria_source="NICE NG59 1.3.1")
    assert base(mild, treatment) == Fit(
        "not typical", "It is kept for severe pain or loss of daily function (NICE NG59 1.3.1); yours sounds mild."
    )
    assert base(Situation(**{**mild.__dict__, "pain": 7}), treatment).fit == "fits now"
    assert base(Situation(**{**mild.__dict__, "function": "severe"}), treatment).fit == "fits now"


def test_a_symptom_can_need_worse_pain_than_the_option_otherwise_does():
    treatment = row(symptoms="walking_pain;leg_pain", min_severity_for="walking_pain:moderate")
    walking = Situation(symptoms=("walking_pain",), pain=2, function="none", duration="subacute")
    assert base(walking, treatment).reason == "It is kept for moderate pain or loss of daily function; yours sounds mild."
    # The gate is for that symptom only: leg pain at the same severity passes.
    legs = Situation(symptoms=("walking_pain", "leg_pain"), pain=2, function="none", duration="subacute")
    assert base(legs, treatment).fit == "fits now"
    assert base(Situation(**{**walking.__dict__, "pain": 4}), treatment).fit == "fits now"


def test_an_option_with_a_pain_threshold_says_the_threshold_and_the_score():
    treatment = row(min_pain=5, criteria_source="NICE NG59 1.3.3")
    assert base(Situation(**{**PERSON.__dict__, "pain": 4}), treatment) == Fit(
        "not typical", "It is for pain of 5 or more out of 10 (NICE NG59 1.3.3); yours is 4."
    )
    assert base(Situation(**{**PERSON.__dict__, "pain": 5}), treatment).fit == "fits now"


# Rule 8: stage.
def test_an_option_for_new_pain_is_not_typical_once_pain_has_lasted_longer():
    treatment = row(durations="acute;subacute")
    lasting = Situation(**{**PERSON.__dict__, "duration": "chronic"})
    assert base(lasting, treatment) == Fit(
        "not typical", "It is meant for pain lasting less than 12 weeks; yours has lasted 3 to 6 months."
    )


@pytest.mark.parametrize(
    ("durations", "when"),
    [("subacute;chronic", "4 weeks"), ("chronic;over_6_months", "12 weeks"), ("over_6_months;over_1_year", "6 months")],
)
def test_an_option_for_later_says_from_when_it_is_considered(durations: str, when: str):
    new = Situation(**{**PERSON.__dict__, "duration": "acute"})
    assert base(new, row(durations=durations)) == Fit(
        "later step", f"It is usually considered only once pain has lasted {when} or more."
    )


def test_an_option_for_later_that_guidelines_advise_against_then_is_not_typical():
    new = Situation(**{**PERSON.__dict__, "duration": "acute"})
    against_later = (stance("not_recommended", "NICE NG59 1.2.9", durations=("chronic",)),)
    assert base(new, row(durations="chronic"), stances=(), later=against_later) == Fit(
        "not typical", "It is not used now, and guidelines advise against it later on (NICE NG59 1.2.9)."
    )


def test_an_option_for_later_that_guidelines_disagree_on_names_both_sides():
    new = Situation(**{**PERSON.__dict__, "duration": "acute"})
    later = (
        stance("recommended", "ACP 2017 rec 2", durations=("chronic",)),
        stance("not_recommended", "NICE NG59 1.2.9", durations=("chronic",)),
        # A stance for another stage than the option's first does not count here.
        stance("not_recommended", "WHO 2023", durations=("over_1_year",)),
    )
    assert base(new, row(durations="chronic"), stances=(), later=later) == Fit(
        "later step",
        "It is only considered once pain has lasted 12 weeks or more, and even then guidelines disagree "
        "(ACP 2017 rec 2 for it; NICE NG59 1.2.9 against).",
    )


def test_without_a_duration_the_earliest_stage_is_assumed():
    unsaid = Situation(symptoms=("back_pain",), pain=5, function="some")
    assert base(unsaid, row(durations="subacute")).fit == "later step"


# Rule 9: what comes first.
def test_an_option_that_comes_after_other_care_names_what_is_still_to_try():
    treatment = row(after_tried="physical_therapy;medications")
    assert base(PERSON, treatment) == Fit(
        "later step",
        "It usually comes after you have tried physical therapy or exercise and medicines without enough help.",
    )
    tried_one = Situation(**{**PERSON.__dict__, "tried": ("medications",)})
    assert base(tried_one, treatment).reason == (
        "It usually comes after you have tried physical therapy or exercise without enough help."
    )


def test_an_option_that_needs_a_finding_names_it():
    treatment = row(needs_findings="positive_block", criteria_source="NICE NG59 1.3.3")
    assert base(PERSON, treatment) == Fit(
        "later step", "It comes only after a test nerve block (medial branch block) that eased your back pain (NICE NG59 1.3.3)."
    )
    found = Situation(**{**PERSON.__dict__, "findings": ("positive_block",)})
    assert base(found, treatment).fit == "fits now"


# Rule 10: no guideline covers it here.
def test_a_medicine_or_procedure_no_guideline_covers_is_a_later_step_to_ask_about():
    assert base(stances=(), treatment=row(invasiveness=2)) == Fit(
        "later step",
        "No guideline we use gives a view on it for the lower back and legs, so it is not a first choice: ask your doctor first.",
    )
    assert base(stances=(), treatment=row(invasiveness=2), cautioned=True).reason.endswith("so it is not a first choice.")


def test_gentle_care_no_guideline_covers_can_fit_with_ask_your_doctor():
    assert base(stances=()) == Fit(
        "fits now",
        "It fits back pain at your stage, though no guideline we use gives a view on it for the lower back and legs: "
        "ask your doctor first.",
    )
    assert base(stances=(), treatment=row(self_care="yes")).reason.endswith("for the lower back and legs.")


# Rule 11: disagreement.
def test_an_option_guidelines_disagree_on_is_never_a_first_choice():
    split = (stance("recommended", "ACP 2017 rec 2"), stance("not_recommended", "NICE NG59 1.2.3"))
    assert base(stances=split) == Fit(
        "later step",
        "Guidelines disagree (ACP 2017 rec 2 for it; NICE NG59 1.2.3 against), so it is not a first choice: talk it over with your doctor.",
    )


# What "fits now" says.
def test_fits_now_names_every_guideline_for_it_with_the_right_verb():
    two = (stance("recommended", "ACP 2017 rec 1"), stance("recommended", "NICE NG59 1.2.1"))
    assert base(stances=two).reason == "It fits back pain at your stage: ACP 2017 rec 1, NICE NG59 1.2.1 recommend it."
    considered = (stance("consider", "NICE NG59 1.2.1"),)
    assert base(stances=considered).reason == "It fits back pain at your stage: NICE NG59 1.2.1 says to consider it."
    both = (stance("consider", "NICE NG59 1.2.1"), stance("consider", "WHO 2023"), stance("recommended", "ACP 2017 rec 1"))
    assert base(stances=both).reason == (
        "It fits back pain at your stage: ACP 2017 rec 1 recommends it; NICE NG59 1.2.1, WHO 2023 say to consider it."
    )


def test_fits_now_in_specific_cases_says_a_doctor_checks_them():
    specific = (stance("specific_cases", "NASS 2011"), stance("recommended", "ACP 2017 rec 1"))
    assert base(stances=(stance("specific_cases", "NASS 2011"),)).reason == (
        "It fits back pain at your stage, only in specific cases that a doctor checks (NASS 2011)."
    )
    assert (
        base(stances=specific).reason
        == "It fits back pain at your stage: ACP 2017 rec 1 recommends it; NASS 2011: only in specific cases."
    )


def test_fits_now_names_every_matching_symptom_and_the_stage_alone_without_one():
    legs = Situation(**{**PERSON.__dict__, "symptoms": ("back_pain", "leg_pain")})
    assert base(legs).reason.startswith("It fits back pain and leg pain at your stage:")
    # Without symptoms, self-care fits the stage alone (symptoms.csv requires at least one symptom per row).
    nothing = Situation(pain=5, function="some", duration="subacute")
    assert base(nothing, row(self_care="yes")).reason.startswith("It fits your stage:")


def test_fits_now_carries_the_guidelines_own_conditions():
    alongside = (stance("consider", "NICE NG59 1.2.5", only_alongside="exercise_therapy"),)
    assert base(stances=alongside).reason == (
        "It fits back pain at your stage: NICE NG59 1.2.5 says to consider it. NICE NG59 1.2.5: only alongside exercise therapy."
    )
    # A guideline that supports it only at another stage says so; one already counted here does not.
    now = (stance("recommended", "ACP 2017 rec 1"),)
    later = (
        *now,
        stance("recommended", "NICE NG59 1.2.7", durations=("acute",)),
        stance("not_recommended", "X", durations=("acute",)),
    )
    assert base(stances=now, later=later).reason == (
        "It fits back pain at your stage: ACP 2017 rec 1 recommends it. NICE NG59 1.2.7 is about new (acute) pain, another stage than yours."
    )
    # An "only alongside" from a guideline against it is no condition.
    against = (stance("recommended", "ACP 2017 rec 1"), stance("specific_cases", "Y", only_alongside="exercise_therapy"))
    assert "only alongside" not in base(stances=against).reason


# fit_one: cautions and warning signs on top of the rule chain.
def one(situation: Situation, treatment: dict, assessment: Assessment = NO_SIGNS, cautions: tuple[Caution, ...] = ()) -> Fit:
    return fit_one(situation, treatment, RECOMMENDED, RECOMMENDED, assessment, LABELS, NAMES, cautions)


def signs(tier: str) -> Assessment:
    return Assessment((Sign("fever", "Fever", tier, "See a doctor.", False),))


def test_one_caution_comes_first_in_the_reason_with_its_why_and_the_option_can_still_fit():
    frail = Situation(**{**PERSON.__dict__, "health": ("blood_thinners",)})
    assert one(frail, row(), cautions=caution("blood_thinners")) == Fit(
        "fits now",
        "Ask your doctor first, because of taking a blood thinner (such as warfarin, apixaban or clopidogrel). "
        "Reason for blood_thinners. It fits back pain at your stage: ACP 2017 rec 1 recommends it.",
    )
    assert not one(frail, row(min_pain=9), cautions=caution("blood_thinners")).reason.startswith("Ask your doctor first")


def test_two_cautions_make_an_option_a_later_step_with_both_reasons():
    frail = Situation(**{**PERSON.__dict__, "health": ("blood_thinners",), "age": "65_plus"})
    assert one(frail, row(), cautions=caution("blood_thinners", "65_plus")) == Fit(
        "later step",
        "Ask your doctor first, because of taking a blood thinner (such as warfarin, apixaban or clopidogrel) "
        "and being aged 65 or older. Reason for blood_thinners. Reason for 65_plus. "
        "With more than one of these, it is not a first choice. "
        "It fits back pain at your stage: ACP 2017 rec 1 recommends it.",
    )


def test_a_sign_to_check_within_days_leaves_only_self_care_fitting_meanwhile():
    assert one(PERSON, row(self_care="yes"), signs("soon")) == Fit(
        "fits now", f"{SOON_MEANWHILE} It fits back pain at your stage: ACP 2017 rec 1 recommends it."
    )
    assert one(PERSON, row(), signs("soon")) == Fit(
        "later step",
        "Only after a doctor has checked your warning sign in the next few days. "
        "It fits back pain at your stage: ACP 2017 rec 1 recommends it.",
    )


def test_a_same_day_sign_holds_every_option_and_keeps_what_is_not_typical():
    assert one(PERSON, row(self_care="yes"), signs("same_day")).fit == "later step"
    assert one(PERSON, row(min_pain=9), signs("same_day")) == Fit(
        "not typical",
        "Only after a doctor has checked your warning sign today. It is for pain of 9 or more out of 10; yours is 5.",
    )


def test_an_emergency_sign_says_only_get_emergency_care():
    assert one(PERSON, row(self_care="yes"), signs("emergency")) == Fit("later step", "Not now: get emergency care first.")
    assert one(PERSON, row(min_pain=9), signs("emergency")) == Fit("not typical", "Not now: get emergency care first.")


# The pieces the rules are built from.
@pytest.mark.parametrize(
    ("stances", "overall"),
    [
        ((), "no_stance"),
        (("no_stance",), "no_stance"),
        (("consider", "recommended"), "recommended"),
        (("consider", "specific_cases"), "consider"),
        (("specific_cases", "no_stance"), "specific_cases"),
        (("not_recommended",), "not_recommended"),
        (("not_recommended", "specific_cases"), "not_recommended"),
        (("not_recommended", "consider"), "disagree"),
        (("recommended", "not_recommended"), "disagree"),
    ],
)
def test_overall_stance(stances: tuple[str, ...], overall: str):
    assert overall_stance(stances) == overall


def test_labels_join_one_two_or_three_words():
    words = {"a": "Apples", "b": "Bananas", "c": "Cherries"}
    assert _labels(["a"], words) == "apples"
    assert _labels(["a", "b"], words) == "apples or bananas"
    assert _labels(["a", "b", "c"], words, "and") == "apples, bananas and cherries"
    assert _labels(["x"], words) == "x"


def test_a_stance_covers_its_region_and_symptoms_and_applies_at_its_stages():
    sciatica = stance("not_recommended", region="low_back", durations=("chronic",), for_symptoms=("leg_pain",))
    low_back = frozenset({"low_back"})
    assert sciatica.covers(low_back, ("leg_pain", "back_pain"))
    assert sciatica.covers(low_back, ())  # no symptoms yet: every stance of the region is shown
    assert not sciatica.covers(low_back, ("back_pain",))
    assert not sciatica.covers(frozenset({"neck"}), ("leg_pain",))
    assert sciatica.applies(low_back, "chronic", ("leg_pain",))
    assert not sciatica.applies(low_back, "acute", ("leg_pain",))
    assert stance("consider").applies(low_back, "acute", ("back_pain",))


def test_a_stance_does_not_cover_people_its_guideline_left_out():
    fusion = stance("not_recommended", for_symptoms=("back_pain",), not_for_history=("spinal_condition",))
    low_back = frozenset({"low_back"})
    assert fusion.applies(low_back, "chronic", ("back_pain",), ("spine_injury",))
    assert not fusion.covers(low_back, ("back_pain",), ("spine_injury", "spinal_condition"))
    assert not fusion.applies(low_back, "chronic", ("back_pain",), ("spinal_condition",))


def test_the_stance_scope_is_the_persons_regions_and_stage_or_everything_from_the_start():
    assert stance_scope(Situation()) == (frozenset(REGIONS), "acute")
    assert stance_scope(Situation(symptoms=("neck_pain",), duration="chronic")) == (frozenset({"neck"}), "chronic")


def test_scope_words():
    assert scope_words("neck", "") == "for the neck and arms"
    assert scope_words("low_back", "chronic;over_6_months") == "for the lower back and legs, pain lasting 12 weeks to a year"


def evidence_and_sources():
    import pandas as pd

    evidence = pd.DataFrame(
        [
            {"treatment_id": "gentle", "source_id": "acp", "rec": "rec 1", "stance": "recommended", "region": "low_back",
             "durations": "", "for_symptoms": "", "only_alongside": "", "not_for_history": ""},
            {"treatment_id": "gentle", "source_id": "nice", "rec": "", "stance": "not_recommended", "region": "neck",
             "durations": "chronic;over_6_months", "for_symptoms": "leg_pain", "only_alongside": "exercise_therapy", "not_for_history": ""},
            {"treatment_id": "other", "source_id": "nice", "rec": "1.2.1", "stance": "consider", "region": "low_back",
             "durations": "", "for_symptoms": "", "only_alongside": "", "not_for_history": ""},
        ]
    )  # fmt: skip
    sources = pd.DataFrame({"id": ["acp", "nice"], "short_name": ["ACP 2017", "NICE NG59"]})
    return evidence, sources


def test_stances_are_grouped_by_treatment_with_their_citation_and_scope():
    grouped = stances_by_treatment(*evidence_and_sources())
    assert grouped == {
        "gentle": (
            Stance("ACP 2017 rec 1", "recommended", "low_back", (), (), ""),
            Stance("NICE NG59", "not_recommended", "neck", ("chronic", "over_6_months"), ("leg_pain",), "exercise_therapy"),
        ),
        "other": (Stance("NICE NG59 1.2.1", "consider", "low_back", (), (), ""),),
    }


def test_the_stance_table_sums_up_every_stance_of_each_treatment():
    table = stance_table(*evidence_and_sources()).set_index("treatment_id")
    assert table.loc["gentle"].to_dict() == {
        "overall_stance": "disagree",
        "guideline_stances": "ACP 2017 rec 1: recommended; NICE NG59: advises against",
        "sources_for": "ACP 2017 rec 1",
        "sources_against": "NICE NG59",
        "sources_specific": "",
    }
    assert table.loc["other", "sources_for"] == "NICE NG59 1.2.1"


def test_fit_for_gives_each_row_its_fit_and_the_stances_that_apply_to_the_person_best_fit_first():
    import pandas as pd

    evidence, sources = evidence_and_sources()
    treatments = pd.DataFrame(
        [
            row(id="gentle", name="Gentle care", ladder_step=1),
            row(id="other", name="Other care", ladder_step=2, min_pain=9),
            row(id="third", name="Third care", ladder_step=1, invasiveness=2),
        ]
    )
    table = with_stances(treatments, evidence, sources, NO_CAUTIONS)
    assert table.loc[table["id"] == "gentle", "overall_stance"].item() == "disagree"  # every region and stage
    fitted = fit_for(PERSON, table, stances_by_treatment(evidence, sources), NO_SIGNS, LABELS, {})
    assert fitted["id"].tolist() == ["gentle", "third", "other"]
    assert fitted["fit"].tolist() == ["fits now", "later step", "not typical"]
    assert fitted["fit_rank"].tolist() == [0, 1, 2]
    # Only the stances for this person's region and stage: the neck's "advises against" is left out.
    gentle = fitted.iloc[0]
    assert (gentle["overall_stance"], gentle["guideline_stances"]) == ("recommended", "ACP 2017 rec 1: recommended")
    assert fitted.iloc[1]["guideline_stances"] == "no guideline covers it here"
    assert fitted.iloc[2]["reason"] == "It is for pain of 9 or more out of 10; yours is 5."


def test_fit_for_keeps_each_rows_own_stances_whatever_the_tables_order_and_index():
    import pandas as pd

    evidence, sources = evidence_and_sources()
    treatments = pd.DataFrame([row(id="gentle", name="Gentle care", ladder_step=1), row(id="other", name="Other", ladder_step=2)])
    table = with_stances(treatments, evidence, sources, NO_CAUTIONS)
    stances = stances_by_treatment(evidence, sources)
    forwards = fit_for(PERSON, table, stances, NO_SIGNS, LABELS, {}).set_index("id")
    backwards = fit_for(PERSON, table.iloc[::-1], stances, NO_SIGNS, LABELS, {}).set_index("id")
    assert backwards.loc["gentle", "guideline_stances"] == "ACP 2017 rec 1: recommended"
    assert backwards.loc["other", "guideline_stances"] == "NICE NG59 1.2.1: consider"
    assert backwards.sort_index().equals(forwards.sort_index())


def test_a_later_stance_for_other_symptoms_does_not_count_for_this_person():
    import pandas as pd

    # NICE's "do not offer" for sciatica later on says nothing to a person with back pain only.
    evidence = pd.DataFrame(
        [{"treatment_id": "gentle", "source_id": "nice", "rec": "1.2.9", "stance": "not_recommended", "region": "low_back",
          "durations": "chronic", "for_symptoms": "leg_pain", "only_alongside": "", "not_for_history": ""}]
    )  # fmt: skip
    sources = pd.DataFrame({"id": ["nice"], "short_name": ["NICE NG59"]})
    table = with_stances(
        pd.DataFrame([row(name="Gentle care", ladder_step=1, durations="chronic")]), evidence, sources, NO_CAUTIONS
    )
    new_back_pain = Situation(**{**PERSON.__dict__, "duration": "acute"})
    fitted = fit_for(new_back_pain, table, stances_by_treatment(evidence, sources), NO_SIGNS, LABELS, {})
    assert fitted.loc[0, "reason"] == "It is usually considered only once pain has lasted 12 weeks or more."
    sciatica = Situation(**{**new_back_pain.__dict__, "symptoms": ("back_pain", "leg_pain")})
    fitted = fit_for(sciatica, table, stances_by_treatment(evidence, sources), NO_SIGNS, LABELS, {})
    assert fitted.loc[0, "reason"] == "It is not used now, and guidelines advise against it later on (NICE NG59 1.2.9)."


def test_a_caution_is_said_once_even_where_the_rule_would_ask_again():
    frail = Situation(**{**PERSON.__dict__, "health": ("blood_thinners",)})
    no_view = fit_one(frail, row(invasiveness=2), (), (), NO_SIGNS, LABELS, NAMES, caution("blood_thinners"))
    assert no_view.reason == (
        "Ask your doctor first, because of taking a blood thinner (such as warfarin, apixaban or clopidogrel). "
        "Reason for blood_thinners. No guideline we use gives a view on it for the lower back and legs, so it is not a first choice."
    )


def test_fit_for_adds_the_fit_columns_and_nothing_else():
    import pandas as pd

    evidence, sources = evidence_and_sources()
    table = with_stances(pd.DataFrame([row(name="Gentle care", ladder_step=1)]), evidence, sources, NO_CAUTIONS)
    fitted = fit_for(PERSON, table, stances_by_treatment(evidence, sources), NO_SIGNS, LABELS, {})
    assert list(fitted.columns) == [*table.columns, "fit", "reason", "fit_rank"]
    assert list(fitted.index) == [0]


def test_numbness_without_a_place_beside_pain_elsewhere_gets_the_region_reason_not_the_question():
    back_and_numb = Situation(symptoms=("back_pain", "numbness"), pain=5, function="some", duration="subacute")
    neck_only = row(regions="neck", symptoms="neck_pain;numbness")
    assert base(back_and_numb, neck_only) == Fit(
        "not typical", "It is listed here for the neck and arms only, and your symptoms are not there."
    )


def test_the_where_question_is_added_only_for_a_nerve_treatment_when_the_place_is_unknown():
    walking_numb = Situation(symptoms=("walking_pain", "numbness"), pain=5, function="some", duration="subacute")
    assert base(walking_numb, row(symptoms="back_pain")).reason == "It is used for back pain, which you have not picked."
    walking = Situation(symptoms=("walking_pain",), pain=5, function="some", duration="subacute")
    assert base(walking, row(symptoms="numbness")).reason == "It is used for numbness, which you have not picked."


def test_every_excluded_symptom_is_named():
    both = Situation(symptoms=("back_pain", "leg_pain", "walking_pain"), pain=5, function="some", duration="subacute")
    assert base(both, row(excludes_symptoms="leg_pain;walking_pain")).reason == "It is not used for leg pain and walking pain."


def test_self_care_kept_for_worse_pain_is_not_typical_even_before_symptoms_are_picked():
    nothing = Situation(pain=2, function="none", duration="subacute")
    assert base(nothing, row(self_care="yes", min_severity="moderate")) == Fit(
        "not typical", "It is kept for moderate pain or loss of daily function; yours sounds mild."
    )
    assert base(Situation(pain=5, function="none", duration="subacute"), row(self_care="yes", min_severity="moderate")).fit == (
        "fits now"
    )


def test_every_missing_finding_is_named():
    treatment = row(needs_findings="imaging_matches;stimulator_trial")
    assert base(PERSON, treatment).reason == (
        "It comes only after a scan (such as an MRI) that matches your symptoms and a trial of a spinal cord stimulator that helped."
    )


def test_the_no_view_reason_names_the_persons_region_or_every_region_the_option_treats():
    everywhere = row(regions="low_back;neck")
    assert base(stances=(), treatment=everywhere).reason.endswith("for the lower back and legs: ask your doctor first.")
    nothing = Situation(pain=5, function="some", duration="subacute")
    assert base(nothing, row(self_care="yes", regions="low_back;neck"), stances=()).reason == (
        "It fits your stage, though no guideline we use gives a view on it for the lower back and legs and the neck and arms."
    )


def test_only_one_alongside_condition_is_said_and_it_names_the_treatment():
    two = (
        stance("recommended", "ACP 2017 rec 2", only_alongside="exercise_therapy"),
        stance("consider", "NICE NG59 1.2.5", only_alongside="psychological_therapy"),
    )
    assert base(stances=two).reason == (
        "It fits back pain at your stage: ACP 2017 rec 2 recommends it; NICE NG59 1.2.5 says to consider it. "
        "ACP 2017 rec 2: only alongside exercise therapy."
    )
    unnamed = (stance("consider", "NICE NG59 1.2.5", only_alongside="psychological_therapy"),)
    assert base(stances=unnamed).reason.endswith("NICE NG59 1.2.5: only alongside psychological_therapy.")


def test_a_guideline_that_considers_it_at_another_stage_says_so():
    now = (stance("recommended", "ACP 2017 rec 1"),)
    later = (*now, stance("consider", "NICE NG59 1.2.8", durations=("chronic", "over_6_months")))
    assert base(stances=now, later=later).reason.endswith(
        "NICE NG59 1.2.8 is about pain lasting 12 weeks to a year, another stage than yours."
    )


def test_both_kinds_of_condition_are_said_together():
    now = (stance("consider", "NICE NG59 1.2.5", only_alongside="exercise_therapy"),)
    later = (*now, stance("recommended", "ACP 2017 rec 1", durations=("acute",)))
    assert base(stances=now, later=later).reason.endswith(
        " NICE NG59 1.2.5: only alongside exercise therapy; ACP 2017 rec 1 is about new (acute) pain, another stage than yours."
    )


def test_a_finding_needed_only_from_a_stage_on_is_not_asked_for_before_it():
    """findings_from: an epidural for new, severe sciatica needs no scan first; after 4 weeks it needs one
    that matches (ACP/APS 2007 rec 4), and says so."""
    epidural = row(needs_findings="imaging_matches", findings_from="subacute", criteria_source="NICE NG59")
    new = Situation(symptoms=("leg_pain",), pain=8, function="severe", duration="acute")
    assert base(new, epidural).fit == "fits now"
    lasting = Situation(**{**new.__dict__, "duration": "chronic"})
    assert base(lasting, epidural) == Fit(
        "later step", "It comes only after a scan (such as an MRI) that matches your symptoms (NICE NG59)."
    )
    scanned = Situation(**{**lasting.__dict__, "findings": ("imaging_matches",)})
    assert base(scanned, epidural).fit == "fits now"
    # Without findings_from the finding is needed at every stage.
    assert base(new, row(needs_findings="imaging_matches")).fit == "later step"


def test_a_warning_sign_that_rules_an_option_out_makes_it_not_typical_and_says_which():
    dissection = Assessment(
        (Sign("neck_stroke_signs", "Sudden neck pain with headache or dizziness", "emergency", "Go.", False),)
    )
    thrust = row(excluded_by_signs="neck_stroke_signs;clumsy_hands")
    assert one(PERSON, thrust, dissection) == Fit(
        "not typical", "Not now: get emergency care first. It is not used with sudden neck pain with headache or dizziness."
    )
    # Another sign only holds it.
    assert one(PERSON, thrust, signs("same_day")).fit == "later step"
    cord = Assessment((Sign("clumsy_hands", "Clumsy hands", "same_day", "Go.", False),))
    assert one(PERSON, thrust, cord).reason.startswith(
        "Only after a doctor has checked your warning sign today. It is not used with clumsy hands. It fits back pain"
    )


def test_the_reason_names_only_the_symptoms_a_supporting_guideline_covers():
    both = Situation(symptoms=("back_pain", "leg_pain"), pain=5, function="some", duration="subacute")
    for_back = (
        stance("consider", "NICE NG59", for_symptoms=("back_pain",)),
        stance("no_stance", "NICE NG59 1.2.16", for_symptoms=("leg_pain",)),
    )
    assert base(both, stances=for_back).reason == "It fits back pain at your stage: NICE NG59 says to consider it."


def test_an_option_a_spine_specialist_decides_is_at_most_a_later_step_naming_who_supports_it():
    assert one(PERSON, row()).fit == "fits now"
    assert one(PERSON, row(specialist_decides="yes")) == Fit(
        "later step",
        "Only a spine specialist can weigh up whether it suits you (ACP 2017 rec 1), so it is a later step to talk "
        "over with one, not a first choice.",
    )
    # A caution still leads the reason (review 6: a blood thinner's warning was lost).
    thinned = Situation(**{**PERSON.__dict__, "health": ("blood_thinners",)})
    cautioned = one(thinned, row(specialist_decides="yes"), cautions=caution("blood_thinners"))
    assert cautioned.fit == "later step"
    assert cautioned.reason.startswith("Ask your doctor first, because of taking a blood thinner")
    assert cautioned.reason.endswith(
        "Only a spine specialist can weigh up whether it suits you (ACP 2017 rec 1), so it is a later step to talk over with one, not a first choice."
    )
    # It never lifts an option: what was not typical stays so.
    assert one(PERSON, row(specialist_decides="yes", regions="neck")).fit == "not typical"
