from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import components.statements
from components.compare import NO_NUMBERS
from components.data import Content, load_content
from components.fit import fit_content
from components.ipdas import CRITERIA, Figure, Shown, what_is_shown
from components.situation import Situation
from components.statements import ABOUT_BACK_PAIN, THE_DECISION, sources_funding, sources_review, start_here_introduction

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def shown(content: Content) -> Shown:
    return what_is_shown(content, fit_content(Situation(), content))


def _with_cell(shown: Shown, aspect: str, change: Callable[[str], str]) -> Shown:
    """`shown` with the first Compare cell in this row that `change` alters, changed."""
    compare = shown.compare.copy()
    column = next(name for name in compare.columns if change(compare.loc[aspect, name]) != compare.loc[aspect, name])
    compare.loc[aspect, column] = change(compare.loc[aspect, column])
    return replace(shown, compare=compare)


def _broken(shown: Shown, about: dict[str, str]) -> dict[str, Shown]:
    """For each criterion, what a person would see if the app stopped meeting it."""
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    return {
        "Describes the health condition": replace(shown, introduction=f"**{THE_DECISION}**"),
        "States the decision": replace(shown, introduction=f"**About back pain.** {ABOUT_BACK_PAIN}"),
        "Describes the options, including doing nothing more": replace(
            shown, explore=shown.explore[shown.explore["id"] != "stay_active"]
        ),
        "Describes the positive features of each option": _with_cell(shown, "Possible benefits", lambda _: ""),
        "Describes the negative features of each option": _with_cell(shown, "Possible risks", lambda _: " "),
        "Describes what it is like to go through each option": _with_cell(shown, "Typical course and recovery", lambda _: ""),
        "Shows positive and negative features in equal detail": _with_cell(shown, "Possible risks", lambda risks: risks * 4),
        "Cites the evidence": _with_cell(shown, "What each guideline says", lambda _: ""),
        "Gives a production or review date": replace(shown, review=sources_review({**about, "last_reviewed": tomorrow})),
        "Gives an update policy": replace(shown, review=sources_review({**about, "update_policy": ""})),
        "Gives information about uncertainty": _with_cell(
            shown, "Outcomes in numbers", lambda figures: figures if figures == NO_NUMBERS else figures.replace("How sure:", "")
        ),
        "States the funding source": replace(shown, funding=sources_funding({**about, "funding": ""})),
        "Gives chances out of the same 100 people, over a stated time": _with_figure(
            shown, lambda f: replace(f, words=f.words.replace(f.outcome.time_frame, "later"))
        ),
        "Shows chances in more than one way": _with_figure(shown, lambda f: replace(f, marks=None)),
        "Helps the person weigh what matters to them": replace(shown, values=()),
        "Checks what the person understood": replace(shown, knowledge=shown.knowledge[:4]),
        "Helps the person see how ready they are to decide": replace(shown, readiness=shown.readiness[:3]),
    }


def _with_figure(shown: Shown, change: Callable[[Figure], Figure]) -> Shown:
    """`shown` with its first drawn figure changed."""
    index = next(i for i, f in enumerate(shown.figures) if f.outcome.drawn)
    figures = list(shown.figures)
    figures[index] = change(figures[index])
    return replace(shown, figures=tuple(figures))


def test_all_six_qualifying_six_certifying_and_five_quality_criteria_are_listed_and_met(shown):
    assert [c.kind for c in CRITERIA].count("qualifying") == 6
    assert [c.kind for c in CRITERIA].count("certifying") == 6
    assert [c.kind for c in CRITERIA].count("quality") == 5
    assert [c.name for c in CRITERIA if not c.met(shown)] == []


@pytest.mark.parametrize("criterion", CRITERIA, ids=[c.name for c in CRITERIA])
def test_a_criterion_fails_when_what_it_checks_is_no_longer_shown(criterion, shown, content):
    broken = _broken(shown, content.about)
    assert set(broken) == {c.name for c in CRITERIA}
    assert [c.name for c in CRITERIA if not c.met(broken[criterion.name])] == [criterion.name]


def test_a_figure_drawn_with_other_counts_than_its_words_fails_the_picture_criterion(shown):
    """The picture criterion compares the marks with the words, not just that a picture exists."""
    picture = next(c for c in CRITERIA if c.name == "Shows chances in more than one way")

    def one_less(figure: Figure) -> Figure:
        marks = figure.marks.copy()
        marks.loc[marks.index[0], "happened"] = False
        return replace(figure, marks=marks)

    assert not picture.met(_with_figure(shown, one_less))


def test_sources_page_lists_each_criterion_with_where_it_is_met():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/sources.py").run()
    table = next(t.value for t in at.table if "Where in the app" in t.value.columns)
    assert list(table.index) == [c.name for c in CRITERIA]
    assert set(table["Met"]) == {"✔ yes"}


def test_start_here_states_the_condition_and_the_decision():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert start_here_introduction() in [m.value for m in at.markdown]


def test_without_the_condition_on_start_here_the_sources_page_says_not_yet(monkeypatch):
    monkeypatch.setattr(components.statements, "start_here_introduction", lambda: f"**{THE_DECISION}**")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert ABOUT_BACK_PAIN not in "\n".join(m.value for m in at.markdown)  # the patch reaches Start here
    at.switch_page("pages/sources.py").run()
    met = next(t.value for t in at.table if "Where in the app" in t.value.columns)["Met"]
    assert met["Describes the health condition"] == "✖ not yet"
    assert met["States the decision"] == "✔ yes"
