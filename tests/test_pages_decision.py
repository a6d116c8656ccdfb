"""Decision quality on the pages (AppTest): the outcome pictures on Compare, the knowledge check,
how ready the person feels on My visit, and all of it in the downloads and (only when asked) a link."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pypdf
from streamlit.testing.v1 import AppTest

from components.exports import ARRAYS_HEADING
from components.outcomes import NO_NUMBERS, PEOPLE
from components.readiness import SURE
from tests.test_pages import CSV, MARKDOWN, PDF, SCIATICA, chart_rows, open_app, pdf_text, run_and_download, texts

NSAIDS = "Anti-inflammatory tablets (NSAIDs such as ibuprofen or naproxen)"
LINK_EXPANDER = "Link to this page with my answers"


def answer_sure(at: AppTest, *values: str) -> None:
    for item, value in zip(SURE, values, strict=True):
        at.radio(key=f"w_sure_{item.id}").set_value(value).run()


def test_compare_draws_the_arrays_of_every_option_with_numbers_and_says_so_for_the_others():
    at = open_app("pages/compare.py", **SCIATICA, t="spinal_cord_stimulation,nsaids,yoga_tai_chi")
    assert "Out of 100 people" in [h.value for h in at.header]
    charts = at.get("vega_lite_chart")
    assert len(charts) == 4  # two figures for each of the first two options, none for yoga or tai chi
    drawn = [chart_rows(at, i) for i in range(len(charts))]
    # Each chart: 100 people per group; the counts are the rows' (48 vs 9, 31, 51 vs 37, 10 vs 11).
    counts = [[sum(r["happened"] for r in rows if r["order"] == o) for o in sorted({r["order"] for r in rows})] for rows in drawn]
    assert counts == [[48, 9], [31], [51, 37], [10, 11]]
    assert all(len(rows) == PEOPLE * len(c) for rows, c in zip(drawn, counts, strict=True))
    # The same numbers in words under each picture, and the chart's alt text says them too.
    page = texts(at)
    assert "Spinal cord stimulation (implanted device): 48 in 100 people had at least half of their leg pain relieved." in page
    assert all(c.proto.alt.startswith(("Spinal cord stimulation", NSAIDS)) for c in charts)
    assert NO_NUMBERS in [m.value for m in at.markdown]
    assert "#### Yoga, tai chi and other mind-body exercise" in [m.value for m in at.markdown]


def test_what_matters_on_compare_reaches_my_visit_and_its_questions():
    at = open_app("pages/compare.py", **SCIATICA, t="discectomy,nsaids")
    at.select_slider(key="matters_avoid_surgery").set_value("a lot").run()
    at.select_slider(key="matters_fast_relief").set_value("somewhat").run()
    at.switch_page("pages/visit.py").run()
    page = texts(at)
    assert (
        "**What matters to me** (from Compare options): Avoiding surgery: matters a lot; Fast relief: matters somewhat." in page
    )
    at.radio(key="w_sure_values").set_value("no").run()
    assert "I am not sure which matters more to me: avoiding surgery or fast relief. Can we go over it?" in texts(at)
    # Back on Compare, the sliders show what was chosen before.
    at.switch_page("pages/compare.py").run()
    assert at.select_slider(key="matters_avoid_surgery").value == "a lot"


def test_my_visit_says_what_helps_for_each_no_and_keeps_the_answers_between_pages():
    at = open_app("pages/visit.py", **SCIATICA, t="discectomy,nsaids")
    assert [r.label for r in at.radio if r.key and r.key.startswith("w_sure_")] == [
        f"{item.letter}: {item.question}" for item in SURE
    ]
    answer_sure(at, "yes", "no", "yes", "no")
    infos = [i.value for i in at.main.info]  # the sidebar may ask about back pain too
    assert infos[-2:] == [
        f"**U: {SURE[1].question}** You said no. {SURE[1].helps}",
        f"**E: {SURE[3].question}** You said no. {SURE[3].helps}",
    ]
    assert [SURE[1].ask in texts(at), SURE[3].ask in texts(at), SURE[0].ask in texts(at)] == [True, True, False]
    at.radio(key="w_leaning").set_value("waiting").run()
    at.switch_page("pages/explore.py").run()
    at.switch_page("pages/visit.py").run()
    assert [at.radio(key=f"w_sure_{item.id}").value for item in SURE] == ["yes", "no", "yes", "no"]
    assert at.radio(key="w_leaning").value == "waiting"
    assert at.radio(key="w_leaning").options == [
        "Microdiscectomy or open discectomy",
        NSAIDS,
        "Waiting and self-care for now",
        "Not sure yet",
    ]
    answer_sure(at, "yes", "yes", "yes", "yes")
    assert "You said yes to all four. You feel ready to talk about a choice with your doctor." in [s.value for s in at.success]


def test_the_downloads_carry_the_answers_the_leaning_and_what_matters():
    at = open_app("pages/compare.py", **SCIATICA, t="discectomy,nsaids")
    at.select_slider(key="matters_avoid_needles").set_value("very much").run()
    at.switch_page("pages/visit.py").run()
    answer_sure(at, "yes", "no", "no", "yes")
    at.radio(key="w_leaning").set_value("nsaids").run()
    files = run_and_download(at)
    ready = "2 of 4 answered yes; not yet: do you know the benefits and risks of each option, are you clear about which benefits and risks matter most to you."
    markdown = files[MARKDOWN][2].decode()
    assert "## Where I stand" in markdown
    assert f"- **How ready I feel to decide (SURE test)**: {ready}" in markdown
    assert f"- **Which way I am leaning**: {NSAIDS}" in markdown
    assert "- **What matters to me**: Avoiding needles: matters very much" in markdown
    assert f"  - {SURE[1].question} **No**" in markdown
    rows = list(csv.DictReader(io.StringIO(files[CSV][2].decode())))
    stand = {r["item"]: r["detail"] for r in rows if r["section"] == "where I stand"}
    assert stand == {
        "How ready I feel to decide (SURE test)": ready,
        "Which way I am leaning": NSAIDS,
        "What matters to me": "Avoiding needles: matters very much",
    }
    assert [(r["item"], r["detail"]) for r in rows if r["section"] == "SURE answer"] == [
        (SURE[0].question, "Yes"),
        (SURE[1].question, "No"),
        (SURE[2].question, "No"),
        (SURE[3].question, "Yes"),
    ]
    summary = pdf_text(files[PDF][2])
    assert f"How ready I feel to decide (SURE test): {ready}" in summary
    assert f"Which way I am leaning: {NSAIDS}" in summary and "Avoiding needles: matters very much" in summary
    pages = pypdf.PdfReader(io.BytesIO(files[PDF][2])).pages
    outcomes = " ".join(p.extract_text() for p in pages[1:]).replace("\n", " ")
    assert outcomes.startswith(ARRAYS_HEADING)
    assert (
        "95 in 100 people felt they had recovered" in outcomes and "51 in 100 people said their back pain was better" in outcomes
    )
    assert sum(len(p.images) for p in pages[1:]) == 3  # discectomy's figure and both NSAID figures, drawn


def test_the_answers_are_in_a_link_only_when_asked_and_that_link_brings_them_back():
    at = open_app("pages/visit.py", **SCIATICA, t="discectomy,nsaids")
    at.radio(key="w_sure_sure").set_value("yes").run()
    at.radio(key="w_sure_understand").set_value("no").run()
    at.radio(key="w_leaning").set_value("not_sure").run()
    # The address the page writes holds the situation and the shortlist, never the answers.
    assert "sure" not in at.query_params and "lean" not in at.query_params
    (usual,) = [c.value for c in at.code if "sure=" not in c.value]
    assert "sure=" not in usual
    expander = next(e for e in at.expander if e.label == LINK_EXPANDER)
    (with_answers,) = [c.value for c in expander.code]
    query = parse_qs(urlsplit(with_answers).query)
    assert query["sure"] == ["yes,no,,"] and query["lean"] == ["not_sure"] and query["t"] == ["discectomy,nsaids"]
    assert "visit_notes" not in with_answers

    fresh = open_app(None, **{k: v[0] for k, v in query.items()})
    fresh.switch_page("pages/visit.py").run()
    assert [fresh.radio(key=f"w_sure_{item.id}").value for item in SURE] == ["yes", "no", None, None]
    assert fresh.radio(key="w_leaning").value == "not_sure"
    assert "sure" not in fresh.query_params


def test_bad_answers_in_a_link_are_ignored_with_one_message():
    at = open_app(None, **SCIATICA, sure="<script>x</script>", lean="surgery_now")
    (notice,) = [w.value for w in at.warning if "ignored" in w.value]
    assert "`sure=" in notice and "`lean=surgery_now` (not a treatment in this app)" in notice and "<script>" not in notice
    at.switch_page("pages/visit.py").run()
    assert [at.radio(key=f"w_sure_{item.id}").value for item in SURE] == [None] * 4


def test_the_knowledge_check_on_start_here_gives_feedback_with_its_source_and_keeps_no_score():
    at = open_app()
    expander = next(e for e in at.expander if e.label.startswith("Check what you know"))
    assert expander.label == "Check what you know: 6 short questions"
    at.radio(key="quiz_start_scan").set_value("Yes: a scan shows what is wrong").run()
    # No marks and no score: a wrong answer gets what the evidence says, kindly, with its source.
    (shown,) = [i.value for i in at.info if i.value.startswith("Many people think so")]
    assert shown.startswith("Many people think so. What the evidence says: No: a scan rarely changes what helps.")
    assert "✖" not in shown
    assert "Source: NICE NG59 (2016), recommendation 1.1.4" in shown
    at.radio(key="quiz_start_keep_active").set_value("Keep up your normal activities as much as you can").run()
    assert [i.value[:28] for i in at.info if i.value.startswith("That's right.")] == ["That's right. Staying active"]
    assert "score" not in texts(at).lower().replace("nothing is scored", "")


def test_my_visit_has_the_knowledge_check_before_its_questions():
    at = open_app("pages/visit.py", **SCIATICA, t="discectomy")
    headers = [h.value for h in at.header]
    assert headers.index("Before you decide") < headers.index("Questions to ask")
    assert any(e.label == "Check what you know: 6 short questions" for e in at.expander)
