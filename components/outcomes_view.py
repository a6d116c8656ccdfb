"""Drawing the outcome icon arrays on Compare: one column per shortlisted option, the figures in
words under each array (the text alternative), and plainly where there are no numbers."""

from __future__ import annotations

import streamlit as st

from components.frame import Frame, shared_cache
from components.i18n import _
from components.ladder_view import ready_to_send
from components.outcomes import (
    MISSING,
    NO_NUMBERS,
    WHERE_INSTEAD,
    Outcome,
    icon_array,
    missing_kinds,
    outcome_sentence,
)
from components.presentation import CHART_TEXT

# The side of one 10 x 10 grid, and whether a figure's grids are stacked, by how many options share
# the row: two options leave room for two grids side by side; three or four stack them.
LAYOUT = {1: (170, False), 2: (160, False), 3: (160, True), 4: (150, True)}


@shared_cache(max_entries=256)
def _array_spec(content_key: str, outcome: Outcome, options: int, present: bool) -> dict:
    # Keyed by the content version (which includes the language) and the figure itself: the same
    # for every person who sees it.
    size, stacked = LAYOUT[options]
    chart = icon_array(outcome, size=size + (30 if present else 0), text_size=CHART_TEXT[present]["label"], stacked=stacked)
    return ready_to_send(chart.to_dict())


def draw_outcome_arrays(frame: Frame, chosen: tuple[str, ...]) -> None:
    """Each chosen option's figures, side by side in one row, in the same wording pattern."""
    content = frame.content
    for column, treatment_id in zip(st.columns(len(chosen)), chosen, strict=True):
        name = content.treatment_names[treatment_id]
        with column:
            st.markdown(f"#### {name}")
            found = content.figures.get(treatment_id, ())
            if not found:
                st.markdown(_(NO_NUMBERS))
            for outcome in found:
                sentence = outcome_sentence(outcome, name)
                if outcome.drawn:
                    st.vega_lite_chart(
                        spec=_array_spec(frame.content_key, outcome, len(chosen), frame.present),
                        width="content",
                        alt=sentence,
                    )
                st.markdown(sentence)
            for kind in missing_kinds(found):
                st.markdown(
                    _("{missing} See *{row}* in the table above.").format(missing=_(MISSING[kind]), row=_(WHERE_INSTEAD[kind]))
                )
