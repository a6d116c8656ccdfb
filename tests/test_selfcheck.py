import pytest

from components.data import load_content
from components.selfcheck import SelfCheck, self_check
from components.situation import Situation
from components.triage import assess

RED_FLAGS = load_content().red_flags


def check(situation: Situation) -> SelfCheck:
    return self_check(situation, assess(situation, RED_FLAGS))


def applying(situation: Situation) -> set[str]:
    return {sign.id for sign in check(situation).signs if sign.applies}


def test_each_of_the_four_signs_comes_from_the_situation():
    assert applying(Situation(duration="chronic")) == {"not_improving"}
    assert applying(Situation(symptoms=("arm_pain", "numbness"), where=("one_arm",))) == {"spreading"}
    assert applying(Situation(function="severe")) == {"function"}
    assert applying(Situation(history=("prior_spine_surgery",))) == {"history"}
    assert applying(Situation(symptoms=("back_pain",), duration="acute", function="some")) == set()


def test_any_sign_means_yes_with_the_reasons():
    result = check(Situation(symptoms=("leg_pain", "numbness")))
    assert result.answer == "yes"
    spreading = next(s for s in result.signs if s.id == "spreading")
    assert spreading.because == "Your pain spreads into a leg. You have tingling or numbness, which counts even with little pain."


def test_numbness_or_weakness_alone_counts_as_the_spreading_sign_and_says_where():
    result = check(Situation(symptoms=("back_pain", "weakness"), where=("one_leg",), pain=1, duration="over_6_months"))
    assert result.answer == "yes"
    spreading = next(s for s in result.signs if s.id == "spreading")
    assert spreading.applies
    assert spreading.because == "You have weakness in one leg, which counts even with little pain."


def test_no_sign_means_not_yet_with_advice_on_when_to_go():
    result = check(Situation(symptoms=("back_pain",), duration="acute"))
    assert result.answer == "not yet"
    assert "See a doctor if" in result.headline


def test_red_flags_win_over_the_signs_at_their_tier():
    soon = check(Situation(flags=("weight_loss",), duration="chronic"))
    assert (soon.answer, soon.headline) == ("soon", "Yes: see a doctor in the next few days to have a warning sign checked.")
    same_day = check(Situation(symptoms=("back_pain",), flags=("fever",), duration="chronic"))
    assert (same_day.answer, same_day.headline) == ("same_day", "See a doctor today, because of a warning sign.")
    emergency = check(Situation(flags=("weight_loss", "bladder_bowel"), duration="chronic"))
    assert (emergency.answer, emergency.headline) == ("emergency", "Get emergency help now: one of your warning signs needs it.")


def test_fever_with_new_numbness_is_an_emergency_not_a_same_day_visit():
    result = check(Situation(symptoms=("back_pain", "numbness"), where=("one_leg",), flags=("fever",)))
    assert result.answer == "emergency"


# What the self-check says, sign by sign, for situations that exercise every branch: the exact
# words a person reads on Start here (label, whether it applies, and why).
LABELS = (
    "Pain that has not got better after a few weeks",
    "Pain spreading into a leg or arm, leg pain on walking, or tingling, numbness or weakness",
    "No longer managing everyday tasks",
    "Past spine problems, injuries or surgery",
)
NOTHING_SAID = (
    "You have not said your pain has lasted 4 weeks or more.",
    "You have not picked pain spreading into a leg or arm, leg pain on walking, numbness or weakness.",
    "You have not said you can't do everyday tasks.",
    "You have not ticked any spine history.",
)


@pytest.mark.parametrize(
    ("situation", "because"),
    [
        (Situation(), NOTHING_SAID),
        (Situation(symptoms=("back_pain",), duration="acute", function="some"), NOTHING_SAID),
        (
            Situation(
                symptoms=("leg_pain", "arm_pain", "numbness", "weakness"),
                where=("one_leg", "both_arms"),
                duration="subacute",
                function="severe",
                history=("prior_spine_surgery",),
            ),
            (
                "Your pain has lasted 4 weeks or more.",
                "Your pain spreads into a leg and an arm. You have tingling or numbness and weakness in one leg and both arms, "
                "which counts even with little pain.",
                "You said you can't do everyday tasks.",
                "You ticked something in your spine history.",
            ),
        ),
        (
            Situation(symptoms=("arm_pain",), duration="over_1_year"),
            ("Your pain has lasted 4 weeks or more.", "Your pain spreads into an arm.", *NOTHING_SAID[2:]),
        ),
        (
            Situation(symptoms=("numbness",)),
            (NOTHING_SAID[0], "You have tingling or numbness, which counts even with little pain.", *NOTHING_SAID[2:]),
        ),
    ],
)
def test_each_sign_says_in_words_why_it_does_or_does_not_apply(situation: Situation, because: tuple[str, ...]):
    signs = check(situation).signs
    assert [sign.label for sign in signs] == list(LABELS)
    assert [sign.because for sign in signs] == list(because)
    assert [sign.applies for sign in signs] == [not text.startswith("You have not") for text in because]
    assert all(type(sign.applies) is bool for sign in signs)


def test_the_plain_answers_when_no_warning_sign_applies():
    assert check(Situation(function="severe")).headline == "Yes: seeing a back pain doctor would be sensible."
    assert check(Situation()).headline == (
        "Not necessarily yet. Most new back pain settles with self-care within a few weeks. "
        "See a doctor if it does not, if any of these signs appear, or if you are worried."
    )


def test_leg_pain_on_walking_counts_as_a_leg_symptom():
    # ux walkthrough H5: an older man with a narrowed spinal canal picked only this and was told his leg
    # symptoms "do not apply".
    result = check(Situation(symptoms=("walking_pain",), duration="acute", function="some"))
    assert result.answer == "yes"
    spreading = next(s for s in result.signs if s.id == "spreading")
    assert spreading.applies and spreading.because == "You have leg pain on walking or standing."
