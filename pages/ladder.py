"""Escalation ladder: where each treatment sits from self-care to surgery, and where you are."""

import streamlit as st

from components.frame import draw_frame, draw_glossary
from components.ladder_view import draw_ladder_charts

frame = draw_frame("ladder")

st.title("Escalation ladder")
st.markdown(
    "Most back pain is treated step by step: start with self-care and first-line care, and move up only if "
    "earlier steps have not helped enough. Warning signs skip the ladder."
)
data = draw_ladder_charts(frame)
draw_glossary(frame, [*data["treatment"], *data["reason"]])
