"""Start here: what the app is, whether to see a back pain doctor, what such a doctor does."""

import streamlit as st

from components.data import escape_markdown
from components.decision_view import draw_knowledge_check
from components.frame import draw_frame, draw_glossary, link_to_page
from components.i18n import _
from components.selfcheck import self_check
from components.statements import start_here_introduction
from components.summary import start_summary
from components.triage import raised_signs
from components.vocabulary import RED_FLAG_TIERS

frame = draw_frame("")
situation = frame.situation

st.title(_("Back pain treatment options"))

# The answer first: on a phone this box is what shows after the sidebar is filled in.
check = self_check(situation, frame.assessment)
summary = start_summary(situation, check, frame.fitted, frame.content.knowledge_rows["scan"])
if summary.answer == "neutral":
    st.info(summary.doctor, icon="🧭")
else:
    with st.container(border=True, key="start_summary"):
        st.markdown("### " + _("Your summary"))
        # Outside f-strings: Babel does not look inside one.
        labels = (_("Should I see a doctor?"), _("What could I do now?"), _("Do I need a scan?"))
        answers = (summary.doctor, summary.do_now_line, summary.scan)
        st.markdown("\n".join(f"- **{label}** {answer}" for label, answer in zip(labels, answers, strict=True)))
        with st.container(horizontal=True, gap="small"):
            link_to_page(frame, "explore", _("Explore treatments for your situation"))
            link_to_page(frame, "visit", _("Questions for my visit"))
st.markdown(
    _(
        "This app helps you understand the usual treatment options for back and neck pain, "
        "from self-care and physical therapy to medicines, chiropractic care, injections and surgery. "
        "Describe your situation in the sidebar (on a phone, open it with **»** at the top left) and see which options "
        "usually fit now, which come later, and why."
    )
)

st.markdown(INTRODUCTION := start_here_introduction())
if frame.clinic:
    st.info(frame.clinic.introduction(escape_markdown), icon="🏥")

left, right = st.columns(2)
with left:
    st.markdown(
        _(
            "**What it is**\n"
            "- A summary of what published guidelines (ACP, NICE, CDC and others) say about each option\n"
            "- A way to see where you might be on the usual path of care\n"
            "- Something to bring to your appointment"
        )
    )
with right:
    st.markdown(
        _(
            "**What it is not**\n"
            "- Not a diagnosis, and not a replacement for seeing a clinician\n"
            "- Not a prescription: only your doctor can say what is right for you\n"
            "- Nothing you enter is sent anywhere or stored on a server. Your notes stay on your device only if you ask"
        )
    )

st.header(_("Should I see a back pain doctor?"))
show = {"emergency": st.error, "same_day": st.error, "soon": st.warning, "yes": st.warning, "not yet": st.success}[check.answer]
if summary.answer == "neutral":
    # Nothing is known yet: no green "not necessarily yet" before a single answer.
    st.info(_("Fill in your situation in the sidebar to check these signs against it."))
else:
    show(f"**{check.headline}**")
for sign in check.signs:
    mark = "✅ " + _("Applies") if sign.applies else "➖ " + _("Does not apply")
    st.markdown(f"**{mark}: {sign.label}.** {sign.because}")

st.header(_("What a back pain doctor does"))
st.markdown(
    DOCTOR := _(
        "- **Finds out what is going on.** They ask about your pain and health, examine you, and order a scan "
        "such as an MRI only when the result would change your care.\n"
        "- **Makes a diagnosis and a plan.** They explain the likely cause and agree a treatment plan that fits you.\n"
        "- **Offers procedures when needed.** Some do minimally invasive treatments, such as injections "
        "or nerve treatments, guided by X-ray or ultrasound.\n"
        "- **Does or arranges surgery.** If surgery could help, a spine surgeon talks it through with you.\n"
        "- **Works with a team.** They work with physical therapists, neurologists, pain specialists and surgeons."
    )
)

st.header(_("Warning signs to check now"))
st.markdown(
    _(
        "A few signs mean you need a doctor quickly, whatever else is going on. "
        "Tick any that apply under **Warning signs** in the sidebar."
    )
)
flags = frame.content.red_flag_rows
for tier in RED_FLAG_TIERS:
    st.markdown(f"**{frame.tiers[tier].heading}**")
    st.markdown("\n".join(f"- **{f['label']}.** {f['help']}" for f in flags if f["tier"] == tier))
st.markdown(
    _("**Some signs are more urgent together.**")
    + "\n"
    + "\n".join(f"- {line}" for line in raised_signs(flags, frame.content.symptom_labels))
)
if frame.assessment.tier is None:
    st.caption(_("None of these signs applies to what you have told us."))

st.header(_("What do you know about back pain?"))
st.markdown(
    _("Some facts that matter most when choosing a treatment. Try the questions: each answer tells you what the evidence says.")
)
QUESTIONS = draw_knowledge_check(frame, "start")

link_to_page(frame, "explore", _("Explore treatments for your situation"))

draw_glossary(
    frame,
    [
        INTRODUCTION,
        DOCTOR,
        *(q.question for q in QUESTIONS),
        *(f["help"] for f in flags),
        *(sign.because for sign in check.signs),
        summary.scan,
    ],
)
