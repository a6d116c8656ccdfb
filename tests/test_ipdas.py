from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.data import load_content
from components.ipdas import ABOUT_BACK_PAIN, CRITERIA, THE_DECISION

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_all_six_qualifying_and_six_certifying_criteria_are_listed_and_met():
    content = load_content()
    assert [c.kind for c in CRITERIA].count("qualifying") == 6
    assert [c.kind for c in CRITERIA].count("certifying") == 6
    assert [c.name for c in CRITERIA if not c.met(content)] == []


def test_sources_page_lists_each_criterion_with_where_it_is_met():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/sources.py").run()
    table = next(t.value for t in at.table if "Where in the app" in t.value.columns)
    assert list(table.index) == [c.name for c in CRITERIA]
    assert set(table["Met"]) == {"✔ yes"}


def test_start_here_states_the_condition_and_the_decision():
    at = AppTest.from_file(APP, default_timeout=60).run()
    text = "\n".join(m.value for m in at.markdown)
    assert ABOUT_BACK_PAIN in text and THE_DECISION in text
