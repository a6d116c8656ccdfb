"""AppTest for every page: start from app.py with query params, then switch_page."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from unittest.mock import patch
from urllib.parse import parse_qsl, urlsplit

import pyarrow as pa
import pypdf
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from components.data import ContentError, load_content
from components.exports import ARRAYS_HEADING
from components.frame import DISCLAIMER
from components.sidebar import WIDGET_KEYS

APP = str(Path(__file__).resolve().parent.parent / "app.py")
# Sciatica with numbness in one leg, after conservative care, with a scan that matches: the
# situation in which NICE NG59 allows decompression surgery.
SCIATICA = {
    "symptoms": "leg_pain,numbness",
    "where": "one_leg",
    "pain": "8",
    "function": "severe",
    "duration": "chronic",
    "tried": "physical_therapy,medications",
    "findings": "imaging_matches",
}


def open_app(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "error", "warning", "info", "success") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


TREATMENT_COUNT = len(load_content().treatments)


def explore_fits(at: AppTest) -> dict[str, str]:
    table = at.dataframe[0].value
    return dict(zip(table["id"], table["fit"], strict=True))


def test_start_here_explains_the_app_and_answers_the_self_check():
    at = open_app()
    assert at.title[0].value == "Back pain treatment options"
    page = texts(at)
    assert "not medical advice" in page and "not a diagnosis" in page
    assert "Should I see a back pain doctor?" in [h.value for h in at.header]
    assert "What a back pain doctor does" in [h.value for h in at.header]
    assert not at.error


def test_start_here_self_check_gives_reasons_from_the_situation():
    at = open_app(**SCIATICA)
    page = texts(at)
    assert "Yes: seeing a back pain doctor would be sensible." in page
    assert "Your pain spreads into a leg. You have tingling or numbness in one leg, which counts even with little pain." in page
    assert "You said you can't do everyday tasks." in page


def test_a_link_fills_every_sidebar_widget():
    at = open_app(**SCIATICA, age="50_to_64", history="spine_injury", health="osteoporosis", flags="fever,weight_loss")
    assert at.pills(key="w_symptoms").value == ["leg_pain", "numbness"]
    assert at.pills(key="w_where").value == ["one_leg"]
    assert at.slider(key="w_pain").value == 8
    assert at.radio(key="w_function").value == "severe"
    assert at.radio(key="w_duration").value == "chronic"
    assert at.radio(key="w_age").value == "50_to_64"
    assert at.multiselect(key="w_tried").value == ["physical_therapy", "medications"]
    assert at.multiselect(key="w_findings").value == ["imaging_matches"]
    assert at.multiselect(key="w_history").value == ["spine_injury"]
    assert at.multiselect(key="w_health").value == ["osteoporosis"]
    assert at.checkbox(key="w_flag_fever").value is True
    assert at.checkbox(key="w_flag_weight_loss").value is True
    assert at.checkbox(key="w_flag_bladder_bowel").value is False


def test_explore_lists_every_treatment_with_fit_and_reason_for_the_linked_situation():
    at = open_app("pages/explore.py", **SCIATICA)
    table = at.dataframe[0].value
    assert {"id", "name", "category", "fit", "reason"} <= set(table.columns)
    assert len(table) == TREATMENT_COUNT
    fits = explore_fits(at)
    assert fits["discectomy"] == "fits now"
    assert fits["strong_opioids"] == "not typical"
    # NICE TA159: a spinal cord stimulator only once nerve pain has lasted 6 months.
    assert fits["spinal_cord_stimulation"] == "later step"
    assert set(fits.values()) == {"fits now", "later step", "not typical"}


def test_moving_between_pages_keeps_the_situation():
    at = open_app(**SCIATICA)
    at.switch_page("pages/explore.py").run()
    assert explore_fits(at)["discectomy"] == "fits now"
    at.switch_page("pages/home.py").run()
    assert at.slider(key="w_pain").value == 8
    assert at.query_params["symptoms"] == "leg_pain,numbness"


def test_changing_a_widget_changes_the_fits():
    at = open_app("pages/explore.py", **SCIATICA)
    at.multiselect(key="w_findings").set_value([]).run()
    assert explore_fits(at)["discectomy"] == "later step"
    assert at.session_state["situation"].findings == ()
    at.slider(key="w_pain").set_value(0).run()
    at.radio(key="w_function").set_value("none").run()
    assert explore_fits(at)["discectomy"] == "not typical"
    assert at.session_state["situation"].pain == 0


@pytest.mark.parametrize("page", [None, "pages/explore.py"])
def test_emergency_flag_puts_an_emergency_banner_at_the_top_of_every_page(page):
    at = open_app(page, symptoms="back_pain", flags="saddle_numbness")
    assert "Emergency" in at.error[0].value
    assert "emergency" in at.error[0].value.lower() and "now" in at.error[0].value
    assert "Numbness around the genitals or bottom" in at.error[0].value


@pytest.mark.parametrize("page", [None, "pages/explore.py"])
def test_same_day_flag_puts_a_see_a_doctor_today_banner_on_every_page(page):
    at = open_app(page, symptoms="back_pain", flags="cancer_history")
    assert "See a doctor today" in at.error[0].value and "Past or current cancer" in at.error[0].value
    assert all("Emergency" not in e.value for e in at.error)


def test_on_explore_the_same_day_assessment_stands_above_the_table():
    at = open_app("pages/explore.py", symptoms="back_pain", flags="fever")
    children = list(at.main.children.values())
    kinds = [type(e).__name__ for e in children]
    # The table sits in the wide-screen container (a phone gets cards instead).
    table_at = next(
        i for i, e in enumerate(children) if any(type(c).__name__ == "Dataframe" for c in getattr(e, "children", {}).values())
    )
    assert kinds.index("Error") < table_at, kinds
    assert "fits now" not in set(explore_fits(at).values())


@pytest.mark.parametrize("page", [None, "pages/explore.py"])
def test_no_banner_without_a_flag(page):
    at = open_app(page, **SCIATICA)
    assert not at.error


def test_bad_link_values_are_ignored_with_one_message_and_the_page_still_renders():
    at = open_app(symptoms="leg_pain,<script>alert(1)</script>", pain="eleven", duration="chronic", zzz="1")
    warnings = [w.value for w in at.warning if "ignored" in w.value]
    assert len(warnings) == 1
    assert "<script>" not in warnings[0] and "pain=eleven" in warnings[0]
    assert at.slider(key="w_pain").value == 0
    assert at.pills(key="w_symptoms").value == ["leg_pain"]
    # With Spanish offered, a link carries its language too.
    assert dict(at.query_params) == {"symptoms": "leg_pain", "duration": "chronic", "lang": "en"}
    # Told once: moving on does not repeat it, and the usable part of the link is kept.
    at.switch_page("pages/explore.py").run()
    assert not [w for w in at.warning if "ignored" in w.value]
    assert len(at.dataframe[0].value) == TREATMENT_COUNT
    assert at.radio(key="w_duration").value == "chronic"


def test_explore_filters_by_category_and_invasiveness():
    at = open_app("pages/explore.py", **SCIATICA)
    at.pills(key="explore_categories").set_value(["surgery", "injections"]).run()
    assert set(at.dataframe[0].value["category"]) == {"Surgery and implants", "Injections and needle procedures"}
    at.select_slider(key="explore_max_invasiveness").set_value(3).run()
    assert set(at.dataframe[0].value["category"]) == {"Injections and needle procedures"}


def test_explore_details_show_each_guideline_side_by_side():
    at = open_app("pages/explore.py", symptoms="back_pain", duration="chronic")
    at.selectbox(key="explore_details").select("acupuncture").run()
    page = texts(at)
    assert "**ACP 2017 rec 1: recommended** (for the lower back and legs, pain lasting less than 12 weeks)." in page
    assert "**ACP 2017 rec 2: recommended** (for the lower back and legs, pain lasting more than 12 weeks)." in page
    assert "**NICE NG59: advises against** (for the lower back and legs)." in page
    assert "**WHO 2023: consider** (for the lower back and legs, pain lasting more than 12 weeks)." in page
    assert "Possible risks." in page and "Possible benefits." in page


def test_a_broken_content_file_stops_the_app_with_one_clear_error_and_no_table():
    broken = ContentError("treatments.csv", 7, "category", "physio", "must be one of: physical_therapy, medications")
    with patch("components.caching.load_content", side_effect=broken):
        at = open_app("pages/explore.py", **SCIATICA)
    assert len(at.error) == 1
    message = at.error[0].value.replace("\\", "")  # as shown: Markdown escapes removed
    assert 'data/treatments.csv, row 7, column "category"' in message and "physio" in message
    assert not at.dataframe


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def chart_rows(at: AppTest, index: int) -> list[dict]:
    """Every data row of one chart: Streamlit sends chart data beside the spec, as Arrow."""
    chart = at.get("vega_lite_chart")[index]
    frames = [pa.ipc.open_stream(dataset.data.data).read_pandas() for dataset in chart.proto.datasets]
    return [row for frame in frames for row in frame.to_dict("records")]


@pytest.mark.parametrize(
    "params",
    [{}, SCIATICA, {"symptoms": "back_pain", "flags": "bladder_bowel"}],
    ids=["no situation", "sciatica", "emergency"],
)
def test_ladder_page_draws_three_charts_each_with_a_caption_and_text(params):
    at = open_app("pages/ladder.py", **params)
    assert at.title[0].value == "Escalation ladder"
    assert len(charts(at)) == 3
    assert [s.value for s in at.subheader] == [
        "1. The ladder",
        "2. When each option is usually considered",
        "3. How invasive, and how long to recover",
    ]
    captions = [c.value for c in at.main.caption]
    assert DISCLAIMER in captions
    assert captions[-3:] == [
        "Care usually climbs from self-care (step 1) towards surgery (step 5) only when earlier steps have not helped; "
        "✔ and big filled marks fit you now; hollow marks come later; small hollow marks are not typical for you.",
        "Each bar runs from the week an option is usually first considered; the shaded band is how long you have had this "
        "episode; grey bars are options that are not typical for you.",
        "Further right means a longer recovery, higher up means more invasive; grey marks are advised against. "
        "Hover or tap a mark for details.",
    ]
    assert [e.label for e in at.expander][:3] == ["The ladder as text", "The timing as text", "Invasiveness and recovery as text"]
    page = texts(at)
    if "flags" in params:
        assert "Emergency" in at.error[0].value
        assert "the ladder does not apply" in page
    else:
        assert not at.error
        assert "You are here:** step" in page


def test_ladder_page_marks_you_are_here_from_the_situation():
    at = open_app("pages/ladder.py", **SCIATICA)
    marker_rows = [r for r in chart_rows(at, 0) if r.get("text") == "▼ You are here"]
    assert marker_rows == [{"column": "3 Specialist", "text": "▼ You are here"}]


def test_highlighting_a_category_carries_to_every_chart():
    at = open_app("pages/ladder.py", **SCIATICA)
    at.pills(key="ladder_highlight").set_value("surgery").run()
    for spec in charts(at):
        params = spec.get("params") or [p for layer in spec["layer"] for p in layer.get("params", [])]
        assert next(p for p in params if p["name"] == "category")["value"] == [{"category": "Surgery and implants"}]


def test_explore_is_headed_by_a_small_ladder():
    at = open_app("pages/explore.py", **SCIATICA)
    counts = chart_rows(at, 0)
    assert [r["step"] for r in counts if r["here"]] == [3]
    assert len(counts) == 5
    assert any(link.label == "See the full escalation ladder" for link in at.get("page_link"))


SHORTLIST = {**SCIATICA, "t": "discectomy,epidural_steroid,exercise_therapy"}


def test_compare_shows_the_linked_treatments_side_by_side():
    at = open_app("pages/compare.py", **SHORTLIST)
    assert at.multiselect(key="w_shortlist").value == ["discectomy", "epidural_steroid", "exercise_therapy"]
    table = at.table[0].value
    assert list(table.columns) == [
        "Microdiscectomy or open discectomy",
        "Epidural steroid injection (nerve-root injection)",
        "Exercise therapy (physiotherapist-led)",
    ]
    assert "Possible benefits" in table.index and "Possible risks" in table.index
    assert at.query_params["t"] == "discectomy,epidural_steroid,exercise_therapy"


def test_compare_asks_for_two_options_and_lines_them_up_with_what_matters():
    at = open_app("pages/compare.py", **SCIATICA)
    assert "Choose at least two treatments" in texts(at)
    assert not at.table
    at = open_app("pages/compare.py", **SHORTLIST)
    at.select_slider(key="matters_avoid_surgery").set_value("very much").run()
    wishes = at.table[1].value
    assert list(wishes.index) == ["Avoiding surgery (matters very much)"]
    assert wishes.iloc[0].tolist() == ["✖ This is surgery", "✔ Not surgery", "✔ Not surgery"]


def test_a_bad_treatment_id_in_the_link_is_ignored_and_the_rest_kept():
    at = open_app("pages/compare.py", **{**SCIATICA, "t": "discectomy,<b>x</b>,acupuncture"})
    assert at.multiselect(key="w_shortlist").value == ["discectomy", "acupuncture"]


MARKDOWN, CSV, PDF = "Download as text (Markdown)", "Download as a spreadsheet (CSV)", "Download as PDF (summary page and charts)"
MAKE_PDF = "Make a PDF (summary page and charts)"


def run_and_download(at: AppTest, make_pdf: str = MAKE_PDF) -> dict[str, tuple[str, str, bytes]]:
    """Rerun the page, make the PDF as a person would (its button, then a run), and fetch what each
    download button gives (file name, type, bytes), by label. AppTest drops each run's media files
    with the run (a fresh MediaFileManager each time), so this keeps hold of the run's manager; if a
    Streamlit release moves it, this fails loudly here."""
    managers: list[MediaFileManager] = []

    def keep(storage):
        managers.append(MediaFileManager(storage))
        return managers[-1]

    with patch("streamlit.testing.v1.app_test.MediaFileManager", side_effect=keep):
        at.run()
        make = [button for button in at.button if button.label == make_pdf]
        if make:
            make[0].click().run()
    assert not at.exception, at.exception
    assert not [b for b in at.button if b.label == make_pdf], "the PDF was not made"
    files = {}
    for button in at.download_button:
        proto = button.proto
        # Every file is made in the run (none deferred to the click: see test_a_file_made_on_the_click_...).
        assert not proto.HasField("deferred_file_id"), proto.label
        file = managers[-1].read_file(proto.url.rsplit("/", 1)[-1])
        assert file is not None, f"{proto.label}: no file at {proto.url!r}"
        files[proto.label] = (file.filename, file.mimetype, file.content)
    return files


def test_a_file_made_on_the_click_is_gone_after_two_runs_anywhere_on_the_server():
    """Why My visit makes its PDF in a run and does not hand the button a callable (a deferred
    download): Streamlit 1.67 keeps the file a callable makes mapped to no session, and the clean-up
    after every script run, in any session, marks it and then deletes it. On a busy server two runs
    can end before the browser fetches the file (make scale-test saw it). If this starts failing,
    Streamlit has changed; the deferred download may then be safe again."""
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    placeholder = manager.add_deferred(lambda: b"%PDF-1.7", "application/pdf", "1.2.3", "visit.pdf")
    made = manager.execute_deferred(placeholder).rsplit("/", 1)[-1]
    manager.remove_orphaned_files()  # another session's run ends
    assert manager.read_file(made) is not None
    manager.remove_orphaned_files()  # and another
    assert manager.read_file(made) is None
    # A file given to the button as bytes is the session's for as long as the button is shown.
    shown = manager.add(b"%PDF-1.7", "application/pdf", "1.2.4", "visit.pdf", is_for_static_download=True)
    for _ in range(3):
        manager.remove_orphaned_files()
    assert manager.read_file(shown.rsplit("/", 1)[-1]) is not None


def test_the_pdf_is_made_on_request_and_dropped_when_the_page_changes():
    at = open_app("pages/visit.py", **SHORTLIST)
    assert [b.label for b in at.download_button] == [MARKDOWN, CSV]
    make = next(b for b in at.button if b.label == MAKE_PDF)
    assert make.help == "Drawing the charts takes a few seconds."
    make.click().run()
    assert [b.label for b in at.download_button] == [MARKDOWN, CSV, PDF]
    assert MAKE_PDF not in [b.label for b in at.button]
    at.run()  # a run that changes nothing keeps it
    assert [b.label for b in at.download_button] == [MARKDOWN, CSV, PDF]
    at.text_area(key="w_visit_notes").input("Ask about driving.").run()
    # The held PDF has no notes: it goes, and the button to make one is back.
    assert [b.label for b in at.download_button] == [MARKDOWN, CSV]
    assert MAKE_PDF in [b.label for b in at.button]
    assert "visit_pdf" not in at.session_state
    # A warning sign ticked after the PDF was made: the old PDF, without it, is not offered (H60).
    next(b for b in at.button if b.label == MAKE_PDF).click().run()
    assert PDF in [b.label for b in at.download_button]
    at.checkbox(key="w_flag_bladder_bowel").check().run()
    assert PDF not in [b.label for b in at.download_button]
    files = run_and_download(at)
    assert "bladder" in pdf_text(files[PDF][2]).lower()


def pdf_text(data: bytes) -> str:
    """The summary page's text: the first page, which holds the whole summary. Any further page
    holds only the outcome pictures of the shortlist (checked in test_visit_pdf_carries_the_outcome_pictures)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert all(page.extract_text().startswith(ARRAYS_HEADING) for page in reader.pages[1:])
    return reader.pages[0].extract_text().replace("\n", " ")


