from components.selfcheck import self_check
from components.situation import Situation

EMERGENCY = {"saddle_numbness", "bladder_bowel", "progressive_weakness"}


def applying(situation: Situation) -> set[str]:
    return {sign.id for sign in self_check(situation, EMERGENCY).signs if sign.applies}


def test_each_of_the_four_signs_comes_from_the_situation():
    assert applying(Situation(duration="chronic")) == {"not_improving"}
    assert applying(Situation(symptoms=("arm_pain", "numbness"))) == {"spreading"}
    assert applying(Situation(function="severe")) == {"function"}
    assert applying(Situation(history=("prior_spine_surgery",))) == {"history"}
    assert applying(Situation(symptoms=("back_pain",), duration="acute", function="some")) == set()


def test_any_sign_means_yes_with_the_reasons():
    check = self_check(Situation(symptoms=("leg_pain", "numbness")), EMERGENCY)
    assert check.answer == "yes"
    spreading = next(s for s in check.signs if s.id == "spreading")
    assert spreading.because == "Your pain spreads into a leg, with tingling or numbness."


def test_no_sign_means_not_yet_with_advice_on_when_to_go():
    check = self_check(Situation(symptoms=("back_pain",), duration="acute"), EMERGENCY)
    assert check.answer == "not yet"
    assert "See a doctor if" in check.headline


def test_red_flags_win_over_the_signs():
    assert self_check(Situation(flags=("weight_loss",)), EMERGENCY).answer == "urgent"
    assert self_check(Situation(flags=("weight_loss", "bladder_bowel"), duration="chronic"), EMERGENCY).answer == "emergency"
