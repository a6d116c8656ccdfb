"""The visit summary and its three downloads: Markdown, CSV and a PDF: one summary page with the ladder, then the outcome pictures.

Pure functions of the summary. The PDF and PNG libraries are imported inside the functions
that need them, so only a click on the PDF download pays for loading them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from components.i18n import N_, _
from components.outcomes import MISSING, NO_NUMBERS, Outcome, missing_kinds, outcome_sentence

if TYPE_CHECKING:
    from fpdf import FPDF

# Marked for the catalogue here, translated where they are written: _(DISCLAIMER_TEXT). The downloads' own
# short disclaimer, not the pages' longer one (banners.DISCLAIMER).
DISCLAIMER_TEXT = N_("This is general information, not medical advice and not a diagnosis.")
ARRAYS_HEADING = N_("Out of 100 people: what happened in the studies")
ARRAYS_HEADING_CONTINUED = N_("Out of 100 people: what happened in the studies (continued)")
ARRAYS_NOTE = N_(
    "Each picture shows 100 people like those in the study, and says whether it is a possible benefit or a "
    "possible harm. A dark figure is a person it happened to; a small grey dot is a person it did not. Where the "
    "study also counted people who had something else first, their 100 are beside them. Compare each option "
    "with its own comparison group: the studies measured different things in different people."
)
NEXT_LINE = {"new_x": "LMARGIN", "new_y": "NEXT", "align": "L"}


@dataclass(frozen=True)
class ShortlistItem:
    name: str
    fit: str
    reason: str
    guidelines: str
    outcomes: str = ""


@dataclass(frozen=True)
class VisitSummary:
    day: date
    situation: str
    warnings: tuple[str, ...]
    shortlist: tuple[ShortlistItem, ...]
    questions: tuple[str, ...]
    notes: str = ""
    sources: tuple[str, ...] = field(default=())
    ready: str = ""  # the SURE result in one line ("3 of 4 answered yes; not yet: …")
    sure: tuple[tuple[str, str], ...] = ()  # each SURE question with its answer
    leaning: str = ""
    matters: tuple[str, ...] = ()  # "Avoiding surgery: matters a lot", most important first
    clinic: tuple[tuple[str, str], ...] = ()  # the clinic's name and contacts (clinic.toml), as (label, text)

    @property
    def stand(self) -> list[tuple[str, str]]:
        """Where the person stands, as (label, text) pairs: the same in every download."""
        return [
            (_("Which way I am leaning"), self.leaning or _("Not answered")),
            (_("How ready I feel to decide (SURE test)"), self.ready or _("Not answered.")),
            (_("What matters to me"), "; ".join(self.matters) if self.matters else _("Not answered on Compare options.")),
        ]


def file_name(day: date, extension: str) -> str:
    return f"backpain-visit-{day.isoformat()}.{extension}"


def shortlist_items(shortlist: pd.DataFrame, outcomes: Mapping[str, str] | None = None) -> tuple[ShortlistItem, ...]:
    """Shortlisted rows (with their ids) as summary items; `outcomes` maps id to its outcome text."""
    outcomes = outcomes or {}
    return tuple(
        ShortlistItem(r["name"], r["fit"], r["reason"], r["guideline_stances"], outcomes.get(r["id"], ""))
        for r in shortlist.to_dict("records")
    )


def _title(summary: VisitSummary) -> str:
    return _("Back pain: notes for my visit ({day})").format(day=summary.day.isoformat())


def _guidelines(item: ShortlistItem) -> str:
    return _("Guidelines: {guidelines}").format(guidelines=item.guidelines)


def visit_markdown(summary: VisitSummary) -> str:
    """The summary as Markdown, in the run's language (the fit, a FITS value, is translated where written)."""
    lines = ["# " + _title(summary), "", f"*{_(DISCLAIMER_TEXT)}*", ""]
    if summary.clinic:
        lines += ["## " + _("My clinic"), "", *[f"- **{label}**: {text}" for label, text in summary.clinic], ""]
    if summary.warnings:
        lines += ["## " + _("Warning signs"), "", *[f"- **{w}**" for w in summary.warnings], ""]
    lines += ["## " + _("My situation"), "", summary.situation, "", "## " + _("My shortlist"), ""]
    if summary.shortlist:
        for item in summary.shortlist:
            lines += [f"- **{item.name}**: {_(item.fit)}. {item.reason}", "  - " + _guidelines(item)]
            if item.outcomes:
                lines.append("  - " + _("In numbers: {outcomes}").format(outcomes=item.outcomes))
    else:
        lines.append("- " + _("No treatments shortlisted yet."))
    lines += ["", "## " + _("Where I stand"), ""]
    lines += [f"- **{label}**: {text}" for label, text in summary.stand]
    lines += [f"  - {question} **{answer}**" for question, answer in summary.sure]
    lines += ["", "## " + _("Questions to ask"), "", *[f"{i}. {q}" for i, q in enumerate(summary.questions, start=1)], ""]
    if summary.notes.strip():
        lines += ["## " + _("My notes"), "", summary.notes.strip(), ""]
    if summary.sources:
        lines += ["## " + _("Sources"), "", *[f"- {s}" for s in summary.sources], ""]
    return "\n".join(lines)


