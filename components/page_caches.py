"""The pages' own shared caches, defined once per process.

A cached function defined in a page script is defined again on every rerun, and Streamlit then
reads its source and hashes it each time (about 5% of a rerun under py-spy). Defined here, each is
made once. Like components.caching, they hold only content and what follows from a situation and
a shortlist, never anything a person typed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import streamlit as st

from components.caching import cached_fit, shared_cache
from components.compare import comparison_table
from components.data import Content
from components.explore import explore_table
from components.exports import ShortlistItem, shortlist_items
from components.ipdas import criteria_table, what_is_shown
from components.outcomes import outcome_text
from components.questions import questions_for
from components.situation import Situation
from components.triage import Assessment


@shared_cache(max_entries=512)
def filtered_table(
    content_key: str,
    situation: Situation,
    chosen: tuple[str, ...],
    max_invasiveness: int,
    _fitted: pd.DataFrame,
    _categories: pd.DataFrame,
) -> pd.DataFrame:
    """Explore's table. Keyed by the content version, the situation and the filters; the underscored
    arguments follow from those."""
    return explore_table(_fitted, _categories, chosen, max_invasiveness)


@shared_cache(max_entries=512)
def cached_comparison(
    content_key: str, situation: Situation, chosen: tuple[str, ...], _fitted: pd.DataFrame, _content: Content
) -> pd.DataFrame:
    """Compare's table. Keyed by the content version, the situation and the shortlist."""
    return comparison_table(_fitted, _content.evidence, _content.sources, chosen, _content.outcomes)


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
    names = _content.treatment_names
    outcomes = {t: outcome_text(_content.figures.get(t, ()), names[t]) for t in chosen}
    return shortlist, questions, shortlist_items(shortlist, outcomes), _assessment.lines()


@shared_cache(max_entries=4)
def cached_criteria(content_key: str, directory: str, _frame_fingerprint: tuple, _content: Content) -> pd.DataFrame:
    """The IPDAS table on Sources & method. Keyed by the content version: what the criteria read is the
    same for everyone (no situation yet), so the checks run once per version, not on every rerun."""
    return criteria_table(what_is_shown(_content, cached_fit(directory, _frame_fingerprint, Situation())))


@st.cache_data(show_spinner=False, max_entries=2)
def dataset_zip(directory: str, fingerprint: tuple) -> bytes:
    """All content files in one zip, rebuilt only when a file changes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(Path(directory).glob("*.csv")):
            archive.write(path, f"data/{path.name}")
    return buffer.getvalue()
