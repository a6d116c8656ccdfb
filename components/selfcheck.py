"""'Should I see a back pain doctor?': the four signs, read from the person's situation."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from components.situation import Situation


@dataclass(frozen=True)
class Sign:
    id: str
    label: str
    applies: bool
    because: str


@dataclass(frozen=True)
class SelfCheck:
    answer: str  # "emergency" | "urgent" | "yes" | "not yet"
    headline: str
    signs: tuple[Sign, ...]


def doctor_signs(situation: Situation) -> tuple[Sign, ...]:
    """The four signs that a back pain doctor is worth seeing, each with why it does or doesn't apply."""
    long_lasting = situation.duration in ("subacute", "chronic")
    spreading = [s for s in ("leg_pain", "arm_pain") if s in situation.symptoms]
    tingling = "numbness" in situation.symptoms
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
            "Pain spreading into a leg or arm, often with tingling or numbness",
            bool(spreading),
            (
                "Your pain spreads into a "
                + " and ".join("leg" if s == "leg_pain" else "arm" for s in spreading)
                + (", with tingling or numbness." if tingling else ".")
            )
            if spreading
            else "You have not picked pain spreading into a leg or arm.",
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


def self_check(situation: Situation, emergency_flags: AbstractSet[str]) -> SelfCheck:
    """The plain answer. Red flags always win over the four signs."""
    signs = doctor_signs(situation)
    if set(situation.flags) & emergency_flags:
        return SelfCheck("emergency", "Get emergency help now: one of your warning signs needs it.", signs)
    if situation.flags:
        return SelfCheck("urgent", "See a doctor urgently, today or tomorrow, because of a warning sign you ticked.", signs)
    if any(sign.applies for sign in signs):
        return SelfCheck("yes", "Yes: seeing a back pain doctor would be sensible.", signs)
    return SelfCheck(
        "not yet",
        "Not necessarily yet. Most new back pain settles with self-care within a few weeks. "
        "See a doctor if it does not, if any of these signs appear, or if you are worried.",
        signs,
    )
