"""The Explore table: treatments with their fit, filtered and shaped for display. Pure."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from components.data import escape_markdown
from components.fit import scope_words
from components.i18n import _
from components.vocabulary import FITS, OVERALL_STANCES, STANCES

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
    """Rows of the chosen categories up to the chosen invasiveness, with readable labels in the run's
    language (the fit too: this table is for reading; the code computes with `fitted`)."""
    chosen = list(chosen_categories)
    rows = fitted[fitted["category"].isin(chosen) & (fitted["invasiveness"] <= max_invasiveness)]
    labels = dict(zip(categories["id"], categories["label"], strict=True))
    return rows.assign(
        category=rows["category"].map(labels),
        fit=rows["fit"].map({fit: _(fit) for fit in FITS}),
        guidelines=rows["overall_stance"].map({stance: _(words) for stance, words in OVERALL_STANCES.items()}),
    )[list(TABLE_COLUMNS)].reset_index(drop=True)


def fit_counts(table: pd.DataFrame) -> dict[str, int]:
    """How many rows of explore_table have each fit, by the fit's English value (the table shows it
    in the run's language)."""
    # Plain Python: Series.value_counts cost ~2 ms on every rerun of Explore.
    fits = table["fit"].tolist()
    return {fit: fits.count(_(fit)) for fit in FITS}


def fit_cards(table: pd.DataFrame) -> list[tuple[str, tuple[str, ...]]]:
    """explore_table's rows as cards for a narrow screen, grouped by fit in the fit's order: (heading,
    cards). Each card is Markdown: the name, the category and the fit, then the reason in full. Content
    is escaped: a clinic's wording shows as written."""
    groups = []
    for fit in FITS:
        rows = table[table["fit"] == _(fit)].to_dict("records")
        if not rows:
            continue
        cards = tuple(
            f"**{escape_markdown(row['name'])}**  \n{escape_markdown(row['category'])} · **{escape_markdown(row['fit'])}**"
            f"\n\n{escape_markdown(row['reason'])}"
            for row in rows
        )
        groups.append((_("{fit} ({count})").format(fit=_(fit).capitalize(), count=len(rows)), cards))
    return groups


def stance_lines(cited: pd.DataFrame) -> list[str]:
    """'What each guideline says' (Markdown): each stance with its recommendation, the region and stage it
    covers, the guideline's words in ours, and a link. `cited` is evidence rows merged with their sources."""
    lines = []
    for row in cited.to_dict("records"):
        name = f"{row['short_name']} {row['rec']}".strip()
        scope = scope_words(row["region"], row["durations"])
        lines.append(
            _("**{name}: {stance}** ({scope}). {note} [Source]({url})").format(
                name=name, stance=_(STANCES[row["stance"]]), scope=scope, note=row["note"], url=row["url"]
            )
        )
    return lines
