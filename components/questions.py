"""Questions to ask the doctor, generated from the situation, the shortlist and any warning sign."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from components.situation import Situation
from components.vocabulary import DURATIONS, TRIED

HISTORY_PHRASES: dict[str, str] = {
    "prior_spine_surgery": "I have had spine surgery before",
    "spine_injury": "I have injured my spine before",
    "osteoporosis": "I have osteoporosis",
    "spinal_condition": "I have a diagnosed spine condition",
}


def questions_for(
    situation: Situation,
    shortlist: pd.DataFrame,
    flag_labels: Mapping[str, str],
) -> list[str]:
    """Plain questions, most urgent first. `shortlist` holds fitted treatment rows in the person's order."""
    questions: list[str] = []
    for flag in situation.flags:
        questions.append(
            f"I have this warning sign: {flag_labels.get(flag, flag).lower()}. Do I need urgent tests or treatment today?"
        )
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
    if situation.duration == "chronic":
        questions.append("Would an exercise programme, a pain rehabilitation programme or psychological support help me?")
    if situation.function == "severe":
        questions.append("How can I manage everyday tasks and work while this settles?")
    tried = [TRIED[t].lower() for t in situation.tried]
    if tried:
        listed = tried[0] if len(tried) == 1 else ", ".join(tried[:-1]) + " and " + tried[-1]
        questions.append(f"I have tried {listed} without enough help. What is the next step for me?")
    for item in situation.history:
        questions.append(f"{HISTORY_PHRASES[item]}. Does that change which treatments are safe for me?")
    for row in shortlist.to_dict("records"):
        name = row["name"]
        questions.append(f"How could {name.lower()} help me, how soon, and for how long?")
        questions.append(f"What are the risks of {name.lower()} for someone like me?")
        # With a warning sign every option waits for the doctor: that is not "a later step".
        if row["fit"] == "later step" and not situation.flags:
            questions.append(f"{name} is usually a later step. What should I try first?")
        if row["overall_stance"] in ("disagree", "not_recommended"):
            word = "advise against" if row["overall_stance"] == "not_recommended" else "disagree about"
            questions.append(f"Guidelines {word} {name.lower()}. Why might it suit me, or not?")
        if row["category"] in ("injections", "surgery"):
            questions.append(f"What happens if I wait instead of having {name.lower()}?")
    questions.append("What warning signs should make me get help quickly?")
    return questions
