"""My visit: the situation in words, the shortlist, questions for the doctor, private notes, downloads."""

from datetime import date

import streamlit as st

from components.banners import draw_situation_notes
from components.compare import MATTERS_KEY, what_matters
from components.data import escape_markdown
from components.decision_view import draw_knowledge_check, draw_readiness
from components.exports import (
    VisitSummary,
    chart_png,
    file_name,
    outcome_pictures,
    visit_csv,
    visit_markdown,
    visit_pdf,
)
from components.frame import draw_frame, draw_glossary, page_query, seed, shortlist_picker
from components.i18n import N_, _, ngettext
from components.ladder import current_step, ladder_chart, ladder_data
from components.notes_store import FORGET_LABEL, KEEP_KEY, NOTES_KEY, NOTES_WIDGET, draw_notes_store
from components.outcomes import icon_array
from components.page_caches import visit_parts
from components.pages import page
from components.readiness import (
    NOT_SURE,
    SURE,
    answer_lines,
    doctor_questions,
    helps,
    leaning_label,
    ready_line,
    to_query,
)
from components.situation import describe
from components.url_state import link_to_view

PDF_KEY = "visit_pdf"  # (what the PDF was made from, its bytes)
# Marked here and translated where drawn: this runs before the frame sets the run's language.
MAKE_PDF = N_("Make a PDF (summary page and charts)")
PDF_LABEL = N_("Download as PDF (summary page and charts)")


def store_notes() -> None:
    st.session_state[NOTES_KEY] = st.session_state[NOTES_WIDGET]


frame = draw_frame("visit")
situation, content = frame.situation, frame.content

st.title(_("My visit"))
st.markdown(_("Everything to take to your appointment on one page. Download it at the bottom."))
if frame.clinic:
    st.info(frame.clinic.introduction(escape_markdown), icon="🏥")

st.header(_("My situation"))
situation_text = describe(situation, content.symptom_labels)
st.markdown(situation_text)
if frame.assessment.signs:
    st.markdown("**" + _("Warning signs") + "**\n" + "\n".join(f"- {line}" for line in frame.assessment.lines()))
draw_situation_notes(situation)

st.header(_("My shortlist"))
chosen = shortlist_picker(frame, _("Treatments to ask about (up to 4)"))
fitted = frame.fitted
shortlist, questions, items, warnings = visit_parts(frame.content_key, situation, chosen, fitted, content, frame.assessment)
if shortlist.empty:
    st.caption(_("No treatments yet: choose some above, or add them from Explore or Compare."))
else:
    st.markdown("\n".join(f"- **{r['name']}**: {_(r['fit'])}. {r['reason']}" for r in shortlist.to_dict("records")))

st.header(_("Before you decide"))
st.markdown(_("A few questions to check what you know, and how ready you feel. Your answers stay in this browser tab."))
draw_knowledge_check(frame, "visit")
st.subheader(_("How ready am I to decide?"), anchor=False)
st.caption(_("Four yes-or-no questions (the SURE test). There are no right answers: they show what would help you."))
readiness = draw_readiness(frame, chosen)
matters = what_matters(st.session_state.get(MATTERS_KEY, {}))
for item in readiness.unsure:
    st.info(
        _("**{letter}: {question}** You said no. {helps}").format(
            letter=item.letter, question=_(item.question), helps=helps(item, matters)
        )
    )
if readiness.sure.get("sure") == "yes" and readiness.leaning == NOT_SURE:
    st.info(_("You feel sure about the best choice, but are not leaning either way yet. That is fine: say so to your doctor."))
if readiness.score == len(SURE):
    st.success(_("You said yes to all four. You feel ready to talk about a choice with your doctor."))
if matters:
    st.markdown(_("**What matters to me** (from Compare options): {matters}.").format(matters="; ".join(matters)))
else:
    st.caption(_("To add what matters to you, use *What matters to you* on Compare options."))

st.header(_("Questions to ask"))
questions = (*questions, *doctor_questions(readiness, matters))
st.markdown("\n".join(f"{n}. {q}" for n, q in enumerate(questions, start=1)))

