"""The clinical vignette table (vignettes.csv): each row is a situation as a link's query string,
one treatment, the fit a spine specialist expects and the guideline that says so. A clinician
extends the table without touching code; this one test runs every row.

Columns: expected_tier is a warning-sign tier, `none` for no sign, or empty for "not checked";
reason_includes is words the reason must contain (case-insensitive), or empty.
"""

import csv
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from components.data import load_content
from components.fit import fit_content
from components.i18n import _, use_language
from components.situation import from_query
from components.triage import SOON_MEANWHILE, TIERS, assess, base_tiers
from components.vocabulary import DERIVED_SIGNS, FITS, RED_FLAG_TIERS

CONTENT = load_content()
TABLE = Path(__file__).with_name("vignettes.csv")
VIGNETTES = list(csv.DictReader(TABLE.open(encoding="utf-8")))


def test_the_table_is_well_formed_and_covers_every_point_of_the_issue():
    ids = [v["id"] for v in VIGNETTES]
    assert len(ids) == len(set(ids)) >= 60
    for v in VIGNETTES:
        assert v["treatment"] in set(CONTENT.treatments["id"]), v["id"]
        assert v["expected_fit"] in FITS, v["id"]
        assert v["expected_tier"] in ("", "none", *RED_FLAG_TIERS), v["id"]
        assert v["recommendation"] and v["why"], v["id"]
    # Region, too little information, criteria, health, warning signs, durations, old links.
    assert {i[0] for i in ids} >= {"R", "N", "C", "H", "F", "D", "L"}
    ticked = {flag for v in VIGNETTES for flag in parse_qs(v["situation"]).get("flags", [""])[0].split(",") if flag}
    assert ticked >= set(CONTENT.red_flags["id"]) - set(DERIVED_SIGNS), "every warning sign has a vignette"
    health = {h for v in VIGNETTES for h in parse_qs(v["situation"]).get("health", [""])[0].split(",") if h}
    assert health >= {"osteoporosis", "long_term_steroids", "blood_thinners", "kidney_disease", "stomach_ulcer"}
    assert health >= {"heart_disease", "pregnancy"}


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["id"] for v in VIGNETTES])
def test_vignette(vignette):
    parsed = from_query(parse_qs(vignette["situation"], keep_blank_values=True))
    assert parsed.ignored == (), f"{vignette['id']}: the link has ids the app does not know: {parsed.ignored}"
    situation = parsed.situation
    fitted = fit_content(situation, CONTENT).set_index("id")
    row = fitted.loc[vignette["treatment"]]
    told = f"{vignette['id']} ({vignette['why']}): {row['fit']} - {row['reason']}"
    assert row["fit"] == vignette["expected_fit"], told
    if vignette["expected_tier"]:
        tier = assess(situation, CONTENT.red_flags).tier or "none"
        assert tier == vignette["expected_tier"], told
    assert vignette["reason_includes"].lower() in row["reason"].lower(), told


def test_every_row_pins_its_reason_and_a_row_under_a_warning_sign_pins_the_tiers_hold():
    """A vignette that checks only the fit could pass for the wrong reason: each pins a phrase of the
    reason, and under a sign the phrase is what the tier does to every option (its hold, or for
    self-care under a sign to check within days, 'fine to do meanwhile')."""
    holds = {tier: TIERS[tier].hold.lower() for tier in RED_FLAG_TIERS}
    meanwhile = _(SOON_MEANWHILE).lower()
    for v in VIGNETTES:
        assert v["reason_includes"].strip(), f"{v['id']} pins no phrase of the reason"
        if v["expected_tier"] in RED_FLAG_TIERS:
            phrase = v["reason_includes"].lower()
            assert phrase in holds[v["expected_tier"]] or phrase in meanwhile, f"{v['id']} does not pin the tier's hold"


def test_every_finding_of_clinical_review_2_has_a_vignette():
    why = " ".join(v["why"] for v in VIGNETTES)
    for finding in ("U1", "U2", "U3", "U4", "U5", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11", "D11"):
        assert f"{finding})" in why or f"{finding};" in why or f"{finding} " in why, finding


TIERED = [v for v in VIGNETTES if v["expected_tier"] in RED_FLAG_TIERS]


@pytest.mark.parametrize("vignette", TIERED, ids=[v["id"] for v in TIERED])
def test_a_warning_sign_holds_the_same_options_in_spanish_and_says_so_in_spanish(vignette):
    """The tiers' holds are built in the run's language (triage.base_tiers): in Spanish the fit is the
    same, and an option held back by the sign says so in Spanish, not in English."""
    situation = from_query(parse_qs(vignette["situation"], keep_blank_values=True)).situation
    english = fit_content(situation, CONTENT).set_index("id").loc[vignette["treatment"]]
    use_language("es")
    try:
        spanish = fit_content(situation, CONTENT).set_index("id").loc[vignette["treatment"]]
        holds = {tier.hold for tier in base_tiers().values()}
    finally:
        use_language("en")
    assert spanish["fit"] == english["fit"] == vignette["expected_fit"], vignette["id"]
    if english["reason"].startswith(TIERS[assess(situation, CONTENT.red_flags).tier].hold):
        assert any(spanish["reason"].startswith(hold) for hold in holds), (vignette["id"], spanish["reason"])
