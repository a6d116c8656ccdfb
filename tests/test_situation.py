import pytest

from components.situation import (
    MAX_PARAM_LENGTH,
    MAX_SHORTLIST,
    Ignored,
    Situation,
    describe,
    from_choices,
    from_query,
    parse_shortlist,
    safe_snippet,
)

LABELS = {
    "back_pain": "Back pain",
    "leg_pain": "Pain spreading down a leg (sciatica)",
    "arm_pain": "Pain spreading down an arm",
    "numbness": "Tingling or numbness",
    "weakness": "Muscle weakness",
}


def parse(**params: str | list[str]):
    return from_query({k: v if isinstance(v, list) else [v] for k, v in params.items()})


def test_a_full_link_reads_every_field_in_the_product_vocabulary():
    parsed = parse(
        symptoms="leg_pain,numbness",
        where="one_leg",
        pain="7",
        function="some",
        duration="over_6_months",
        age="50_to_64",
        tried="self_care,medications",
        findings="imaging_matches",
        history="spine_injury",
        health="blood_thinners,pregnancy",
        flags="fever",
    )
    assert parsed.ignored == ()
    assert parsed.situation == Situation(
        symptoms=("leg_pain", "numbness"),
        where=("one_leg",),
        pain=7,
        function="some",
        duration="over_6_months",
        age="50_to_64",
        tried=("self_care", "medications"),
        findings=("imaging_matches",),
        history=("spine_injury",),
        health=("blood_thinners", "pregnancy"),
        flags=("fever",),
    )


def test_an_old_link_with_osteoporosis_under_history_still_opens_with_it_under_health():
    parsed = parse(history="osteoporosis,prior_spine_surgery", health="kidney_disease")
    assert parsed.ignored == ()
    assert parsed.situation == Situation(history=("prior_spine_surgery",), health=("osteoporosis", "kidney_disease"))
    # The address written back uses the new field only.
    assert parsed.situation.to_query() == {"history": "prior_spine_surgery", "health": "osteoporosis,kidney_disease"}


def test_every_duration_id_opens_including_the_old_chronic_one():
    for duration in ("acute", "subacute", "chronic", "over_6_months", "over_1_year"):
        parsed = parse(duration=duration)
        assert parsed.ignored == ()
        assert parsed.situation.duration == duration


def test_to_query_round_trips_and_leaves_out_empty_fields():
    situation = Situation(symptoms=("back_pain",), pain=4, duration="chronic", tried=("physical_therapy",))
    query = situation.to_query()
    assert query == {"symptoms": "back_pain", "pain": "4", "duration": "chronic", "tried": "physical_therapy"}
    assert parse(**query).situation == situation


def test_to_query_round_trips_the_new_fields():
    situation = Situation(
        symptoms=("weakness",),
        where=("both_arms",),
        age="65_plus",
        findings=("positive_block", "stimulator_trial"),
        health=("long_term_steroids",),
    )
    query = situation.to_query()
    assert query == {
        "symptoms": "weakness",
        "where": "both_arms",
        "age": "65_plus",
        "findings": "positive_block,stimulator_trial",
        "health": "long_term_steroids",
    }
    assert parse(**query).situation == situation


def test_bad_values_are_dropped_and_reported_while_good_ones_are_kept():
    parsed = parse(symptoms="leg_pain,telepathy", pain="eleven", duration="forever", colour="blue")
    assert parsed.situation == Situation(symptoms=("leg_pain",))
    reported = {(i.param, i.why) for i in parsed.ignored}
    assert ("symptoms", "not a known choice") in reported
    assert ("pain", "not a whole number from 0 to 10") in reported
    assert ("colour", "not a setting this app knows") in reported
    assert any(i.param == "duration" for i in parsed.ignored)


def test_out_of_range_and_non_integer_pain_is_ignored():
    for value in ("11", "-1", "3.5", "", "1e1", "٣"):
        assert parse(pain=value).situation.pain == 0, value


def test_duplicated_and_absurdly_long_params_are_ignored():
    assert parse(pain=["3", "9"]).situation.pain == 0
    assert parse(pain=["3", "9"]).ignored[0].why == "given more than once"
    long = parse(symptoms="back_pain," * 100)
    assert long.situation.symptoms == ()
    assert long.ignored[0].why == "too long"


def test_repeated_list_items_are_kept_once_in_vocabulary_order():
    assert parse(symptoms="numbness,back_pain,numbness").situation.symptoms == ("back_pain", "numbness")


def test_reported_values_cannot_carry_html_or_markdown():
    parsed = parse(symptoms="<script>alert(1)</script>", **{"<b>x</b>": "![i](http://evil.example/t.png)"})
    for item in parsed.ignored:
        for text in (item.param, item.value):
            assert not set(text) & set("<>()[]!`*/:"), text
    assert safe_snippet("a" * 100).endswith("…")


