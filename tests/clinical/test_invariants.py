"""Safety invariants over generated situations (hypothesis): whatever a person picks, these hold.
Each is a control in docs/SAFETY.md."""

from hypothesis import given, settings
from hypothesis import strategies as st

from components.data import load_content, split_list
from components.fit import fit_content
from components.situation import Situation
from components.triage import assess
from components.vocabulary import (
    AGE_BANDS,
    DURATIONS,
    FINDINGS,
    FUNCTION,
    HEALTH,
    HISTORY,
    RED_FLAGS,
    SYMPTOMS,
    TRIED,
    WHERE,
)

CONTENT = load_content()
TREATMENTS = CONTENT.treatments.set_index("id")
LUMBAR_ONLY = {t for t, regions in TREATMENTS["regions"].items() if split_list(regions) == ["low_back"]}
SELF_CARE = set(TREATMENTS.index[TREATMENTS["self_care"] == "yes"])
OPIOIDS = {"weak_opioids", "tramadol", "strong_opioids"}


def subset(items) -> st.SearchStrategy:
    return st.lists(st.sampled_from(list(items)), unique=True).map(tuple)


def situations(**fixed: st.SearchStrategy) -> st.SearchStrategy:
    """Any situation in the app's vocabulary; `fixed` narrows some fields (e.g. symptoms=st.just(()))."""
    fields = {
        "symptoms": subset(SYMPTOMS),
        "where": subset(WHERE),
        "pain": st.integers(0, 10),
        "function": st.sampled_from([None, *FUNCTION]),
        "duration": st.sampled_from([None, *DURATIONS]),
        "age": st.sampled_from([None, *AGE_BANDS]),
        "tried": subset(TRIED),
        "findings": subset(FINDINGS),
        "history": subset(HISTORY),
        "health": subset(HEALTH),
        "flags": subset(RED_FLAGS),
    }
    return st.builds(Situation, **(fields | fixed))


def ordered(chosen: tuple[str, ...], vocabulary) -> tuple[str, ...]:
    return tuple(v for v in vocabulary if v in chosen)


def fits_now(situation: Situation) -> set[str]:
    fitted = fit_content(situation, CONTENT)
    return set(fitted.loc[fitted["fit"] == "fits now", "id"])


NECK_ONLY = situations(
    symptoms=subset(("neck_pain", "arm_pain", "numbness", "weakness")).filter(bool).map(lambda s: ordered(s, SYMPTOMS)),
    where=subset(("one_arm", "both_arms")).map(lambda w: ordered(w, tuple(WHERE))),
)


@settings(max_examples=150, deadline=None)
@given(NECK_ONLY)
def test_no_lumbar_procedure_ever_fits_neck_or_arm_symptoms(situation):
    assert not fits_now(situation) & LUMBAR_ONLY, situation


@settings(max_examples=150, deadline=None)
@given(situations(symptoms=st.just(())))
def test_without_symptoms_only_self_care_fits_now(situation):
    assert fits_now(situation) <= SELF_CARE, situation


@settings(max_examples=150, deadline=None)
@given(situations(pain=st.just(0), function=st.sampled_from([None, "none"])))
def test_nothing_but_self_care_fits_at_pain_0_with_no_limits(situation):
    assert fits_now(situation) <= SELF_CARE, situation


@settings(max_examples=150, deadline=None)
@given(situations(flags=subset(RED_FLAGS).filter(bool)))
def test_an_emergency_or_same_day_sign_means_nothing_fits_now(situation):
    tier = assess(situation, CONTENT.red_flags).tier
    if tier in ("emergency", "same_day"):
        assert fits_now(situation) == set(), situation
    else:
        assert fits_now(situation) <= SELF_CARE, situation


@settings(max_examples=200, deadline=None)
@given(situations())
def test_an_option_a_guideline_says_not_to_offer_never_fits_now(situation):
    fitted = fit_content(situation, CONTENT)
    against = fitted[fitted["sources_against"].fillna("") != ""]
    assert (against["fit"] != "fits now").all(), against.loc[against["fit"] == "fits now", ["id", "reason"]]


@settings(max_examples=150, deadline=None)
@given(situations(tried=subset(set(TRIED) - {"medications"}).map(lambda t: ordered(t, tuple(TRIED)))))
def test_opioids_never_fit_as_a_first_step(situation):
    assert not fits_now(situation) & OPIOIDS, situation
