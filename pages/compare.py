"""Compare options: two to four treatments side by side, and how each fits what matters to you."""

import streamlit as st

from components.compare import IMPORTANCE, MATTERS_KEY, VALUES, comparison_cards, values_table
from components.data import escape_markdown
from components.frame import draw_frame, draw_glossary, link_to_page, seed, shortlist_picker
from components.i18n import _
from components.outcomes_view import draw_outcome_arrays
from components.page_caches import cached_comparison
from components.presentation import NARROW_VIEW, WIDE_VIEW
from components.situation import describe


def keep_importance(value: str, widget: str) -> None:
    st.session_state[MATTERS_KEY] = {**st.session_state.get(MATTERS_KEY, {}), value: st.session_state[widget]}


frame = draw_frame("compare")

st.title(_("Compare options"))
st.markdown(
    _(
        "Put two to four treatments side by side. Every option gets the same questions, in the same order, "
        "so that none is made to look better by the layout."
    )
)
st.caption(_("Your situation: {situation}").format(situation=describe(frame.situation, frame.content.symptom_labels)))
chosen = shortlist_picker(frame, _("Treatments to compare (2 to 4)"))
if len(chosen) < 2:
    st.info(
        _(
            "Choose at least two treatments above, or add them from **Explore treatments** "
            "(open a treatment's details and press *Add to my shortlist*)."
        )
    )
    st.stop()

fitted = frame.fitted
comparison = cached_comparison(frame.content_key, frame.situation, chosen, fitted, frame.content)
# A phone gets one card per option with the same questions in the same order; a wider screen the table.
with st.container(key=WIDE_VIEW):
    st.table(comparison)
with st.container(key=NARROW_VIEW):
    for index, (name, card) in enumerate(comparison_cards(comparison)):
        with st.container(border=True, key=f"compare_card_{index}"):
            st.markdown(f"### {escape_markdown(name)}")
            st.markdown(card)

st.header(_("Out of 100 people"))
st.markdown(
    _(
        "What happened to 100 people like those in the studies, as a picture. A dark figure is a person it "
        "happened to; a small grey dot is a person it did not. Each picture says whether it is a possible benefit "
        "or a possible harm. Where a study also counted people who had something else first (usual care, a dummy "
        "treatment, or waiting), their 100 are shown beside them, over the same time. Under each picture, the same "
        "numbers are in words."
    )
)
st.markdown(
    _(
        "**Compare each option with its own comparison group, not with the other options:** the studies measured "
        "different things, at different times, in different people. The people studied (*Who*) may not be like "
        "you. Ask your doctor how the numbers apply to you."
    )
)
draw_outcome_arrays(frame, chosen)

st.header(_("What matters to you"))
st.markdown(
    _(
        "Say how much each of these matters to you. The table shows how each option lines up with your wishes. "
        "It is not a score and it does not choose for you: talk it through with your doctor."
    )
)
# Kept in the session under our own key (a widget's state goes when another page is shown), so
# My visit can put them in the downloads.
kept = st.session_state.get(MATTERS_KEY, {})
columns = st.columns(len(VALUES))
for column, (value, label) in zip(columns, VALUES.items(), strict=True):
    widget = f"matters_{value}"
    seed(widget, kept.get(value, IMPORTANCE[0]), frame.arrived)
    column.select_slider(
        _(label),
        options=IMPORTANCE,
        # The session keeps the English value (what the code compares); people read it translated.
        format_func=_,
        key=widget,
        on_change=keep_importance,
        args=(value, widget),
    )
importance = {value: kept.get(value, IMPORTANCE[0]) for value in VALUES}
wishes = values_table(fitted, chosen, importance)
if wishes.empty:
    st.caption(_("Move a slider to see how the options line up with what matters to you."))
else:
    st.table(wishes)
    st.caption(
        _(
            "✔ goes with your wish · ◐ partly · ✖ goes against it · ? not known. "
            "Fast relief is about how soon an option can help if it works, not how well it works."
        )
    )

link_to_page(frame, "visit", _("Take these to My visit"), shortlist=chosen)

draw_glossary(frame, [*comparison.columns, *comparison.to_numpy().ravel()])
