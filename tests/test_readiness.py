"""How ready a person is to decide (SURE and leaning) and the knowledge check: the pure logic and the data."""

from __future__ import annotations

import statistics

import pytest
import textstat

from components.data import load_content
from components.knowledge import feedback, knowledge_questions
from components.readiness import (
    NOT_SURE,
    SURE,
    SURE_IDS,
    VALUES_SET_HELP,
    WAITING,
    Readiness,
    answer_lines,
    doctor_questions,
    from_query,
    helps,
    leaning_choices,
    leaning_label,
    ready_line,
    to_query,
)

CONTENT = load_content()
QUESTIONS = knowledge_questions(CONTENT.knowledge, CONTENT.sources)
IDS = list(CONTENT.treatment_ids)
MAX_GRADE = 8


def answers(*values: str | None) -> Readiness:
    return Readiness({i: v for i, v in zip(SURE_IDS, values, strict=True) if v is not None})


def test_sure_is_the_four_items_in_order():
    assert [item.letter for item in SURE] == ["S", "U", "R", "E"]
    assert all(item.question.endswith("?") for item in SURE)


@pytest.mark.parametrize(
    ("values", "score", "unsure"),
    [
        (("yes", "yes", "yes", "yes"), 4, []),
        (("yes", "no", "no", "yes"), 2, ["understand", "values"]),
        (("no", "no", "no", "no"), 0, list(SURE_IDS)),
        (("yes", None, "no", None), None, ["values"]),
        ((None, None, None, None), None, []),
    ],
)
def test_the_score_counts_yes_once_all_four_are_answered_and_each_no_is_listed(values, score, unsure):
    readiness = answers(*values)
    assert readiness.score == score
    assert [item.id for item in readiness.unsure] == unsure


def test_the_ready_line_says_where_the_person_stands():
    assert ready_line(answers(None, None, None, None)) == "Not answered."
    assert ready_line(answers("yes", "yes", "yes", "yes")) == "4 of 4 answered yes: feels ready to decide."
    assert ready_line(answers("yes", "no", "no", "yes")) == (
        "2 of 4 answered yes; not yet: do you know the benefits and risks of each option, "
        "are you clear about which benefits and risks matter most to you."
    )
    assert ready_line(answers("no", None, None, None)).startswith("1 of 4 questions answered; not yet: do you feel sure")


def test_every_answer_line_names_its_question_and_the_answer():
    assert answer_lines(answers("yes", None, "no", None)) == (
        (SURE[0].question, "Yes"),
        (SURE[1].question, "Not answered"),
        (SURE[2].question, "No"),
        (SURE[3].question, "Not answered"),
    )


def test_each_no_adds_its_own_question_for_the_doctor_and_the_values_one_names_what_matters():
    matters = ("Avoiding surgery: matters a lot", "Fast relief: matters somewhat", "Avoiding needles: matters a little")
    asked = doctor_questions(answers("no", "yes", "no", "no"), matters)
    assert asked == (
        SURE[0].ask,
        "I am not sure which matters more to me: avoiding surgery or fast relief. Can we go over it?",
        SURE[3].ask,
    )
    assert doctor_questions(answers("yes", "yes", "no", "yes"), ()) == (
        "I am not sure which matters more to me: the benefits or the risks. Can we go over it?",
    )
    assert doctor_questions(answers("yes", "yes", "yes", "yes"), matters) == ()


def test_the_leaning_offers_the_shortlist_then_waiting_then_not_sure():
    assert leaning_choices(("nsaids", "discectomy")) == ("nsaids", "discectomy", WAITING, NOT_SURE)
    # A leaning kept from before stays choosable after the shortlist changed.
    assert leaning_choices(("nsaids",), "discectomy") == ("discectomy", "nsaids", WAITING, NOT_SURE)
    names = CONTENT.treatment_names
    assert leaning_label("nsaids", names) == names["nsaids"]
    assert leaning_label(WAITING, names) == "Waiting and self-care for now"
    assert leaning_label(None, names) == "Not answered"
    # A leaning kept in the session for a treatment the content no longer has is shown by its id.
    assert leaning_label("retired_treatment", names) == "retired_treatment"


