import json
import re

import pytest

from components.data import load_content
from components.fit import fit_content
from components.ladder import (
    ADVISED_AGAINST,
    RECOVERY_BUCKETS,
    STEP_LABELS,
    current_step,
    highlighted,
    ladder_chart,
    ladder_data,
    ladder_rows,
    ladder_strip,
    ladder_template,
    ladder_text,
    recovery_bucket,
    recovery_chart,
    recovery_rows,
    recovery_template,
    recovery_text,
    strip_rows,
    strip_template,
    timing_chart,
    timing_rows,
    timing_template,
    timing_text,
)
from components.situation import Situation

CONTENT = load_content()
LABELS = dict(zip(CONTENT.symptoms["id"], CONTENT.symptoms["label"], strict=True))
# Sciatica with numbness in one leg after conservative care, with a scan that matches: the
# situation in which NICE NG59 allows decompression surgery.
SCIATICA = Situation(
    symptoms=("leg_pain", "numbness"),
    where=("one_leg",),
    pain=8,
    function="severe",
    duration="chronic",
    tried=("physical_therapy", "medications"),
    findings=("imaging_matches",),
)


def data_for(situation: Situation):
    return ladder_data(fit_content(situation, CONTENT), CONTENT.categories)


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def rows(spec: dict, layer: dict) -> list[dict]:
    return spec["datasets"][layer.get("data", spec.get("data", {})).get("name")]


@pytest.mark.parametrize(
    ("situation", "step"),
    [
        (Situation(), 1),
        (Situation(duration="acute", tried=("self_care",)), 1),
        (Situation(duration="acute", tried=("medications",)), 2),
        (Situation(duration="chronic"), 2),
        (Situation(duration="subacute", tried=("physical_therapy", "medications")), 3),
        (Situation(duration="chronic", tried=("physical_therapy", "medications", "injections")), 4),
        (Situation(duration="chronic", tried=("surgery",)), 5),
    ],
)
def test_you_are_here_follows_duration_and_what_was_tried(situation, step):
    assert current_step(situation) == step


def test_advised_against_options_sit_in_their_own_lane_not_on_a_step():
    data = data_for(SCIATICA)
    lane = data[data["column"] == ADVISED_AGAINST]
    assert {"strong_opioids", "gabapentinoids", "disc_replacement", "facet_injection"} <= set(lane["id"])
    assert lane["advised_against"].all()
    assert set(data.loc[~data["advised_against"], "column"]) <= set(STEP_LABELS.values())
    assert len(data) == len(CONTENT.treatments)


def test_ladder_chart_places_every_treatment_and_highlights_what_fits_now():
    spec = ladder_chart(data_for(SCIATICA), CONTENT.categories, here=3, emergency=False).to_dict()
    points = next(layer for layer in layers(spec) if layer["mark"]["type"] == "point")
    encoding = points["encoding"]
    assert encoding["x"]["field"] == "column" and encoding["y"]["field"] == "label"
    assert encoding["shape"]["field"] == "category"  # a second cue besides colour
    assert encoding["color"]["condition"]["value"] == "#9CA3AF"  # the greyed lane
    plotted = rows(spec, points)
    assert len(plotted) == len(CONTENT.treatments)
    fits_now = {r["treatment"] for r in plotted if r["label"].startswith("✔ ")}
    assert "Discectomy" in fits_now and not any("opioids" in name for name in fits_now)
    assert all(r["fit"] == "fits now" for r in plotted if r["label"].startswith("✔ "))


def test_you_are_here_mark_sits_on_the_persons_step():
    spec = ladder_chart(data_for(SCIATICA), CONTENT.categories, here=3, emergency=False).to_dict()
    marker = [layer for layer in layers(spec) if layer["mark"]["type"] in ("rule", "text")]
    assert marker
    assert {r["column"] for layer in marker for r in rows(spec, layer)} == {STEP_LABELS[3]}
    assert any(r.get("text") == "▼ You are here" for layer in marker for r in rows(spec, layer))


def test_emergency_shows_the_ladder_is_bypassed():
    emergency = Situation(symptoms=("back_pain",), flags=("saddle_numbness",))
    spec = ladder_chart(data_for(emergency), CONTENT.categories, here=1, emergency=True).to_dict()
    assert "Emergency" in " ".join(spec["title"]["text"])
    assert not [layer for layer in layers(spec) if layer["mark"]["type"] == "rule"]
    assert "ladder does not apply" in ladder_text(data_for(emergency), 1, emergency=True)


