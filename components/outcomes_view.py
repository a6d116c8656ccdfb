"""Drawing the outcome icon arrays on Compare: one column per shortlisted option, the figures in
words under each array (the text alternative), and plainly where there are no numbers."""

from __future__ import annotations

import streamlit as st

from components.frame import Frame, shared_cache
from components.ladder_view import ready_to_send
from components.outcomes import NO_NUMBERS, Outcome, icon_array, outcome_sentence, outcomes_for
from components.presentation import CHART_TEXT

# The side of one 10 x 10 grid, by how many options share the row (two grids sit side by side).
GRID_SIZE = {1: 170, 2: 170, 3: 130, 4: 100}


@shared_cache(max_entries=256)
def _array_spec(content_key: str, outcome: Outcome, name: str, size: int, present: bool) -> dict:
    # Keyed by the content version and the figure itself: the same for every person who sees it.
    return ready_to_send(icon_array(outcome, name, size=size, text_size=CHART_TEXT[present]["label"]).to_dict())


def draw_outcome_arrays(frame: Frame, chosen: tuple[str, ...]) -> None:
    """Each chosen option's figures, side by side in one row, in the same wording pattern."""
    content = frame.content
    size = GRID_SIZE[len(chosen)] + (30 if frame.present else 0)
    for column, treatment_id in zip(st.columns(len(chosen)), chosen, strict=True):
        name = content.treatment_names[treatment_id]
        with column:
            st.subheader(name, anchor=False)
            found = outcomes_for(treatment_id, content.outcomes, content.sources)
            if not found:
                st.caption(NO_NUMBERS)
            for outcome in found:
                sentence = outcome_sentence(outcome, name)
                if outcome.drawn:
                    st.vega_lite_chart(
                        spec=_array_spec(frame.content_key, outcome, name, size, frame.present),
                        width="content",
                        alt=sentence,
                    )
                    st.caption(sentence)
                else:
                    st.markdown(sentence)
