"""Drawing the knowledge check (Start here, My visit) and the readiness questions (My visit)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import streamlit as st

from components.frame import Frame, seed, shared_cache
from components.i18n import _, ngettext
from components.knowledge import Question, feedback, knowledge_questions
from components.readiness import ANSWERS, SURE, Readiness, answer_word, leaning_choices, leaning_label
from components.url_state import READINESS_STATE


@shared_cache(max_entries=4)
def _questions(content_key: str, _frame: Frame) -> tuple[Question, ...]:
    # Keyed by the content version; the questions follow from it.
    return knowledge_questions(_frame.content.knowledge, _frame.content.sources)


def draw_knowledge_check(frame: Frame, where: str) -> list[Question]:
    """The questions in an expander; each answer gets its feedback at once. Nothing is scored or kept."""
    questions = _questions(frame.content_key, frame)
    count = len(questions)
    with st.expander(
        ngettext("Check what you know: {n} short question", "Check what you know: {n} short questions", count).format(n=count)
    ):
        st.caption(
            _(
                "Pick an answer to see what the evidence says. Nothing is scored or saved. Most of these are about "
                "new back pain: if yours has lasted longer, ask your doctor how they apply to you."
            )
        )
        for question in questions:
            chosen = st.radio(question.question, question.choices, index=None, key=f"quiz_{where}_{question.id}")
            if chosen is not None:
                right, text = feedback(question, chosen)
                st.info(text, icon="💡" if right else "📖")
    return list(questions)


def kept_readiness() -> Readiness:
    return st.session_state.get(READINESS_STATE) or Readiness({})


def _store_sure() -> None:
    answers = {item.id: st.session_state.get(f"w_sure_{item.id}") for item in SURE}
    st.session_state[READINESS_STATE] = replace(kept_readiness(), sure={k: v for k, v in answers.items() if v is not None})


def _store_leaning() -> None:
    st.session_state[READINESS_STATE] = replace(kept_readiness(), leaning=st.session_state.get("w_leaning"))


def draw_readiness(frame: Frame, shortlist: tuple[str, ...]) -> Readiness:
    """The four SURE questions and the leaning, kept in this session (never on the server's disk)."""
    kept = kept_readiness()
    for item in SURE:
        key, question = f"w_sure_{item.id}", _(item.question)
        seed(key, kept.sure.get(item.id), frame.arrived)
        st.radio(
            f"{item.letter}: {question}",
            ANSWERS,
            index=None,
            key=key,
            horizontal=True,
            format_func=answer_word,
            on_change=_store_sure,
        )
    names = frame.content.treatment_names
    choices = leaning_choices(shortlist, kept.leaning)
    seed("w_leaning", kept.leaning, frame.arrived)
    st.radio(
        _("Which way are you leaning?"),
        choices,
        index=None,
        key="w_leaning",
        format_func=partial(leaning_label, names=names),
        on_change=_store_leaning,
        help=_("Your options from the shortlist above, waiting, or not sure yet. You can change it at any time."),
    )
    return kept_readiness()