def test_visit_has_situation_shortlist_questions_notes_and_three_downloads():
    at = open_app("pages/visit.py", **SHORTLIST, flags="fever")
    page = texts(at)
    situation = "Symptoms: pain spreading down a leg (sciatica); tingling or numbness."
    assert situation in page
    assert "**Microdiscectomy or open discectomy**: later step." in page
    assert "1. I have this warning sign: fever or feeling very unwell." in page
    notes = at.text_area(key="w_visit_notes")
    assert (notes.label, notes.value) == ("Notes for your visit", "")
    assert notes.placeholder.startswith("For example: what makes the pain worse")
    assert notes.help == "Your notes stay in this browser. They are never saved on our server or sent anywhere."

    files = run_and_download(at)
    assert list(files) == [MARKDOWN, CSV, PDF]
    names = [name for name, _, _ in files.values()]
    assert re.fullmatch(r"backpain-visit-\d{4}-\d{2}-\d{2}\.md", names[0]), names
    assert names[1:] == [names[0].replace(".md", ".csv"), names[0].replace(".md", ".pdf")]
    assert [mime for _, mime, _ in files.values()] == ["text/markdown", "text/csv", "application/pdf"]
    # What the page shows of the situation, the warning signs and the shortlist is what each file carries.
    shown_situation = next(m.value for m in at.markdown if m.value.startswith("Symptoms:"))
    shown_warnings = [
        line.removeprefix("- ")
        for line in next(m.value for m in at.markdown if m.value.startswith("**Warning signs**\n")).splitlines()[1:]
    ]
    assert len(shown_warnings) == 1 and "fever or feeling very unwell" in shown_warnings[0]
    shown_shortlist = next(m.value for m in at.markdown if m.value.startswith("- **")).splitlines()
    assert len(shown_shortlist) == 3, shown_shortlist
    shortlist_names = [
        "Microdiscectomy or open discectomy",
        "Epidural steroid injection (nerve-root injection)",
        "Exercise therapy (physiotherapist-led)",
    ]
    markdown = files[MARKDOWN][2].decode()
    assert f"## My situation\n\n{shown_situation}\n" in markdown
    assert all(line in markdown.splitlines() for line in shown_shortlist), shown_shortlist
    assert all(f"- **{warning}**" in markdown.splitlines() for warning in shown_warnings), shown_warnings
    assert "1. I have this warning sign: fever or feeling very unwell." in markdown
    assert "## My notes" not in markdown
    rows = list(csv.DictReader(io.StringIO(files[CSV][2].decode())))
    assert [r["item"] for r in rows if r["section"] == "situation"] == [shown_situation]
    assert [r["item"] for r in rows if r["section"] == "shortlist"] == shortlist_names
    assert [r["item"] for r in rows if r["section"] == "warning sign"] == shown_warnings
    assert files[PDF][2].startswith(b"%PDF")
    text = pdf_text(files[PDF][2])
    assert situation in text
    assert all(
        name in text for name in ("Microdiscectomy or open discectomy", "Epidural steroid injection", "Exercise therapy")
    ), text