def test_timing_chart_marks_the_persons_duration_and_leaves_out_the_grey_lane():
    spec = timing_chart(data_for(SCIATICA), CONTENT.categories, "subacute").to_dict()
    rule = next(layer for layer in layers(spec) if layer["mark"]["type"] == "rule")
    assert rows(spec, rule)[0]["here"] == 8
    bars = next(layer for layer in layers(spec) if layer["mark"]["type"] == "bar")
    assert bars["encoding"]["x"]["field"] == "onset_weeks" and bars["encoding"]["x2"]["field"] == "end_weeks"
    data = data_for(SCIATICA)
    advised_against = set(data.loc[data["advised_against"], "treatment"])
    assert advised_against and not advised_against & {r["treatment"] for r in rows(spec, bars)}
    unknown = timing_chart(data_for(Situation()), CONTENT.categories, None).to_dict()
    assert not [layer for layer in layers(unknown) if layer["mark"]["type"] == "rule"]


def test_recovery_chart_has_one_mark_per_treatment_with_tooltips():
    spec = recovery_chart(data_for(SCIATICA), CONTENT.categories).to_dict()
    plotted = spec["datasets"][spec["data"]["name"]]
    assert len(plotted) == len(CONTENT.treatments)
    tooltips = {t["field"] for t in spec["encoding"]["tooltip"]}
    assert {"typical_use", "risks", "stances"} <= tooltips
    assert {round(r["x"]) for r in plotted} <= set(range(len(RECOVERY_BUCKETS)))  # a band per column
    assert (
        recovery_bucket(None) == "No reliable figure" and recovery_bucket(0) == "None" and recovery_bucket(6) == "Up to 6 weeks"
    )


def test_a_highlighted_category_starts_selected_in_every_chart():
    data = data_for(SCIATICA)
    for chart in (
        ladder_chart(data, CONTENT.categories, 3, False, highlight="Medicines"),
        timing_chart(data, CONTENT.categories, "chronic", highlight="Medicines"),
        recovery_chart(data, CONTENT.categories, highlight="Medicines"),
    ):
        spec = chart.to_dict()
        params = spec.get("params") or [p for layer in layers(spec) for p in layer.get("params", [])]
        selection = next(p for p in params if p["name"] == "category")
        assert selection["value"] == [{"category": "Medicines"}]
        assert selection["bind"] == "legend"


def test_text_alternatives_say_what_the_charts_show():
    data = data_for(SCIATICA)
    ladder = ladder_text(data, 3, emergency=False)
    assert "You are here:** step 3" in ladder
    assert "Discectomy (fits now)" in ladder and "Strong or long-term opioids (not typical)" in ladder
    timing = timing_text(data, "chronic")
    assert "- **You:** 3 to 6 months." in timing and "Spinal cord stimulator (until a year and beyond)" in timing
    assert "- **You:** more than a year." in timing_text(data, "over_1_year")
    recovery = recovery_text(data)
    assert "Discectomy (6 weeks)" in recovery and "No reliable recovery figure" in recovery


def test_small_ladder_counts_what_fits_now_per_step():
    spec = ladder_strip(data_for(SCIATICA), 3, emergency=False).to_dict()
    counts = spec["datasets"][spec["data"]["name"]] if "data" in spec else rows(spec, spec["layer"][0])
    by_step = {r["step"]: r for r in counts}
    # Discectomy and keyhole discectomy; decompression for a narrow canal is not for disc sciatica.
    assert by_step[4]["text"] == "2 of 3\nfit now"
    assert [r["step"] for r in counts if r["here"]] == [3]


def test_each_chart_is_its_template_plus_its_rows():
    """The page builds each template once and sends new rows per situation (ladder_view);
    that must draw exactly what the chart itself would."""
    data, categories = data_for(SCIATICA), CONTENT.categories
    pairs = (
        (
            ladder_chart(data, categories, 3, False, "Medicines"),
            ladder_template(categories, 3, False, "Medicines"),
            ladder_rows(data),
        ),
        (timing_chart(data, categories, "chronic"), timing_template(categories, "chronic"), timing_rows(data)),
        (recovery_chart(data, categories), recovery_template(categories), recovery_rows(data)),
        (ladder_strip(data, 3, False), strip_template(False), strip_rows(data, 3)),
    )
    for chart, template, chart_rows in pairs:
        full, bare = chart.to_dict(), template.to_dict()
        assert full["datasets"].pop(full.pop("data")["name"]) == chart_rows.to_dict("records")
        assert bare.pop("data") == {"name": template.data.name}
        if not full["datasets"]:  # only the rows were there
            del full["datasets"]
        assert full == bare


