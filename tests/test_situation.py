from components.situation import Situation, describe, from_choices, from_query, safe_snippet

LABELS = {"back_pain": "Pain in the back only", "numbness": "Tingling or numbness", "weakness": "Muscle weakness"}


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
        "Symptoms: pain in the back only; tingling or numbness. Felt in: one leg. Pain: 5 out of 10. "
        "For: more than a year. Age: 50 to 64. Found so far: a scan (such as an MRI) that matches my symptoms. "
        "Health: osteoporosis (thin bones)."
    )
    assert "Felt in: not said." in describe(Situation(symptoms=("weakness",)), LABELS)
