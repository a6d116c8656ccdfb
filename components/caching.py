"""Caches shared by every session: the content, the treatment table, each situation's fit.

Caches are global across users, so they hold only content and what is derived from a situation
(which holds no free text); never anything from a person's notes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from components.data import Content, fingerprint_language, load_content
from components.fit import Caution, Stance, cautions_by_treatment, fit_for, stances_by_treatment, with_stances
from components.situation import Situation
from components.triage import Assessment, assess

Fingerprint = tuple[tuple[str, int, int], ...]


def shared_cache(max_entries: int) -> Callable:
    """Cache a result that is only read, never changed: st.cache_resource hands every rerun the
    same object, where st.cache_data would unpickle a copy each time (a few ms per table).
    Bounded, and keyed cheaply: a Situation is hashed by its repr, not field by field.
    tests/test_pages.py runs every page and then checks the cached tables still equal a fresh load."""
    return st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs={Situation: repr})


@shared_cache(max_entries=4)
def cached_content(directory: str, fingerprint: Fingerprint) -> Content:
    """Loaded once per version of data/: a saved edit changes the fingerprint and is picked up on the
    next rerun. A failure is not cached, so a fixed file shows at once."""
    return load_content(Path(directory), fingerprint_language(fingerprint))


@shared_cache(max_entries=4)
def cached_treatment_table(directory: str, fingerprint: Fingerprint) -> pd.DataFrame:
    content = cached_content(directory, fingerprint)
    return with_stances(content.treatments, content.evidence, content.sources, content.cautions)


@shared_cache(max_entries=4)
def cached_stances(directory: str, fingerprint: Fingerprint) -> dict[str, tuple[Stance, ...]]:
    content = cached_content(directory, fingerprint)
    return stances_by_treatment(content.evidence, content.sources)


@shared_cache(max_entries=4)
def cached_cautions(directory: str, fingerprint: Fingerprint) -> dict[str, tuple[Caution, ...]]:
    return cautions_by_treatment(cached_content(directory, fingerprint).cautions)


@shared_cache(max_entries=512)
def cached_assessment(directory: str, fingerprint: Fingerprint, situation: Situation) -> Assessment:
    return assess(situation, cached_content(directory, fingerprint).red_flags)


@shared_cache(max_entries=512)
def cached_fit(directory: str, fingerprint: Fingerprint, situation: Situation) -> pd.DataFrame:
    # Shared by every page and chart that needs the fit; the situation holds no free text.
    return fit_for(
        situation,
        cached_treatment_table(directory, fingerprint),
        cached_stances(directory, fingerprint),
        cached_assessment(directory, fingerprint, situation),
        cached_content(directory, fingerprint).symptom_labels,
        cached_cautions(directory, fingerprint),
    )
