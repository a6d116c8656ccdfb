"""Warning signs (red flags) in three tiers: which apply to a person, and how urgent that is.

A sign's wording and its tier alone live in data/red_flags.csv, with its tier beside each symptom
(`with_<symptom>`: past cancer with new numbness is an emergency), for every sign and symptom. Two signs are read
from other answers rather than ticked (DERIVED_SIGNS). Red flags always win over the fit.
Pure: no Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from components.clinic import Clinic, number_in_words
from components.i18n import N_, _, current_translations
from components.situation import Situation
from components.vocabulary import (
    LONG_LASTING,
    PLACE_TIER_COLUMNS,
    PLACED_SYMPTOMS,
    RED_FLAG_TIERS,
    SIGN_TIER_COLUMNS,
    SYMPTOMS,
    WHERE,
)

# Age bands at which back pain is itself a sign to check within days (guidelines.md 8.3): under 20 at
# any stage, over 50 while the pain is new (its durations below).
AGE_SIGN_BANDS: tuple[str, ...] = ("under_20", "50_to_64", "65_plus")
NEW_PAIN_OVER_50: tuple[str, ...] = ("acute", "subacute")
# Health conditions with which a spine can break with no fall (Downie 2013).
FRACTURE_RISKS: frozenset[str] = frozenset({"osteoporosis", "long_term_steroids"})

# Signs read from other answers, by id (their wording is in red_flags.csv like the rest).
DERIVED_RULES: dict[str, Callable[[Situation], bool]] = {
    # Leg pain, numbness or weakness in both legs: a cauda equina sign when new (or when we do not know
    # how long). Both legs for months (as in a narrowed spinal canal) is checked within days instead.
    "both_legs": lambda s: s.in_both("legs") and s.duration not in LONG_LASTING,
    "both_legs_lasting": lambda s: s.in_both("legs") and s.duration in LONG_LASTING,
    # Both arms: the spinal cord in the neck may be squeezed (myelopathy).
    "both_arms": lambda s: s.in_both("arms"),
    # Weakness that is new (not yet months old) is checked within days; worsening weakness is ticked.
    "new_weakness": lambda s: "weakness" in s.symptoms and s.duration not in LONG_LASTING,
    # Age: back pain at any stage under about 20 (pain that lasts weeks is the classic reason to look for a
    # cause in the young), and new pain over about 50 while it is under 3 months old (ACP/APS 2007: no
    # better after a month).
    "new_pain_age": lambda s: (
        bool(s.symptoms) and (s.age == "under_20" or (s.age in AGE_SIGN_BANDS and s.duration in NEW_PAIN_OVER_50))
    ),
    # Thin bones or long-term steroid tablets with new back or neck pain: a fracture needs no fall (Downie 2013).
    "fracture_risk": lambda s: (
        bool(set(s.health) & FRACTURE_RISKS)
        and bool(set(s.symptoms) & {"back_pain", "neck_pain"})
        and s.duration not in LONG_LASTING
    ),
}


@dataclass(frozen=True)
class Tier:
    """Everything the app says about one tier of warning sign, in one place for every page."""

    icon: str
    short: str  # the tier in a few words, for lists and downloads
    action: str  # what to do, under the banner's heading
    hold: str  # what it does to every treatment option (fit.py)
    answer: str  # the self-check's plain answer on Start here
    question: str  # what to ask the doctor on My visit
    noun: str  # the tier inside a sentence: "... is an emergency"

    @property
    def heading(self) -> str:
        return f"{self.icon} {self.short}."

    @property
    def first_step(self) -> str:
        """The action's first sentence (Sources & method lists the tiers in one line each)."""
        return self.action.split(". ")[0]


# What to do in an emergency besides calling, whoever's number is given.
EMERGENCY_MEANWHILE = N_(
    "Do not wait for an appointment, and do not try treatments from this app first. "
    "After a major injury, if your neck hurts, do not move: wait for help."
)