st.header(_("My notes"))
# Notes live in this session's state under our own key (a widget's own state is dropped when
# another page is shown), so they survive moving between pages. They vanish with the tab unless
# the person asks to keep them in this browser's storage (components.notes_store).
seed(NOTES_WIDGET, st.session_state.get(NOTES_KEY, ""), frame.arrived)
st.text_area(
    _("Notes for your visit"),
    key=NOTES_WIDGET,
    on_change=store_notes,
    height=140,
    placeholder=_("For example: what makes the pain worse, what you want from the visit, medicines you take."),
    help=_("Your notes stay in this browser. They are never saved on our server or sent anywhere."),
)
draw_notes_store(frame.arrived)
notes = st.session_state.get(NOTES_KEY, "")
if st.session_state.get(KEEP_KEY):
    st.caption(
        _(
            "Your notes are kept in this browser on this device, not on our server, until you choose "
            "*{forget}*. They go into your downloads below."
        ).format(forget=_(FORGET_LABEL))
    )
elif notes:
    st.caption(
        ngettext(
            "Your notes ({n} character) are kept until you close this tab, and go into your downloads below.",
            "Your notes ({n} characters) are kept until you close this tab, and go into your downloads below.",
            len(notes),
        ).format(n=len(notes))
    )

st.header(_("Take it with you"))
today = date.today()
names = content.treatment_names
summary = VisitSummary(
    today,
    situation_text,
    warnings,
    items,
    questions,
    notes,
    ready=ready_line(readiness),
    sure=answer_lines(readiness),
    leaning=leaning_label(readiness.leaning, names) if readiness.leaning else "",
    matters=matters,
    clinic=frame.clinic.contact_lines,
)
emergency = frame.emergency


def pdf_with_ladder() -> bytes:
    """The PDF: it draws the ladder and the outcome pictures offline, and loads the PDF libraries."""
    chart = ladder_chart(ladder_data(fitted, content.categories), content.categories, current_step(situation), emergency)
    pictures = outcome_pictures(chosen, names, content.figures, lambda o: chart_png(icon_array(o), width=None))
    return visit_pdf(summary, chart_png(chart), pictures)


markdown_column, csv_column, pdf_column = st.columns((1, 1, 1.3))  # the PDF label is the longest
# on_click="ignore": a download must not rerun the page (and retire the other buttons' files).
for column, (label, data, extension, mime) in (
    (markdown_column, (_("Download as text (Markdown)"), visit_markdown(summary), "md", "text/markdown")),
    (csv_column, (_("Download as a spreadsheet (CSV)"), visit_csv(summary), "csv", "text/csv")),
):
    column.download_button(label, data, file_name=file_name(today, extension), mime=mime, on_click="ignore")

# The PDF takes seconds to draw, so it is made on request and held, for this session only, while
# what it shows stays the same. Not a deferred download (a callable given to the button): Streamlit
# 1.67 drops the file a callable makes after any two runs on the server, in any session, and on a
# busy server that can be before the browser has fetched it (tests/test_pages.py shows how).
made_from = (summary, situation, chosen, frame.content_key)
held = st.session_state.get(PDF_KEY)
if held is not None and held[0] != made_from:
    del st.session_state[PDF_KEY]  # the page changed since: the PDF would not match it
    held = None
slot = pdf_column.empty()
if held is None and slot.button(_(MAKE_PDF), help=_("Drawing the charts takes a few seconds."), key="make_pdf"):
    with pdf_column, st.spinner(_("Making your PDF…")):
        held = st.session_state[PDF_KEY] = (made_from, pdf_with_ladder())
if held is not None:
    slot.download_button(
        _(PDF_LABEL), held[1], file_name=file_name(today, "pdf"), mime="application/pdf", on_click="ignore", type="primary"
    )

with st.expander(_("Link to this page with my answers")):
    st.caption(
        _(
            "The usual link (🔗 at the top) holds your situation and shortlist only. This one also holds your "
            "answers to the readiness questions and which way you lean, so anyone you share it with sees them. "
            "It does not hold what matters to you, and your notes are never put in a link."
        )
    )
    info = page("visit")
    st.code(link_to_view(info, {**page_query(situation, chosen), **to_query(readiness)}), language=None, wrap_lines=True)

draw_glossary(frame, [situation_text, *questions, *shortlist.get("name", []), *shortlist.get("reason", [])])
