"""The fixed ids of the app: the URL vocabulary and the CSV vocabulary, defined once.

Wording a clinic may edit (labels, help text, red-flag tiers) lives in data/*.csv;
the ids themselves are a contract with every saved link, so they live here.
"""

from __future__ import annotations

from components.i18n import N_, _

SYMPTOMS: tuple[str, ...] = (
    "back_pain",
    "neck_pain",
    "leg_pain",
    "arm_pain",
    "numbness",
    "weakness",
    "walking_pain",
)

# Body regions a treatment can treat. Symptoms belong to a region; numbness and weakness belong
# to the region the person says they are in (WHERE).
REGIONS: dict[str, str] = {
    "low_back": N_("the lower back and legs"),
    "neck": N_("the neck and arms"),
}
SYMPTOM_REGIONS: dict[str, str] = {
    "back_pain": "low_back",
    "leg_pain": "low_back",
    "walking_pain": "low_back",
    "neck_pain": "neck",
    "arm_pain": "neck",
}
# Symptoms whose region is where the person says they are felt.
NERVE_SYMPTOMS: tuple[str, ...] = ("numbness", "weakness")
WHERE: dict[str, str] = {
    "one_leg": N_("One leg"),
    "both_legs": N_("Both legs"),
    "one_arm": N_("One arm"),
    "both_arms": N_("Both arms"),
}
WHERE_REGIONS: dict[str, str] = {"one_leg": "low_back", "both_legs": "low_back", "one_arm": "neck", "both_arms": "neck"}

# Warning signs a person can tick (the URL's `flags`). Their wording and tier live in
# data/red_flags.csv; DERIVED_SIGNS are read from other answers (components/triage.py).
RED_FLAGS: tuple[str, ...] = (
    "saddle_numbness",
    "bladder_bowel",
    "sexual_problems",
    "progressive_weakness",
    "major_trauma",
    "sudden_severe_pain",
    "neck_stroke_signs",
    "fever",
    "infection_risk",
    "cancer_history",
    "minor_fall",
    "clumsy_hands",
    "weight_loss",
    "night_pain",
    "morning_stiffness",
)
DERIVED_SIGNS: tuple[str, ...] = ("both_legs", "both_legs_lasting", "both_arms", "new_weakness", "new_pain_age", "fracture_risk")
# red_flags.csv's column giving a sign's tier when it comes with each symptom.
SIGN_TIER_COLUMNS: dict[str, str] = {symptom: f"with_{symptom}" for symptom in SYMPTOMS}
# ... and with symptoms in each place (one leg, both legs, one arm, both arms).
PLACE_TIER_COLUMNS: dict[str, str] = {place: f"with_{place}" for place in WHERE}
# Symptoms whose place (one side or both) the sidebar asks about.
PLACED_SYMPTOMS: tuple[str, ...] = ("leg_pain", "arm_pain", "numbness", "weakness")
# Most urgent first (guidelines.md 8.3).
RED_FLAG_TIERS: tuple[str, ...] = ("emergency", "same_day", "soon")

CATEGORIES: tuple[str, ...] = (
    "physical_therapy",
    "medications",
    "chiropractic",
    "injections",
    "surgery",
)

# What a person may have tried: self-care plus the five categories.
TRIED: dict[str, str] = {
    "self_care": N_("Self-care (staying active, heat)"),
    "physical_therapy": N_("Physical therapy or exercise"),
    "medications": N_("Medicines"),
    "chiropractic": N_("Chiropractic or manual therapy"),
    "injections": N_("Injections"),
    "surgery": N_("Surgery"),
}

HISTORY: dict[str, str] = {
    "prior_spine_surgery": N_("Spine surgery in the past"),
    "spine_injury": N_("A spine injury in the past"),
    "spinal_condition": N_(
        "A slipped vertebra (spondylolisthesis), scoliosis or an unstable spine, found by a doctor (not a slipped or worn disc)"
    ),
}

AGE_BANDS: dict[str, str] = {
    "under_20": N_("Under 20"),
    "20_to_49": N_("20 to 49"),
    "50_to_64": N_("50 to 64"),
    "65_plus": N_("65 or older"),
}

