"""Questions to ask the doctor, generated from the situation, the shortlist and any warning sign."""

from __future__ import annotations

import pandas as pd

from components.data import split_list
from components.i18n import N_, _
from components.situation import Situation, lower_first
from components.triage import Assessment, base_tiers
from components.vocabulary import DURATIONS, FINDINGS, LONG_LASTING, TRIED

HISTORY_PHRASES: dict[str, str] = {
    "prior_spine_surgery": N_("I have had spine surgery before"),
    "spine_injury": N_("I have injured my spine before"),
    "spinal_condition": N_("I have a slipped vertebra, scoliosis or an unstable spine"),
}
# How a person says each health condition or age band in a question.
PERSONAL_PHRASES: dict[str, str] = {
    "osteoporosis": N_("I have osteoporosis"),
    "long_term_steroids": N_("I take steroid tablets long-term"),
    "blood_thinners": N_("I take a blood thinner"),
    "kidney_disease": N_("I have kidney disease"),
    "stomach_ulcer": N_("I have had a stomach ulcer or bleeding"),
    "heart_disease": N_("I have heart disease"),
    "pregnancy": N_("I am pregnant"),
    "under_20": N_("I am under 20"),
    "20_to_49": N_("I am between 20 and 49"),
    "50_to_64": N_("I am between 50 and 64"),
    "65_plus": N_("I am 65 or older"),
}


def questions_for(situation: Situation, shortlist: pd.DataFrame, assessment: Assessment) -> list[str]:
    """Plain questions, most urgent first. `shortlist` holds fitted treatment rows in the person's order."""
    questions: list[str] = []
    for sign in assessment.signs:
        question = _("I have this warning sign: {sign}.").format(sign=sign.label.lower())
        questions.append(f"{question} {base_tiers()[sign.tier].question}")
    questions += [
        _("What do you think is causing my pain?"),
        _("Do I need any tests or scans now? Why, or why not?"),
    ]
    if {"leg_pain", "arm_pain", "numbness", "weakness"} & set(situation.symptoms):
        questions.append(_("Could a nerve be pinched or irritated, and how would we find out?"))
    if "walking_pain" in situation.symptoms:
        questions.append(_("Could my leg pain on walking come from a narrow spinal canal?"))
    if situation.duration:
        lasted = _(DURATIONS[situation.duration]).lower()
        questions.append(_("My pain has lasted {duration}. How long should it take to get better?").format(duration=lasted))
    if situation.duration in LONG_LASTING:
        questions.append(_("Would an exercise programme, a pain rehabilitation programme or psychological support help me?"))
    if situation.function == "severe":
        questions.append(_("How can I manage everyday tasks and work while this settles?"))
    tried = [_(TRIED[t]).lower() for t in situation.tried]
    if tried:
        listed = tried[0] if len(tried) == 1 else ", ".join(tried[:-1]) + " " + _("and") + " " + tried[-1]
        questions.append(_("I have tried {tried} without enough help. What is the next step for me?").format(tried=listed))
    for item in situation.history:
        questions.append(
            _("{history}. Does that change which treatments are safe for me?").format(history=_(HISTORY_PHRASES[item]))
        )
    if situation.nerve_place_unknown:
        questions.append(_("I have numbness or weakness. Could it come from my neck or my lower back?"))
    for item in situation.findings:
        found = lower_first(_(FINDINGS[item]))
        questions.append(_("I have had this: {finding}. What does it mean for my options?").format(finding=found))
    named = set()
    for row in shortlist.to_dict("records"):
        name = row["name"]
        treatment = lower_first(name)
        questions.append(_("How could {treatment} help me, how soon, and for how long?").format(treatment=treatment))
        questions.append(_("What are the risks of {treatment} for someone like me?").format(treatment=treatment))
        for item in split_list(row["avoid_with"]) + split_list(row["caution_with"]):
            if item in situation.personal:
                named.add(item)
                questions.append(
                    _("{condition}. Is it safe for me to have {treatment}?").format(
                        condition=_(PERSONAL_PHRASES[item]), treatment=treatment
                    )
                )
        # With a warning sign every option waits for the doctor: that is not "a later step".
        if row["fit"] == "later step" and assessment.tier is None:
            questions.append(_("{treatment} is usually a later step. What should I try first?").format(treatment=name))
        if row["overall_stance"] in ("disagree", "not_recommended"):
            question = (
                _("Guidelines advise against {treatment}. Why might it suit me, or not?")
                if row["overall_stance"] == "not_recommended"
                else _("Guidelines disagree about {treatment}. Why might it suit me, or not?")
            )
            questions.append(question.format(treatment=treatment))
        if row["category"] in ("injections", "surgery"):
            questions.append(_("What happens if I wait instead of having {treatment}?").format(treatment=treatment))
    for item in situation.health:
        if item not in named:
            condition = _(PERSONAL_PHRASES[item])
            questions.append(_("{condition}. Which treatments should I avoid or take care with?").format(condition=condition))
    questions.append(_("What warning signs should make me get help quickly?"))
    return questions
