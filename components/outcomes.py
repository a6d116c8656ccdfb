"""Outcomes out of 100 people: the figures in data/outcomes.csv as sentences and as icon arrays. Pure.

Every figure is out of the same 100 people, with its time frame, the group it applies to, the
source and how sure the evidence is (IPDAS; never "1 in X", never a relative risk). Where the
source also counts the people who did not have the treatment (waiting, usual care or a dummy
treatment), both arrays are drawn side by side on the same grid, so the difference is what a
person sees.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from components.i18n import N_, _
from components.vocabulary import CERTAINTY, OUTCOME_KINDS

PEOPLE = 100
PER_ROW = 10
# The English of what is said (N_); show each with _().
NO_NUMBERS = N_("There are no reliable numbers for how many people this helps. Ask your doctor what is known.")
NO_COMPARISON = N_("The source does not count people who did not have it.")
# Said where an option has figures of one kind but not the other, so benefits and harms get equal room.
MISSING = {
    "benefit": N_("No figure out of 100 for how many people it helps."),
    "harm": N_("No figure out of 100 for its side effects or complications."),
}
WHERE_INSTEAD = {"benefit": N_("Possible benefits"), "harm": N_("Possible risks")}  # the Compare row that says it in words


def missing_kinds(found: tuple[Outcome, ...]) -> tuple[str, ...]:
    """For an option with figures: the kinds (benefit, harm) it has no figure of, so the page can say so."""
    kinds = {o.kind for o in found}
    return tuple(kind for kind in MISSING if found and kind not in kinds)


# One mark per person. The people it happened to are a dark figure; the others a small grey dot:
# the shape says it as well as the colour (which is never the only cue).
PERSON = "M-0.32,-0.68 a0.32,0.32 0 1,0 0.64,0 a0.32,0.32 0 1,0 -0.64,0 Z M-0.62,-0.18 L0.62,-0.18 L0.62,1 L-0.62,1 Z"
COLOURS = ("#1f4e79", "#8a96a3")  # the people it happened to, the others
TEXT_COLOUR = "#111827"  # the app's text colour: Streamlit's chart theme would grey the labels
THIS_OPTION = N_("With this option")


@dataclass(frozen=True)
class Outcome:
    """One outcome figure (a row of data/outcomes.csv) with its source's name."""

    treatment_id: str
    outcome: str  # what is counted, said of people: "had at least half of their leg pain relieved"
    kind: str  # "benefit", "harm" or "course" (vocabulary.OUTCOME_KINDS)
    with_treatment: int | None  # out of 100; None when the source gives no such figure
    comparison: str  # what the people without it had: "usual care alone"; "" if not counted
    with_comparison: int | None
    note: str
    group: str
    time_frame: str
    certainty: str
    source: str  # e.g. "NICE TA159 (2008)"

    @property
    def drawn(self) -> bool:
        return self.with_treatment is not None