# Other health conditions that change which options are safe (guidelines.md 8.1).
HEALTH: dict[str, str] = {
    "osteoporosis": N_("Osteoporosis (thin bones)"),
    "long_term_steroids": N_("Taking steroid tablets long-term"),
    "blood_thinners": N_("Taking a blood thinner (such as warfarin, apixaban or clopidogrel)"),
    "kidney_disease": N_("Kidney disease"),
    "stomach_ulcer": N_("A stomach ulcer or bleeding from the stomach or gut"),
    "heart_disease": N_("Heart disease or a past stroke"),
    "pregnancy": N_("Pregnancy"),
}

# Age bands as they read inside a reason ("usually avoided with being aged 65 or older").
AGE_REASONS: dict[str, str] = {
    "under_20": N_("being aged under 20"),
    "20_to_49": N_("being aged 20 to 49"),
    "50_to_64": N_("being aged 50 to 64"),
    "65_plus": N_("being aged 65 or older"),
}
# Health conditions and age bands as they read inside a reason ("usually avoided with ..."):
# the ids treatments.csv avoid_with / caution_with may name. Show them with _().
PERSONAL: dict[str, str] = {**HEALTH, **AGE_REASONS}
# Health conditions and age bands as table headings (Sources & method).
PERSONAL_COLUMNS: dict[str, str] = {
    "osteoporosis": N_("Osteoporosis"),
    "long_term_steroids": N_("Long-term steroid tablets"),
    "blood_thinners": N_("Blood thinner"),
    "kidney_disease": N_("Kidney disease"),
    "stomach_ulcer": N_("Stomach ulcer or bleeding"),
    "heart_disease": N_("Heart disease or stroke"),
    "pregnancy": N_("Pregnancy"),
    "under_20": N_("Under 20"),
    "20_to_49": N_("20 to 49"),
    "50_to_64": N_("50 to 64"),
    "65_plus": N_("65 or older"),
}
# What cautions.csv decides for each treatment and personal factor: usually avoided (never "fits now"),
# a caution ("ask your doctor first"; two or more make it a later step), or no concern.
CAUTION_DECISIONS: dict[str, str] = {
    "avoid": N_("usually avoided"),
    "caution": N_("ask your doctor first"),
    "none": N_("no particular concern"),
}

# What a specialist has already found: some options come only after one of these.
FINDINGS: dict[str, str] = {
    "imaging_matches": N_("A scan (such as an MRI) that matches my symptoms"),
    "positive_block": N_("A test nerve block (medial branch block) that eased my back pain"),
    "stimulator_trial": N_("A trial of a spinal cord stimulator that helped"),
}

# The same findings as a reason says them to the person ("you", never the checkbox's "my": ux walkthrough L4).
FINDINGS_FOR_YOU: dict[str, str] = {
    "imaging_matches": N_("A scan (such as an MRI) that matches your symptoms"),
    "positive_block": N_("A test nerve block (medial branch block) that eased your back pain"),
    "stimulator_trial": N_("A trial of a spinal cord stimulator that helped"),
}

# Ids a saved link may still hold, and the (field, id) they mean now. Links never break.
LEGACY_IDS: dict[tuple[str, str], tuple[str, str]] = {
    ("history", "osteoporosis"): ("health", "osteoporosis"),
}

FUNCTION: dict[str, str] = {
    "none": N_("Daily life is not affected"),
    "some": N_("Some everyday tasks are limited"),
    "severe": N_("Can't do everyday tasks"),
}

# Durations in the order they happen; weeks are [start, end) since onset. The first three are
# ACP 2017's classes; the longer ones are what NICE TA159 (6 months) and similar criteria need.
# "chronic" kept its id when the longer ones were added: a saved link still opens.
DURATIONS: dict[str, str] = {
    "acute": N_("Less than 4 weeks"),
    "subacute": N_("4 to 12 weeks"),
    "chronic": N_("3 to 6 months"),
    "over_6_months": N_("6 months to a year"),
    "over_1_year": N_("More than a year"),
}
DURATION_WEEKS: dict[str, tuple[int, int]] = {
    "acute": (0, 4),
    "subacute": (4, 12),
    "chronic": (12, 26),
    "over_6_months": (26, 52),
    "over_1_year": (52, 104),
}
LONG_LASTING: tuple[str, ...] = ("chronic", "over_6_months", "over_1_year")

SEVERITIES: tuple[str, ...] = ("mild", "moderate", "severe")
# How a severity reads inside a sentence ("It is kept for severe pain"; "yours sounds mild").
SEVERITY_WORDS: dict[str, str] = {"mild": N_("mild"), "moderate": N_("moderate"), "severe": N_("severe")}

