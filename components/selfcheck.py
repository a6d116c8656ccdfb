"""'Should I see a back pain doctor?': the four signs, read from the person's situation."""

from __future__ import annotations

from dataclasses import dataclass

from components.situation import Situation
from components.triage import Assessment, base_tiers
from components.vocabulary import WHERE

LIMBS = {"leg_pain": "a leg", "arm_pain": "an arm"}


@dataclass(frozen=True)
class Sign:
    id: str
    label: str
    applies: bool
    because: str


@dataclass(frozen=True)
class SelfCheck:
    answer: str  # a warning-sign tier ("emergency", "same_day", "soon"), or "yes" / "not yet"
    headline: str
    signs: tuple[Sign, ...]


def doctor_signs(situation: Situation) -> tuple[Sign, ...]:
    """The four signs that a back pain doctor is worth seeing, each with why it does or doesn't apply."""
    long_lasting = situation.past_four_weeks
    spreading = [s for s in LIMBS if s in situation.symptoms]
    nerve = situation.nerve_symptoms
    # New numbness or weakness counts on its own, even with little pain (guidelines.md 8.3).
    place = " in " + " and ".join(WHERE[w].lower() for w in situation.where) if situation.where else ""
    nerve_words = " and ".join({"numbness": "tingling or numbness", "weakness": "weakness"}[n] for n in nerve)
    return (
        Sign(
            "not_improving",
            "Pain that has not got better after a few weeks",
            long_lasting,
            "Your pain has lasted 4 weeks or more."
            if long_lasting
            else "You have not said your pain has lasted 4 weeks or more.",
        ),
        Sign(
            "spreading",
            "Pain spreading into a leg or arm, or tingling, numbness or weakness",
            bool(spreading or nerve),
            " ".join(
                ([f"Your pain spreads into {' and '.join(LIMBS[s] for s in spreading)}."] if spreading else [])
                + ([f"You have {nerve_words}{place}, which counts even with little pain."] if nerve else [])
            )
            if spreading or nerve
            else "You have not picked pain spreading into a leg or arm, numbness or weakness.",
        ),
        Sign(
            "function",
            "No longer managing everyday tasks",
            situation.function == "severe",
            "You said you can't do everyday tasks."
            if situation.function == "severe"
            else "You have not said you can't do everyday tasks.",
        ),
        Sign(
            "history",
            "Past spine problems, injuries or surgery",
            bool(situation.history),
            "You ticked something in your spine history." if situation.history else "You have not ticked any spine history.",
        ),
    )


def self_check(situation: Situation, assessment: Assessment) -> SelfCheck:
    """The plain answer. Red flags always win over the four signs."""
    signs = doctor_signs(situation)
    if assessment.tier is not None:
        return SelfCheck(assessment.tier, base_tiers()[assessment.tier].answer, signs)
    if any(sign.applies for sign in signs):
        return SelfCheck("yes", "Yes: seeing a back pain doctor would be sensible.", signs)
    return SelfCheck(
        "not yet",
        "Not necessarily yet. Most new back pain settles with self-care within a few weeks. "
        "See a doctor if it does not, if any of these signs appear, or if you are worried.",
        signs,
    )