def test_the_shortlist_made_on_explore_reaches_compare_and_visit():
    at = open_app("pages/explore.py", **SCIATICA)
    at.selectbox(key="explore_details").select("discectomy").run()
    at.button(key="shortlist_add").click().run()
    at.selectbox(key="explore_details").select("exercise_therapy").run()
    at.button(key="shortlist_add").click().run()
    at.switch_page("pages/compare.py").run()
    assert list(at.table[0].value.columns) == ["Microdiscectomy or open discectomy", "Exercise therapy (physiotherapist-led)"]
    at.switch_page("pages/visit.py").run()
    assert at.multiselect(key="w_shortlist").value == ["discectomy", "exercise_therapy"]


def test_sources_lists_every_citation_and_the_review_date():
    at = open_app("pages/sources.py", **SHORTLIST)
    page = texts(at)
    assert "**Last reviewed: 2026-11-27.**" in page
    for heading in ("How fit is decided", "Evidence legend", "Sources", "Funding and interests", "Disclaimer"):
        assert heading in [h.value for h in at.header]
    for short_name in ("ACP 2017", "NICE NG59 (2016)", "CDC 2022", "APS 2009"):
        assert f"**{short_name}** (clinical guideline or policy)." in page
    assert "make check-data" in page
    assert at.download_button[0].proto.label == "Download the dataset (zip of CSV files)"