# Guideline stances, best first. The symbol gives a cue that does not rely on colour.
STANCES: dict[str, str] = {
    "recommended": N_("recommended"),
    "consider": N_("consider"),
    "specific_cases": N_("only in specific cases"),
    "not_recommended": N_("advises against"),
    "no_stance": N_("no stance"),
}
# The overall position of all sources together (see fit.overall_stance).
OVERALL_STANCES: dict[str, str] = {
    "recommended": N_("✔ recommended"),
    "consider": N_("✔ consider"),
    "specific_cases": N_("◐ only in specific cases"),
    "disagree": N_("⚖ guidelines disagree"),
    "not_recommended": N_("✖ not recommended"),
    "no_stance": N_("? no guideline stance"),
}

# The fit of a treatment. The English words are also the values the fit computes with; show
# them with _() (the catalogue holds them).
FITS: tuple[str, ...] = (N_("fits now"), N_("later step"), N_("not typical"))

# What kind of publication a source is. Only guidelines carry stances (evidence.csv); the others
# support facts (treatments.csv fact_sources, outcomes.csv).
SOURCE_KINDS: dict[str, str] = {
    "guideline": N_("clinical guideline or policy"),
    "review": N_("evidence review"),
    "trial": N_("trial"),
    "statement": N_("scientific statement"),
    "safety_notice": N_("safety notice"),
    "patient_information": N_("patient information"),
}

LADDER_STEPS: dict[int, str] = {
    1: N_("Step 1: self-care and first-line care"),
    2: N_("Step 2: guided care and second-line medicines"),
    3: N_("Step 3: intensive programmes and specialist procedures"),
    4: N_("Step 4: decompression surgery"),
    5: N_("Step 5: reconstructive surgery and implants (last resort)"),
}

INVASIVENESS: dict[int, str] = {
    1: N_("1 - no needles or drugs"),
    2: N_("2 - medicines, needles or hands-on"),
    3: N_("3 - injection near the spine"),
    4: N_("4 - surgery or implant"),
    5: N_("5 - major reconstructive surgery"),
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
    "hours_days": N_("within hours to days"),
    "weeks": N_("over weeks"),
    "months": N_("over months"),
    "unclear": N_("unclear"),
}
YES_NO: tuple[str, ...] = ("yes", "no")

# What each stance means, for the evidence legend.
STANCE_MEANINGS: dict[str, str] = {
    "recommended": N_("The guideline recommends it for people in this situation."),
    "consider": N_("The guideline says it can be considered, often as one option among several."),
    "specific_cases": N_("Only for certain people or situations that a specialist checks."),
    "not_recommended": N_("The guideline advises against it."),
    "no_stance": N_("The guideline does not give a view on it."),
}

# What an outcome figure is about: a possible benefit, a possible harm, or how things usually go.
OUTCOME_KINDS: dict[str, str] = {
    "benefit": N_("A possible benefit"),
    "harm": N_("A possible harm"),
    "course": N_("How it usually goes"),
}

# How sure the evidence behind an outcome figure is (GRADE-style words).
CERTAINTY: dict[str, str] = {
    "high": N_("high: further research is very unlikely to change it"),
    "moderate": N_("moderate: further research may change it"),
    "low": N_("low: further research is likely to change it"),
    "very_low": N_("very low: the figure is very uncertain"),
}

# Week counts as people say them, for duration_span.
WEEK_WORDS: dict[int, str] = {
    0: N_("0 weeks"),
    4: N_("4 weeks"),
    12: N_("12 weeks"),
    26: N_("6 months"),
    52: N_("a year"),
    104: N_("2 years"),
}


def duration_span(ids: list[str] | tuple[str, ...]) -> str:
    """A run of durations in a few words, in the run's language: ('chronic', 'over_6_months',
    'over_1_year') -> 'more than 12 weeks'."""
    start = min(DURATION_WEEKS[d][0] for d in ids)
    end = max(DURATION_WEEKS[d][1] for d in ids)
    if end >= DURATION_WEEKS["over_1_year"][1]:
        return _("more than {span}").format(span=_(WEEK_WORDS[start])) if start else _("any length of time")
    if start == 0:
        return _("less than {span}").format(span=_(WEEK_WORDS[end]))
    return _("{start} to {end}").format(start=_(WEEK_WORDS[start]), end=_(WEEK_WORDS[end]))