@pytest.mark.parametrize("present", [False, True])
@pytest.mark.parametrize("emergency", [False, True])
def test_every_template_variant_is_valid_vega_lite(emergency, present):
    """The app converts templates without schema validation (ladder_view); here every variant is validated."""
    categories = CONTENT.categories
    for highlight in (None, "Medicines"):
        for here in STEP_LABELS:
            ladder_template(categories, here, emergency, highlight, present).to_dict(validate=True)
        for duration in (None, "acute", "subacute", "chronic"):
            timing_template(categories, duration, highlight, present).to_dict(validate=True)
        recovery_template(categories, highlight, present).to_dict(validate=True)
    strip_template(emergency, present).to_dict(validate=True)


def test_a_highlight_added_to_a_built_chart_matches_building_it_highlighted():
    """ladder_view builds each template once and adds the highlight afterwards."""
    categories = CONTENT.categories

    def same_views(spec: dict) -> str:  # Altair numbers its views anew on every build
        return re.sub(r"view_[0-9a-f]+_[0-9]+", "view", json.dumps(spec, sort_keys=True))

    for build in (
        lambda highlight: ladder_template(categories, 3, False, highlight),
        lambda highlight: timing_template(categories, "chronic", highlight),
        lambda highlight: recovery_template(categories, highlight),
    ):
        plain = build(None).to_dict()
        assert same_views(highlighted(plain, "Medicines")) == same_views(build("Medicines").to_dict())
        assert highlighted(plain, None) == plain


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_shared_screen_no_step_name_row_name_or_legend_entry_is_cut_off(language):
    """Presentation mode at 1280 px: the charts drawn by Vega itself (vl-convert, as the PDF does), with
    the options a consultation shows. Vega ends a label that does not fit its limit with an ellipsis."""
    import vl_convert

    from components.i18n import use_language
    from components.ladder import presented_rows

    use_language(language)
    try:
        content = load_content()
        for situation in (
            SCIATICA,
            Situation(symptoms=("back_pain", "walking_pain"), pain=5, function="some", duration="over_1_year", age="65_plus"),
        ):
            data = ladder_data(fit_content(situation, content), content.categories)
            shown = presented_rows(data)
            for chart in (
                ladder_chart(shown, content.categories, current_step(situation), False, None, True),
                timing_chart(shown, content.categories, situation.duration, None, True),
                recovery_chart(data, content.categories, None, True),
            ):
                svg = vl_convert.vegalite_to_svg(vl_spec=chart.properties(width=1000).to_dict())
                texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
                known = set(content.treatments["short_name"])  # a short name may end in "…" itself
                cut = [text for text in texts if text.endswith("…") and text.lstrip("✓ ") not in known]
                assert cut == [], (language, cut)
    finally:
        use_language("en")


def test_the_timing_chart_greys_options_that_are_not_typical_and_here_says_what_it_means():
    from components.ladder import NOT_TYPICAL_COLOUR, here_meaning, strip_rows

    back = Situation(symptoms=("back_pain",), pain=6, function="some", duration="acute")
    data = data_for(back)
    spec = timing_chart(data, CONTENT.categories, back.duration).to_dict()
    colours = [layer["encoding"]["color"] for layer in layers(spec) if "color" in layer.get("encoding", {})]
    assert colours and all(c["condition"]["value"] == NOT_TYPICAL_COLOUR for c in colours)
    assert all("not typical" in c["condition"]["test"] for c in colours)
    # Past conservative care: "here" is step 3, where nothing fits; the caption says where the fits are.
    chronic = Situation(
        symptoms=("walking_pain",), pain=5, function="some", duration="over_1_year", tried=("physical_therapy", "medications")
    )
    here = current_step(chronic)
    words = here_meaning(strip_rows(data_for(chronic), here), here)
    assert words.startswith("▲ *You are here* shows how far along the usual path of care you are")
    assert "It is not a recommendation." in words
    fitting = strip_rows(data_for(chronic), here)
    steps = [int(s) for s, f in zip(fitting["step"], fitting["fits"], strict=True) if f]
    assert here not in steps or steps == [here]
    assert words.endswith(".") and ("options that fit you now are at" in words or "Nothing fits" in words)