def test_visit_notes_survive_moving_between_pages_and_reach_the_downloads():
    at = open_app("pages/visit.py", **SHORTLIST)
    at.text_area(key="w_visit_notes").input("Ask about driving.").run()
    assert "Your notes (18 characters)" in texts(at)
    at.switch_page("pages/explore.py").run()
    at.switch_page("pages/visit.py").run()
    assert at.text_area(key="w_visit_notes").value == "Ask about driving."
    files = run_and_download(at)
    assert "## My notes\n\nAsk about driving.\n" in files[MARKDOWN][2].decode()
    rows = list(csv.DictReader(io.StringIO(files[CSV][2].decode())))
    assert [r["item"] for r in rows if r["section"] == "notes"] == ["Ask about driving."]
    assert "Ask about driving." in pdf_text(files[PDF][2])


def test_presentation_mode_from_the_link_shows_fewer_wider_columns_and_larger_charts():
    at = open_app("pages/explore.py", **SCIATICA, present="1")
    assert at.session_state["present"] is True
    assert list(at.dataframe[0].proto.column_order) == ["name", "fit", "reason", "guidelines"]
    assert at.query_params["present"] == "1"
    at.switch_page("pages/ladder.py").run()
    assert charts(at)[0]["config"]["axis"]["labelFontSize"] == 17


