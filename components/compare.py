"""Side-by-side comparison of 2-4 treatments, and how each lines up with what matters to a person.

Every option gets the same rows in the same order, benefits and risks in equal detail (a
decision-aid standard), and there is no total score: the person weighs, the app informs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from components.data import escape_markdown
from components.fit import scope_words
from components.i18n import N_, _
from components.outcomes import NO_NUMBERS, outcome_text, outcomes_by_treatment, source_label
from components.vocabulary import INVASIVENESS, STANCES, TIME_TO_HELP

__all__ = ["ASPECTS", "MATTERS_KEY", "NO_NUMBERS", "VALUES", "comparison_table", "source_label", "values_table", "what_matters"]

# The rows of the comparison, in order (shown with _(): comparison_table's index is in the run's language).
ASPECTS: tuple[str, ...] = (
    N_("What it involves"),
    N_("Typical use"),
    N_("How invasive"),
    N_("When it is considered"),
    N_("What each guideline says"),
    N_("How soon it may help"),
    N_("Typical course and recovery"),
    N_("Possible benefits"),
    N_("Possible risks"),
    N_("Outcomes in numbers"),
    N_("Fit for you"),
)

# What matters to me: each wish, and how a treatment's data columns answer it.
VALUES: dict[str, str] = {
    "avoid_surgery": N_("Avoiding surgery"),
    "avoid_needles": N_("Avoiding needles"),
    "avoid_medicines": N_("Avoiding medicines"),
    "fast_relief": N_("Fast relief"),
    "little_time_off": N_("Little time away from work"),
}
# How much a wish matters. The English words are also the values kept in the session (MATTERS_KEY)
# and compared here; show them with _().
IMPORTANCE: tuple[str, ...] = (N_("not at all"), N_("a little"), N_("somewhat"), N_("a lot"), N_("very much"))
MATTERS_KEY = "matters"  # the session's answers: wish -> importance


def _ranked(importance: Mapping[str, str]) -> list[str]:
    """The wishes that matter at all, most important first (ties in the order of VALUES)."""
    return sorted(
        (v for v in VALUES if importance.get(v, "not at all") in IMPORTANCE[1:]),
        key=lambda v: -IMPORTANCE.index(importance[v]),
    )


def what_matters(importance: Mapping[str, str]) -> tuple[str, ...]:
    """The wishes that matter at all, most important first, in words: 'Avoiding surgery: matters a lot'."""
    return tuple(
        _("{wish}: matters {importance}").format(wish=_(VALUES[v]), importance=_(importance[v])) for v in _ranked(importance)
    )


def guideline_lines(treatment_id: str, evidence: pd.DataFrame, sources: pd.DataFrame) -> str:
    cited = evidence[evidence["treatment_id"] == treatment_id].merge(sources, left_on="source_id", right_on="id")
    return " • ".join(
        f"{' '.join(filter(None, (source_label(r.short_name, r.year), r.rec)))}, {scope_words(r.region, r.durations)}: "
        f"{_(STANCES[r.stance])}. {r.note}"
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
            _(INVASIVENESS[int(row["invasiveness"])]),
            row["when_considered"],
            guideline_lines(treatment_id, evidence, sources),
            _(TIME_TO_HELP[row["time_to_help"]]).capitalize() + ".",
            row["recovery"],
            row["benefits"],
            row["risks"],
            outcome_text(figures.get(treatment_id, ()), row["name"]),
            f"{_(row['fit']).capitalize()}. {row['reason']}",
        ]
    return pd.DataFrame(columns, index=pd.Index([_(aspect) for aspect in ASPECTS], name=_("Question")))


def comparison_cards(table: pd.DataFrame) -> list[tuple[str, str]]:
    """comparison_table as one card per option for a narrow screen: (name, Markdown), each with the same
    questions in the same order as the table, the fit and its reason last."""
    return [
        (
            str(name),
            "\n\n".join(
                f"**{escape_markdown(str(question))}**  \n{escape_markdown(str(answer))}"
                for question, answer in table[name].items()
            ),
        )
        for name in table.columns
    ]


# How soon an option can help (treatments.csv time_to_help), against the wish for fast relief.
FAST_RELIEF: dict[str, str] = {
    "hours_days": N_("✔ Can help within hours to days"),
    "weeks": N_("◐ Helps over weeks"),
    "months": N_("✖ Takes months"),
    "unclear": N_("? Not clear how soon"),
}


def value_answer(value: str, row: Mapping[str, object]) -> str:
    """How one treatment lines up with one wish, in words with a symbol (never colour alone)."""
    if value == "avoid_surgery":
        return _("✖ This is surgery") if row["category"] == "surgery" else _("✔ Not surgery")
    if value == "avoid_needles":
        return _("✖ Uses needles") if row["uses_needles"] == "yes" else _("✔ No needles")
    if value == "avoid_medicines":
        return _("✖ Uses medicines") if row["uses_medicines"] == "yes" else _("✔ No medicines")
    if value == "fast_relief":
        return _(FAST_RELIEF[str(row["time_to_help"])])
    weeks = row["recovery_weeks"]
    if weeks is None or pd.isna(weeks):
        return _("? No reliable figure")
    if weeks == 0:
        return _("✔ No time off for the treatment")
    if weeks <= 0.5:
        return _("◐ A day or two")
    return _("✖ About {weeks} weeks or more to recover").format(weeks=f"{weeks:g}")


def values_table(fitted: pd.DataFrame, ids: Sequence[str], importance: Mapping[str, str]) -> pd.DataFrame:
    """Each wish that matters at all (most important first) against each chosen treatment."""
    rows = fitted.set_index("id")
    wishes = _ranked(importance)
    table = {rows.loc[t, "name"]: [value_answer(v, {**rows.loc[t].to_dict(), "id": t}) for v in wishes] for t in ids}
    index = pd.Index(
        [_("{wish} (matters {importance})").format(wish=_(VALUES[v]), importance=_(importance[v])) for v in wishes],
        name=_("What matters to you"),
    )
    return pd.DataFrame(table, index=index)
