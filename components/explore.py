"""The Explore table: treatments with their fit, filtered and shaped for display. Pure."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from components.fit import scope_words
from components.vocabulary import OVERALL_STANCES, STANCES

# What the table shows, in order; `id` travels with the data for other tools but is not shown.
TABLE_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "fit",
    "reason",
    "category",
    "invasiveness",
    "guidelines",
    "guideline_stances",
    "typical_use",
    "when_considered",
)


def explore_table(
    fitted: pd.DataFrame,
    categories: pd.DataFrame,
    chosen_categories: Iterable[str],
    max_invasiveness: int,
) -> pd.DataFrame:
    """Rows of the chosen categories up to the chosen invasiveness, with readable labels."""
    chosen = list(chosen_categories)
    rows = fitted[fitted["category"].isin(chosen) & (fitted["invasiveness"] <= max_invasiveness)]
    labels = dict(zip(categories["id"], categories["label"], strict=True))
    return rows.assign(
        category=rows["category"].map(labels),
        guidelines=rows["overall_stance"].map(OVERALL_STANCES),
    )[list(TABLE_COLUMNS)].reset_index(drop=True)


def fit_counts(table: pd.DataFrame) -> dict[str, int]:
    # Plain Python: Series.value_counts cost ~2 ms on every rerun of Explore.
    fits = table["fit"].tolist()
    return {fit: fits.count(fit) for fit in ("fits now", "later step", "not typical")}


def stance_lines(cited: pd.DataFrame) -> list[str]:
    """'What each guideline says' (Markdown): each stance with its recommendation, the region and stage it
    covers, the guideline's words in ours, and a link. `cited` is evidence rows merged with their sources."""
    lines = []
    for row in cited.to_dict("records"):
        name = f"{row['short_name']} {row['rec']}".strip()
        scope = scope_words(row["region"], row["durations"])
        lines.append(f"**{name}: {STANCES[row['stance']]}** ({scope}). {row['note']} [Source]({row['url']})")
    return lines