def test_widget_values_outside_the_vocabulary_are_dropped():
    situation = from_choices(
        symptoms=["back_pain", "bogus"],
        where=["one_leg", "tail"],
        pain=99,
        function="x",
        duration="chronic",
        age="200",
        health=["pregnancy", "osteoporosis?"],
        flags=["fever", "?"],
    )
    assert situation == Situation(
        symptoms=("back_pain",), where=("one_leg",), duration="chronic", health=("pregnancy",), flags=("fever",)
    )


def test_severity_takes_the_worse_of_pain_and_daily_function():
    assert Situation(pain=2).severity == "mild"
    assert Situation(pain=5).severity == "moderate"
    assert Situation(pain=8).severity == "severe"
    assert Situation(pain=2, function="severe").severity == "severe"
    assert Situation(pain=2, function="some").severity == "moderate"


def test_describe_says_the_new_answers_in_plain_words():
    situation = Situation(
        symptoms=("back_pain", "numbness"),
        where=("one_leg",),
        pain=5,
        duration="over_1_year",
        age="50_to_64",
        findings=("imaging_matches",),
        health=("osteoporosis",),
    )
    assert describe(situation, LABELS) == (
        "Symptoms: back pain; tingling or numbness. Felt in: one leg. Pain: 5 out of 10. "
        "For: more than a year. Age: 50 to 64. Found so far: a scan (such as an MRI) that matches my symptoms. "
        "Health: osteoporosis (thin bones)."
    )
    assert "Felt in: not said." in describe(Situation(symptoms=("weakness",)), LABELS)


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("Back_Pain-1.0,x", 40, "Back_Pain-1.0,x"),
        ("a b<c>\n", 40, "a?b?c??"),
        ("a" * 40, 40, "a" * 40),
        ("a" * 41, 40, "a" * 39 + "…"),
        ("a" * 30, 30, "a" * 30),
        ("a" * 31, 30, "a" * 29 + "…"),
    ],
)
def test_snippets_keep_safe_characters_and_cut_only_past_the_limit(text, limit, shown):
    assert safe_snippet(text, limit) == shown
    if limit == 40:
        assert safe_snippet(text) == shown  # 40 is the default


CHOICES_WHY = {
    "function": "not one of none, some, severe",
    "duration": "not one of acute, subacute, chronic, over_6_months, over_1_year",
    "age": "not one of under_20, 20_to_49, 50_to_64, 65_plus",
}


@pytest.mark.parametrize(
    ("params", "reported"),
    [
        ({"colour": ["red", "blue"]}, [("colour", "blue", "not a setting this app knows")]),
        ({"colour": []}, [("colour", "", "not a setting this app knows")]),
        ({"p" * 30: ["1"]}, [("p" * 30, "1", "not a setting this app knows")]),
        ({"p" * 31: ["1"]}, [("p" * 29 + "…", "1", "not a setting this app knows")]),
        ({"pain": ["3", "5", "9"]}, [("pain", "9", "given more than once")]),
        ({"pain": []}, [("pain", "", "given more than once")]),
        ({"pain": ["11"]}, [("pain", "11", "not a whole number from 0 to 10")]),
        ({"function": ["Fine"]}, [("function", "Fine", CHOICES_WHY["function"])]),
        ({"duration": ["forever"]}, [("duration", "forever", CHOICES_WHY["duration"])]),
        ({"age": ["40"]}, [("age", "40", CHOICES_WHY["age"])]),
        ({"symptoms": ["back_pain,telepathy"]}, [("symptoms", "telepathy", "not a known choice")]),
    ],
)
def test_each_ignored_param_is_reported_with_its_last_value_and_why(params, reported):
    assert [(i.param, i.value, i.why) for i in from_query(params).ignored] == reported


def test_every_bad_param_in_one_link_is_reported_and_the_good_ones_after_them_still_read():
    parsed = from_query(
        {
            "colour": ["blue"],
            "pain": ["3", "4"],
            "symptoms": ["back_pain," * 40],
            "duration": ["forever"],
            "age": ["65_plus"],
        }
    )
    assert parsed.situation == Situation(age="65_plus")
    assert [(i.param, i.why) for i in parsed.ignored] == [
        ("colour", "not a setting this app knows"),
        ("pain", "given more than once"),
        ("symptoms", "too long"),
        ("duration", CHOICES_WHY["duration"]),
    ]


def test_a_param_of_exactly_the_maximum_length_is_read_and_one_character_more_is_too_long():
    exactly = "back_pain" + "," * (MAX_PARAM_LENGTH - len("back_pain"))
    assert from_query({"symptoms": [exactly]}) == from_query({"symptoms": ["back_pain"]})
    too_long = from_query({"symptoms": [exactly + ","]})
    assert too_long.situation == Situation()
    assert too_long.ignored == (Ignored("symptoms", "back_pain" + "," * 30 + "…", "too long"),)


