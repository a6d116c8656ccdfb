"""The IPDAS decision-aid criteria this app meets, where, and a check for each. Pure.

IPDAS: International Patient Decision Aid Standards (qualifying and certifying criteria,
Joseph-Williams et al. 2014). The Sources & method page lists them; tests keep the list true.
Each check reads what a person is shown (the Start here text, the Explore and Compare tables,
the Sources & method statements), built by the same functions the pages use, never the raw data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from components import statements
from components.compare import NO_NUMBERS, comparison_table
from components.data import Content
from components.explore import explore_table
from components.statements import ABOUT_BACK_PAIN, THE_DECISION
from components.vocabulary import CATEGORIES, INVASIVENESS

__all__ = ["ABOUT_BACK_PAIN", "CRITERIA", "THE_DECISION", "Criterion", "Shown", "criteria_table", "what_is_shown"]

# The option of doing nothing more than self-care, which a decision aid must list.
DOING_NOTHING_MORE = "stay_active"
REVIEW = re.compile(r"\*\*Last reviewed: (?P<date>[^*]*)\.\*\*(?P<policy>.*)", re.DOTALL)


@dataclass(frozen=True)
class Shown:
    """What a person who has not described a situation yet is shown, where the criteria look."""

    introduction: str  # Start here: the condition and the decision
    explore: pd.DataFrame  # Explore treatments: every category, up to the most invasive
    compare: pd.DataFrame  # Compare options: every treatment side by side
    review: str  # Sources & method: last reviewed, update policy
    funding: str  # Sources & method: funding and interests


def what_is_shown(content: Content, fitted: pd.DataFrame) -> Shown:
    """Build what the pages show from `fitted`, the fit of an empty Situation (cached_fit or fit_content)."""
    return Shown(
        # Looked up on the module when called, like Start here does, so both always say the same.
        introduction=statements.start_here_introduction(),
        explore=explore_table(fitted, content.categories, CATEGORIES, max(INVASIVENESS)),
        compare=comparison_table(fitted, content.evidence, content.sources, fitted["id"].tolist(), content.outcomes),
        review=statements.sources_review(content.about),
        funding=statements.sources_funding(content.about),
    )


@dataclass(frozen=True)
class Criterion:
    kind: str  # "qualifying" or "certifying"
    name: str
    where: str
    met: Callable[[Shown], bool]


def _filled(text: str) -> bool:
    return bool(text.strip())


def _states(shown: str, statement: str) -> bool:
    return _filled(statement) and statement in shown


def _row(compare: pd.DataFrame, aspect: str) -> list[str]:
    """One Compare row, a cell per treatment; no cells if the row is not shown."""
    return [str(cell) for cell in compare.loc[aspect]] if aspect in compare.index else []


def _every_cell(compare: pd.DataFrame, aspect: str, test: Callable[[str], bool]) -> bool:
    cells = _row(compare, aspect)
    return bool(cells) and all(test(cell) for cell in cells)


def _lists_every_option(explore: pd.DataFrame) -> bool:
    return DOING_NOTHING_MORE in set(explore["id"]) and explore["category"].nunique() == len(CATEGORIES)


def _equal_detail(compare: pd.DataFrame) -> bool:
    benefits, risks = _row(compare, "Possible benefits"), _row(compare, "Possible risks")
    lengths = [(len(b.strip()), len(r.strip())) for b, r in zip(benefits, risks, strict=True)]
    # An empty cell fails the criterion that describes it, not this one.
    return bool(lengths) and all(b <= 3 * r and r <= 3 * b for b, r in lengths if b and r)


def _review_date(review: str) -> date | None:
    found = REVIEW.match(review)
    try:
        return date.fromisoformat(found["date"]) if found else None
    except ValueError:
        return None


def _dated(review: str) -> bool:
    reviewed = _review_date(review)
    return reviewed is not None and reviewed <= date.today()


def _update_policy(review: str) -> bool:
    found = REVIEW.match(review)
    return found is not None and _filled(found["policy"])


def _sure_of_each_figure(outcomes: str) -> bool:
    return outcomes == NO_NUMBERS or 0 < outcomes.count("Source: ") == len(re.findall(r"How sure: \w", outcomes))


def _funded(funding: str) -> bool:
    # The funding statement comes first; the interests follow in their own paragraph.
    return _filled(funding.split("\n\n", 1)[0])


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "qualifying",
        "Describes the health condition",
        "Start here: about back pain",
        lambda s: _states(s.introduction, ABOUT_BACK_PAIN),
    ),
    Criterion("qualifying", "States the decision", "Start here: the decision", lambda s: _states(s.introduction, THE_DECISION)),
    Criterion(
        "qualifying",
        "Describes the options, including doing nothing more",
        "Explore treatments: every option, 'stay active and wait and see' among them",
        lambda s: _lists_every_option(s.explore),
    ),
    Criterion(
        "qualifying",
        "Describes the positive features of each option",
        "Explore details and Compare: possible benefits",
        lambda s: _every_cell(s.compare, "Possible benefits", _filled),
    ),
    Criterion(
        "qualifying",
        "Describes the negative features of each option",
        "Explore details and Compare: possible risks",
        lambda s: _every_cell(s.compare, "Possible risks", _filled),
    ),
    Criterion(
        "qualifying",
        "Describes what it is like to go through each option",
        "Explore details and Compare: what it involves, typical course and recovery",
        lambda s: (
            _every_cell(s.compare, "What it involves", _filled) and _every_cell(s.compare, "Typical course and recovery", _filled)
        ),
    ),
    Criterion(
        "certifying",
        "Shows positive and negative features in equal detail",
        "Compare: the same rows for every option, benefits and risks side by side",
        lambda s: _equal_detail(s.compare),
    ),
    Criterion(
        "certifying",
        "Cites the evidence",
        "Explore details, Compare and Sources & method: every stance names its source",
        # Each line there starts with the guideline's name; an option no guideline covers shows nothing.
        lambda s: _every_cell(s.compare, "What each guideline says", _filled),
    ),
    Criterion("certifying", "Gives a production or review date", "Sources & method: last reviewed", lambda s: _dated(s.review)),
    Criterion("certifying", "Gives an update policy", "Sources & method: update policy", lambda s: _update_policy(s.review)),
    Criterion(
        "certifying",
        "Gives information about uncertainty",
        "Compare and My visit: 'how sure' on every figure, or 'no reliable numbers'",
        lambda s: _every_cell(s.compare, "Outcomes in numbers", _sure_of_each_figure),
    ),
    Criterion(
        "certifying",
        "States the funding source",
        "Sources & method: funding and interests",
        lambda s: _funded(s.funding),
    ),
)


def criteria_table(shown: Shown) -> pd.DataFrame:
    """The Sources & method table: each criterion, its kind, where the app meets it, and whether it is met."""
    return pd.DataFrame(
        {
            "Criterion": [c.name for c in CRITERIA],
            "Kind": [c.kind for c in CRITERIA],
            "Where in the app": [c.where for c in CRITERIA],
            "Met": ["✔ yes" if c.met(shown) else "✖ not yet" for c in CRITERIA],
        }
    ).set_index("Criterion")
