import pytest

from components.data import load_content
from components.fit import fit_content
from components.questions import questions_for
from components.situation import Situation
from components.triage import assess

CONTENT = load_content()


def shortlist(situation: Situation, ids: list[str]):
    return fit_content(situation, CONTENT).set_index("id").loc[ids].reset_index()


def questions(situation: Situation, ids: list[str]) -> list[str]:
    return questions_for(situation, shortlist(situation, ids), assess(situation, CONTENT.red_flags))


def test_warning_signs_come_first():
    situation = Situation(symptoms=("back_pain",), flags=("fever",))
    assert (
        questions(situation, [])[0]
        == "I have this warning sign: fever or feeling very unwell. Do I need tests or treatment today?"
    )


def test_warning_sign_questions_follow_the_tier_most_urgent_first():
    situation = Situation(symptoms=("back_pain",), flags=("bladder_bowel", "weight_loss"))
    assert questions(situation, [])[:2] == [
        "I have this warning sign: new bladder or bowel problems. Do I need emergency tests or treatment now?",
        "I have this warning sign: weight loss you cannot explain. What tests do I need, and how soon?",
    ]


def test_questions_follow_the_situation():
    situation = Situation(
        symptoms=("leg_pain", "walking_pain"),
        function="severe",
        duration="chronic",
        tried=("self_care", "medications"),
        history=("spine_injury",),
        health=("osteoporosis",),
    )
    asked = questions(situation, [])
    assert "Could a nerve be pinched or irritated, and how would we find out?" in asked
    assert "Could my leg pain on walking come from a narrow spinal canal?" in asked
    assert "How can I manage everyday tasks and work while this settles?" in asked
    assert (
        "I have tried self-care (staying active, heat) and medicines without enough help. What is the next step for me?" in asked
    )
    assert "I have injured my spine before. Does that change which treatments are safe for me?" in asked
    assert "I have osteoporosis. Which treatments should I avoid or take care with?" in asked
    assert asked[-1] == "What warning signs should make me get help quickly?"


def test_every_long_lasting_duration_asks_about_programmes_and_support():
    programmes = "Would an exercise programme, a pain rehabilitation programme or psychological support help me?"
    for duration in ("chronic", "over_6_months", "over_1_year"):
        assert programmes in questions(Situation(symptoms=("back_pain",), pain=4, duration=duration), []), duration
    assert programmes not in questions(Situation(symptoms=("back_pain",), pain=4, duration="subacute"), [])


def test_findings_and_a_health_condition_on_the_shortlist_are_asked_about():
    situation = Situation(
        symptoms=("leg_pain",),
        pain=6,
        duration="chronic",
        age="65_plus",
        findings=("imaging_matches",),
        health=("kidney_disease",),
    )
    asked = questions(situation, ["nsaids"])
    nsaids = "anti-inflammatory tablets (NSAIDs such as ibuprofen or naproxen)"
    assert "I have had this: a scan (such as an MRI) that matches my symptoms. What does it mean for my options?" in asked
    assert f"I have kidney disease. Is it safe for me to have {nsaids}?" in asked
    assert f"I am 65 or older. Is it safe for me to have {nsaids}?" in asked
    # Named with the option, so not asked again on its own.
    assert "I have kidney disease. Which treatments should I avoid or take care with?" not in asked


def test_questions_follow_the_shortlist():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="acute")
    asked = questions(situation, ["acupuncture", "radiofrequency_denervation"])
    assert "Guidelines disagree about acupuncture. Why might it suit me, or not?" in asked
    assert "Radiofrequency denervation (facet nerve ablation) is usually a later step. What should I try first?" in asked
    assert "What happens if I wait instead of having radiofrequency denervation (facet nerve ablation)?" in asked
    assert "What happens if I wait instead of having acupuncture?" not in asked


def test_a_new_mild_episode_gets_the_basic_questions_only():
    assert questions(Situation(), []) == [
        "What do you think is causing my pain?",
        "Do I need any tests or scans now? Why, or why not?",
        "What warning signs should make me get help quickly?",
    ]


