"""Side-by-side comparison of 2-4 treatments, and how each lines up with what matters to a person.

Every option gets the same rows in the same order, benefits and risks in equal detail (a
decision-aid standard), and there is no total score: the person weighs, the app informs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from components.fit import scope_words
from components.outcomes import NO_NUMBERS, outcome_text, outcomes_by_treatment, source_label
from components.vocabulary import INVASIVENESS, STANCES, TIME_TO_HELP

__all__ = ["ASPECTS", "MATTERS_KEY", "NO_NUMBERS", "VALUES", "comparison_table", "source_label", "values_table", "what_matters"]

# Row label -> how to read it from a fitted treatment row.
ASPECTS: tuple[str, ...] = (
    "What it involves",
    "Typical use",
    "How invasive",
    "When it is considered",
    "What each guideline says",
    "How soon it may help",
    "Typical course and recovery",
    "Possible benefits",
    "Possible risks",
    "Outcomes in numbers",
    "Fit for you",
)

# What matters to me: each wish, and how a treatment's data columns answer it.
VALUES: dict[str, str] = {
    "avoid_surgery": "Avoiding surgery",
    "avoid_needles": "Avoiding needles",
    "avoid_medicines": "Avoiding medicines",
    "fast_relief": "Fast relief",
    "little_time_off": "Little time away from work",
}
IMPORTANCE: tuple[str, ...] = ("not at all", "a little", "somewhat", "a lot", "very much")
MATTERS_KEY = "matters"  # the session's answers: wish -> importance


def _ranked(importance: Mapping[str, str]) -> list[str]:
    """The wishes that matter at all, most important first (ties in the order of VALUES)."""
    return sorted(
        (v for v in VALUES if importance.get(v, "not at all") in IMPORTANCE[1:]),
        key=lambda v: -IMPORTANCE.index(importance[v]),
    )


def what_matters(importance: Mapping[str, str]) -> tuple[str, ...]:
    """The wishes that matter at all, most important first, in words: 'Avoiding surgery: matters a lot'."""
    return tuple(f"{VALUES[v]}: matters {importance[v]}" for v in _ranked(importance))


def guideline_lines(treatment_id: str, evidence: pd.DataFrame, sources: pd.DataFrame) -> str:
    cited = evidence[evidence["treatment_id"] == treatment_id].merge(sources, left_on="source_id", right_on="id")
    return " • ".join(
        f"{' '.join(filter(None, (source_label(r.short_name, r.year), r.rec)))}, {scope_words(r.region, r.durations)}: "
        f"{STANCES[r.stance]}. {r.note}"
        for r in cited.itertuples(index=False)
    )


def comparison_table(
    fitted: pd.DataFrame, evidence: pd.DataFrame, sources: pd.DataFrame, ids: Sequence[str], outcomes: pd.DataFrame
) -> pd.DataFrame:
    """Rows = the same questions for every option; columns = the chosen treatments in the order chosen."""
    rows = fitted.set_index("id")
    figures = outcomes_by_treatment(outcomes, sources)
    columns = {}
    for treatment_id in ids:
        row = rows.loc[treatment_id]
        columns[row["name"]] = [
            row["what_it_involves"],
            row["typical_use"],
            INVASIVENESS[int(row["invasiveness"])],
            row["when_considered"],
            guideline_lines(treatment_id, evidence, sources),
            TIME_TO_HELP[row["time_to_help"]].capitalize() + ".",
            row["recovery"],
            row["benefits"],
            row["risks"],
            outcome_text(figures.get(treatment_id, ()), row["name"]),
            f"{row['fit'].capitalize()}. {row['reason']}",
        ]
    return pd.DataFrame(columns, index=pd.Index(ASPECTS, name="Question"))


def value_answer(value: str, row: Mapping[str, object]) -> str:
    """How one treatment lines up with one wish, in words with a symbol (never colour alone)."""
    if value == "avoid_surgery":
        return "✖ This is surgery" if row["category"] == "surgery" else "✔ Not surgery"
    if value == "avoid_needles":
        return "✖ Uses needles" if row["uses_needles"] == "yes" else "✔ No needles"
    if value == "avoid_medicines":
        return "✖ Uses medicines" if row["uses_medicines"] == "yes" else "✔ No medicines"
    if value == "fast_relief":
        return {
            "hours_days": "✔ Can help within hours to days",
            "weeks": "◐ Helps over weeks",
            "months": "✖ Takes months",
            "unclear": "? Not clear how soon",
        }[str(row["time_to_help"])]
    weeks = row["recovery_weeks"]
    if weeks is None or pd.isna(weeks):
        return "? No reliable figure"
    if weeks == 0:
        return "✔ No time off for the treatment"
    return "◐ A day or two" if weeks <= 0.5 else f"✖ About {weeks:g} weeks or more to recover"


def values_table(fitted: pd.DataFrame, ids: Sequence[str], importance: Mapping[str, str]) -> pd.DataFrame:
    """Each wish that matters at all (most important first) against each chosen treatment."""
    rows = fitted.set_index("id")
    wishes = _ranked(importance)
    table = {rows.loc[t, "name"]: [value_answer(v, {**rows.loc[t].to_dict(), "id": t}) for v in wishes] for t in ids}
    index = pd.Index([f"{VALUES[v]} (matters {importance[v]})" for v in wishes], name="What matters to you")
    return pd.DataFrame(table, index=index)