def _count(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def source_label(short_name: str, year: int) -> str:
    """A source's name with its year, e.g. 'NICE NG59 (2016)'; names that carry the year keep it once."""
    return short_name if str(year) in short_name else f"{short_name} ({year})"


def outcomes_by_treatment(outcomes: pd.DataFrame, sources: pd.DataFrame) -> dict[str, tuple[Outcome, ...]]:
    """Every treatment's figures, in file order (data.Content.figures holds this once per version)."""
    names = dict(
        zip(sources["id"], (source_label(s, y) for s, y in zip(sources["short_name"], sources["year"], strict=True)), strict=True)
    )
    found: dict[str, list[Outcome]] = {}
    for r in outcomes.to_dict("records"):
        found.setdefault(r["treatment_id"], []).append(
            Outcome(
                r["treatment_id"],
                r["outcome"],
                r["kind"],
                _count(r["with_treatment"]),
                r["comparison"],
                _count(r["with_comparison"]),
                r["note"],
                r["group"],
                r["time_frame"],
                r["certainty"],
                names[r["source_id"]],
            )
        )
    return {treatment_id: tuple(figures) for treatment_id, figures in found.items()}


def outcomes_for(treatment_id: str, outcomes: pd.DataFrame, sources: pd.DataFrame) -> tuple[Outcome, ...]:
    """The figures for one treatment, in file order."""
    return outcomes_by_treatment(outcomes, sources).get(treatment_id, ())


def how_sure(certainty: str) -> str:
    """'Low', 'Very low': the first words of the certainty's explanation (its words before the colon)."""
    return _(CERTAINTY[certainty]).split(":")[0].capitalize()


def counts_sentence(outcome: Outcome, name: str) -> str:
    """The figures in words, the same numbers as the arrays: 'X: 48 in 100 people had … Usual care alone: 9 in 100 people had …'"""
    if not outcome.drawn:
        return outcome.note
    counted = _("{group}: {count} in {people} people {outcome}.")
    text = counted.format(group=name, count=outcome.with_treatment, people=PEOPLE, outcome=outcome.outcome)
    if outcome.with_comparison is not None:
        text += " " + counted.format(
            group=outcome.comparison.capitalize(), count=outcome.with_comparison, people=PEOPLE, outcome=outcome.outcome
        )
    if outcome.note:
        text += f" {outcome.note}"
    return text


def outcome_sentence(outcome: Outcome, name: str) -> str:
    """The whole figure in one wording pattern for every option: counts, group, time, source, how sure."""
    return _("{counts} ({group}, {time_frame}). Source: {source}. How sure: {certainty}.").format(
        counts=counts_sentence(outcome, name),
        group=outcome.group,
        time_frame=outcome.time_frame,
        source=outcome.source,
        certainty=how_sure(outcome.certainty).lower(),
    )


def outcome_text(found: Sequence[Outcome], name: str) -> str:
    """Every figure of one treatment in words, or plainly that there are none."""
    return " ".join(outcome_sentence(o, name) for o in found) if found else _(NO_NUMBERS)


def arms(outcome: Outcome) -> list[tuple[str, int]]:
    """Each group drawn, with how many in 100 the outcome happened to: the option first. The option's
    name heads the pictures wherever they are shown, so its grid is called "this option"."""
    drawn = [(_(THIS_OPTION), outcome.with_treatment)]
    if outcome.with_comparison is not None:
        drawn.append((outcome.comparison.capitalize(), outcome.with_comparison))
    return [(label, count) for label, count in drawn if count is not None]


def legend(outcome: Outcome, line: int = 40) -> tuple[str, str]:
    """What a figure and a dot each mean, in the outcome's own words (wrapped to `line` characters)."""
    return "\n".join(textwrap.wrap(outcome.outcome[0].upper() + outcome.outcome[1:], line)), _("Did not")


def icon_data(outcome: Outcome, line: int = 22) -> pd.DataFrame:
    """One row per person per group: 100 people in a 10 x 10 grid, filled row by row from the top left.
    A group's name is wrapped to lines of `line` characters, to fit over its grid."""
    if not outcome.drawn:
        raise ValueError(f"{outcome.treatment_id}: this figure has no count out of {PEOPLE} to draw")
    had_it, did_not = legend(outcome, line)
    rows = []
    for order, (label, count) in enumerate(arms(outcome)):
        title = "\n".join([*textwrap.wrap(label + ":", line), _("{count} in {people}").format(count=count, people=PEOPLE)])
        for person in range(PEOPLE):
            rows.append(
                {
                    "group": title,
                    "order": order,
                    "person": person + 1,
                    "column": person % PER_ROW,
                    "row": person // PER_ROW,
                    "happened": person < count,
                    "status": had_it if person < count else did_not,
                }
            )
    return pd.DataFrame(rows)


def icon_array(outcome: Outcome, *, size: int = 160, text_size: int = 12, stacked: bool = False) -> alt.Chart:
    """The icon arrays for one figure: a 10 x 10 grid per group, the same grid for each, side by side
    (or one above the other, `stacked`, where a column is narrow)."""
    line = max(12, round(size / (0.6 * text_size)))  # characters that fit over a grid
    data = icon_data(outcome, line)
    domain = list(legend(outcome, line))
    cell = size / PER_ROW
    key = alt.Legend(
        title=None,
        orient="bottom",
        direction="vertical",
        labelLimit=0,
        labelFontSize=text_size,
        labelColor=TEXT_COLOUR,
        labelExpr="split(datum.label, '\\n')",
    )
    status = alt.Color("status:N", scale=alt.Scale(domain=domain, range=list(COLOURS)), legend=key)
    shape = alt.Shape("status:N", scale=alt.Scale(domain=domain, range=[PERSON, "circle"]), legend=key)
    area = alt.Size("status:N", scale=alt.Scale(domain=domain, range=[cell * cell * 0.7, cell * cell * 0.3]), legend=None)
    grid = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    header = alt.Header(
        title=None,
        labelFontSize=text_size,
        labelFontWeight="bold",
        labelColor=TEXT_COLOUR,
        labelLimit=0,
        labelAngle=0,
        labelOrient="top",
        labelAlign="left",
        labelAnchor="start",
        labelExpr="split(datum.value, '\\n')",
    )
    groups = {"field": "group", "type": "nominal", "sort": alt.SortField("order"), "header": header}
    width = line if stacked else 2 * line + 4  # characters across the whole figure
    title = textwrap.wrap(
        _("{kind}. Out of {people} people, how many {outcome}").format(
            kind=_(OUTCOME_KINDS[outcome.kind]), people=PEOPLE, outcome=outcome.outcome
        ),
        width,
    )
    chart = (
        alt.Chart(data)
        .mark_point(filled=True, opacity=1)
        .encode(
            x=alt.X("column:O", axis=grid),
            y=alt.Y("row:O", axis=grid),
            color=status,
            shape=shape,
            size=area,
            tooltip=[alt.Tooltip("group:N", title=_("Group")), alt.Tooltip("person:Q", title=_("Person"))],
        )
        .properties(width=size, height=size)
    )
    facet = alt.Row(**groups) if stacked else alt.Column(**groups)
    return (
        chart.facet(**{"row" if stacked else "column": facet}, spacing=20 if stacked else 28)
        .properties(
            title=alt.Title(
                [*title, outcome.time_frame.capitalize()],
                subtitle=textwrap.wrap(
                    _("Who: {group}. Source: {source}. How sure: {certainty}.").format(
                        group=outcome.group, source=outcome.source, certainty=how_sure(outcome.certainty).lower()
                    ),
                    width,
                ),
                fontSize=text_size + 1,
                subtitleFontSize=text_size,
                color=TEXT_COLOUR,
                subtitleColor=TEXT_COLOUR,
                anchor="start",
            )
        )
        .configure_view(stroke=None)
    )