def test_a_warning_sign_does_not_turn_every_option_into_a_later_step_question():
    situation = Situation(symptoms=("back_pain",), pain=5, duration="acute", flags=("fever",))
    asked = questions(situation, ["exercise_therapy"])
    assert not [q for q in asked if "usually a later step" in q]


NERVE = "Could a nerve be pinched or irritated, and how would we find out?"


@pytest.mark.parametrize(
    ("symptom", "asked"),
    [
        ("leg_pain", True),
        ("arm_pain", True),
        ("numbness", True),
        ("weakness", True),
        ("back_pain", False),
        ("neck_pain", False),
        ("walking_pain", False),
    ],
)
def test_pain_down_a_limb_numbness_or_weakness_asks_about_a_nerve(symptom, asked):
    assert (NERVE in questions(Situation(symptoms=(symptom,)), [])) is asked


@pytest.mark.parametrize(
    ("situation", "ids", "expected"),
    [
        (
            Situation(symptoms=("weakness",), duration="over_6_months", tried=("injections",)),
            [],
            [
                "What do you think is causing my pain?",
                "Do I need any tests or scans now? Why, or why not?",
                NERVE,
                "My pain has lasted 6 months to a year. How long should it take to get better?",
                "Would an exercise programme, a pain rehabilitation programme or psychological support help me?",
                "I have tried injections without enough help. What is the next step for me?",
                "I have numbness or weakness. Could it come from my neck or my lower back?",
                "What warning signs should make me get help quickly?",
            ],
        ),
        (
            Situation(
                symptoms=("back_pain", "leg_pain"),
                where=("one_leg",),
                pain=7,
                function="severe",
                duration="over_1_year",
                age="50_to_64",
                tried=("self_care", "physical_therapy", "medications"),
                history=("prior_spine_surgery",),
                findings=("imaging_matches",),
                health=("osteoporosis", "blood_thinners"),
            ),
            ["spinal_manipulation", "belts_orthotics", "discectomy"],
            [
                "What do you think is causing my pain?",
                "Do I need any tests or scans now? Why, or why not?",
                NERVE,
                "My pain has lasted more than a year. How long should it take to get better?",
                "Would an exercise programme, a pain rehabilitation programme or psychological support help me?",
                "How can I manage everyday tasks and work while this settles?",
                "I have tried self-care (staying active, heat), physical therapy or exercise and medicines "
                "without enough help. What is the next step for me?",
                "I have had spine surgery before. Does that change which treatments are safe for me?",
                "I have had this: a scan (such as an MRI) that matches my symptoms. What does it mean for my options?",
                "How could spinal manipulation (chiropractor, osteopath or physiotherapist) help me, how soon, and for how long?",
                "What are the risks of spinal manipulation (chiropractor, osteopath or physiotherapist) for someone like me?",
                # cautions.csv: spinal manipulation is avoided with osteoporosis and needs care with a blood
                # thinner; discectomy needs care with a blood thinner.
                "I have osteoporosis. Is it safe for me to have spinal manipulation (chiropractor, osteopath or "
                "physiotherapist)?",
                "I take a blood thinner. Is it safe for me to have spinal manipulation (chiropractor, osteopath or "
                "physiotherapist)?",
                "How could back belts, corsets, shoe inserts and rocker-sole shoes help me, how soon, and for how long?",
                "What are the risks of back belts, corsets, shoe inserts and rocker-sole shoes for someone like me?",
                "Guidelines advise against back belts, corsets, shoe inserts and rocker-sole shoes. "
                "Why might it suit me, or not?",
                "How could microdiscectomy or open discectomy help me, how soon, and for how long?",
                "What are the risks of microdiscectomy or open discectomy for someone like me?",
                "I take a blood thinner. Is it safe for me to have microdiscectomy or open discectomy?",
                "What happens if I wait instead of having microdiscectomy or open discectomy?",
                "What warning signs should make me get help quickly?",
            ],
        ),
    ],
    ids=["weakness_for_months_after_injections", "long_sciatica_with_a_shortlist"],
)
def test_the_visit_questions_read_in_full(situation, ids, expected):
    assert questions(situation, ids) == expected
