"""The escalation ladder: where each treatment sits, where this person stands, and the
Altair charts that show it. Pure: DataFrames in, DataFrames and alt.Charts out."""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.data import split_list
from components.i18n import N_, _, ngettext
from components.presentation import CHART_TEXT
from components.situation import Situation
from components.vocabulary import (
    ADVISED_AGAINST_COLOUR,
    CATEGORIES,
    CATEGORY_COLOURS,
    CATEGORY_SHAPES,
    DURATION_WEEKS,
    DURATIONS,
    INVASIVENESS,
)

# Options not typical for the person, on the timing chart: the ladder's grey for "advised against".
NOT_TYPICAL_COLOUR = ADVISED_AGAINST_COLOUR

# The constants hold the English (N_); each chart's words are translated where it is built (_).
# Column headings of the ladder chart; words go on separate lines in the axis. Each label starts
# with its step number and a space (ladder_text reads the name after it).
STEP_LABELS: dict[int, str] = {
    1: N_("1 Self-care"),
    2: N_("2 Guided care"),
    3: N_("3 Specialist"),
    4: N_("4 Surgery"),
    5: N_("5 Last resort"),
}
ADVISED_AGAINST = N_("✖ Advised against")
# Keyed by the fit the code computes with (English, vocabulary.FITS); the charts draw it translated.
FIT_SIZES = {"fits now": 260, "later step": 120, "not typical": 50}
FIT_FILL = {"fits now": 1.0, "later step": 0.35, "not typical": 0.0}
# Weeks shown on the timing chart; long-lasting pain runs past a year.
TIMELINE_END = 60
# The "you" mark sits in the middle of the person's duration band, inside the chart's end.
HERE_WEEKS = {d: min((start + end) // 2, TIMELINE_END - 4) for d, (start, end) in DURATION_WEEKS.items()}
SELECTION = "category"
STRIP_LINE = 14  # px per line of a tile's count ("7 of 9", "fit now")


# A step name longer than any English one ("2 Atención guiada") goes on two lines, split at its last
# space, so that on a phone every step keeps its name (Vega hides labels that would overlap).
STRIP_LABEL_WRAP = (
    "length(datum.label) > 14 ? [slice(datum.label, 0, lastindexof(datum.label, ' ')), "
    "slice(datum.label, lastindexof(datum.label, ' ') + 1)] : datum.label"
)


def strip_count(fits: int, options: int) -> str:
    """A tile's count, on as many lines as the language needs ("7 of 9 / fit now")."""
    return ngettext("{fits} of {options}\nfit now", "{fits} of {options}\nfit now", fits).format(fits=fits, options=options)


def strip_height() -> int:
    """The small ladder's plot height in the run's language: tiles tall enough for the count's lines
    (two in English: 72 px; "encajan ahora" needs three on a phone)."""
    return _tile_bottom() + 26


def _tile_bottom() -> int:
    return 18 + STRIP_LINE * (1 + strip_count(2, 9).count("\n"))


# Each chart is a template that draws a named dataset, plus that dataset: the template depends only on
# a few settings and is built once; only the rows change with the situation (see ladder_view).
LADDER_ROWS, TIMING_ROWS, RECOVERY_ROWS, STRIP_ROWS = "ladder_rows", "timing_rows", "recovery_rows", "strip_rows"
# Rows are listed in the order of the data's `order` column, whatever their labels say.
IN_ROW_ORDER = alt.EncodingSortField(field="order", op="min")


def current_step(situation: Situation) -> int:
    """The rung this person has reached, from how long the pain has lasted and what they tried.

    A new episode with nothing beyond self-care is step 1; pain past 4 weeks, or first-line
    care tried, is step 2; conservative care (physical therapy and medicines) tried for pain
    past 4 weeks is step 3; injections tried is step 4; surgery tried is step 5.
    """
    tried = set(situation.tried)
    step = 1
    if situation.past_four_weeks or tried & {"physical_therapy", "medications", "chiropractic"}:
        step = 2
    if situation.past_four_weeks and {"physical_therapy", "medications"} <= tried:
        step = 3
    if "injections" in tried:
        step = max(step, 4)
    if "surgery" in tried:
        step = 5
    return step


def step_columns() -> list[str]:
    """The ladder's columns as people read them: steps 1-5, then the advised-against lane."""
    return [*(_(label) for label in STEP_LABELS.values()), _(ADVISED_AGAINST)]


def ladder_data(fitted: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """One row per treatment with only what the charts draw, in ladder order; its words in the run's
    language, except `fit`: the English value the code computes with (each chart's rows translate it)."""
    labels = dict(zip(categories["id"], categories["label"], strict=True))
    steps = {step: _(label) for step, label in STEP_LABELS.items()}
    advised_against = fitted["overall_stance"] == "not_recommended"
    end = fitted["durations"].map(lambda cell: max(DURATION_WEEKS[d][1] for d in split_list(cell)))
    data = pd.DataFrame(
        {
            "id": fitted["id"],
            "treatment": fitted["short_name"],
            "label": fitted["short_name"].where(fitted["fit"] != "fits now", "✔ " + fitted["short_name"]),
            "category_id": fitted["category"],
            "category": fitted["category"].map(labels),
            "step": fitted["ladder_step"],
            "column": fitted["ladder_step"].map(steps).where(~advised_against, _(ADVISED_AGAINST)),
            "advised_against": advised_against,
            "fit": fitted["fit"],
            "reason": fitted["reason"],
            "typical_use": fitted["typical_use"],
            "risks": fitted["risks"],
            "stances": fitted["guideline_stances"],
            "invasiveness": fitted["invasiveness"],
            "invasiveness_label": fitted["invasiveness"].map(lambda level: _(INVASIVENESS[level])),
            "recovery_weeks": fitted["recovery_weeks"],
            "recovery": fitted["recovery"],
            "onset_weeks": fitted["onset_weeks"],
            "end_weeks": end.where(end < 52, TIMELINE_END),
        }
    )
    category_order = {c: i for i, c in enumerate(CATEGORIES)}
    data["category_rank"] = data["category_id"].map(category_order)
    data = data.sort_values(["advised_against", "step", "category_rank", "treatment"]).reset_index(drop=True)
    return data.assign(order=range(len(data)))


def _category_colour(categories: pd.DataFrame, present: bool = False) -> alt.Color:
    """Colour by category, with the legend under the plot (a phone is narrow) or, on a shared screen (wide
    and short), beside it. Whole names: Vega would cut them at 160 px."""
    labels = [dict(zip(categories["id"], categories["label"], strict=True))[c] for c in CATEGORIES]
    return (
        alt.Color("category:N")
        .scale(domain=labels, range=[CATEGORY_COLOURS[c] for c in CATEGORIES])
        .legend(title=_(LEGEND_TITLE), orient="right" if present else "bottom", columns=1, labelLimit=420, titleLimit=420)
    )


def _category_shape(categories: pd.DataFrame) -> alt.Shape:
    labels = [dict(zip(categories["id"], categories["label"], strict=True))[c] for c in CATEGORIES]
    # Same title as the colour legend, so Vega draws one legend whose symbols carry both cues.
    return alt.Shape("category:N").scale(domain=labels, range=[CATEGORY_SHAPES[c] for c in CATEGORIES]).title(_(LEGEND_TITLE))


AXIS_TEXT = "#1f2937"
LEGEND_TITLE = N_("Category (click to highlight)")
# Rows have a fixed height (a step per treatment); only the width follows the page.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def readable(chart: alt.TopLevelMixin, present: bool = False) -> alt.TopLevelMixin:
    """Dark axis and legend text (the default grey is too faint on a shared screen), larger when presenting."""
    size = CHART_TEXT[present]
    return chart.configure_axis(
        labelColor=AXIS_TEXT, titleColor=AXIS_TEXT, labelFontSize=size["label"], titleFontSize=size["title"]
    ).configure_legend(
        labelColor=AXIS_TEXT,
        titleColor=AXIS_TEXT,
        labelFontSize=size["label"],
        titleFontSize=size["title"],
    )


def category_selection(highlight: str | None) -> alt.Parameter:
    """Click a legend entry or a mark to highlight one category; the page carries the choice
    to the other charts, so it starts from `highlight`."""
    value = [{"category": highlight}] if highlight else alt.Undefined
    return alt.selection_point(name=SELECTION, fields=["category"], bind="legend", value=value)


# What each chart's rows carry: only the fields it draws or shows in its tooltip.
TOOLTIP_FIELDS: tuple[str, ...] = ("treatment", "category", "fit", "reason", "typical_use", "risks", "stances")
LADDER_FIELDS: tuple[str, ...] = ("order", "label", "column", "advised_against", *TOOLTIP_FIELDS)
TIMING_FIELDS: tuple[str, ...] = ("order", "label", "onset_weeks", "end_weeks", *TOOLTIP_FIELDS)
RECOVERY_FIELDS: tuple[str, ...] = ("x", "y", "advised_against", "recovery", *TOOLTIP_FIELDS)


def highlighted(spec: dict, highlight: str | None) -> dict:
    """A chart spec built without a highlight, starting with `highlight` selected instead: the same
    as building it with category_selection(highlight), without rebuilding the chart in Altair."""
    if highlight is None:
        return spec
    chosen = [{"category": highlight}]
    params = [{**p, "value": chosen} if p.get("name") == SELECTION else p for p in spec.get("params", [])]
    return {**spec, "params": params}


def tooltip() -> list[alt.Tooltip]:
    """What hovering or tapping a treatment's mark shows, in the run's language."""
    return [
        alt.Tooltip("treatment:N", title=_("Treatment")),
        alt.Tooltip("category:N", title=_("Category")),
        alt.Tooltip("fit:N", title=_("Fit for you")),
        alt.Tooltip("reason:N", title=_("Why")),
        alt.Tooltip("typical_use:N", title=_("Typical use")),
        alt.Tooltip("risks:N", title=_("Main risks")),
        alt.Tooltip("stances:N", title=_("Guidelines")),
    ]


def vega_string(text: str) -> str:
    """A text as a string literal inside a Vega expression (a translation may hold a quote)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def vega_list(texts: list[str] | tuple[str, ...]) -> str:
    """Texts as an array inside a Vega expression: ['a', 'b']."""
    return "[" + ", ".join(vega_string(text) for text in texts) + "]"


def shown_fits() -> list[str]:
    """The fits as the charts show them, in the order of FIT_SIZES."""
    return [_(fit) for fit in FIT_SIZES]


def _fit_shown(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows with their fit in the run's language: a chart's rows are what people read."""
    return rows.assign(fit=rows["fit"].map(dict(zip(FIT_SIZES, shown_fits(), strict=True))))


def presented_rows(data: pd.DataFrame) -> pd.DataFrame:
    """The options a consultation is about: those that fit now or come later (all of them when none do)."""
    typical = data[data["fit"] != "not typical"]
    return typical if len(typical) else data


def ladder_rows(data: pd.DataFrame) -> pd.DataFrame:
    """The ladder chart's rows: every treatment, in ladder order."""
    return _fit_shown(data[list(LADDER_FIELDS)])


def ladder_template(
    categories: pd.DataFrame, here: int, emergency: bool, highlight: str | None = None, present: bool = False
) -> alt.LayerChart:
    """The ladder chart without its rows: it draws the named dataset LADDER_ROWS (ladder_data's
    rows), so one template serves every situation with the same step, emergency, highlight and mode."""
    selection = category_selection(highlight)
    columns = step_columns()
    x = (
        alt.X("column:N")
        .scale(domain=columns)
        .axis(
            # Angled labels stay apart even when six columns share a phone's width.
            title=None,
            orient="bottom",
            labelAngle=-35,
            labelAlign="right",
            labelFontWeight="bold",
            labelOverlap=False,
            labelLimit=260,
        )
    )
    y = alt.Y("label:N").sort(IN_ROW_ORDER).axis(title=None, labelLimit=340 if present else 160, labelOverlap=False)
    faded = 0.25 if emergency else 1.0
    points = (
        alt.Chart()
        .mark_point(filled=True, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=alt.when(alt.datum.advised_against)
            .then(alt.value(ADVISED_AGAINST_COLOUR))
            .otherwise(_category_colour(categories, present)),
            stroke=alt.when(alt.datum.advised_against)
            .then(alt.value(ADVISED_AGAINST_COLOUR))
            .otherwise(_category_colour(categories, present)),
            shape=_category_shape(categories),
            size=alt.Size("fit:O").sort(shown_fits()).scale(domain=shown_fits(), range=list(FIT_SIZES.values())).legend(None),
            fillOpacity=alt.FillOpacity("fit:O")
            .sort(shown_fits())
            .scale(domain=shown_fits(), range=[FIT_FILL[fit] for fit in FIT_SIZES])
            .legend(None),
            opacity=alt.when(selection).then(alt.value(faded)).otherwise(alt.value(0.15)),
            tooltip=tooltip(),
        )
        .add_params(selection)
    )
    lane = alt.Chart().transform_filter(alt.datum.advised_against).mark_rect(color="#F3F4F6", aria=False).encode(x=x, y=y)
    layers: list[alt.Chart] = [lane, points]
    title: dict[str, alt.Title] = {}
    if emergency:
        # A title, not a text mark: it says the ladder is bypassed without squeezing the plot on a phone.
        title["title"] = alt.Title(
            [_("🚨 Emergency: get care now."), _("The ladder does not apply.")], fontSize=15, color="#111827", anchor="start"
        )
    else:
        marker = pd.DataFrame({"column": [_(STEP_LABELS[here])], "text": [_("▼ You are here")]})
        marker_base = alt.Chart(marker).encode(x=alt.X("column:N").scale(domain=columns))
        layers += [
            marker_base.mark_rule(strokeDash=[6, 4], strokeWidth=2, color="#111827"),
            marker_base.mark_text(fontSize=CHART_TEXT[present]["title"], fontWeight="bold", color="#111827").encode(
                y=alt.value(-12), text="text:N"
            ),
        ]
    step = CHART_TEXT[present]["row"]
    chart = alt.layer(*layers, data=alt.NamedData(LADDER_ROWS))
    return readable(chart.properties(height=alt.Step(step), width="container", autosize=FIT_WIDTH, **title), present)


def ladder_chart(
    data: pd.DataFrame, categories: pd.DataFrame, here: int, emergency: bool, highlight: str | None = None, present: bool = False
) -> alt.LayerChart:
    """Steps 1-5 left to right, every treatment on its step; advised-against options in a grey lane."""
    return ladder_template(categories, here, emergency, highlight, present).properties(data=ladder_rows(data))


def timing_rows(data: pd.DataFrame) -> pd.DataFrame:
    """The timing chart's rows: options on the ladder, earliest first."""
    on_ladder = data[~data["advised_against"]].sort_values(["onset_weeks", "step", "treatment"])
    return _fit_shown(on_ladder.assign(order=range(len(on_ladder)))[list(TIMING_FIELDS)].reset_index(drop=True))


def timing_template(
    categories: pd.DataFrame, duration: str | None, highlight: str | None = None, present: bool = False
) -> alt.LayerChart:
    """The timing chart without its rows: it draws the named dataset TIMING_ROWS (timing_rows)."""
    selection = category_selection(highlight)
    x_scale = alt.Scale(domain=[0, TIMELINE_END], nice=False)
    year_plus = vega_string(_("1 year+"))  # outside the f-string: Babel does not look inside one
    axis = alt.Axis(
        values=[0, 4, 12, 26, 52],
        title=_("Weeks since the pain began"),
        labelExpr=f"datum.value == 52 ? {year_plus} : datum.value",
    )
    base = alt.Chart().encode(
        y=alt.Y("label:N").sort(IN_ROW_ORDER).axis(title=None, labelLimit=340 if present else 160, labelOverlap=False)
    )
    opacity = alt.when(selection).then(alt.value(1.0)).otherwise(alt.value(0.15))
    # Options that are not typical for the person are grey, as on the ladder, so they do not look
    # available (ux walkthrough M5: epidurals and surgery drawn from week 0 for new back pain).
    not_typical = alt.datum.fit == _("not typical")
    colour = alt.when(not_typical).then(alt.value(NOT_TYPICAL_COLOUR)).otherwise(_category_colour(categories, present))
    bars = base.mark_bar(height=10, cornerRadius=3).encode(
        x=alt.X("onset_weeks:Q").scale(x_scale).axis(axis),
        x2="end_weeks:Q",
        color=colour,
        opacity=opacity,
        tooltip=tooltip(),
    )
    starts = (
        base.mark_point(filled=True, size=90, stroke="#111827", strokeWidth=1)
        .encode(
            x=alt.X("onset_weeks:Q").scale(x_scale),
            shape=_category_shape(categories),
            color=colour,
            opacity=opacity,
            tooltip=tooltip(),
        )
        .add_params(selection)
    )
    layers: list[alt.Chart] = []
    if duration:
        start, end = DURATION_WEEKS[duration]
        you = pd.DataFrame(
            {
                "start": [start],
                "end": [min(end, TIMELINE_END)],
                "here": [HERE_WEEKS[duration]],
                "text": [_("You: {duration}").format(duration=_(DURATIONS[duration]).lower())],
            }
        )
        you_base = alt.Chart(you)
        # The label ends at the mark and runs back over the names column, which is empty at that height,
        # so a phone (or a longer language) does not cut it off at the right; near the start it runs on.
        here = HERE_WEEKS[duration] / TIMELINE_END
        align = "left" if here < 0.15 else "right"  # right: the text runs back over the names column
        layers += [
            you_base.mark_rect(color="#E5E7EB").encode(x=alt.X("start:Q").scale(x_scale), x2="end:Q"),
            you_base.mark_rule(strokeDash=[6, 4], strokeWidth=2, color="#111827").encode(x=alt.X("here:Q").scale(x_scale)),
            you_base.mark_text(fontSize=CHART_TEXT[present]["title"], fontWeight="bold", color="#111827", align=align).encode(
                x=alt.X("here:Q").scale(x_scale), y=alt.value(-12), text="text:N"
            ),
        ]
    step = CHART_TEXT[present]["row"]
    chart = alt.layer(*layers, bars, starts, data=alt.NamedData(TIMING_ROWS))
    return readable(chart.properties(height=alt.Step(step), width="container", autosize=FIT_WIDTH), present)


def timing_chart(
    data: pd.DataFrame, categories: pd.DataFrame, duration: str | None, highlight: str | None = None, present: bool = False
) -> alt.LayerChart:
    """When each option on the ladder is usually considered, in weeks since the pain began."""
    return timing_template(categories, duration, highlight, present).properties(data=timing_rows(data))


# The recovery bands, in order (the values recovery_bucket returns, never shown as they are) ...
RECOVERY_BUCKETS: tuple[str, ...] = ("None", "A day or two", "Up to 6 weeks", "3 months or more", "No reliable figure")
# ... and as the recovery chart's axis shows them: two short lines each keep the axis readable on a phone.
RECOVERY_LINES: tuple[str, ...] = (
    N_("None"),
    N_("A day\nor two"),
    N_("Up to\n6 weeks"),
    N_("3 months\nor more"),
    N_("No reliable\nfigure"),
)
# The levels of invasiveness as the recovery chart's axis names them (shorter than INVASIVENESS).
INVASIVENESS_AXIS: dict[int, str] = {
    1: N_("1 no needles or drugs"),
    2: N_("2 drugs, needles, hands-on"),
    3: N_("3 spine injection"),
    4: N_("4 surgery or implant"),
    5: N_("5 major surgery"),
}
SLOTS_PER_ROW = 5


def recovery_bucket(weeks: float | None) -> str:
    """Recovery in words: figures are approximate, so the chart shows bands, not false precision."""
    if weeks is None or pd.isna(weeks):
        return RECOVERY_BUCKETS[4]
    if weeks == 0:
        return RECOVERY_BUCKETS[0]
    if weeks <= 0.5:
        return RECOVERY_BUCKETS[1]
    return RECOVERY_BUCKETS[2] if weeks <= 6 else RECOVERY_BUCKETS[3]


def recovery_rows(data: pd.DataFrame) -> pd.DataFrame:
    """The recovery chart's rows: each treatment packed in a small grid inside its cell
    (invasiveness by recovery band), so that options sharing a cell stay visible."""
    cells = data.assign(recovery_band=data["recovery_weeks"].map(recovery_bucket))
    cell = cells.groupby(["invasiveness", "recovery_band"])
    slot = cell.cumcount()
    grid_rows = (cell["id"].transform("size") - 1) // SLOTS_PER_ROW + 1
    return _fit_shown(
        cells.assign(
            x=cells["recovery_band"].map(RECOVERY_BUCKETS.index) + (slot % SLOTS_PER_ROW - (SLOTS_PER_ROW - 1) / 2) * 0.16,
            y=cells["invasiveness"] + ((grid_rows - 1) / 2 - slot // SLOTS_PER_ROW) * 0.25,
        )[list(RECOVERY_FIELDS)]
    )


def recovery_template(categories: pd.DataFrame, highlight: str | None = None, present: bool = False) -> alt.Chart:
    """The recovery chart without its rows: it draws the named dataset RECOVERY_ROWS (recovery_rows)."""
    selection = category_selection(highlight)
    bucket_lines = "[" + ", ".join(vega_list(_(lines).split("\n")) for lines in RECOVERY_LINES) + "]"
    level_names = vega_list(["", *(_(name) for name in INVASIVENESS_AXIS.values())])
    return readable(
        alt.Chart(alt.NamedData(RECOVERY_ROWS))
        .mark_point(filled=True, size=140, stroke="#111827", strokeWidth=0.6)
        .encode(
            x=alt.X("x:Q")
            .scale(domain=[-0.5, len(RECOVERY_BUCKETS) - 0.5], nice=False, zero=False)
            .axis(
                values=list(range(len(RECOVERY_BUCKETS))),
                labelExpr=f"{bucket_lines}[datum.value]",
                grid=False,
                title=_("Typical recovery time"),
            ),
            y=alt.Y("y:Q")
            .scale(domain=[0.4, 5.6], nice=False, zero=False)
            .axis(
                values=list(INVASIVENESS),
                labelExpr=f"{level_names}[datum.value]",
                title=_("How invasive"),
                labelLimit=340 if present else 200,
            ),
            color=alt.when(alt.datum.advised_against)
            .then(alt.value(ADVISED_AGAINST_COLOUR))
            .otherwise(_category_colour(categories, present)),
            shape=_category_shape(categories),
            opacity=alt.when(selection).then(alt.value(1.0)).otherwise(alt.value(0.15)),
            tooltip=[*tooltip(), alt.Tooltip("recovery:N", title=_("Recovery"))],
        )
        .add_params(selection)
        .properties(height=360, width="container"),
        present,
    )


def recovery_chart(
    data: pd.DataFrame, categories: pd.DataFrame, highlight: str | None = None, present: bool = False
) -> alt.Chart:
    """Invasiveness against typical recovery time: one mark per treatment."""
    return recovery_template(categories, highlight, present).properties(data=recovery_rows(data))


def _columns(data: pd.DataFrame, *names: str) -> list[tuple]:
    """Rows as plain tuples of the named columns: the text versions loop over 40 rows in Python,
    which is far quicker than filtering and iterating DataFrames group by group."""
    return list(zip(*(data[name].tolist() for name in names), strict=True))


def ladder_text(data: pd.DataFrame, here: int, emergency: bool) -> str:
    """The ladder chart as a list a screen reader (or anyone) can read."""
    lines = []
    if emergency:
        lines.append(
            _("- **Emergency:** a warning sign you ticked means going straight to emergency care; the ladder does not apply.")
        )
    else:
        name = _(STEP_LABELS[here]).split(" ", 1)[-1].lower()
        lines.append(_("- **You are here:** step {step} ({name}).").format(step=here, name=name))
    rows = _columns(data, "treatment", "fit", "step", "advised_against")
    groups = [(_(STEP_LABELS[s]), [r for r in rows if r[2] == s and not r[3]]) for s in STEP_LABELS]
    groups.append((_(ADVISED_AGAINST), [r for r in rows if r[3]]))
    for heading, members in groups:
        items = ", ".join(f"{treatment} ({_(fit)})" for treatment, fit, _step, _against in members) or _("none")
        lines.append(f"- **{heading}:** {items}.")
    return "\n".join(lines)


def timing_text(data: pd.DataFrame, duration: str | None) -> str:
    """The timing chart as a list: which options are usually considered from which week."""
    lines = [
        _("- **You:** {duration}.").format(duration=_(DURATIONS[duration]).lower())
        if duration
        else _("- **You:** you have not said how long yet.")
    ]
    rows = sorted(
        (onset, treatment, end)
        for onset, treatment, end, against in _columns(data, "onset_weeks", "treatment", "end_weeks", "advised_against")
        if not against
    )
    for onset in sorted({row[0] for row in rows}):
        until = ", ".join(
            _("{treatment} (until a year and beyond)").format(treatment=treatment)
            if end >= 52
            else _("{treatment} (until week {week})").format(treatment=treatment, week=end)
            for start, treatment, end in rows
            if start == onset
        )
        lines.append(_("- **From week {week}:** {options}.").format(week=onset, options=until))
    return "\n".join(lines)


def recovery_text(data: pd.DataFrame) -> str:
    """The recovery chart as a list by invasiveness, naming options with no reliable figure."""
    lines = []
    rows = _columns(data, "treatment", "invasiveness", "recovery_weeks")
    for level, label in INVASIVENESS.items():
        items = [
            _("{treatment} ({weeks} weeks)").format(treatment=treatment, weeks=f"{weeks:g}")
            for treatment, at, weeks in rows
            if at == level and not pd.isna(weeks)
        ]
        if items:
            lines.append(_("- **Invasiveness {level}:** {options}.").format(level=_(label), options=", ".join(items)))
    unknown = [treatment for treatment, _level, weeks in rows if pd.isna(weeks)]
    if unknown:
        lines.append(_("- **No reliable recovery figure:** {options}.").format(options=", ".join(unknown)))
    return "\n".join(lines)


def strip_rows(data: pd.DataFrame, here: int) -> pd.DataFrame:
    """The small ladder's rows: per step, how many options there are and how many fit now."""
    on_ladder = [(step, fit) for step, fit, against in _columns(data, "step", "fit", "advised_against") if not against]
    steps = sorted({step for step, _fit in on_ladder})
    options = [sum(1 for step, _fit in on_ladder if step == s) for s in steps]
    fits = [sum(1 for step, fit in on_ladder if step == s and fit == "fits now") for s in steps]
    return pd.DataFrame(
        {
            "step": steps,
            "options": options,
            "fits": fits,
            "column": [_(STEP_LABELS[s]) for s in steps],
            "text": [strip_count(f, o) for f, o in zip(fits, options, strict=True)],
            "here": [s == here for s in steps],
        }
    )


def here_meaning(rows: pd.DataFrame, here: int) -> str:
    """What "You are here" means, under the small ladder: how far along the usual path the person is, not
    a recommendation, and where the options that fit now are (ux walkthrough M4: "here" at step 3 with
    0 of 4 fitting, while the fitting options sat at step 1). `rows`: strip_rows."""
    fitting = [int(step) for step, fits in zip(rows["step"], rows["fits"], strict=True) if fits]
    if not fitting:
        where = _("Nothing fits you now at any step.")
    elif fitting == [here]:
        where = _("The options that fit you now are at this step.")
    else:
        where = _("The options that fit you now are at {steps}.").format(
            steps=", ".join(_(STEP_LABELS[step]) for step in fitting)
        )
    return (
        _(
            "▲ *You are here* shows how far along the usual path of care you are, from how long you have had the pain "
            "and what you have tried. It is not a recommendation."
        )
        + " "
        + where
    )


def strip_template(emergency: bool, present: bool = False) -> alt.LayerChart:
    """The small ladder without its rows: it draws the named dataset STRIP_ROWS (strip_rows)."""
    columns = [_(label) for label in STEP_LABELS.values()]
    x = (
        alt.X("column:N")
        .scale(domain=columns, paddingInner=0.08)
        .axis(title=None, orient="top", labelAngle=0, labelFontWeight="bold", labelExpr=STRIP_LABEL_WRAP, labelLimit=400)
    )
    base = alt.Chart().encode(x=x)
    tiles = base.mark_bar(cornerRadius=4, stroke="#111827").encode(
        y=alt.value(6),
        y2=alt.value(_tile_bottom()),
        color=alt.when(alt.datum.here).then(alt.value("#DBEAFE")).otherwise(alt.value("#F3F4F6")),
        strokeWidth=alt.value(0) if emergency else alt.when(alt.datum.here).then(alt.value(2.5)).otherwise(alt.value(0)),
        tooltip=[alt.Tooltip("column:N", title=_("Step")), alt.Tooltip("text:N", title=_("Options"))],
    )
    text = base.mark_text(fontSize=CHART_TEXT[present]["label"], color="#111827", lineBreak="\n").encode(
        y=alt.value(20), text="text:N"
    )
    you = (
        base.transform_filter(alt.datum.here)
        .mark_text(fontSize=CHART_TEXT[present]["title"], fontWeight="bold", color="#111827")
        .encode(
            y=alt.value(_tile_bottom() + 16),
            text=alt.value(_("🚨 Emergency: skip the ladder") if emergency else _("▲ You are here")),
        )
    )
    chart = alt.layer(tiles, text, you, data=alt.NamedData(STRIP_ROWS))
    return readable(chart.properties(height=strip_height(), width="container", autosize=FIT_WIDTH), present)


def ladder_strip(data: pd.DataFrame, here: int, emergency: bool, present: bool = False) -> alt.LayerChart:
    """A small ladder for the top of Explore: how many options fit now at each step, and you."""
    return strip_template(emergency, present).properties(data=strip_rows(data, here))
