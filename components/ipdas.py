"""The IPDAS decision-aid criteria this app meets, where, and a check for each. Pure.

IPDAS: International Patient Decision Aid Standards (qualifying and certifying criteria,
Joseph-Williams et al. 2014; and the quality criteria this app takes on: probabilities, values,
knowledge and readiness). The Sources & method page lists them; tests keep the list true.
Each check reads what a person is shown (the Start here text, the Explore and Compare tables,
the Sources & method statements), built by the same functions the pages use, never the raw data.
The checks look for the app's own words (a row name, "How sure:", "in 100 people"), so what they read is
built with the interface in English and the content in the run's language; a language is only offered
once its catalogue translates every message (components.i18n), so each language shows the same things.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import copy_context
from dataclasses import dataclass
from datetime import date

import pandas as pd

from components import statements
from components.compare import NO_NUMBERS, VALUES, comparison_table
from components.data import Content
from components.explore import explore_table
from components.i18n import N_, _, use_language
from components.knowledge import Question, knowledge_questions
from components.outcomes import PEOPLE, Outcome, icon_data, outcome_sentence
from components.readiness import SURE, SureItem
from components.statements import ABOUT_BACK_PAIN, THE_DECISION
from components.translations import SOURCE_LANGUAGE
from components.vocabulary import CATEGORIES, INVASIVENESS

__all__ = ["ABOUT_BACK_PAIN", "CRITERIA", "THE_DECISION", "Criterion", "Figure", "Shown", "criteria_table", "what_is_shown"]

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
    figures: tuple[Figure, ...] = ()  # Compare: every outcome figure, in words and (where counted) drawn
    knowledge: tuple[Question, ...] = ()  # Start here and My visit: the knowledge check
    readiness: tuple[SureItem, ...] = ()  # My visit: the SURE questions, what helps, questions for the doctor
    values: tuple[str, ...] = ()  # Compare: the wishes a person can weigh


@dataclass(frozen=True)
class Figure:
    """One outcome figure as Compare shows it: the words, and the marks its picture draws (None: words only)."""

    outcome: Outcome
    words: str
    marks: pd.DataFrame | None


def what_is_shown(content: Content, fitted: pd.DataFrame) -> Shown:
    """Build what the pages show from `fitted`, the fit of an empty Situation (cached_fit or fit_content),
    with the interface's words in English whatever the run's language (the module docstring says why)."""
    return copy_context().run(_in_english, content, fitted)


def _in_english(content: Content, fitted: pd.DataFrame) -> Shown:
    use_language(SOURCE_LANGUAGE)  # in a copy of the run's context: the run's own language is untouched
    return Shown(
        # Looked up on the module when called, like Start here does, so both always say the same.
        introduction=statements.start_here_introduction(),
        explore=explore_table(fitted, content.categories, CATEGORIES, max(INVASIVENESS)),
        compare=comparison_table(fitted, content.evidence, content.sources, fitted["id"].tolist(), content.outcomes),
        review=statements.sources_review(content.about),
        funding=statements.sources_funding(content.about),
        figures=tuple(
            Figure(o, outcome_sentence(o, name), icon_data(o) if o.drawn else None)
            for treatment_id, name in content.treatment_names.items()
            for o in content.figures.get(treatment_id, ())
        ),
        knowledge=knowledge_questions(content.knowledge, content.sources),
        readiness=SURE,
        values=tuple(VALUES.values()),
    )


@dataclass(frozen=True)
class Criterion:
    kind: str  # "qualifying", "certifying" or "quality" (KINDS says it in words)
    name: str  # marked for the catalogue; translated where shown, like `where`
    where: str
    met: Callable[[Shown], bool]


KINDS = {"qualifying": N_("qualifying"), "certifying": N_("certifying"), "quality": N_("quality")}


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


def _counts_in_words(figure: Figure) -> list[int]:
    return [int(n) for n in re.findall(rf"(\d+) in {PEOPLE} people {re.escape(figure.outcome.outcome)}", figure.words)]


def _out_of_100_with_a_time_frame(figures: tuple[Figure, ...]) -> bool:
    """Every counted figure is said as 'N in 100 people' (never 1 in X) over its stated time frame."""
    return bool(figures) and all(
        f.outcome.time_frame in f.words
        and not re.search(r"\b1 in \d|\bone in \w", f.words)
        and (not f.outcome.drawn or len(_counts_in_words(f)) >= 1)
        for f in figures
    )


def _drawn_as_said(figures: tuple[Figure, ...]) -> bool:
    """Every counted figure is drawn, 100 marks a group, with the same counts as its words."""
    drawn = [f for f in figures if f.outcome.drawn]
    return bool(drawn) and all(
        f.marks is not None
        and set(f.marks.groupby("order").size()) == {PEOPLE}
        and f.marks[f.marks["happened"]].groupby("order").size().tolist() == _counts_in_words(f)
        for f in drawn
    )


def _checks_understanding(knowledge: tuple[Question, ...]) -> bool:
    return 5 <= len(knowledge) <= 8 and all(_filled(q.explanation) and _filled(q.source) for q in knowledge)


def _asks_how_ready(readiness: tuple[SureItem, ...]) -> bool:
    return "".join(i.letter for i in readiness) == "SURE" and all(_filled(i.helps) and _filled(i.ask) for i in readiness)


def _funded(funding: str) -> bool:
    # The funding statement comes first; the interests follow in their own paragraph.
    return _filled(funding.split("\n\n", 1)[0])


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "qualifying",
        N_("Describes the health condition"),
        N_("Start here: about back pain"),
        lambda s: _states(s.introduction, ABOUT_BACK_PAIN),
    ),
    Criterion(
        "qualifying", N_("States the decision"), N_("Start here: the decision"), lambda s: _states(s.introduction, THE_DECISION)
    ),
    Criterion(
        "qualifying",
        N_("Describes the options, including doing nothing more"),
        N_("Explore treatments: every option, 'stay active and wait and see' among them"),
        lambda s: _lists_every_option(s.explore),
    ),
    Criterion(
        "qualifying",
        N_("Describes the positive features of each option"),
        N_("Explore details and Compare: possible benefits"),
        lambda s: _every_cell(s.compare, "Possible benefits", _filled),
    ),
    Criterion(
        "qualifying",
        N_("Describes the negative features of each option"),
        N_("Explore details and Compare: possible risks"),
        lambda s: _every_cell(s.compare, "Possible risks", _filled),
    ),
    Criterion(
        "qualifying",
        N_("Describes what it is like to go through each option"),
        N_("Explore details and Compare: what it involves, typical course and recovery"),
        lambda s: (
            _every_cell(s.compare, "What it involves", _filled) and _every_cell(s.compare, "Typical course and recovery", _filled)
        ),
    ),
    Criterion(
        "certifying",
        N_("Shows positive and negative features in equal detail"),
        N_("Compare: the same rows for every option, benefits and risks side by side"),
        lambda s: _equal_detail(s.compare),
    ),
    Criterion(
        "certifying",
        N_("Cites the evidence"),
        N_("Explore details, Compare and Sources & method: every stance names its source"),
        # Each line there starts with the guideline's name; an option no guideline covers shows nothing.
        lambda s: _every_cell(s.compare, "What each guideline says", _filled),
    ),
    Criterion(
        "certifying", N_("Gives a production or review date"), N_("Sources & method: last reviewed"), lambda s: _dated(s.review)
    ),
    Criterion(
        "certifying", N_("Gives an update policy"), N_("Sources & method: update policy"), lambda s: _update_policy(s.review)
    ),
    Criterion(
        "certifying",
        N_("Gives information about uncertainty"),
        N_("Compare and My visit: 'how sure' on every figure, or 'no reliable numbers'"),
        lambda s: _every_cell(s.compare, "Outcomes in numbers", _sure_of_each_figure),
    ),
    Criterion(
        "certifying",
        N_("States the funding source"),
        N_("Sources & method: funding and interests"),
        lambda s: _funded(s.funding),
    ),
    Criterion(
        "quality",
        N_("Gives chances out of the same 100 people, over a stated time"),
        N_("Compare and My visit: every figure as 'N in 100 people', with its time frame; never '1 in X'"),
        lambda s: _out_of_100_with_a_time_frame(s.figures),
    ),
    Criterion(
        "quality",
        N_("Shows chances in more than one way"),
        N_("Compare and the visit PDF: a picture of 100 people beside the comparison group, with the same numbers in words"),
        lambda s: _drawn_as_said(s.figures),
    ),
    Criterion(
        "quality",
        N_("Helps the person weigh what matters to them"),
        N_("Compare: what matters to you; My visit and the downloads carry it"),
        lambda s: len(s.values) >= 3,
    ),
    Criterion(
        "quality",
        N_("Checks what the person understood"),
        N_("Start here and My visit: a short knowledge check, with feedback and its source for every answer"),
        lambda s: _checks_understanding(s.knowledge),
    ),
    Criterion(
        "quality",
        N_("Helps the person see how ready they are to decide"),
        N_("My visit: the SURE test, what helps for each 'no', and questions for the doctor"),
        lambda s: _asks_how_ready(s.readiness),
    ),
)


def criteria_table(shown: Shown) -> pd.DataFrame:
    """The Sources & method table: each criterion, its kind, where the app meets it, and whether it is met,
    in the run's language (a table for people: its column names are words too)."""
    criterion = _("Criterion")
    return pd.DataFrame(
        {
            criterion: [_(c.name) for c in CRITERIA],
            _("Kind"): [_(KINDS[c.kind]) for c in CRITERIA],
            _("Where in the app"): [_(c.where) for c in CRITERIA],
            _("Met"): [_("✔ yes") if c.met(shown) else _("✖ not yet") for c in CRITERIA],
        }
    ).set_index(criterion)
