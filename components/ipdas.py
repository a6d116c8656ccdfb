"""The IPDAS decision-aid criteria this app meets, where, and a check for each. Pure.

IPDAS: International Patient Decision Aid Standards (qualifying and certifying criteria,
Joseph-Williams et al. 2014). The Sources & method page lists them; tests keep the list true.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from components.data import Content

# Shown on Start here; the condition and the decision must be stated in the aid itself.
ABOUT_BACK_PAIN = (
    "Back pain is very common: most people have it at some point. Most new episodes get better over a few "
    "weeks, whatever the treatment, but up to about 1 in 3 people still have some pain a year later. "
    "Pain that spreads down a leg (sciatica) usually comes from an irritated nerve in the lower back."
)
THE_DECISION = (
    "The decision this app helps with: which treatment to try next for your back or neck pain, if any, "
    "and what to ask your doctor about it."
)


@dataclass(frozen=True)
class Criterion:
    kind: str  # "qualifying" or "certifying"
    name: str
    where: str
    met: Callable[[Content], bool]


def _all_filled(content: Content, *columns: str) -> bool:
    return all(content.treatments[column].str.len().gt(0).all() for column in columns)


def _equal_detail(content: Content) -> bool:
    benefits, risks = content.treatments["benefits"].str.len(), content.treatments["risks"].str.len()
    return bool(((benefits <= 3 * risks) & (risks <= 3 * benefits)).all())


def _cited(content: Content) -> bool:
    cited = set(content.evidence["treatment_id"])
    return set(content.treatments["id"]) <= cited and content.sources["url"].str.startswith("http").all()


def _dated(content: Content) -> bool:
    return date.fromisoformat(content.about["last_reviewed"]) <= date.today()


CRITERIA: tuple[Criterion, ...] = (
    Criterion("qualifying", "Describes the health condition", "Start here: about back pain", lambda c: bool(ABOUT_BACK_PAIN)),
    Criterion("qualifying", "States the decision", "Start here: the decision", lambda c: bool(THE_DECISION)),
    Criterion(
        "qualifying",
        "Describes the options, including doing nothing more",
        "Explore treatments: every option, with 'stay active and wait and see' first",
        lambda c: "stay_active" in set(c.treatments["id"]) and c.treatments["category"].nunique() == 5,
    ),
    Criterion(
        "qualifying",
        "Describes the positive features of each option",
        "Explore details and Compare: possible benefits",
        lambda c: _all_filled(c, "benefits"),
    ),
    Criterion(
        "qualifying",
        "Describes the negative features of each option",
        "Explore details and Compare: possible risks",
        lambda c: _all_filled(c, "risks"),
    ),
    Criterion(
        "qualifying",
        "Describes what it is like to go through each option",
        "Explore details and Compare: what it involves, typical course and recovery",
        lambda c: _all_filled(c, "what_it_involves", "recovery"),
    ),
    Criterion(
        "certifying",
        "Shows positive and negative features in equal detail",
        "Compare: the same rows for every option, benefits and risks side by side",
        _equal_detail,
    ),
    Criterion(
        "certifying", "Cites the evidence", "Explore details, Compare and Sources & method: every stance names its source", _cited
    ),
    Criterion("certifying", "Gives a production or review date", "Sources & method: last reviewed", _dated),
    Criterion(
        "certifying",
        "Gives an update policy",
        "Sources & method: update policy",
        lambda c: bool(c.about["update_policy"].strip()),
    ),
    Criterion(
        "certifying",
        "Gives information about uncertainty",
        "Compare and My visit: 'how sure' on every figure, or 'no reliable numbers'",
        lambda c: c.outcomes["certainty"].str.len().gt(0).all(),
    ),
    Criterion(
        "certifying",
        "States the funding source",
        "Sources & method: funding and interests",
        lambda c: bool(c.about["funding"].strip()),
    ),
)