def test_a_link_with_the_answers_reopens_them():
    readiness = Readiness({"sure": "yes", "values": "no"}, "nsaids")
    query = to_query(readiness)
    assert query == {"sure": "yes,,no,", "lean": "nsaids"}
    assert from_query({k: [v] for k, v in query.items()}, IDS) == (readiness, ())
    assert to_query(Readiness({})) == {}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sure": ["yes,no"]}, ("sure", "yes,no", "use four answers, each yes, no or empty")),
        ({"sure": ["yes,no,maybe,yes"]}, ("sure", "yes,no,maybe,yes", "use four answers, each yes, no or empty")),
        ({"sure": ["<b>yes</b>,,,"]}, ("sure", "?b?yes??b?,,,", "use four answers, each yes, no or empty")),
        ({"sure": ["yes,,,", "no,,,", "yes,yes,,"]}, ("sure", "yes,yes,,", "given more than once")),
        ({"lean": ["surgery_now"]}, ("lean", "surgery_now", "not a treatment in this app")),
        ({"lean": ["nsaids", "fusion", "waiting"]}, ("lean", "waiting", "given more than once")),
    ],
)
def test_bad_answers_in_a_link_are_ignored_saying_which_value_and_why(params, expected):
    """The notice names the parameter and the last value given (made safe to show), and why."""
    readiness, ignored = from_query(params, IDS)
    assert readiness == Readiness({})
    assert [(i.param, i.value, i.why) for i in ignored] == [expected]


def test_the_knowledge_check_has_five_to_eight_questions_each_with_its_evidence():
    assert 5 <= len(QUESTIONS) <= 8
    for question in QUESTIONS:
        assert question.answer in question.choices and 2 <= len(question.choices) <= 4
        assert question.source.split(",")[0] in {
            f"{s} ({y})" if str(y) not in s else s
            for s, y in zip(CONTENT.sources["short_name"], CONTENT.sources["year"], strict=True)
        }


def test_feedback_says_whether_the_answer_is_the_evidence_and_always_explains_with_its_source():
    scan = next(q for q in QUESTIONS if q.id == "scan")
    right, text = feedback(scan, scan.answer)
    assert right and text.startswith("That's right. Scans often show wear")
    wrong = next(c for c in scan.choices if c != scan.answer)
    right, text = feedback(scan, wrong)
    assert not right and text.startswith(f"Many people think so. What the evidence says: {scan.answer}. Scans often show wear")
    assert text.endswith(
        "Source: NICE NG59 (2016), recommendation 1.1.4 (and the reasons given in quality standard QS155 statement 2)."
    )


def test_the_values_help_asks_for_wishes_only_until_they_are_given():
    values = next(item for item in SURE if item.id == "values")
    assert helps(values, ()) == values.helps and "What matters to you" in values.helps
    assert helps(values, ("Avoiding surgery: matters a lot",)) == VALUES_SET_HELP
    others = [item for item in SURE if item.id != "values"]
    assert [helps(item, ("Avoiding surgery: matters a lot",)) for item in others] == [item.helps for item in others]


def test_the_help_for_not_feeling_sure_puts_warning_signs_first():
    sure = next(item for item in SURE if item.id == "sure")
    assert "If a warning sign applies to you, get checked first." in sure.helps
    assert all("can wait" not in item.helps.lower() for item in SURE)


def test_the_warning_sign_question_points_to_the_emergency_signs():
    signs = next(q for q in QUESTIONS if q.id == "warning_signs")
    assert "urine" in signs.answer and "numbness between the legs" in signs.answer
    assert "emergency" in signs.explanation


def new_texts() -> list[tuple[str, str]]:
    texts = [(f"knowledge.csv {q.id} {part}", getattr(q, part)) for q in QUESTIONS for part in ("question", "explanation")]
    texts += [(f"SURE {item.id} {part}", getattr(item, part)) for item in SURE for part in ("question", "helps", "ask")]
    texts.append(("SURE values help once wishes are given", VALUES_SET_HELP))
    return texts


def test_every_new_text_reads_at_grade_eight_or_below():
    """Each sentence group on its own (not a median): the knowledge check and the readiness help."""
    graded = [(textstat.flesch_kincaid_grade(text), where, text) for where, text in new_texts()]
    hardest = sorted(graded, reverse=True)[:5]
    report = "\n".join(f"  grade {g:.1f}: {where}: {text[:80]}" for g, where, text in hardest)
    print(f"Median grade {statistics.median(g for g, _, _ in graded):.1f}. Hardest:\n{report}")
    assert all(grade <= MAX_GRADE for grade, _, _ in graded), report
