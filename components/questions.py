"""Questions to ask the doctor, generated from the situation, the shortlist and any warning sign."""

from __future__ import annotations

import pandas as pd

from components.data import split_list
from components.i18n import _
from components.situation import Situation, lower_first
from components.triage import Assessment, base_tiers
from components.vocabulary import DURATIONS, FINDINGS, LONG_LASTING, TRIED

HISTORY_PHRASES: dict[str, str] = {
    "prior_spine_surgery": "I have had spine surgery before",
    "spine_injury": "I have injured my spine before",
    "spinal_condition": "I have a diagnosed spine condition",
}
# How a person says each health condition or age band in a question.
PERSONAL_PHRASES: dict[str, str] = {
    "osteoporosis": "I have osteoporosis",
    "long_term_steroids": "I take steroid tablets long-term",
    "blood_thinners": "I take a blood thinner",
    "kidney_disease": "I have kidney disease",
    "stomach_ulcer": "I have had a stomach ulcer or bleeding",
    "heart_disease": "I have heart disease",
    "pregnancy": "I am pregnant",
    "under_20": "I am under 20",
    "20_to_49": "I am between 20 and 49",
    "50_to_64": "I am between 50 and 64",
    "65_plus": "I am 65 or older",
}


def questions_for(situation: Situation, shortlist: pd.DataFrame, assessment: Assessment) -> list[str]:
    """Plain questions, most urgent first. `shortlist` holds fitted treatment rows in the person's order."""
    questions: list[str] = []
    for sign in assessment.signs:
        question = _("I have this warning sign: {sign}.").format(sign=sign.label.lower())
        questions.append(f"{question} {base_tiers()[sign.tier].question}")
    questions += [
        "What do you think is causing my pain?",
        "Do I need any tests or scans now? Why, or why not?",
    ]
    if {"leg_pain", "arm_pain", "numbness", "weakness"} & set(situation.symptoms):
        questions.append("Could a nerve be pinched or irritated, and how would we find out?")
    if "walking_pain" in situation.symptoms:
        questions.append("Could my leg pain on walking come from a narrow spinal canal?")
    if situation.duration:
        questions.append(f"My pain has lasted {DURATIONS[situation.duration].lower()}. How long should it take to get better?")
    if situation.duration in LONG_LASTING:
        questions.append("Would an exercise programme, a pain rehabilitation programme or psychological support help me?")
    if situation.function == "severe":
        questions.append("How can I manage everyday tasks and work while this settles?")
    tried = [TRIED[t].lower() for t in situation.tried]
    if tried:
        listed = tried[0] if len(tried) == 1 else ", ".join(tried[:-1]) + " and " + tried[-1]
        questions.append(f"I have tried {listed} without enough help. What is the next step for me?")
    for item in situation.history:
        questions.append(f"{HISTORY_PHRASES[item]}. Does that change which treatments are safe for me?")
    if situation.nerve_place_unknown:
        questions.append("I have numbness or weakness. Could it come from my neck or my lower back?")
    for item in situation.findings:
        questions.append(f"I have had this: {lower_first(FINDINGS[item])}. What does it mean for my options?")
    named = set()
    for row in shortlist.to_dict("records"):
        name = row["name"]
        questions.append(f"How could {lower_first(name)} help me, how soon, and for how long?")
        questions.append(f"What are the risks of {lower_first(name)} for someone like me?")
        for item in split_list(row["avoid_with"]) + split_list(row["caution_with"]):
            if item in situation.personal:
                named.add(item)
                questions.append(f"{PERSONAL_PHRASES[item]}. Is it safe for me to have {lower_first(name)}?")
        # With a warning sign every option waits for the doctor: that is not "a later step".
        if row["fit"] == "later step" and assessment.tier is None:
            questions.append(f"{name} is usually a later step. What should I try first?")
        if row["overall_stance"] in ("disagree", "not_recommended"):
            word = "advise against" if row["overall_stance"] == "not_recommended" else "disagree about"
            questions.append(f"Guidelines {word} {lower_first(name)}. Why might it suit me, or not?")
        if row["category"] in ("injections", "surgery"):
            questions.append(f"What happens if I wait instead of having {lower_first(name)}?")
    for item in situation.health:
        if item not in named:
            questions.append(f"{PERSONAL_PHRASES[item]}. Which treatments should I avoid or take care with?")
    questions.append("What warning signs should make me get help quickly?")
    return questions
