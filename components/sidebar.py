"""The sidebar: navigation, presentation mode and the person's situation as widgets.

What most people need comes first (symptoms, pain, daily life, how long, age, the warning signs
that mean an emergency); the rest folds away until wanted. Every widget writes the whole
situation back through one callback, and is seeded from the situation before it is drawn.
"""

from __future__ import annotations

import streamlit as st

from components.data import Content
from components.i18n import _
from components.pages import PAGES, PageInfo
from components.presentation import PRESENT_KEY
from components.situation import LIST_FIELDS, Situation, from_choices
from components.url_state import STATE_KEY, by_the_person, page_query, seed
from components.vocabulary import AGE_BANDS, DURATIONS, FINDINGS, FUNCTION, HEALTH, HISTORY, RED_FLAGS, SYMPTOMS, TRIED, WHERE

PRESENT_WIDGET = "w_present"
WIDGET_KEYS = {
    "symptoms": "w_symptoms",
    "where": "w_where",
    "pain": "w_pain",
    "function": "w_function",
    "duration": "w_duration",
    "age": "w_age",
    "tried": "w_tried",
    "findings": "w_findings",
    "history": "w_history",
    "health": "w_health",
}
FLAG_PREFIX = "w_flag_"


@by_the_person
def _store_widgets() -> None:
    """Widget callback: the widgets are the person's latest word on their situation."""
    state = st.session_state
    choices = {field: state.get(key) for field, key in WIDGET_KEYS.items()}
    choices["flags"] = [key.removeprefix(FLAG_PREFIX) for key in state if str(key).startswith(FLAG_PREFIX) and state[key]]
    state[STATE_KEY] = from_choices(**choices)


def _seed_widgets(situation: Situation, flag_ids: list[str], arrived: bool) -> None:
    """Put the situation into the widgets before they are drawn (it may come from the URL)."""
    wanted: dict[str, object] = {
        key: list(getattr(situation, field)) if field in LIST_FIELDS else getattr(situation, field)
        for field, key in WIDGET_KEYS.items()
    }
    wanted |= {FLAG_PREFIX + flag: flag in situation.flags for flag in flag_ids}
    for key, value in wanted.items():
        seed(key, value, arrived)


@by_the_person
def _set_present() -> None:
    st.session_state[PRESENT_KEY] = bool(st.session_state.get(PRESENT_WIDGET))


@by_the_person
def leave_presentation() -> None:
    st.session_state[PRESENT_KEY] = False


def _navigation(situation: Situation, shortlist: tuple[str, ...], arrived: bool) -> None:
    st.markdown("### 🩺 " + _("Back pain options"))
    for target in PAGES:
        st.page_link(
            target.path,
            label=_(target.title),
            icon=target.icon,
            help=_(target.help),
            query_params=page_query(situation, shortlist),
        )
    seed(PRESENT_WIDGET, bool(st.session_state.get(PRESENT_KEY)), arrived)
    st.toggle(
        _("Presentation mode"),
        key=PRESENT_WIDGET,
        on_change=_set_present,
        help=_("Larger text and charts for screen-sharing in a consultation; Streamlit's menu is hidden."),
    )


def _multiselect(field: str, label: str, choices: dict[str, str], placeholder: str, help: str | None = None) -> None:
    st.multiselect(
        label,
        list(choices),
        format_func=lambda key: _(choices[key]),
        key=WIDGET_KEYS[field],
        on_change=_store_widgets,
        placeholder=placeholder,
        help=help,
    )


def _flag_boxes(flags: list[dict[str, str]]) -> None:
    for flag in flags:
        st.checkbox(flag["label"], key=FLAG_PREFIX + flag["id"], help=flag["help"], on_change=_store_widgets)


def draw_sidebar(situation: Situation, shortlist: tuple[str, ...], content: Content, info: PageInfo, arrived: bool) -> None:
    # Signs read from other answers (components.vocabulary.DERIVED_SIGNS) have no box.
    tickable = [row for row in content.red_flag_rows if row["id"] in RED_FLAGS]
    _seed_widgets(situation, [row["id"] for row in tickable], arrived)
    with st.sidebar:
        _navigation(situation, shortlist, arrived)
        st.divider()
        st.markdown("### " + _("Your situation"))
        st.caption(_("Stays on this device. It is kept in the page address so you can share or reopen this view."))
        st.pills(
            _("Where is your pain, and what do you feel?"),
            SYMPTOMS,
            selection_mode="multi",
            format_func=content.symptom_labels.get,
            key=WIDGET_KEYS["symptoms"],
            on_change=_store_widgets,
            help=_("Pick all that apply."),
        )
        st.caption(_("Pick all that apply."))
        # Leg symptoms alone: back pain is often there too, and some options are for it (ux walkthrough H5).
        legs = {"leg_pain", "walking_pain"} & set(situation.symptoms)
        if legs and not {"back_pain", "neck_pain", "arm_pain"} & set(situation.symptoms):
            st.info(_("Do you also have back pain? If so, pick **Back pain** too: some treatments are for back pain."))
        if situation.placed_symptoms:
            st.pills(
                _("Where do you feel it: one or both legs or arms?"),
                list(WHERE),
                selection_mode="multi",
                format_func=lambda key: _(WHERE[key]),
                key=WIDGET_KEYS["where"],
                on_change=_store_widgets,
                help=_(
                    "Numbness and weakness in a leg and in an arm have different causes and treatments. "
                    "Symptoms in both legs or both arms are warning signs."
                ),
            )
        st.slider(
            _("How bad is the pain right now? (0 = none, 10 = worst imaginable)"),
            min_value=0,
            max_value=10,
            key=WIDGET_KEYS["pain"],
            on_change=_store_widgets,
        )
        for field, label, choices in (
            ("function", _("How much does it affect daily life?"), FUNCTION),
            ("duration", _("How long have you had this episode?"), DURATIONS),
            ("age", _("Your age"), AGE_BANDS),
        ):
            st.radio(
                label,
                list(choices),
                format_func=lambda key, choices=choices: _(choices[key]),
                index=None,
                key=WIDGET_KEYS[field],
                on_change=_store_widgets,
                horizontal=field == "age",
            )
        st.markdown(_("**Warning signs.** Tick any you have now:"))
        _flag_boxes([row for row in tickable if row["tier"] == "emergency"])
        later = [row for row in tickable if row["tier"] != "emergency"]
        ticked_later = any(row["id"] in situation.flags for row in later)
        with st.expander(_("More signs: fever, cancer, a fall, weight loss, night pain"), expanded=ticked_later):
            _flag_boxes(later)
        more = bool(situation.tried or situation.health or situation.history or situation.findings)
        with st.expander(_("Your health, tests and what you have tried"), expanded=more):
            _multiselect("tried", _("What have you already tried?"), TRIED, _("Nothing yet"))
            _multiselect(
                "health",
                _("Other health conditions"),
                HEALTH,
                _("None"),
                help=_("Some treatments need care, or are best avoided, with these."),
            )
            _multiselect("findings", _("What a specialist has found"), FINDINGS, _("Nothing yet"))
            _multiselect(
                "history",
                _("Your spine history"),
                HISTORY,
                _("None"),
                help=_(
                    "Pick a slipped vertebra, scoliosis or an unstable spine only if a doctor has told you that a bone in "
                    "your spine has slipped out of line, that your spine is curved, or that it is unstable. A slipped, "
                    "bulging or worn disc is not one of these."
                ),
            )
