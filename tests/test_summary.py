"""The summary that tops Start here: what a person sees first on a phone."""

from dataclasses import replace

from components.data import load_content
from components.fit import fit_content
from components.selfcheck import self_check
from components.situation import Situation
from components.summary import do_now, start_summary
from components.triage import assess

CONTENT = load_content()
SCAN = CONTENT.knowledge_rows["scan"]


def summary(situation: Situation):
    check = self_check(situation, assess(situation, CONTENT.red_flags))
    return start_summary(situation, check, fit_content(situation, CONTENT), SCAN)


def test_before_any_symptom_the_box_is_neutral_and_never_reassures():
    empty = summary(Situation())
    assert empty.answer == "neutral"
    assert "Answer the questions" in empty.doctor and "Not necessarily" not in empty.doctor
    assert empty.do_now == () and empty.scan == ""
    # Pain and an age but no symptom picked: still neutral.
    assert summary(Situation(pain=6, age="20_to_49")).answer == "neutral"


def test_new_back_pain_gets_the_doctor_answer_self_care_to_start_and_no_routine_scan():
    new = summary(Situation(symptoms=("back_pain",), pain=6, function="some", duration="acute", age="20_to_49"))
    assert new.answer == "not yet"
    assert new.doctor.startswith("Not necessarily yet")
    assert 2 <= len(new.do_now) <= 3
    fitted = fit_content(Situation(symptoms=("back_pain",), pain=6, function="some", duration="acute"), CONTENT)
    now = fitted[fitted["fit"] == "fits now"]
    self_care = list(now.loc[now["self_care"] == "yes", "short_name"])
    assert set(new.do_now) <= set(now["short_name"])
    assert list(new.do_now[: len(self_care)]) == self_care[:3]  # what a person can start alone comes first
    assert new.do_now_line == "; ".join(new.do_now) + "."
    assert new.scan.startswith("Usually not. Scans often show wear in the spine")
    assert "would come before" not in new.scan


def test_lasting_sciatica_says_which_later_options_a_scan_would_come_before():
    lasting = Situation(
        symptoms=("leg_pain",), where=("one_leg",), pain=7, function="severe", duration="chronic",
        tried=("physical_therapy", "medications"),
    )  # fmt: skip
    sciatica = summary(lasting)
    assert sciatica.answer == "yes"
    assert "a scan that matches your symptoms would come before: " in sciatica.scan
    assert "Discectomy" in sciatica.scan
    with_scan = summary(replace(lasting, findings=("imaging_matches",)))
    assert with_scan.scan.startswith("You have had a scan that matches your symptoms")


def test_a_warning_sign_wins_nothing_to_start_and_the_doctor_decides_the_scan():
    for flags, answer in ((("bladder_bowel",), "emergency"), (("fever",), "same_day")):
        urgent = summary(Situation(symptoms=("back_pain",), pain=5, flags=flags))
        assert urgent.answer == answer
        assert urgent.do_now == ()
        assert urgent.do_now_line == "Nothing to start before a doctor has checked your warning sign."
        assert urgent.scan.startswith("A doctor decides whether you need a scan")
    # A sign ticked before any symptom is not neutral: the sign is the answer.
    assert summary(Situation(flags=("fever",))).answer == "same_day"


def test_self_care_comes_first_then_the_other_options_that_fit_now():
    import pandas as pd

    fitted = pd.DataFrame(
        {
            "short_name": ["Pills", "Walks", "Needles", "Heat", "Yoga"],
            "fit": ["fits now", "fits now", "later step", "fits now", "fits now"],
            "self_care": ["no", "yes", "no", "yes", "yes"],
            "ladder_step": [1, 1, 3, 1, 2],
        }
    )
    assert do_now(fitted) == ("Walks", "Heat", "Yoga")
    assert do_now(fitted.iloc[:2]) == ("Walks", "Pills")
    # An operation that fits now is for a surgeon to discuss, never "what could I do now" (review 7).
    surgery = pd.DataFrame(
        {"short_name": ["Walks", "Decompression"], "fit": ["fits now"] * 2, "self_care": ["yes", "no"], "ladder_step": [1, 4]}
    )
    assert do_now(surgery) == ("Walks",)
