"""AppTest: the clinical-safety parts of every page (tiers, regions, health, too little information)."""

from __future__ import annotations

from datetime import date

import pytest

from components.data import load_content
from components.exports import VisitSummary, shortlist_items, visit_csv, visit_markdown
from components.fit import fit_content
from components.situation import describe, from_query
from components.triage import assess
from tests.test_pages import explore_fits, open_app, texts

PAGES = [None, "pages/explore.py", "pages/ladder.py", "pages/compare.py", "pages/visit.py", "pages/sources.py"]
CONTENT = load_content()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("flags", "kind", "words"),
    [
        ("major_trauma", "error", ["Emergency: get help now", "999", "911", "112"]),
        ("fever", "error", ["See a doctor today"]),
        ("weight_loss", "warning", ["See a doctor in the next few days"]),
    ],
)
def test_each_tier_has_its_own_banner_on_every_page(page, flags, kind, words):
    at = open_app(page, symptoms="back_pain", flags=flags)
    banner = getattr(at, kind)[0].value
    for word in words:
        assert word in banner, (word, banner)
    others = {"error", "warning"} - {kind}
    assert not any("doctor" in e.value for other in others for e in getattr(at, other))


def test_past_cancer_with_new_weakness_is_an_emergency_on_the_page():
    at = open_app("pages/explore.py", symptoms="back_pain,weakness", where="one_leg", flags="cancer_history")
    assert "Emergency" in at.error[0].value and "Past or current cancer" in at.error[0].value
    assert "fits now" not in explore_fits(at).values()


def test_explore_without_symptoms_says_what_to_fill_in_and_suggests_only_self_care():
    at = open_app("pages/explore.py")
    assert any("Pick your symptoms in the sidebar" in i.value for i in at.info)
    fits_now = {t for t, fit in explore_fits(at).items() if fit == "fits now"}
    assert fits_now <= {"stay_active", "heat"}


def test_neck_symptoms_show_the_neck_note_and_no_lumbar_surgery():
    at = open_app("pages/explore.py", symptoms="neck_pain,arm_pain", pain="8", function="severe", duration="over_1_year")
    assert any("None of them covers neck injections or neck surgery" in i.value for i in at.info)
    fits = explore_fits(at)
    assert fits["discectomy"] == fits["epidural_steroid"] == "not typical"


def test_the_sidebar_asks_where_once_a_leg_or_arm_symptom_is_picked():
    at = open_app("pages/explore.py", symptoms="back_pain")
    assert not [p for p in at.sidebar.get("button_group") if "one or both legs or arms" in str(p.label)]
    at = open_app("pages/explore.py", symptoms="leg_pain,numbness", pain="6", function="some", duration="over_6_months")
    assert any("leg or an arm" in i.value for i in at.info)
    where = at.pills(key="w_where")
    where.set_value(["one_leg"]).run()
    assert not any("leg or an arm" in i.value for i in at.info)
    assert "Felt in: one leg." in texts(at)


def test_a_link_fills_the_new_sidebar_fields():
    at = open_app(
        "pages/explore.py",
        symptoms="leg_pain,weakness",
        where="one_leg",
        age="65_plus",
        duration="over_1_year",
        health="blood_thinners,kidney_disease",
        findings="imaging_matches",
    )
    assert at.pills(key="w_where").value == ["one_leg"]
    assert at.radio(key="w_age").value == "65_plus"
    assert at.radio(key="w_duration").value == "over_1_year"
    assert at.multiselect(key="w_health").value == ["blood_thinners", "kidney_disease"]
    assert at.multiselect(key="w_findings").value == ["imaging_matches"]


