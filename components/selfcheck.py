"""'Should I see a back pain doctor?': the four signs, read from the person's situation."""

from __future__ import annotations

from dataclasses import dataclass

from components.i18n import N_, _
from components.situation import Situation
from components.triage import Assessment, base_tiers
from components.vocabulary import WHERE

LIMBS: tuple[str, ...] = ("leg_pain", "arm_pain")
# Where the pain spreads, by the spreading symptoms picked (in LIMBS order).
SPREADS: dict[tuple[str, ...], str] = {
    ("leg_pain",): N_("Your pain spreads into a leg."),
    ("arm_pain",): N_("Your pain spreads into an arm."),
    ("leg_pain", "arm_pain"): N_("Your pain spreads into a leg and an arm."),
}
NERVE_WORDS: dict[str, str] = {"numbness": N_("tingling or numbness"), "weakness": N_("weakness")}


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
    # Leg pain on walking or standing is a leg symptom too (a narrowed spinal canal): it counts as well.
    walking = "walking_pain" in situation.symptoms
    nerve = situation.nerve_symptoms
    # New numbness or weakness counts on its own, even with little pain (guidelines.md 8.3).
    joiner = " " + _("and") + " "
    nerve_words = joiner.join(_(NERVE_WORDS[n]) for n in nerve)
    if situation.where:
        places = joiner.join(_(WHERE[w]).lower() for w in situation.where)
        nerve_sentence = _("You have {symptoms} in {places}, which counts even with little pain.").format(
            symptoms=nerve_words, places=places
        )
    else:
        nerve_sentence = _("You have {symptoms}, which counts even with little pain.").format(symptoms=nerve_words)
    return (
        Sign(
            "not_improving",
            _("Pain that has not got better after a few weeks"),
            long_lasting,
            _("Your pain has lasted 4 weeks or more.")
            if long_lasting
            else _("You have not said your pain has lasted 4 weeks or more."),
        ),
        Sign(
            "spreading",
            _("Pain spreading into a leg or arm, leg pain on walking, or tingling, numbness or weakness"),
            bool(spreading or nerve or walking),
            " ".join(
                ([_(SPREADS[tuple(spreading)])] if spreading else [])
                + ([_("You have leg pain on walking or standing.")] if walking else [])
                + ([nerve_sentence] if nerve else [])
            )
            if spreading or nerve or walking
            else _("You have not picked pain spreading into a leg or arm, leg pain on walking, numbness or weakness."),
        ),
        Sign(
            "function",
            _("No longer managing everyday tasks"),
            situation.function == "severe",
            _("You said you can't do everyday tasks.")
            if situation.function == "severe"
            else _("You have not said you can't do everyday tasks."),
        ),
        Sign(
            "history",
            _("Past spine problems, injuries or surgery"),
            bool(situation.history),
            _("You ticked something in your spine history.")
            if situation.history
            else _("You have not ticked any spine history."),
        ),
    )


def self_check(situation: Situation, assessment: Assessment) -> SelfCheck:
    """The plain answer. Red flags always win over the four signs."""
    signs = doctor_signs(situation)
    if assessment.tier is not None:
        return SelfCheck(assessment.tier, base_tiers()[assessment.tier].answer, signs)
    if any(sign.applies for sign in signs):
        return SelfCheck("yes", _("Yes: seeing a back pain doctor would be sensible."), signs)
    return SelfCheck(
        "not yet",
        _(
            "Not necessarily yet. Most new back pain settles with self-care within a few weeks. "
            "See a doctor if it does not, if any of these signs appear, or if you are worried."
        ),
        signs,
    )