def visit_csv(summary: VisitSummary) -> str:
    """One row per fact, so the file opens cleanly in a spreadsheet. The file is for a person, not for
    other software: its header and section names are words in the run's language like the rest."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_("section"), _("item"), _("detail")])
    writer.writerow([_("date"), summary.day.isoformat(), _(DISCLAIMER_TEXT)])
    for label, text in summary.clinic:
        writer.writerow([_("clinic"), label, text])
    for warning in summary.warnings:
        writer.writerow([_("warning sign"), warning, ""])
    writer.writerow([_("situation"), summary.situation, ""])
    for item in summary.shortlist:
        writer.writerow([_("shortlist"), item.name, f"{_(item.fit)}. {item.reason} " + _guidelines(item)])
        if item.outcomes:
            writer.writerow([_("outcomes in numbers"), item.name, item.outcomes])
    for label, text in summary.stand:
        writer.writerow([_("where I stand"), label, text])
    for question, answer in summary.sure:
        writer.writerow([_("SURE answer"), question, answer])
    for number, question in enumerate(summary.questions, start=1):
        writer.writerow([_("question"), str(number), question])
    if summary.notes.strip():
        writer.writerow([_("notes"), summary.notes.strip(), ""])
    return out.getvalue()


def chart_png(chart: alt.TopLevelMixin, width: int | None = 420, scale: float = 2.0) -> bytes:
    """Render an Altair chart to PNG offline (vl-convert bundles Vega; no network); `width` None keeps its own."""
    import vl_convert

    return vl_convert.vegalite_to_png(vl_spec=(chart if width is None else chart.properties(width=width)).to_dict(), scale=scale)


# The PDF uses the built-in Helvetica font (Latin-1 only): map the few symbols we use. Latin-1 holds the
# letters of Spanish and the other Western European languages (á é í ó ú ñ ü ¿ ¡ ç ß …), so they pass unchanged.
_PDF_TEXT = str.maketrans(
    {
        "✔": "+",
        "✖": "x",
        "◐": "~",
        "⚖": "",
        "▼": "",
        "▲": "",
        "🚨": "!",
        "–": "-",
        "—": "-",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "≥": ">=",
        "≤": "<=",
        "·": "-",
    }
)


def _latin1(text: str) -> str:
    return text.translate(_PDF_TEXT).encode("latin-1", "replace").decode("latin-1")


def visit_pdf(summary: VisitSummary, ladder_png: bytes | None, arrays: Sequence[OutcomePicture] = ()) -> bytes:
    """An A4 page: the summary on the left, the ladder chart on the right. Text that would run
    past the page is cut with a pointer to the Markdown download, so it stays one page. The
    shortlist's outcome pictures (out of 100 people), if any, follow on a page of their own."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(12, 12, 12)
    pdf.add_page()
    page_bottom = pdf.h - 14
    text_width = 112 if ladder_png else pdf.w - 24

    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(text_width, 7, _latin1(_title(summary)), **NEXT_LINE)
    pdf.set_font("Helvetica", "I", 8.5)
    disclaimer = _(DISCLAIMER_TEXT) + " " + _("Bring it to talk through with your doctor.")
    pdf.multi_cell(text_width, 4.5, _latin1(disclaimer), **NEXT_LINE)
    if summary.clinic:
        pdf.set_font("Helvetica", "", 8.5)
        pdf.multi_cell(text_width, 4.2, _latin1(" - ".join(f"{label}: {text}" for label, text in summary.clinic)), **NEXT_LINE)
    cut = False

    def block(heading: str, lines: list[str], style: str = "") -> None:
        nonlocal cut
        if cut:
            return
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 10.5)
        pdf.multi_cell(text_width, 5.5, _latin1(heading), **NEXT_LINE)
        pdf.set_font("Helvetica", style, 8.5)
        for line in lines:
            if pdf.get_y() > page_bottom - 10:
                pdf.set_font("Helvetica", "I", 8)
                pdf.multi_cell(text_width, 4.2, _latin1(_("(More in the Markdown download.)")), **NEXT_LINE)
                cut = True
                return
            pdf.multi_cell(text_width, 4.2, _latin1(line), **NEXT_LINE)

    if summary.warnings:
        block(_("Warning signs: get checked first"), [f"- {w}" for w in summary.warnings], "B")
    block(_("My situation"), [summary.situation])
    block(
        _("My shortlist"),
        [f"- {i.name}: {_(i.fit)}. {i.reason}" for i in summary.shortlist] or ["- " + _("No treatments shortlisted yet.")],
    )
    block(
        _("Where I stand"),
        [f"{label}: {text}" for label, text in summary.stand] + [f"- {q} {a}" for q, a in summary.sure],
    )
    if summary.notes.strip():
        block(_("My notes"), [summary.notes.strip()[:800]])
    block(_("Questions to ask"), [f"{n}. {q}" for n, q in enumerate(summary.questions, start=1)])

    if ladder_png:
        x = 12 + text_width + 4
        width = pdf.w - 12 - x
        pdf.set_xy(x, 12)
        pdf.set_font("Helvetica", "B", 10.5)
        pdf.multi_cell(width, 5.5, _latin1(_("The escalation ladder")), new_x="LEFT", new_y="NEXT")
        pdf.set_font("Helvetica", "", 7.5)
        caption = _("Self-care (step 1) to surgery (step 5). Large filled marks fit you now; grey options are advised against.")
        pdf.multi_cell(width, 3.6, _latin1(caption), new_x="LEFT", new_y="NEXT")
        image_top = pdf.get_y() + 1
        pdf.image(io.BytesIO(ladder_png), x=x, y=image_top, w=width, h=0, keep_aspect_ratio=True)
    day = summary.day.isoformat()
    if summary.clinic:
        # The clinic's name comes first in its contact lines (Clinic.contact_lines), whatever the label's language.
        made = _("Made {day} with the back pain treatment-options explorer from {clinic}.").format(
            day=day, clinic=summary.clinic[0][1]
        )
    else:
        made = _("Made {day} with the back pain treatment-options explorer.").format(day=day)
    footer = _(DISCLAIMER_TEXT) + " " + made

    def foot() -> None:
        pdf.set_xy(12, pdf.h - 11)
        pdf.set_font("Helvetica", "I", 7.5)
        pdf.cell(0, 4, _latin1(footer))

    foot()
    if arrays:
        _arrays_page(pdf, arrays, page_bottom, foot)
    return bytes(pdf.output())


