"""My visit: the situation in words, the shortlist, questions for the doctor, private notes, downloads."""

from datetime import date

import pandas as pd
import streamlit as st

from components.banners import draw_situation_notes
from components.compare import outcome_text
from components.data import Content
from components.exports import (
    ShortlistItem,
    VisitSummary,
    chart_png,
    file_name,
    shortlist_items,
    visit_csv,
    visit_markdown,
    visit_pdf,
)
from components.frame import draw_frame, draw_glossary, seed, shared_cache, shortlist_picker
from components.ladder import current_step, ladder_chart, ladder_data
from components.questions import questions_for
from components.situation import Situation, describe
from components.triage import Assessment

NOTES_KEY = "visit_notes"
NOTES_WIDGET = "w_visit_notes"


@shared_cache(max_entries=512)
def visit_parts(
    content_key: str,
    situation: Situation,
    chosen: tuple[str, ...],
    _fitted: pd.DataFrame,
    _content: Content,
    _assessment: Assessment,
) -> tuple[pd.DataFrame, tuple[str, ...], tuple[ShortlistItem, ...], tuple[str, ...]]:
    """The shortlisted rows, the questions, the summary's shortlist items and the warning signs with their tiers.
    Keyed by the content version, the situation and the shortlist (never by the notes); the assessment follows
    from the situation."""
    shortlist = _fitted.set_index("id").loc[list(chosen)].reset_index()
    questions = tuple(questions_for(situation, shortlist, _assessment))
    outcomes = {t: outcome_text(t, _content.outcomes, _content.sources) for t in chosen}
    return shortlist, questions, shortlist_items(shortlist, outcomes), _assessment.lines()


frame = draw_frame("visit")
situation, content = frame.situation, frame.content

st.title("My visit")
st.markdown("Everything to take to your appointment on one page. Download it at the bottom.")

st.header("My situation")
situation_text = describe(situation, content.symptom_labels)
st.markdown(situation_text)
if frame.assessment.signs:
    st.markdown("**Warning signs**\n" + "\n".join(f"- {line}" for line in frame.assessment.lines()))
draw_situation_notes(situation)

st.header("My shortlist")
chosen = shortlist_picker(frame, "Treatments to ask about (up to 4)")
fitted = frame.fitted
shortlist, questions, items, warnings = visit_parts(frame.content_key, situation, chosen, fitted, content, frame.assessment)
if shortlist.empty:
    st.caption("No treatments yet: choose some above, or add them from Explore or Compare.")
else:
    st.markdown("\n".join(f"- **{r['name']}**: {r['fit']}. {r['reason']}" for r in shortlist.to_dict("records")))

st.header("Questions to ask")
st.markdown("\n".join(f"{n}. {q}" for n, q in enumerate(questions, start=1)))

st.header("My notes")
# Notes live in this session's state under our own key (a widget's own state is dropped when
# another page is shown), so they survive moving between pages and vanish with the tab.
seed(NOTES_WIDGET, st.session_state.get(NOTES_KEY, ""), frame.arrived)
st.text_area(
    "Notes for your visit",
    key=NOTES_WIDGET,
    on_change=lambda: st.session_state.update({NOTES_KEY: st.session_state[NOTES_WIDGET]}),
    height=140,
    placeholder="For example: what makes the pain worse, what you want from the visit, medicines you take.",
    help="Your notes stay in this browser session. They are never saved on the server or sent anywhere.",
)
notes = st.session_state.get(NOTES_KEY, "")
if notes:
    st.caption(f"Your notes ({len(notes)} characters) are kept until you close this tab, and go into your downloads below.")

st.header("Take it with you")
today = date.today()
summary = VisitSummary(today, situation_text, warnings, items, questions, notes)
emergency = frame.emergency


def pdf_with_ladder() -> bytes:
    """Built only when the PDF button is clicked: it draws the ladder and loads the PDF libraries."""
    chart = ladder_chart(ladder_data(fitted, content.categories), content.categories, current_step(situation), emergency)
    return visit_pdf(summary, chart_png(chart))


downloads = (
    ("Download as text (Markdown)", visit_markdown(summary), "md", "text/markdown"),
    ("Download as a spreadsheet (CSV)", visit_csv(summary), "csv", "text/csv"),
    ("Download a one-page PDF", pdf_with_ladder, "pdf", "application/pdf"),
)
for column, (label, data, extension, mime) in zip(st.columns(len(downloads)), downloads, strict=True):
    # on_click="ignore": a download must not rerun the page (and retire the other buttons' files).
    column.download_button(label, data, file_name=file_name(today, extension), mime=mime, on_click="ignore")

draw_glossary(frame, [situation_text, *questions, *shortlist.get("name", []), *shortlist.get("reason", [])])
