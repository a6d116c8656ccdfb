from components.data import load_content
from components.fit import fit_for, with_stances
from components.questions import questions_for
from components.situation import Situation

CONTENT = load_content()
LABELS = dict(zip(CONTENT.symptoms["id"], CONTENT.symptoms["label"], strict=True))
FLAGS = dict(zip(CONTENT.red_flags["id"], CONTENT.red_flags["label"], strict=True))
TABLE = with_stances(CONTENT.treatments, CONTENT.evidence, CONTENT.sources)


def shortlist(situation: Situation, ids: list[str]):
    return fit_for(situation, TABLE, LABELS).set_index("id").loc[ids].reset_index()


def test_warning_signs_come_first():
    situation = Situation(symptoms=("back_pain",), flags=("fever",))
    questions = questions_for(situation, shortlist(situation, []), FLAGS)
    assert questions[0] == "I have this warning sign: fever or feeling very unwell. Do I need urgent tests or treatment today?"


def test_questions_follow_the_situation():
    situation = Situation(
        symptoms=("leg_pain", "walking_pain"),
        function="severe",
        duration="chronic",
        tried=("self_care", "medications"),
        history=("osteoporosis",),
    )
    questions = questions_for(situation, shortlist(situation, []), FLAGS)
    assert "Could a nerve be pinched or irritated, and how would we find out?" in questions
    assert "Could my leg pain on walking come from a narrow spinal canal?" in questions
    assert "How can I manage everyday tasks and work while this settles?" in questions
    assert (
        "I have tried self-care (rest, heat, staying active) and medicines without enough help. What is the next step for me?"
        in questions
    )
    assert "I have osteoporosis. Does that change which treatments are safe for me?" in questions
    assert questions[-1] == "What warning signs should make me get help quickly?"


def test_questions_follow_the_shortlist():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="acute")
    questions = questions_for(situation, shortlist(situation, ["acupuncture", "radiofrequency_denervation"]), FLAGS)
    assert "Guidelines disagree about acupuncture. Why might it suit me, or not?" in questions
    assert "Radiofrequency denervation (facet nerve ablation) is usually a later step. What should I try first?" in questions
    assert "What happens if I wait instead of having radiofrequency denervation (facet nerve ablation)?" in questions
    assert "What happens if I wait instead of having acupuncture?" not in questions


def test_a_new_mild_episode_gets_the_basic_questions_only():
    questions = questions_for(Situation(), shortlist(Situation(), []), FLAGS)
    assert questions == [
        "What do you think is causing my pain?",
        "Do I need any tests or scans now? Why, or why not?",
        "What warning signs should make me get help quickly?",
    ]


def test_a_warning_sign_does_not_turn_every_option_into_a_later_step_question():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="acute", flags=("fever",))
    questions = questions_for(situation, shortlist(situation, ["exercise_therapy"]), FLAGS)
    assert not [q for q in questions if "usually a later step" in q]
