"""Which treatments fit a person's situation now, later, or not typically, and why.

One rule set, driven only by each treatment's data columns (symptoms, needs_history,
min_severity, durations, after_tried) and the guideline stances in evidence.csv.
There is no per-treatment code here, by design.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from components.data import split_list
from components.situation import Situation
from components.vocabulary import DURATION_WEEKS, DURATIONS, FITS, HISTORY, SEVERITIES, STANCES, TRIED

# A person who has not said how long suggests nothing; assume the earliest stage, which
# keeps invasive options out of "fits now" (safe by default).
DEFAULT_DURATION = "acute"


def overall_stance(stances: Iterable[str]) -> str:
    """All sources' stances in one word.

    Advised against by someone and recommended or considered by someone else -> disagree;
    advised against and at most allowed in specific cases -> not_recommended.
    """
    given = {s for s in stances if s != "no_stance"}
    if not given:
        return "no_stance"
    if "not_recommended" in given:
        return "disagree" if given & {"recommended", "consider"} else "not_recommended"
    return min(given, key=list(STANCES).index)


def stance_table(evidence: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per treatment: the overall stance, the sources for and against, and one line of text."""
    names = dict(zip(sources["id"], sources["short_name"], strict=True))
    # Plain Python over 70-odd rows: grouping DataFrames per treatment took ~50 ms on a cold start.
    by_treatment: dict[str, list[tuple[str, str]]] = {}
    for treatment_id, source_id, stance in zip(evidence["treatment_id"], evidence["source_id"], evidence["stance"], strict=True):
        by_treatment.setdefault(treatment_id, []).append((names.get(source_id), stance))

    def cited(pairs: list[tuple[str, str]], wanted: set[str]) -> str:
        return ", ".join(name for name, stance in pairs if stance in wanted)

    return pd.DataFrame(
        [
            {
                "treatment_id": treatment_id,
                "overall_stance": overall_stance(stance for _, stance in pairs),
                "guideline_stances": "; ".join(f"{name}: {STANCES[stance]}" for name, stance in pairs),
                "sources_for": cited(pairs, {"recommended", "consider"}),
                "sources_against": cited(pairs, {"not_recommended"}),
                "sources_specific": cited(pairs, {"specific_cases"}),
            }
            for treatment_id, pairs in by_treatment.items()
        ]
    )


@dataclass(frozen=True)
class Fit:
    fit: str
    reason: str


def _labels(ids: Iterable[str], labels: Mapping[str, str], joiner: str = "or") -> str:
    words = [labels.get(i, i).lower() for i in ids]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {joiner} " + words[-1]


def fit_one(situation: Situation, row: Mapping[str, object], symptom_labels: Mapping[str, str]) -> Fit:
    """The fit of one treatment row (with its stance columns) for one situation."""
    stance = row["overall_stance"]
    if stance == "not_recommended":
        return Fit("not typical", f"Guidelines advise against it ({row['sources_against']}), so it is not offered as a step.")

    targets = split_list(row["symptoms"])
    matching = [s for s in situation.symptoms if s in targets]
    if situation.symptoms and not matching:
        return Fit("not typical", f"It is used for {_labels(targets, symptom_labels)}, which you have not picked.")

    needed_history = split_list(row["needs_history"])
    if needed_history and not set(needed_history) & set(situation.history):
        return Fit("not typical", f"It is only for people with {_labels(needed_history, HISTORY)}, which you have not ticked.")

    if SEVERITIES.index(situation.severity) < SEVERITIES.index(row["min_severity"]):
        return Fit(
            "not typical",
            f"It is kept for {row['min_severity']} pain or loss of daily function; yours sounds {situation.severity}.",
        )

    durations = split_list(row["durations"])
    duration = situation.duration or DEFAULT_DURATION
    order = list(DURATIONS)
    if duration not in durations:
        if order.index(duration) > max(order.index(d) for d in durations):
            return Fit(
                "not typical",
                f"It is meant for pain lasting {_labels(durations, DURATIONS)}; yours has lasted {DURATIONS[duration].lower()}.",
            )
        start = min(DURATION_WEEKS[d][0] for d in durations)
        return Fit("later step", f"It is usually considered only once pain has lasted {start} weeks or more.")

    missing = [t for t in split_list(row["after_tried"]) if t not in situation.tried]
    if missing:
        verb = "has" if len(missing) == 1 else "have"
        return Fit(
            "later step", f"It usually comes after {_labels(missing, TRIED, 'and')} {verb} been tried without enough help."
        )

    if situation.flags:
        return Fit("later step", "It could fit, but the warning sign you ticked needs a doctor's check first.")

    suits = (
        f"It fits {_labels(matching, symptom_labels, 'and')} at your stage" if matching else "It fits your stage and pain level"
    )
    if stance == "disagree":
        return Fit("fits now", f"{suits}, but guidelines disagree: {row['sources_for']} for, {row['sources_against']} against.")
    if stance == "specific_cases":
        return Fit("fits now", f"{suits}, in specific cases a specialist checks ({row['sources_specific']}).")
    if stance == "no_stance":
        return Fit("fits now", f"{suits}, though no guideline we use gives a view on it.")
    verb = "recommend" if stance == "recommended" else "suggest considering"
    also = f"; {row['sources_specific']} only in specific cases" if row["sources_specific"] else ""
    return Fit("fits now", f"{suits}, and guidelines {verb} it ({row['sources_for']}{also}).")


def with_stances(treatments: pd.DataFrame, evidence: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Treatments joined with their stance columns: content only, so it can be cached once."""
    table = treatments.merge(stance_table(evidence, sources), left_on="id", right_on="treatment_id", how="left")
    return table.drop(columns="treatment_id")


def fit_for(situation: Situation, table: pd.DataFrame, symptom_labels: Mapping[str, str]) -> pd.DataFrame:
    """Every treatment (from with_stances) with its fit and reason, best fit first."""
    fits = [fit_one(situation, row, symptom_labels) for row in table.to_dict("records")]
    fitted = table.assign(fit=[f.fit for f in fits], reason=[f.reason for f in fits])
    fitted["fit_rank"] = fitted["fit"].map(FITS.index)
    return fitted.sort_values(["fit_rank", "ladder_step", "invasiveness", "name"], kind="stable").reset_index(drop=True)


# How fit is decided, in plain words, in the order fit_one applies the rules (shown on Sources & method).
FIT_RULES: tuple[str, ...] = (
    "If the guidelines that give a view all advise against an option (or allow it only in rare, specific cases), it is **not typical**.",
    "If it does not treat any of the symptoms you picked, it is **not typical**.",
    "If it is only for people with a certain history (for example spinal fusion, for a slipped or unstable spine), and you have not ticked that, it is **not typical**.",
    "If it is kept for worse pain or loss of daily function than you describe, it is **not typical**.",
    "If it is meant for pain of a shorter duration than yours, it is **not typical**; if it is usually considered only after longer, it is a **later step**.",
    "If it usually comes after other care you have not tried yet, it is a **later step**.",
    "If you ticked any warning sign, every option waits (**later step**) until a doctor has checked you.",
    "Otherwise it **fits now**, and the reason names the guidelines for it, and against it where they disagree.",
    "If you have not said how long you have had the pain, the app assumes a new episode, which keeps injections and surgery out of **fits now**.",
)
