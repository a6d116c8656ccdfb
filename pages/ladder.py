"""Escalation ladder: where each treatment sits from self-care to surgery, and where you are."""

import streamlit as st

from components.banners import draw_situation_notes
from components.frame import draw_frame, draw_glossary, link_to_page
from components.i18n import _
from components.ladder_view import draw_ladder_charts
from components.situation import describe

frame = draw_frame("ladder")

st.title(_("Escalation ladder"))
st.markdown(
    _(
        "Most back pain is treated step by step: start with self-care and first-line care, and move up only if "
        "earlier steps have not helped enough. Warning signs skip the ladder."
    )
)
st.caption(_("Your situation: {situation}").format(situation=describe(frame.situation, frame.content.symptom_labels)))
draw_situation_notes(frame.situation)
data = draw_ladder_charts(frame)
link_to_page(frame, "compare", _("Compare options side by side"))
draw_glossary(frame, [*data["treatment"], *data["reason"]])