def test_leaving_presentation_mode_keeps_everything_else():
    at = open_app("pages/explore.py", **SHORTLIST, present="1")
    at.pills(key="explore_categories").set_value(["surgery"]).run()
    at.button(key="leave_present").click().run()
    assert at.session_state["present"] is False
    assert len(at.dataframe[0].proto.column_order) > 4
    assert set(at.dataframe[0].value["category"]) == {"Surgery and implants"}
    assert at.slider(key="w_pain").value == 8
    assert "present" not in at.query_params
    at.toggle(key="w_present").set_value(True).run()
    assert at.session_state["present"] is True and at.slider(key="w_pain").value == 8


def link_shown(at: AppTest) -> str:
    return next(code.value for code in at.code if code.value.startswith(("/", "http")))


@pytest.mark.parametrize("page", ["pages/explore.py", "pages/compare.py", "pages/visit.py"])
def test_the_link_to_this_view_reopens_the_same_view_in_a_fresh_session(page):
    at = open_app(page, **SHORTLIST, age="65_plus", health="kidney_disease", present="1")
    link = link_shown(at)
    query = dict(parse_qsl(urlsplit(link).query))
    # The patient's view: never in presentation mode (ux walkthrough H6), whoever made the link.
    assert query["pain"] == "8" and "present" not in query
    assert (query["where"], query["age"], query["findings"], query["health"]) == (
        "one_leg",
        "65_plus",
        "imaging_matches",
        "kidney_disease",
    )
    assert query.get("t") == SHORTLIST["t"]  # once set, every page's address keeps the shortlist (L10)
    fresh = open_app(page, **query)
    for key in WIDGET_KEYS.values():
        assert fresh.session_state[key] == at.session_state[key], key
    assert fresh.session_state["present"] is False
    if at.dataframe:
        assert fresh.dataframe[0].value.equals(at.dataframe[0].value)
    if at.table:
        assert fresh.table[0].value.equals(at.table[0].value)
    assert link_shown(fresh) == link