# The words of each tier (N_: English, translated when the tiers are built). The emergency action
# ends with EMERGENCY_MEANWHILE, which a clinic's own emergency number keeps (tiers_for).
TIER_WORDS: dict[str, dict[str, str]] = {
    "emergency": {
        "icon": "🚨",
        "short": N_("Emergency: get help now"),
        "action": N_(
            "Call your local emergency number (999 in the UK, 911 in the US, 112 in the EU) or go to the nearest "
            "emergency department now."
        ),
        "hold": N_("Not now: get emergency care first."),
        "answer": N_("Get emergency help now: one of your warning signs needs it."),
        "question": N_("Do I need emergency tests or treatment now?"),
        "noun": N_("an emergency"),
    },
    "same_day": {
        "icon": "⚠️",
        "short": N_("See a doctor today"),
        "action": N_(
            "Get a same-day appointment with a doctor (in the UK, your GP or NHS 111) before you try any treatment "
            "in this app. If you cannot get one today, go to an urgent care centre."
        ),
        "hold": N_("Only after a doctor has checked your warning sign today."),
        "answer": N_("See a doctor today, because of a warning sign."),
        "question": N_("Do I need tests or treatment today?"),
        "noun": N_("a reason to see a doctor today"),
    },
    "soon": {
        "icon": "🩺",
        "short": N_("See a doctor in the next few days"),
        "action": N_(
            "Book an appointment with a doctor in the next few days to have this checked. Keep active meanwhile. "
            "Get help sooner if it gets worse or a new warning sign appears."
        ),
        "hold": N_("Only after a doctor has checked your warning sign in the next few days."),
        "answer": N_("Yes: see a doctor in the next few days to have a warning sign checked."),
        "question": N_("What tests do I need, and how soon?"),
        "noun": N_("a reason to see a doctor within days"),
    },
}


def base_tiers() -> dict[str, Tier]:
    """The three tiers in this run's language (components.i18n), with the UK, US and EU numbers. Built
    once per catalogue: the fit asks for them for every treatment. Shared, so callers only read it."""
    return _tiers_in(current_translations())


@lru_cache(maxsize=8)
def _tiers_in(catalogue: object) -> dict[str, Tier]:
    del catalogue  # the cache key: _() reads the same catalogue
    tiers = {
        tier: Tier(**{field: text if field == "icon" else _(text) for field, text in words.items()})
        for tier, words in TIER_WORDS.items()
    }
    emergency = tiers["emergency"]
    return {**tiers, "emergency": replace(emergency, action=f"{emergency.action} {_(EMERGENCY_MEANWHILE)}")}


# The tiers in English, as the app's tests and the English pages read them.
TIERS: dict[str, Tier] = base_tiers()


def tiers_for(clinic: Clinic) -> dict[str, Tier]:
    """The tiers, in this run's language, with a clinic's emergency number and where to get advice today
    (clinic.toml); without a clinic profile, with the UK, US and EU numbers."""
    tiers = base_tiers()
    if not clinic:
        return tiers
    advice = clinic.urgent_advice or (_("call your GP or NHS 111") if clinic.country == "GB" else "")
    same_day = [_("Get a same-day appointment with a doctor before you try any treatment in this app.")]
    if advice:
        same_day.append(_("For advice today, {advice}.").format(advice=advice.rstrip(".")))
    same_day.append(_("If you cannot get an appointment today, go to an urgent care centre."))
    return {
        **tiers,
        "emergency": replace(
            tiers["emergency"],
            action=_("Call the emergency services on {number} or go to the nearest emergency department now.").format(
                number=number_in_words(clinic.emergency_number)
            )
            + " "
            + _(EMERGENCY_MEANWHILE),
        ),
        "same_day": replace(tiers["same_day"], action=" ".join(same_day)),
    }


# Self-care under a sign to check within days: it may go on meanwhile.
SOON_MEANWHILE = N_("Fine to do meanwhile, but see a doctor in the next few days about your warning sign.")


@dataclass(frozen=True)
class Sign:
    id: str
    label: str
    tier: str
    action: str
    raised: bool  # True when a symptom made it more urgent than it is alone


