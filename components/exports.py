"""The visit summary and its three downloads: Markdown, CSV and a one-page PDF with the ladder.

Pure functions of the summary. The PDF and PNG libraries are imported inside the functions
that need them, so only a click on the PDF download pays for loading them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import altair as alt
import pandas as pd

DISCLAIMER_TEXT = "This is general information, not medical advice and not a diagnosis."
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


def file_name(day: date, extension: str) -> str:
    return f"backpain-visit-{day.isoformat()}.{extension}"


def shortlist_items(shortlist: pd.DataFrame, outcomes: Mapping[str, str] | None = None) -> tuple[ShortlistItem, ...]:
    """Shortlisted rows (with their ids) as summary items; `outcomes` maps id to its outcome text."""
    outcomes = outcomes or {}
    return tuple(
        ShortlistItem(r["name"], r["fit"], r["reason"], r["guideline_stances"], outcomes.get(r["id"], ""))
        for r in shortlist.to_dict("records")
    )


def visit_markdown(summary: VisitSummary) -> str:
    lines = [f"# Back pain: notes for my visit ({summary.day.isoformat()})", "", f"*{DISCLAIMER_TEXT}*", ""]
    if summary.warnings:
        lines += ["## Warning signs", "", *[f"- **{w}**" for w in summary.warnings], ""]
    lines += ["## My situation", "", summary.situation, "", "## My shortlist", ""]
    if summary.shortlist:
        for item in summary.shortlist:
            lines += [f"- **{item.name}**: {item.fit}. {item.reason}", f"  - Guidelines: {item.guidelines}"]
            if item.outcomes:
                lines.append(f"  - In numbers: {item.outcomes}")
    else:
        lines.append("- No treatments shortlisted yet.")
    lines += ["", "## Questions to ask", "", *[f"{i}. {q}" for i, q in enumerate(summary.questions, start=1)], ""]
    if summary.notes.strip():
        lines += ["## My notes", "", summary.notes.strip(), ""]
    if summary.sources:
        lines += ["## Sources", "", *[f"- {s}" for s in summary.sources], ""]
    return "\n".join(lines)


def visit_csv(summary: VisitSummary) -> str:
    """One row per fact, so the file opens cleanly in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "item", "detail"])
    writer.writerow(["date", summary.day.isoformat(), DISCLAIMER_TEXT])
    for warning in summary.warnings:
        writer.writerow(["warning sign", warning, ""])
    writer.writerow(["situation", summary.situation, ""])
    for item in summary.shortlist:
        writer.writerow(["shortlist", item.name, f"{item.fit}. {item.reason} Guidelines: {item.guidelines}"])
        if item.outcomes:
            writer.writerow(["outcomes in numbers", item.name, item.outcomes])
    for number, question in enumerate(summary.questions, start=1):
        writer.writerow(["question", str(number), question])
    if summary.notes.strip():
        writer.writerow(["notes", summary.notes.strip(), ""])
    return out.getvalue()


def chart_png(chart: alt.TopLevelMixin, width: int = 420, scale: float = 2.0) -> bytes:
    """Render an Altair chart to PNG offline (vl-convert bundles Vega; no network)."""
    import vl_convert

    return vl_convert.vegalite_to_png(vl_spec=chart.properties(width=width).to_dict(), scale=scale)


# The PDF uses the built-in Helvetica font (Latin-1 only): map the few symbols we use.
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


def visit_pdf(summary: VisitSummary, ladder_png: bytes | None) -> bytes:
    """An A4 page: the summary on the left, the ladder chart on the right. Text that would run
    past the page is cut with a pointer to the Markdown download, so it stays one page."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(12, 12, 12)
    pdf.add_page()
    page_bottom = pdf.h - 14
    text_width = 112 if ladder_png else pdf.w - 24

    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(text_width, 7, _latin1(f"Back pain: notes for my visit ({summary.day.isoformat()})"), **NEXT_LINE)
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.multi_cell(text_width, 4.5, _latin1(DISCLAIMER_TEXT + " Bring it to talk through with your doctor."), **NEXT_LINE)
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
                pdf.multi_cell(text_width, 4.2, "(More in the Markdown download.)", **NEXT_LINE)
                cut = True
                return
            pdf.multi_cell(text_width, 4.2, _latin1(line), **NEXT_LINE)

    if summary.warnings:
        block("Warning signs: get checked first", [f"- {w}" for w in summary.warnings], "B")
    block("My situation", [summary.situation])
    block(
        "My shortlist",
        [f"- {i.name}: {i.fit}. {i.reason}" + (f" In numbers: {i.outcomes}" if i.outcomes else "") for i in summary.shortlist]
        or ["- No treatments shortlisted yet."],
    )
    block("Questions to ask", [f"{n}. {q}" for n, q in enumerate(summary.questions, start=1)])
    if summary.notes.strip():
        block("My notes", [summary.notes.strip()[:800]])

    if ladder_png:
        x = 12 + text_width + 4
        width = pdf.w - 12 - x
        pdf.set_xy(x, 12)
        pdf.set_font("Helvetica", "B", 10.5)
        pdf.multi_cell(width, 5.5, "The escalation ladder", new_x="LEFT", new_y="NEXT")
        pdf.set_font("Helvetica", "", 7.5)
        caption = "Self-care (step 1) to surgery (step 5). Large filled marks fit you now; grey options are advised against."
        pdf.multi_cell(width, 3.6, _latin1(caption), new_x="LEFT", new_y="NEXT")
        image_top = pdf.get_y() + 1
        pdf.image(io.BytesIO(ladder_png), x=x, y=image_top, w=width, h=0, keep_aspect_ratio=True)
    pdf.set_xy(12, pdf.h - 11)
    pdf.set_font("Helvetica", "I", 7.5)
    pdf.cell(0, 4, _latin1(f"{DISCLAIMER_TEXT} Made {summary.day.isoformat()} with the back pain treatment-options explorer."))
    return bytes(pdf.output())
