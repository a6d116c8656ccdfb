"""Content facts that the hazard log (docs/SAFETY.md) relies on: checked against the shipped data."""

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from components.data import DATA_DIR, ContentError, load_content

CONTENT = load_content()
TREATMENTS = CONTENT.treatments.set_index("id")
# NICE NG59 recommendation numbers we could check against NICE's own text (see the session note);
# any other number must not be cited until someone checks it.
CHECKED_NICE_NUMBERS = {"1.2.16-1.2.21 (sciatica, 2020)", ""}


def test_neck_manipulation_names_its_rare_serious_risk_and_its_source():
    row = TREATMENTS.loc["neck_manipulation"]
    assert "artery" in row["risks"] and "stroke" in row["risks"]
    assert "BILLER14" in row["fact_sources"]
    assert row["regions"] == "neck"


def test_only_guidelines_take_a_stance(tmp_path: Path):
    kinds = dict(zip(CONTENT.sources["id"], CONTENT.sources["kind"], strict=True))
    assert {kinds[s] for s in CONTENT.evidence["source_id"]} == {"guideline"}
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    evidence = data / "evidence.csv"
    evidence.write_text(evidence.read_text() + "nsaids,ACP17_REV,low_back,,,,recommended,,,An evidence review.\n")
    with pytest.raises(ContentError, match="evidence review, not a guideline: only guidelines take a stance"):
        load_content(data)


def test_nice_numbers_cited_are_only_the_checked_ones():
    nice = CONTENT.evidence[CONTENT.evidence["source_id"] == "NICE_NG59"]
    assert set(nice["rec"]) <= CHECKED_NICE_NUMBERS
    for cell in CONTENT.treatments["criteria_source"]:
        assert not re.search(r"NG59 1\.\d", cell), cell


def test_benefits_are_not_overstated_where_the_review_found_them_so():
    assert "no better than a dummy pill" in TREATMENTS.loc["weak_opioids", "benefits"]
    assert "OPAL23" in TREATMENTS.loc["weak_opioids", "fact_sources"]
    assert "Uncertain" in TREATMENTS.loc["radiofrequency_denervation", "benefits"]
    assert "6 to 12 months" not in TREATMENTS.loc["radiofrequency_denervation", "benefits"]
    assert "moderate" in TREATMENTS.loc["discectomy", "benefits"] and "uncertain" in TREATMENTS.loc["discectomy", "benefits"]


def test_nice_do_not_offer_stances_are_recorded_for_fusion_disc_replacement_and_opioids():
    nice = CONTENT.evidence[CONTENT.evidence["source_id"] == "NICE_NG59"].set_index("treatment_id")
    for treatment in ("spinal_fusion", "disc_replacement", "strong_opioids"):
        assert nice.loc[[treatment], "stance"].eq("not_recommended").all(), treatment
    tramadol = CONTENT.evidence[(CONTENT.evidence["treatment_id"] == "tramadol") & (CONTENT.evidence["source_id"] == "NICE_NG59")]
    assert tramadol["stance"].tolist() == ["not_recommended"]
    assert "over_1_year" in tramadol["durations"].iloc[0]


def test_who_2023_is_a_source_with_stances_only_for_long_lasting_low_back_pain():
    who = CONTENT.evidence[CONTENT.evidence["source_id"] == "WHO23"]
    assert len(who) >= 15
    assert set(who["region"]) == {"low_back"}
    assert set(who["durations"]) == {"chronic;over_6_months;over_1_year"}


def test_austevoll_is_described_as_a_trial_in_spondylolisthesis():
    source = CONTENT.sources.set_index("id").loc["AUSTEVOLL21"]
    assert "spondylolisthesis" in source["organisation"] and source["kind"] == "trial"


def test_outcome_rows_match_the_corrected_figures():
    outcomes = CONTENT.outcomes.set_index("source_id")
    liu = outcomes.loc["LIU23"]
    # Only what the abstract reports: moderate at the immediate term (6 weeks or less), -12.1 of 100.
    assert liu["treatment_id"] == "discectomy" and "12 points on a scale from 0 to 100 in the first 6 weeks" in liu["note"]
    assert liu["time_frame"] == "up to 6 weeks"
    assert liu["certainty"] == "very_low" and pd.isna(liu["with_treatment"])
    mint = outcomes.loc["MINT17"]
    assert mint["treatment_id"] == "radiofrequency_denervation" and "no worthwhile extra relief" in mint["note"]


def test_the_leaflet_figure_is_words_only_not_a_picture_of_chances():
    """Clinical review 2, content error 21: a hospital leaflet's 85 in 100 is not a trial probability."""
    leaflet = CONTENT.outcomes.set_index("source_id").loc["CUH_DECOMP"]
    assert pd.isna(leaflet["with_treatment"]) and "not come from a study" in leaflet["note"]


def test_the_decision_quality_target_of_fifteen_counted_figures_over_eight_options_is_met():
    counted = CONTENT.outcomes[CONTENT.outcomes["with_treatment"].notna()]
    assert len(counted) >= 15 and counted["treatment_id"].nunique() >= 8
