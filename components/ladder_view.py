"""Drawing the ladder charts in Streamlit: cached specs, a shared category highlight, text alternatives."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from components.frame import Frame, seed, shared_cache
from components.i18n import _, ngettext
from components.ladder import (
    LADDER_ROWS,
    RECOVERY_ROWS,
    SELECTION,
    STRIP_ROWS,
    TIMING_ROWS,
    current_step,
    here_meaning,
    highlighted,
    ladder_data,
    ladder_rows,
    ladder_template,
    ladder_text,
    presented_rows,
    recovery_rows,
    recovery_template,
    recovery_text,
    strip_height,
    strip_rows,
    strip_template,
    timing_rows,
    timing_template,
    timing_text,
)
from components.situation import Situation
from components.vocabulary import CATEGORIES

HIGHLIGHT_KEY = "ladder_highlight"  # a category id: the pills' value, the same in every language
CHART_PICK = "_ladder_chart_pick"  # the category label a click in a chart picked, until the page reads it
# The element height includes the legend and axis; this leaves about 360 px for the marks.
RECOVERY_HEIGHT = 600
CHART_KEYS = ("chart_ladder", "chart_timing", "chart_recovery")


@shared_cache(max_entries=512)
def _ladder_data(content_key: str, situation: Situation, _fitted: pd.DataFrame, _categories: pd.DataFrame) -> pd.DataFrame:
    # Keyed by the content version and the situation; the underscored arguments follow from those.
    return ladder_data(_fitted, _categories)


def ladder_frame_data(frame: Frame) -> pd.DataFrame:
    return _ladder_data(frame.content_key, frame.situation, frame.fitted, frame.content.categories)


def ready_to_send(spec: dict, rows: dict[str, pd.DataFrame] | None = None) -> dict:
    """The spec with its datasets (and `rows`, by name) in Arrow, the form Streamlit sends chart
    data in. st.vega_lite_chart passes Arrow bytes through as they are (st.altair_chart relies on
    that); from rows it would convert them again on every rerun, about 2 ms a chart. Datasets
    already in Arrow (a template's own, converted when it was built) are kept as they are."""
    datasets = {**spec.get("datasets", {}), **(rows or {})}
    if not datasets:
        return spec
    return {
        **spec,
        "datasets": {
            name: values if isinstance(values, bytes) else convert_anything_to_arrow_bytes(values)
            for name, values in datasets.items()
        },
    }


@shared_cache(max_entries=256)
def _templates(
    content_key: str,
    here: int,
    emergency: bool,
    duration: str | None,
    present: bool,
    _categories: pd.DataFrame,
) -> tuple[dict, dict, dict]:
    """The three charts as Vega-Lite specs without their rows or a highlight, their own small
    datasets (the "you are here" marks) already in Arrow. Altair takes 50-100 ms to build and
    convert a chart, so this is done once per combination of these few settings; a new situation
    only brings new rows, a highlight only a starting value (_charts). Not validated against the
    Vega-Lite schema here (that costs a third of the time): the templates are code, and
    tests/test_ladder.py validates every variant."""
    return (
        ready_to_send(ladder_template(_categories, here, emergency, None, present).to_dict(validate=False)),
        ready_to_send(timing_template(_categories, duration, None, present).to_dict(validate=False)),
        ready_to_send(recovery_template(_categories, None, present).to_dict(validate=False)),
    )


@shared_cache(max_entries=512)
def _charts(
    content_key: str,
    situation: Situation,
    emergency: bool,
    highlight: str | None,
    present: bool,
    _data: pd.DataFrame,
    _categories: pd.DataFrame,
) -> tuple[tuple[dict, str], ...]:
    """The three charts, ready to send, with their text versions. While presenting, the ladder and the
    timing chart leave out options that are not typical for the person, so each fits a shared screen's
    height; the text versions always list every option."""
    here = current_step(situation)
    shown = presented_rows(_data) if present else _data
    ladder, timing, recovery = (
        highlighted(template, highlight)
        for template in _templates(content_key, here, emergency, situation.duration, present, _categories)
    )
    return (
        (ready_to_send(ladder, {LADDER_ROWS: ladder_rows(shown)}), ladder_text(_data, here, emergency)),
        (ready_to_send(timing, {TIMING_ROWS: timing_rows(shown)}), timing_text(_data, situation.duration)),
        (ready_to_send(recovery, {RECOVERY_ROWS: recovery_rows(_data)}), recovery_text(_data)),
    )


@shared_cache(max_entries=16)
def _strip_template(content_key: str, emergency: bool, present: bool) -> dict:
    # Keyed by the content version, which holds the language and the catalogues' version: the
    # template has the step names and "You are here" in words.
    return ready_to_send(strip_template(emergency, present).to_dict(validate=False))  # validated in tests, as above


@shared_cache(max_entries=512)
def _strip(content_key: str, situation: Situation, emergency: bool, present: bool, _data: pd.DataFrame) -> tuple[dict, str]:
    """The small ladder, ready to send, and its text alternative."""
    here = current_step(situation)
    rows = strip_rows(_data, here)
    counts = "; ".join(
        ngettext("step {step}: {fits} fit now", "step {step}: {fits} fit now", row.fits).format(step=row.step, fits=row.fits)
        for row in rows.itertuples(index=False)
        if row.fits
    )
    alt_text = _("Small escalation ladder: you are at step {step} of 5; {counts}").format(step=here, counts=counts)
    return ready_to_send(_strip_template(content_key, emergency, present), {STRIP_ROWS: rows}), alt_text


def _take_chart_selection(key: str) -> None:
    """A click on a legend entry or mark in any chart becomes the highlight for all three."""
    event = st.session_state.get(key)
    chosen = (event or {}).get("selection", {}).get(SELECTION) or []
    # The charts carry the category's label; draw_ladder_charts turns it into its id.
    st.session_state[CHART_PICK] = chosen[0].get("category") if chosen else None


def draw_ladder_strip(frame: Frame) -> None:
    """The small ladder that heads Explore, and what "You are here" means under it."""
    data = ladder_frame_data(frame)
    spec, alt_text = _strip(frame.content_key, frame.situation, frame.emergency, frame.present, data)
    st.vega_lite_chart(
        spec=spec,
        width="stretch",
        height=strip_height() + 40,  # the plot plus the step names above it
        alt=alt_text,
    )
    if not frame.emergency:
        here = current_step(frame.situation)
        st.caption(here_meaning(strip_rows(data, here), here))


def draw_ladder_charts(frame: Frame) -> pd.DataFrame:
    """The three charts of the ladder page, each with a caption and a text alternative; returns
    the treatments they show (for the page's glossary)."""
    data = ladder_frame_data(frame)
    labels = frame.content.category_labels
    if CHART_PICK in st.session_state:
        picked = st.session_state.pop(CHART_PICK)
        st.session_state[HIGHLIGHT_KEY] = next((c for c in CATEGORIES if labels[c] == picked), None)
    # By id, so a change of language keeps the highlight (the labels change, the id does not).
    seed(HIGHLIGHT_KEY, st.session_state.get(HIGHLIGHT_KEY), frame.arrived)
    st.pills(
        _("Highlight a category in every chart (or click one in a chart's legend)"),
        CATEGORIES,
        format_func=labels.get,
        key=HIGHLIGHT_KEY,
    )
    chosen = st.session_state.get(HIGHLIGHT_KEY)
    highlight = labels.get(chosen) if chosen else None  # the charts select by label
    emergency = frame.emergency
    here = current_step(frame.situation)
    (ladder, ladder_words), (timing, timing_words), (recovery, recovery_words) = _charts(
        frame.content_key, frame.situation, emergency, highlight, frame.present, data, frame.content.categories
    )

    panels = (
        (
            _("1. The ladder"),
            _(
                "Care usually climbs from self-care (step 1) towards surgery (step 5) only when earlier steps have not helped; "
                "✔ and big filled marks fit you now; hollow marks come later; small hollow marks are not typical for you."
            ),
            ladder,
            "content",
            _(
                "Escalation ladder from self-care to surgery with each treatment on its step; emergency: the ladder does not apply."
            )
            if emergency
            else _("Escalation ladder from self-care to surgery with each treatment on its step; you are at step {step}.").format(
                step=here
            ),
            _("The ladder as text"),
            ladder_words,
        ),
        (
            _("2. When each option is usually considered"),
            _(
                "Each bar runs from the week an option is usually first considered; "
                "the shaded band is how long you have had this episode; grey bars are options that are not typical for you."
            ),
            timing,
            "content",
            _("Weeks since the pain began when each option is usually considered, with your duration marked."),
            _("The timing as text"),
            timing_words,
        ),
        (
            _("3. How invasive, and how long to recover"),
            _(
                "Further right means a longer recovery, higher up means more invasive; grey marks are advised against. "
                "Hover or tap a mark for details."
            ),
            recovery,
            RECOVERY_HEIGHT,
            _("Invasiveness against typical recovery time in weeks, one mark per treatment."),
            _("Invasiveness and recovery as text"),
            recovery_words,
        ),
    )
    left_out = len(data) - len(presented_rows(data)) if frame.present else 0
    if left_out:
        st.caption(
            ngettext(
                "While presenting, the {count} option that is not typical here is left out of the first two charts, "
                "so each fits the screen; the text versions list every option.",
                "While presenting, the {count} options that are not typical here are left out of the first two charts, "
                "so each fits the screen; the text versions list every option.",
                left_out,
            ).format(count=left_out)
        )
    for key, (heading, caption, chart, height, alt_text, text_label, text) in zip(CHART_KEYS, panels, strict=True):
        st.subheader(heading)
        st.caption(caption)
        st.vega_lite_chart(
            spec=chart,
            width="stretch",
            height=height,
            key=key,
            on_select=lambda key=key: _take_chart_selection(key),
            selection_mode=SELECTION,
            alt=alt_text,
        )
        with st.expander(text_label):
            st.markdown(text)
    return data
