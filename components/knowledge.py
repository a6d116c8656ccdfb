"""The short knowledge check: questions from data/knowledge.csv and plain feedback on each answer. Pure.

Nothing is scored against the person or kept: each answer only gets its feedback, with the source.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data import split_list
from components.i18n import _
from components.outcomes import source_label


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    choices: tuple[str, ...]
    answer: str
    explanation: str
    source: str  # "NICE NG59 (2016), recommendation 1.1.4"


def knowledge_questions(knowledge: pd.DataFrame, sources: pd.DataFrame) -> tuple[Question, ...]:
    """Every question in file order, with its source named as the Sources page names it."""
    named = sources.set_index("id")
    return tuple(
        Question(
            r["id"],
            r["question"],
            tuple(split_list(r["choices"])),
            r["answer"],
            r["explanation"],
            f"{source_label(named.loc[r['source_id'], 'short_name'], named.loc[r['source_id'], 'year'])}, "
            f"{r['where_in_source'][0].lower()}{r['where_in_source'][1:]}",
        )
        for r in knowledge.to_dict("records")
    )


def feedback(question: Question, chosen: str) -> tuple[bool, str]:
    """Whether the answer is the one the evidence supports, and what to say about it, in plain words."""
    right = chosen == question.answer
    if right:
        opening = _("That's right.")
    else:
        opening = _("Many people think so. What the evidence says: {answer}.").format(answer=question.answer)
    return right, f"{opening} {question.explanation} " + _("Source: {source}.").format(source=question.source)