def test_a_health_condition_ticked_in_the_sidebar_changes_the_reasons():
    at = open_app("pages/explore.py", symptoms="back_pain", pain="5", function="some", duration="subacute")
    reasons = dict(zip(at.dataframe[0].value["id"], at.dataframe[0].value["reason"], strict=True))
    assert not reasons["nsaids"].startswith("Ask your doctor first")
    at.multiselect(key="w_health").set_value(["heart_disease"]).run()
    reasons = dict(zip(at.dataframe[0].value["id"], at.dataframe[0].value["reason"], strict=True))
    assert reasons["nsaids"].startswith("Ask your doctor first, because of heart disease or a past stroke.")
    at.multiselect(key="w_health").set_value(["kidney_disease"]).run()
    reasons = dict(zip(at.dataframe[0].value["id"], at.dataframe[0].value["reason"], strict=True))
    assert reasons["nsaids"].startswith("It is usually avoided with kidney disease. They can harm the kidneys")
    assert explore_fits(at)["nsaids"] == "not typical"


def test_an_old_link_opens_the_same_situation_with_osteoporosis_as_a_health_condition():
    at = open_app(
        "pages/explore.py", symptoms="back_pain", pain="8", function="severe", duration="chronic", history="osteoporosis"
    )
    assert not at.warning, "an old id is mapped, not reported as ignored"
    assert at.multiselect(key="w_health").value == ["osteoporosis"]
    assert explore_fits(at)["spinal_manipulation"] == "not typical"
    assert at.radio(key="w_duration").value == "chronic"


def test_visit_asks_about_blood_thinners_and_lists_signs_with_their_tier():
    at = open_app(
        "pages/visit.py",
        symptoms="leg_pain",
        pain="9",
        function="severe",
        duration="acute",
        tried="medications",
        health="blood_thinners",
        flags="weight_loss",
        t="epidural_steroid",
    )
    shown = texts(at)
    assert "I take a blood thinner. Is it safe for me to have epidural steroid injection" in shown
    assert "See a doctor in the next few days: weight loss you cannot explain" in shown
    assert "Health: taking a blood thinner" in shown


def test_the_downloads_carry_the_new_fields_tiers_and_reasons():
    situation = from_query(
        {"symptoms": ["leg_pain,numbness"], "where": ["one_leg"], "pain": ["9"], "age": ["65_plus"], "flags": ["fever"]}
    ).situation
    assessment = assess(situation, CONTENT.red_flags)
    fitted = fit_content(situation, CONTENT).set_index("id").loc[["discectomy"]].reset_index()
    summary = VisitSummary(
        date(2026, 11, 27), describe(situation, CONTENT.symptom_labels), assessment.lines(), shortlist_items(fitted), ()
    )
    for text in (visit_markdown(summary), visit_csv(summary)):
        assert "Emergency: get help now: fever or feeling very unwell" in text
        assert "one leg" in text and "65 or older" in text
        assert "Not now: get emergency care first." in text


def test_the_ladder_does_not_apply_with_numbness_in_both_legs():
    at = open_app("pages/ladder.py", symptoms="leg_pain,numbness", where="both_legs", pain="4")
    assert "Emergency" in at.error[0].value and "both legs" in at.error[0].value
    assert "does not apply" in texts(at)


def test_compare_reasons_carry_the_same_day_hold():
    at = open_app("pages/compare.py", symptoms="back_pain", pain="5", flags="clumsy_hands", t="exercise_therapy,nsaids")
    cells = [str(cell) for cell in at.table[0].value.to_numpy().ravel()]
    held = [cell for cell in cells if "Only after a doctor has checked your warning sign today." in cell]
    assert len(held) == 2, cells


def test_start_here_counts_new_numbness_even_with_little_pain():
    at = open_app(symptoms="numbness", where="one_leg", pain="1")
    assert "Yes: seeing a back pain doctor would be sensible." in texts(at)
    assert "which counts even with little pain" in texts(at)


def test_under_20_is_told_the_guidelines_are_for_adults():
    at = open_app("pages/explore.py", symptoms="back_pain", pain="4", age="under_20", duration="over_6_months")
    assert any("for adults" in i.value for i in at.info)