def test_medical_words_on_a_page_are_explained():
    at = open_app("pages/explore.py", **SCIATICA)
    glossary = next(e for e in at.expander if e.label.startswith("📖 Words explained on this page"))
    explained = "\n".join(m.value for m in glossary.markdown)
    for term in ("sciatica", "NSAIDs", "epidural", "discectomy", "opioids"):
        assert f"- **{term}**:" in explained, term
    at.switch_page("pages/visit.py").run()
    assert any(e.label.startswith("📖 Words explained") for e in at.expander)


def shared(cached_function, *args):
    """What a shared cache holds for these arguments. Callers pass None for the unhashed (underscored)
    arguments, so only a cache hit can answer: these are the very objects the pages drew with."""
    try:
        return cached_function(*args)
    except (AttributeError, KeyError, TypeError) as miss:
        raise AssertionError(
            f"{cached_function.__name__}: nothing cached for these arguments, so no page drew with them"
        ) from miss


def test_the_shared_cached_tables_and_chart_specs_are_never_changed_by_a_page():
    """The content, fit and chart specs are shared between sessions without copies
    (components.frame.shared_cache): every page must leave them exactly as loaded or built."""
    import pandas as pd
    import streamlit as st

    from components import ladder_view
    from components.caching import cached_content, cached_fit, cached_treatment_table
    from components.data import content_dir, content_fingerprint, data_fingerprint
    from components.fit import fit_content, with_stances
    from components.frame import Frame
    from components.i18n import locales_fingerprint
    from components.ladder import current_step
    from components.situation import from_query

    situation = from_query({key: [value] for key, value in SCIATICA.items()}).situation
    at = open_app("pages/explore.py", **SHORTLIST)
    at.selectbox(key="explore_details").set_value("discectomy").run()
    at.pills(key="explore_categories").set_value(["surgery"]).run()
    for name in ("ladder", "compare", "visit", "sources", "home"):
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception, at.exception
    at.switch_page("pages/ladder.py").run()
    at.pills(key="ladder_highlight").set_value("surgery").run()

    directory = content_dir()
    fingerprint = content_fingerprint(data_fingerprint(directory), "en", locales_fingerprint())  # as the frame keys them
    shared_content = cached_content(str(directory), fingerprint)
    shared_table = cached_treatment_table(str(directory), fingerprint)
    shared_fit = cached_fit(str(directory), fingerprint, situation)
    key = Frame(situation, shared_content, fingerprint, str(directory)).content_key
    here, highlights = current_step(situation), (None, "Surgery and implants")
    shared_data = shared(ladder_view._ladder_data, key, situation, None, None)
    shared_templates = shared(ladder_view._templates, key, here, False, situation.duration, False, None)
    shared_charts = [shared(ladder_view._charts, key, situation, False, h, False, None, None) for h in highlights]
    # The strip template has no unhashed arguments; the strip built from it (a hit) proves it was used.
    shared_strip = (
        ladder_view._strip_template(key, False, False),
        shared(ladder_view._strip, key, situation, False, False, None),
    )

    # Everything again from scratch, through the same code, and compared with what was shared.
    st.cache_resource.clear()
    fresh = cached_content(str(directory), fingerprint)
    assert fresh is not shared_content
    for table in (
        "treatments",
        "evidence",
        "sources",
        "symptoms",
        "red_flags",
        "categories",
        "outcomes",
        "glossary",
        "knowledge",
    ):
        pd.testing.assert_frame_equal(getattr(shared_content, table), getattr(fresh, table))
    assert shared_content.about == fresh.about
    pd.testing.assert_frame_equal(shared_table, with_stances(fresh.treatments, fresh.evidence, fresh.sources, fresh.cautions))
    pd.testing.assert_frame_equal(shared_fit, fit_content(situation, fresh))
    data = ladder_view.ladder_frame_data(Frame(situation, fresh, fingerprint, str(directory)))
    pd.testing.assert_frame_equal(shared_data, data)
    assert shared_templates == ladder_view._templates(key, here, False, situation.duration, False, fresh.categories)
    assert shared_charts == [ladder_view._charts(key, situation, False, h, False, data, fresh.categories) for h in highlights]
    assert shared_strip == (
        ladder_view._strip_template(key, False, False),
        ladder_view._strip(key, situation, False, False, data),
    )


def test_leg_symptoms_alone_ask_whether_there_is_back_pain_too():
    question = "Do you also have back pain?"
    at = open_app(None, symptoms="walking_pain", pain="5", duration="over_1_year")
    assert any(question in info.value for info in at.sidebar.info)
    assert "Pick all that apply." in [caption.value for caption in at.sidebar.caption]
    with_back = open_app(None, symptoms="walking_pain,back_pain", pain="5", duration="over_1_year")
    assert not any(question in info.value for info in with_back.sidebar.info)
