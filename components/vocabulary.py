"""The fixed ids of the app: the URL vocabulary and the CSV vocabulary, defined once.

Wording a clinic may edit (labels, help text, red-flag tiers) lives in data/*.csv;
the ids themselves are a contract with every saved link, so they live here.
"""

from __future__ import annotations

SYMPTOMS: tuple[str, ...] = (
    "back_pain",
    "neck_pain",
    "leg_pain",
    "arm_pain",
    "numbness",
    "weakness",
    "walking_pain",
)

RED_FLAGS: tuple[str, ...] = (
    "saddle_numbness",
    "bladder_bowel",
    "progressive_weakness",
    "fever",
    "cancer_history",
    "weight_loss",
    "major_trauma",
)
RED_FLAG_TIERS: tuple[str, ...] = ("emergency", "urgent")

CATEGORIES: tuple[str, ...] = (
    "physical_therapy",
    "medications",
    "chiropractic",
    "injections",
    "surgery",
)

# What a person may have tried: self-care plus the five categories.
TRIED: dict[str, str] = {
    "self_care": "Self-care (rest, heat, staying active)",
    "physical_therapy": "Physical therapy or exercise",
    "medications": "Medicines",
    "chiropractic": "Chiropractic or manual therapy",
    "injections": "Injections",
    "surgery": "Surgery",
}

HISTORY: dict[str, str] = {
    "prior_spine_surgery": "Spine surgery in the past",
    "spine_injury": "A spine injury in the past",
    "osteoporosis": "Osteoporosis (thin bones)",
    "spinal_condition": "A diagnosed spine condition, such as a slipped vertebra or scoliosis",
}

FUNCTION: dict[str, str] = {
    "none": "Daily life is not affected",
    "some": "Some everyday tasks are limited",
    "severe": "Can't do everyday tasks",
}

# Durations in the order they happen; weeks are [start, end) since onset (ACP 2017 classes).
DURATIONS: dict[str, str] = {
    "acute": "Less than 4 weeks",
    "subacute": "4 to 12 weeks",
    "chronic": "More than 12 weeks",
}
DURATION_WEEKS: dict[str, tuple[int, int]] = {
    "acute": (0, 4),
    "subacute": (4, 12),
    "chronic": (12, 52),
}

SEVERITIES: tuple[str, ...] = ("mild", "moderate", "severe")

# Guideline stances, best first. The symbol gives a cue that does not rely on colour.
STANCES: dict[str, str] = {
    "recommended": "recommended",
    "consider": "consider",
    "specific_cases": "only in specific cases",
    "not_recommended": "advises against",
    "no_stance": "no stance",
}
# The overall position of all sources together (see fit.overall_stance).
OVERALL_STANCES: dict[str, str] = {
    "recommended": "✔ recommended",
    "consider": "✔ consider",
    "specific_cases": "◐ only in specific cases",
    "disagree": "⚖ guidelines disagree",
    "not_recommended": "✖ not recommended",
    "no_stance": "? no guideline stance",
}

FITS: tuple[str, ...] = ("fits now", "later step", "not typical")

LADDER_STEPS: dict[int, str] = {
    1: "Step 1: self-care and first-line care",
    2: "Step 2: guided care and second-line medicines",
    3: "Step 3: intensive programmes and specialist procedures",
    4: "Step 4: decompression surgery",
    5: "Step 5: reconstructive surgery and implants (last resort)",
}

INVASIVENESS: dict[int, str] = {
    1: "1 - no needles or drugs",
    2: "2 - medicines, needles or hands-on",
    3: "3 - injection near the spine",
    4: "4 - surgery or implant",
    5: "5 - major reconstructive surgery",
}

# One look per category for every chart: Okabe-Ito colours (safe for colour-blind readers)
# plus a distinct shape, so colour is never the only cue.
CATEGORY_COLOURS: dict[str, str] = {
    "physical_therapy": "#009E73",
    "medications": "#0072B2",
    "chiropractic": "#E69F00",
    "injections": "#CC79A7",
    "surgery": "#D55E00",
}
CATEGORY_SHAPES: dict[str, str] = {
    "physical_therapy": "circle",
    "medications": "square",
    "chiropractic": "diamond",
    "injections": "triangle-up",
    "surgery": "cross",
}
ADVISED_AGAINST_COLOUR = "#9CA3AF"

# How soon an option usually starts to help, as written in treatments.csv.
TIME_TO_HELP: dict[str, str] = {
    "hours_days": "within hours to days",
    "weeks": "over weeks",
    "months": "over months",
    "unclear": "unclear",
}
YES_NO: tuple[str, ...] = ("yes", "no")

# What each stance means, for the evidence legend.
STANCE_MEANINGS: dict[str, str] = {
    "recommended": "The guideline recommends it for people in this situation.",
    "consider": "The guideline says it can be considered, often as one option among several.",
    "specific_cases": "Only for certain people or situations that a specialist checks.",
    "not_recommended": "The guideline advises against it.",
    "no_stance": "The guideline does not give a view on it.",
}

# How sure the evidence behind an outcome figure is (GRADE-style words).
CERTAINTY: dict[str, str] = {
    "high": "high: further research is very unlikely to change it",
    "moderate": "moderate: further research may change it",
    "low": "low: further research is likely to change it",
    "very_low": "very low: the figure is very uncertain",
}
