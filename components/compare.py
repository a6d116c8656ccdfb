"""Side-by-side comparison of 2-4 treatments, and how each lines up with what matters to a person.

Every option gets the same rows in the same order, benefits and risks in equal detail (a
decision-aid standard), and there is no total score: the person weighs, the app informs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from components.fit import scope_words
from components.vocabulary import CERTAINTY, INVASIVENESS, STANCES, TIME_TO_HELP

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
NO_NUMBERS = "There are no reliable numbers for how many people this helps. Ask your doctor what is known."

# What matters to me: each wish, and how a treatment's data columns answer it.
VALUES: dict[str, str] = {
    "avoid_surgery": "Avoiding surgery",
    "avoid_needles": "Avoiding needles",
    "avoid_medicines": "Avoiding medicines",
    "fast_relief": "Fast relief",
    "little_time_off": "Little time away from work",
}
IMPORTANCE: tuple[str, ...] = ("not at all", "a little", "somewhat", "a lot", "very much")


def source_label(short_name: str, year: int) -> str:
    """A source's name with its year, e.g. 'NICE NG59 (2016)'; names that carry the year keep it once."""
    return short_name if str(year) in short_name else f"{short_name} ({year})"


def guideline_lines(treatment_id: str, evidence: pd.DataFrame, sources: pd.DataFrame) -> str:
    cited = evidence[evidence["treatment_id"] == treatment_id].merge(sources, left_on="source_id", right_on="id")
    return " • ".join(
        f"{' '.join(filter(None, (source_label(r.short_name, r.year), r.rec)))}, {scope_words(r.region, r.durations)}: "
        f"{STANCES[r.stance]}. {r.note}"
        for r in cited.itertuples(index=False)
    )


def outcome_text(treatment_id: str, outcomes: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Outcome figures in one wording pattern for every option: result, group, time, source, how sure."""
    rows = outcomes[outcomes["treatment_id"] == treatment_id].merge(sources, left_on="source_id", right_on="id")
    if rows.empty:
        return NO_NUMBERS
    return " ".join(
        f"{r.result} ({r.group}, {r.time_frame}). Source: {source_label(r.short_name, r.year)}. "
        f"How sure: {CERTAINTY[r.certainty].split(':')[0]}."
        for r in rows.itertuples(index=False)
    )


def comparison_table(
    fitted: pd.DataFrame, evidence: pd.DataFrame, sources: pd.DataFrame, ids: Sequence[str], outcomes: pd.DataFrame
) -> pd.DataFrame:
    """Rows = the same questions for every option; columns = the chosen treatments in the order chosen."""
    rows = fitted.set_index("id")
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
            outcome_text(treatment_id, outcomes, sources),
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
    wishes = sorted(
        (v for v in VALUES if importance.get(v, "not at all") != "not at all"),
        key=lambda v: -IMPORTANCE.index(importance[v]),
    )
    table = {rows.loc[t, "name"]: [value_answer(v, {**rows.loc[t].to_dict(), "id": t}) for v in wishes] for t in ids}
    index = pd.Index([f"{VALUES[v]} (matters {importance[v]})" for v in wishes], name="What matters to you")
    return pd.DataFrame(table, index=index)