@dataclass(frozen=True)
class Assessment:
    """The warning signs that apply, most urgent first, and the tier of the most urgent."""

    signs: tuple[Sign, ...] = ()

    @property
    def tier(self) -> str | None:
        return self.signs[0].tier if self.signs else None

    def in_tier(self, tier: str) -> tuple[Sign, ...]:
        return tuple(sign for sign in self.signs if sign.tier == tier)

    def lines(self) -> tuple[str, ...]:
        """Each sign with its tier in words, most urgent first (My visit and the downloads)."""
        tiers = base_tiers()
        return tuple(f"{tiers[sign.tier].short}: {sign.label.lower()}" for sign in self.signs)


NO_SIGNS = Assessment()


def sign_tier(row: Mapping[str, str], symptoms: Sequence[str], places: Sequence[str] = ()) -> str:
    """A sign's tier for these symptoms and places: the most urgent of its tier alone and its cell for each
    symptom and each place (red_flags.csv decides every sign with every symptom and every place, so no
    combination is left to chance)."""
    tiers = [row["tier"], *(row[SIGN_TIER_COLUMNS[s]] for s in symptoms), *(row[PLACE_TIER_COLUMNS[p]] for p in places)]
    return min(tiers, key=RED_FLAG_TIERS.index)


def assess(situation: Situation, red_flags: pd.DataFrame | Sequence[Mapping[str, str]]) -> Assessment:
    """Every warning sign that applies, at its tier: ticked signs, raised by symptoms, plus derived ones.
    `red_flags`: red_flags.csv, or its rows as dicts (Content.red_flag_rows, read once)."""
    signs: list[Sign] = []
    rows = red_flags.to_dict("records") if isinstance(red_flags, pd.DataFrame) else red_flags
    for row in rows:
        derived = DERIVED_RULES.get(row["id"])
        if not (derived(situation) if derived else row["id"] in situation.flags):
            continue
        # A place counts only with a symptom felt there (a stale `where` alone says nothing).
        tier = sign_tier(row, situation.symptoms, situation.where if situation.placed_symptoms else ())
        signs.append(Sign(row["id"], row["label"], tier, row["action"], tier != row["tier"]))
    signs.sort(key=lambda sign: RED_FLAG_TIERS.index(sign.tier))
    return Assessment(tuple(signs))


def raised_signs(red_flags: Sequence[Mapping[str, str]], symptom_labels: Mapping[str, str]) -> tuple[str, ...]:
    """Each sign that symptoms make more urgent, in words from the data (Start here, Sources & method),
    one sentence per sign and tier: 'Past or current cancer, with new tingling or numbness, muscle
    weakness or leg pain on walking or standing, is an emergency.'"""
    sentences, tiers = [], base_tiers()
    for row in red_flags:
        for tier in RED_FLAG_TIERS:
            if RED_FLAG_TIERS.index(tier) >= RED_FLAG_TIERS.index(row["tier"]):
                continue  # not more urgent than the sign alone
            raising = [symptom_labels.get(s, s).lower() for s in SYMPTOMS if row[SIGN_TIER_COLUMNS[s]] == tier]
            if raising:
                sentence = _("{sign}, with new {symptoms}, is {tier}.")
                sentences.append(sentence.format(sign=row["label"], symptoms=_either(raising), tier=tiers[tier].noun))
            # A place comes only with a symptom felt there, so it is news only when some such symptom
            # alone would not raise the sign this far.
            if all(RED_FLAG_TIERS.index(row[SIGN_TIER_COLUMNS[s]]) <= RED_FLAG_TIERS.index(tier) for s in PLACED_SYMPTOMS):
                continue
            places = [_(WHERE[p]).lower() for p in WHERE if row[PLACE_TIER_COLUMNS[p]] == tier]
            if places:
                sentence = _("{sign}, with symptoms in {places}, is {tier}.")
                sentences.append(sentence.format(sign=row["label"], places=_either(places), tier=tiers[tier].noun))
    return tuple(sentences)


def _either(words: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else _("{first} or {last}").format(first=", ".join(words[:-1]), last=words[-1])
