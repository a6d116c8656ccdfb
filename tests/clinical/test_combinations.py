"""Every combination decided, and decided the safe way round (issue 24).

- The personal-factor matrix (cautions.csv): an "avoid" never fits now, two cautions never fit now,
  read from the content file itself, never from the fit's own output.
- The warning-sign grid: over signs x symptoms x places x durations x age bands, adding a sign or a
  symptom never lowers the tier.
- Invariants both ways: they fail on a fit that always says "later step" or "not typical" (self-care
  fits now for an ordinary episode, and still under a sign to check within days).
- "Advised against" derived from evidence.csv directly: an option a guideline advises against for
  this person never fits now.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from components.data import load_content, split_list
from components.fit import fit_content
from components.situation import Situation
from components.triage import assess
from components.vocabulary import (
    AGE_BANDS,
    DURATIONS,
    FUNCTION,
    HEALTH,
    PERSONAL,
    RED_FLAG_TIERS,
    RED_FLAGS,
    SYMPTOM_REGIONS,
    SYMPTOMS,
    WHERE,
    WHERE_REGIONS,
)
from tests.clinical.test_invariants import ordered, situations, subset

CONTENT = load_content()
SELF_CARE = set(CONTENT.treatments.loc[CONTENT.treatments["self_care"] == "yes", "id"])
DECISIONS = {(r["treatment_id"], r["factor"]): r["decision"] for r in CONTENT.cautions.to_dict("records")}
# Tier rank: 0 no sign, then soon, same_day, emergency.
RANK = {None: 0, **{tier: len(RED_FLAG_TIERS) - i for i, tier in enumerate(RED_FLAG_TIERS)}}


def tier(situation: Situation) -> int:
    return RANK[assess(situation, CONTENT.red_flag_rows).tier]


# The matrix ---------------------------------------------------------------------------------------


def test_the_matrix_has_one_decision_for_every_treatment_and_every_personal_factor():
    assert len(CONTENT.cautions) == len(CONTENT.treatments) * len(PERSONAL)
    assert set(DECISIONS) == set(itertools.product(CONTENT.treatments["id"], PERSONAL))


def test_the_review_findings_are_decided_in_the_matrix():
    # Clinical review 2: U4, U5, W2, W3, D11.
    assert DECISIONS[("nsaids", "kidney_disease")] == "avoid"
    assert DECISIONS[("muscle_relaxants", "65_plus")] == "avoid"
    assert DECISIONS[("benzodiazepines", "65_plus")] == "avoid"
    assert DECISIONS[("paracetamol_alone", "pregnancy")] == "none"
    assert DECISIONS[("nsaids", "long_term_steroids")] == "caution"
    assert DECISIONS[("spinal_manipulation", "blood_thinners")] == "caution"


@settings(max_examples=300, deadline=None)
@given(situations(health=subset(HEALTH).filter(bool), flags=st.just(())))
def test_an_avoid_or_two_cautions_never_fit_now(situation):
    fitted = fit_content(situation, CONTENT).set_index("id")
    for treatment, row in fitted.iterrows():
        decisions = [DECISIONS[(treatment, factor)] for factor in situation.personal]
        if "avoid" in decisions or decisions.count("caution") >= 2:
            assert row["fit"] != "fits now", (treatment, situation, row["reason"])
        if "avoid" in decisions:
            assert row["fit"] == "not typical", (treatment, row["reason"])


# The warning-sign grid ----------------------------------------------------------------------------

PLACES = ((), ("one_leg",), ("both_legs",), ("one_arm",), ("both_arms",))
AGES = (None, *AGE_BANDS)
SPANS = (None, *DURATIONS)
HEALTHS = ((), ("osteoporosis",), ("long_term_steroids",))


def _grid():
    for symptom, where, duration, age, health in itertools.product((None, *SYMPTOMS), PLACES, SPANS, AGES, HEALTHS):
        yield Situation(
            symptoms=(symptom,) if symptom else (),
            where=where,
            pain=5,
            function="some",
            duration=duration,
            age=age,
            health=health,
        )


def test_adding_a_sign_never_lowers_the_tier_over_the_whole_grid():
    for base in _grid():
        before = tier(base)
        for flag in RED_FLAGS:
            after = tier(Situation(**{**base.__dict__, "flags": (flag,)}))
            assert after >= before, (base, flag)


def test_adding_a_symptom_never_lowers_the_tier_over_the_whole_grid():
    for base in _grid():
        for flag in (None, *RED_FLAGS):
            start = Situation(**{**base.__dict__, "flags": (flag,) if flag else ()})
            before = tier(start)
            for symptom in SYMPTOMS:
                if symptom in start.symptoms:
                    continue
                more = ordered((*start.symptoms, symptom), SYMPTOMS)
                after = tier(Situation(**{**start.__dict__, "symptoms": more}))
                assert after >= before, (start, symptom)


@settings(max_examples=300, deadline=None)
@given(situations(), st.sampled_from(RED_FLAGS), st.sampled_from(SYMPTOMS))
def test_adding_a_sign_or_a_symptom_to_any_situation_never_lowers_the_tier(situation, flag, symptom):
    before = tier(situation)
    assert tier(Situation(**{**situation.__dict__, "flags": ordered((*situation.flags, flag), RED_FLAGS)})) >= before
    more = ordered((*situation.symptoms, symptom), SYMPTOMS)
    assert tier(Situation(**{**situation.__dict__, "symptoms": more})) >= before


# Both ways ----------------------------------------------------------------------------------------

ORDINARY = situations(
    symptoms=subset(SYMPTOMS).filter(bool).map(lambda s: ordered(s, SYMPTOMS)),
    where=st.sampled_from(PLACES[1:]),
    pain=st.integers(1, 10),
    function=st.sampled_from(list(FUNCTION)),
    duration=st.sampled_from(list(DURATIONS)),
    age=st.just("20_to_49"),
    health=st.just(()),
    flags=st.just(()),
)


@settings(max_examples=200, deadline=None)
@given(ORDINARY)
def test_with_symptoms_pain_and_no_sign_some_self_care_fits_now(situation):
    fitted = fit_content(situation, CONTENT)
    tiered = tier(situation)
    if tiered >= RANK["same_day"]:
        return  # a sign from the symptoms' places alone (both legs, both arms) holds everything
    now = set(fitted.loc[fitted["fit"] == "fits now", "id"])
    assert now & SELF_CARE, (situation, fitted[["id", "fit", "reason"]].head(5))


@settings(max_examples=100, deadline=None)
@given(ORDINARY.map(lambda s: Situation(**{**s.__dict__, "flags": ("weight_loss",)})))
def test_a_sign_to_check_within_days_keeps_self_care_fitting(situation):
    if tier(situation) != RANK["soon"]:
        return
    fitted = fit_content(situation, CONTENT)
    now = set(fitted.loc[fitted["fit"] == "fits now", "id"])
    assert now and now <= SELF_CARE, situation


# Advised against, from evidence.csv itself ---------------------------------------------------------


def _against(situation: Situation) -> set[str]:
    """Treatments with a 'not_recommended' evidence row that covers this person (region, stage, symptoms,
    history),
    read straight from evidence.csv."""
    regions = {SYMPTOM_REGIONS[s] for s in situation.symptoms if s in SYMPTOM_REGIONS}
    if set(situation.symptoms) & {"numbness", "weakness"}:
        regions |= {WHERE_REGIONS[w] for w in situation.where}
    duration = situation.duration or "acute"
    found = set()
    for row in CONTENT.evidence.to_dict("records"):
        if row["stance"] != "not_recommended" or (regions and row["region"] not in regions):
            continue
        if split_list(row["durations"]) and duration not in split_list(row["durations"]):
            continue
        wanted = split_list(row["for_symptoms"])
        if wanted and situation.symptoms and not set(wanted) & set(situation.symptoms):
            continue
        if set(split_list(row["not_for_history"])) & set(situation.history):
            continue
        found.add(row["treatment_id"])
    return found


@settings(max_examples=300, deadline=None)
@given(situations(where=subset(WHERE)))
def test_an_option_evidence_csv_advises_against_for_this_person_never_fits_now(situation):
    fitted = fit_content(situation, CONTENT).set_index("id")
    for treatment in _against(situation):
        assert fitted.loc[treatment, "fit"] != "fits now", (treatment, situation, fitted.loc[treatment, "reason"])