@pytest.mark.parametrize(("value", "pain"), [("0", 0), ("00", 0), ("7", 7), ("10", 10)])
def test_pain_reads_every_whole_number_from_0_to_10(value, pain):
    parsed = parse(pain=value)
    assert (parsed.situation.pain, parsed.ignored) == (pain, ())


@pytest.mark.parametrize(("pain", "kept"), [(0, 0), (7, 7), (10, 10), (11, 0), (-1, 0), ("5", 0), (5.0, 0)])
def test_a_pain_widget_value_outside_0_to_10_reads_as_0(pain, kept):
    assert from_choices(pain=pain).pain == kept


def test_no_widget_values_make_an_empty_situation():
    assert from_choices() == Situation()


@pytest.mark.parametrize("given", ["back_pain", {"back_pain": True}, 3])
def test_a_widget_value_that_is_not_a_list_is_dropped(given):
    assert from_choices(symptoms=given, tried=given) == Situation()


@pytest.mark.parametrize(
    ("situation", "said"),
    [
        (Situation(), "You have not described your situation yet."),
        (Situation(pain=10), "Pain: 10 out of 10."),
        (Situation(function="severe"), "Pain: 0 out of 10. Daily life: can't do everyday tasks."),
        (Situation(symptoms=("weakness",)), "Symptoms: muscle weakness. Felt in: not said. Pain: 0 out of 10."),
        # A place without leg or arm symptoms says nothing about where they are felt.
        (
            Situation(symptoms=("back_pain",), where=("both_legs",), pain=3),
            "Symptoms: back pain. Pain: 3 out of 10.",
        ),
        (
            Situation(
                symptoms=("leg_pain", "arm_pain"),
                where=("one_leg", "both_arms"),
                pain=6,
                function="some",
                duration="acute",
                age="under_20",
                tried=("self_care", "injections"),
                findings=("positive_block", "stimulator_trial"),
                history=("prior_spine_surgery", "spinal_condition"),
                health=("blood_thinners", "pregnancy"),
            ),
            "Symptoms: pain spreading down a leg (sciatica); pain spreading down an arm. Felt in: one leg; both arms. "
            "Pain: 6 out of 10. Daily life: some everyday tasks are limited. For: less than 4 weeks. Age: under 20. "
            "Tried: self-care (staying active, heat); injections. "
            "Found so far: a test nerve block (medial branch block) that eased my back pain; "
            "a trial of a spinal cord stimulator that helped. "
            "History: spine surgery in the past; a slipped vertebra (spondylolisthesis), scoliosis or an unstable spine, "
            "found by a doctor (not a slipped or worn disc). "
            "Health: taking a blood thinner (such as warfarin, apixaban or clopidogrel); pregnancy.",
        ),
    ],
)
def test_describe_says_each_answer_in_the_words_shown_on_the_pages(situation, said):
    assert describe(situation, LABELS) == said


KNOWN = ("stay_active", "heat", "nsaids", "acupuncture", "exercise_therapy")


def t(value: str, why: str) -> Ignored:
    return Ignored("t", value, why)


@pytest.mark.parametrize(
    ("given", "chosen", "ignored"),
    [
        (["heat,stay_active"], ("heat", "stay_active"), ()),
        ([" heat , ,heat,nsaids "], ("heat", "nsaids"), ()),
        (["heat,<b>x</b>"], ("heat",), (t("?b?x??b?", "not a treatment in this app"),)),
        (["stay_active,heat,nsaids,acupuncture"], ("stay_active", "heat", "nsaids", "acupuncture"), ()),
        (
            ["stay_active,heat,nsaids,acupuncture,exercise_therapy,heat"],
            ("stay_active", "heat", "nsaids", "acupuncture"),
            (t("exercise_therapy", f"more than {MAX_SHORTLIST} treatments"),),
        ),
        (["heat", "nsaids", "acupuncture"], (), (t("acupuncture", "given more than once"),)),
        ([], (), (t("", "given more than once"),)),
        (["heat" + "," * (2 * MAX_PARAM_LENGTH - 4)], ("heat",), ()),
        (["heat" + "," * (2 * MAX_PARAM_LENGTH - 3)], (), (t("heat" + "," * 35 + "…", "too long"),)),
    ],
)
def test_the_shortlist_keeps_known_ids_once_in_the_order_given_up_to_four(given, chosen, ignored):
    assert parse_shortlist(given, KNOWN) == (chosen, ignored)


def test_describe_falls_back_to_the_symptom_id_when_a_label_is_missing():
    # A clinic's symptoms.csv is checked to name every symptom, but the text never breaks without one.
    assert describe(Situation(symptoms=("back_pain", "neck_pain")), {"back_pain": "Back pain"}).startswith(
        "Symptoms: back pain; neck_pain."
    )