@dataclass(frozen=True)
class OutcomePicture:
    """One outcome for the PDF: whose it is, its icon arrays (None for a figure without a count out of
    100, or an option without figures), and the same in words."""

    name: str
    png: bytes | None
    words: str


def outcome_pictures(
    chosen: Sequence[str], names: Mapping[str, str], figures: Mapping[str, Sequence[Outcome]], png: Callable[[Outcome], bytes]
) -> list[OutcomePicture]:
    """The PDF's outcome page for the shortlist, in the order chosen: each figure (drawn by `png` where it
    has counts) with its words, what kind of figure an option lacks, or plainly that it has none."""
    pictures = []
    for treatment_id in chosen:
        name, found = names[treatment_id], tuple(figures.get(treatment_id, ()))
        if not found:
            pictures.append(OutcomePicture(name, None, _(NO_NUMBERS)))
        pictures += [OutcomePicture(name, png(o) if o.drawn else None, outcome_sentence(o, name)) for o in found]
        pictures += [OutcomePicture(name, None, _(MISSING[kind])) for kind in missing_kinds(found)]
    return pictures


def _arrays_page(pdf: FPDF, arrays: Sequence[OutcomePicture], page_bottom: float, foot: Callable[[], None]) -> None:
    from PIL import Image

    def new_page(heading: str) -> None:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(0, 6.5, _latin1(heading), **NEXT_LINE)
        pdf.set_font("Helvetica", "", 8.5)
        pdf.multi_cell(0, 4.2, _latin1(_(ARRAYS_NOTE)), **NEXT_LINE)

    new_page(_(ARRAYS_HEADING))
    last = None
    for picture in arrays:
        width = height = 0.0
        if picture.png is not None:
            with Image.open(io.BytesIO(picture.png)) as image:
                width_px, height_px = image.size
            width = min(pdf.w - 24, width_px * 0.11)  # the PNG is drawn at twice its size: 0.11 mm a pixel keeps it legible
            height = width * height_px / width_px
        if pdf.get_y() + height + 16 > page_bottom:
            foot()
            new_page(_(ARRAYS_HEADING_CONTINUED))
            last = None
        if picture.name != last:
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 10.5)
            pdf.multi_cell(0, 5.5, _latin1(picture.name), **NEXT_LINE)
            last = picture.name
        if picture.png is not None:
            pdf.image(io.BytesIO(picture.png), x=12, y=pdf.get_y(), w=width, h=height)
            pdf.set_y(pdf.get_y() + height + 1)
        pdf.set_font("Helvetica", "", 8)
        pdf.multi_cell(0, 4, _latin1(picture.words), **NEXT_LINE)
        pdf.ln(1)
    foot()
