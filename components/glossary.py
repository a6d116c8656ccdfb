"""Medical words explained: find the glossary terms that appear in what a page shows. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from components.data import split_list


@lru_cache(maxsize=256)  # terms rarely change: compile each once, not on every rerun
def _pattern(term: str, also: str) -> re.Pattern[str]:
    words = [term, *split_list(also)]
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def terms_in(glossary: pd.DataFrame, texts: Iterable[str]) -> pd.DataFrame:
    """The glossary rows whose term (or another form of it) appears in any of the texts, in glossary order."""
    shown = "\n".join(str(text) for text in texts)
    found = [bool(_pattern(row.term, row.also).search(shown)) for row in glossary.itertuples(index=False)]
    return glossary[found].reset_index(drop=True)
