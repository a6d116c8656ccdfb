"""Outcomes out of 100: the icon-array spec, the words that go with it, and the shipped figures."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from components import statements
from components.compare import comparison_table
from components.data import load_content
from components.fit import fit_content
from components.outcomes import (
    MISSING,
    NO_NUMBERS,
    PEOPLE,
    THIS_OPTION,
    Outcome,
    icon_array,
    icon_data,
    legend,
    missing_kinds,
    outcome_sentence,
    outcome_text,
    outcomes_for,
)
from components.situation import Situation
from components.vocabulary import OUTCOME_KINDS

CONTENT = load_content()
ALL = [o for t in CONTENT.outcomes["treatment_id"].unique() for o in outcomes_for(t, CONTENT.outcomes, CONTENT.sources)]
DRAWN = [o for o in ALL if o.drawn]
NAMES = CONTENT.treatment_names
SCS = outcomes_for("spinal_cord_stimulation", CONTENT.outcomes, CONTENT.sources)[0]


def marks(chart_spec: dict) -> pd.DataFrame:
    """The rows a chart draws: one per mark (its inline dataset)."""
    (values,) = chart_spec["datasets"].values()
    return pd.DataFrame(values)


def made_up(with_treatment: int | None, with_comparison: int | None = None, comparison: str = "") -> Outcome:
    return Outcome(
        "x",
        "got better",
        "benefit",
        with_treatment,
        comparison,
        with_comparison,
        "",
        "some people",
        "at 6 weeks",
        "low",
        "Src (2020)",
    )


@pytest.mark.parametrize("outcome", DRAWN, ids=lambda o: f"{o.treatment_id}-{o.outcome[:20]}")
def test_every_drawn_figure_is_100_marks_per_group_and_the_counts_match_its_row(outcome: Outcome):
    drawn = marks(icon_array(outcome).to_dict())
    groups = drawn.groupby("order")
    expected = [outcome.with_treatment] + ([outcome.with_comparison] if outcome.with_comparison is not None else [])
    assert groups.size().tolist() == [PEOPLE] * len(expected)
    assert [int(g["happened"].sum()) for _, g in groups] == expected
    # The key names the outcome itself, so a dark figure never reads as "good" for a harm.
    key = {status.replace("\n", " ") for status in drawn["status"]}
    assert key == {outcome.outcome[0].upper() + outcome.outcome[1:], "Did not"}
    # Every group's header states its own count out of the same 100.
    headers = [g["group"].iloc[0] for _, g in groups]
    assert [h.rsplit("\n", 1)[1] for h in headers] == [f"{n} in {PEOPLE}" for n in expected]


@pytest.mark.parametrize("outcome", DRAWN, ids=lambda o: f"{o.treatment_id}-{o.outcome[:20]}")
def test_compared_arrays_share_one_grid_one_denominator_and_one_time_frame(outcome: Outcome):
    spec = icon_array(outcome).to_dict()
    drawn = marks(spec)
    # The same 10 x 10 grid for every group, filled from the top left, so the pictures compare at a glance.
    for _, group in drawn.groupby("order"):
        assert sorted(zip(group["row"], group["column"], strict=True)) == [(r, c) for r in range(10) for c in range(10)]
        had_it = group[group["happened"]]
        assert list(had_it["person"]) == list(range(1, len(had_it) + 1))
    # One title for the whole figure: the denominator and the one time frame both groups share.
    title = spec["title"]["text"]
    heading = f"{OUTCOME_KINDS[outcome.kind]}. Out of {PEOPLE} people, how many {outcome.outcome}"
    assert " ".join(title[:-1]) == heading and title[-1] == outcome.time_frame.capitalize()
    assert spec["spec"]["width"] == spec["spec"]["height"]
    # The picture says who was studied, the source and how sure, so it stands on its own (as in the PDF).
    subtitle = " ".join(spec["title"]["subtitle"])
    assert f"Who: {outcome.group}." in subtitle and f"Source: {outcome.source}." in subtitle and "How sure: " in subtitle


def test_the_shape_tells_the_groups_apart_as_well_as_the_colour():
    encoding = icon_array(SCS).to_dict()["spec"]["encoding"]
    shapes, colours = encoding["shape"]["scale"]["range"], encoding["color"]["scale"]["range"]
    assert encoding["shape"]["scale"]["domain"] == encoding["color"]["scale"]["domain"]
    assert encoding["color"]["scale"]["domain"][1] == "Did not"
    assert encoding["color"]["scale"]["domain"][0].replace("\n", " ") == "Had at least half of their leg pain relieved"
    assert len(set(shapes)) == 2 and len(set(colours)) == 2


def test_stacked_arrays_are_one_above_the_other_side_by_side_ones_are_not():
    assert "row" in icon_array(SCS, stacked=True).to_dict()["facet"]
    assert "column" in icon_array(SCS).to_dict()["facet"]


def test_the_option_is_drawn_first_and_its_comparison_beside_it_named_as_in_the_trial():
    headers = marks(icon_array(SCS).to_dict()).drop_duplicates("order")["group"].tolist()
    assert headers == [f"{THIS_OPTION}:\n48 in 100", "Usual care alone:\n9 in 100"]


def test_a_made_up_figure_draws_exactly_its_counts_including_none_and_all():
    for with_treatment, with_comparison in ((0, 100), (100, 0), (7, None)):
        outcome = made_up(with_treatment, with_comparison, "waiting" if with_comparison is not None else "")
        drawn = icon_data(outcome)
        counts = drawn[drawn["happened"]].groupby("order").size().reindex(range(drawn["order"].nunique()), fill_value=0)
        assert counts.tolist() == [n for n in (with_treatment, with_comparison) if n is not None]


def test_the_key_is_worded_from_the_outcome_and_wrapped_to_fit():
    outcome = made_up(5)
    assert legend(outcome) == ("Got better", "Did not")
    assert legend(replace(outcome, outcome="had at least half of their leg pain relieved"), 20)[0] == (
        "Had at least half of\ntheir leg pain\nrelieved"
    )


def test_an_option_with_figures_of_one_kind_says_it_has_none_of_the_other():
    benefit, harm = made_up(5), replace(made_up(5), kind="harm")
    assert missing_kinds((benefit,)) == ("harm",) and missing_kinds((harm,)) == ("benefit",)
    assert missing_kinds((benefit, harm)) == () and missing_kinds(()) == ()
    assert missing_kinds((replace(benefit, kind="course"),)) == ("benefit", "harm")
    discectomy = outcomes_for("discectomy", CONTENT.outcomes, CONTENT.sources)
    assert missing_kinds(discectomy) == ("harm",) and MISSING["harm"].startswith("No figure out of 100 for its side effects")


def test_a_figure_without_a_count_is_not_drawn():
    with pytest.raises(ValueError, match="no count out of 100"):
        icon_data(made_up(None))


def test_the_words_give_the_same_numbers_as_the_picture():
    for outcome in DRAWN:
        sentence = outcome_sentence(outcome, NAMES[outcome.treatment_id])
        counts = [outcome.with_treatment] + ([outcome.with_comparison] if outcome.with_comparison is not None else [])
        said = [int(n) for n in re.findall(r"(\d+) in 100 people " + re.escape(outcome.outcome), sentence)]
        assert said == counts, sentence
        assert f"({outcome.group}, {outcome.time_frame}). Source: {outcome.source}. How sure: " in sentence


def test_a_made_up_figure_reads_in_one_pattern():
    outcome = made_up(48, 9, "usual care alone")
    assert outcome_sentence(outcome, "Stimulation") == (
        "Stimulation: 48 in 100 people got better. Usual care alone: 9 in 100 people got better. "
        "(some people, at 6 weeks). Source: Src (2020). How sure: low."
    )
    assert outcome_sentence(replace(outcome, with_treatment=None, with_comparison=None, note="No count given."), "S") == (
        "No count given. (some people, at 6 weeks). Source: Src (2020). How sure: low."
    )


def test_no_figure_is_one_in_x_or_relative():
    texts = " ".join(outcome_sentence(o, NAMES[o.treatment_id]) for o in ALL)
    assert not re.search(r"\b1 in \d|\bone in \w+|\btimes (as|more) likely|\btwice as|\bodds|\brelative risk", texts, re.I)
    assert set(CONTENT.outcomes["denominator"]) == {PEOPLE}


def test_no_text_a_person_reads_gives_a_chance_as_one_in_x():
    """Everywhere, not only the figures: content cells and Start here's statement (the issue's IPDAS rule)."""
    one_in_x = re.compile(r"\b(1|one) in (\d|two|three|four|five|six|ten)", re.I)
    tables = [getattr(CONTENT, name) for name in ("treatments", "evidence", "outcomes", "knowledge", "glossary", "red_flags")]
    cells = [str(v) for table in tables for column in table.columns for v in table[column]]
    found = [c for c in [*cells, statements.ABOUT_BACK_PAIN] if one_in_x.search(c)]
    assert found == []


def test_each_category_has_a_figure_and_a_treatment_without_figures_says_so():
    covered = set(CONTENT.treatments.set_index("id").loc[[o.treatment_id for o in DRAWN], "category"])
    assert covered >= {"physical_therapy", "medications", "chiropractic", "surgery"}
    assert outcome_text(CONTENT.figures.get("yoga_tai_chi", ()), NAMES["yoga_tai_chi"]) == NO_NUMBERS


def test_benefits_and_harms_both_have_figures_where_an_option_has_several():
    nsaids = outcomes_for("nsaids", CONTENT.outcomes, CONTENT.sources)
    assert [o.outcome for o in nsaids] == ["said their back pain was better overall", "had a side effect"]
    assert {o.certainty for o in nsaids} == {"low", "very_low"}  # as the Cochrane table rates them


def test_compare_gives_every_figure_of_an_option_in_its_outcomes_row():
    fitted = fit_content(Situation(), CONTENT)
    table = comparison_table(fitted, CONTENT.evidence, CONTENT.sources, ["nsaids", "yoga_tai_chi"], CONTENT.outcomes)
    row = table.loc["Outcomes in numbers"]
    assert row.iloc[0].count("Source: Cochrane NSAIDs 2020") == 2 and row.iloc[1] == NO_NUMBERS
