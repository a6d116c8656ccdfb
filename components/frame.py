"""The frame every page draws around itself: page setup, navigation, the situation in the
sidebar (mirrored to the URL), red-flag banners and the disclaimer.

Each page calls draw_frame() first. A page never relies on app.py having run: on a fresh
server, the first deep link runs the page file on its own (see STYLE.md).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, wraps
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from components.data import Content, ContentError, content_dir, data_fingerprint, escape_markdown, load_content
from components.fit import fit_for, with_stances
from components.glossary import terms_in
from components.pages import PAGES, PageInfo, page
from components.presentation import PRESENT_KEY, PRESENTATION_CSS, parse_present
from components.situation import (
    MAX_SHORTLIST,
    SHORTLIST_KEY,
    Ignored,
    Situation,
    from_choices,
    from_query,
    parse_shortlist,
    safe_snippet,
)
from components.vocabulary import DURATIONS, FUNCTION, HISTORY, SYMPTOMS, TRIED

# Streamlit runs a full garbage collection after every script run (runner.postScriptGC) while the
# run's last messages are still on their way; with pandas, Altair and pandera loaded, that scan
# took ~70 ms a rerun. What is loaded by now (the libraries and our modules) lives as long as the
# process, so it is moved out of the collector's sight; the scan then takes ~2 ms. Done once,
# when this module is first imported (a code change reloads it: in development only, the old
# module's objects then stay frozen).
gc.freeze()

DISCLAIMER = (
    "This app gives general information, **not medical advice and not a diagnosis**. "
    "Use it to prepare for a talk with your doctor or physiotherapist."
)
STATE_KEY = "situation"
SHORTLIST_STATE = "shortlist"
URL_KEY = "_situation_url"  # the query string this session last wrote
SHORTLIST_WIDGET = "w_shortlist"
PRESENT_WIDGET = "w_present"
# Set by the frame's widget callbacks: this rerun comes from the person's own change, so the
# address the browser sent may be a step behind and must not overrule it.
CHANGED_HERE = "_changed_by_widget"
LAST_PAGE = "_frame_page"
WIDGET_KEYS = {
    "symptoms": "w_symptoms",
    "pain": "w_pain",
    "function": "w_function",
    "duration": "w_duration",
    "tried": "w_tried",
    "history": "w_history",
}
FLAG_PREFIX = "w_flag_"


@dataclass(frozen=True)
class Frame:
    situation: Situation
    content: Content
    fingerprint: tuple[tuple[str, int, int], ...]
    directory: str
    shortlist: tuple[str, ...] = ()
    present: bool = False
    # True on the first run of a page (arrival): widgets there start fresh and must be filled in.
    arrived: bool = True

    @cached_property
    def content_key(self) -> str:
        """Identifies this version of the content: a cache key for anything derived from it
        (a string, because Streamlit hashes a string far faster than nested tuples)."""
        return repr((self.directory, self.fingerprint))

    @property
    def emergency(self) -> bool:
        """Whether the person ticked an emergency-tier warning sign."""
        return not self.content.emergency_flags.isdisjoint(self.situation.flags)

    @cached_property
    def fitted(self) -> pd.DataFrame:
        """Every treatment with its fit and reason for this situation (computed once per situation)."""
        return cached_fit(self.directory, self.fingerprint, self.situation)


def shared_cache(max_entries: int) -> Callable:
    """Cache a result that is only read, never changed: st.cache_resource hands every rerun the
    same object, where st.cache_data would unpickle a copy each time (a few ms per table).
    Bounded, and keyed cheaply: a Situation is hashed by its repr, not field by field.
    tests/test_pages.py runs every page and then checks the cached tables still equal a fresh load."""
    return st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs={Situation: repr})


@shared_cache(max_entries=4)
def cached_content(directory: str, fingerprint: tuple[tuple[str, int, int], ...]) -> Content:
    """Loaded once per version of data/: a saved edit changes the fingerprint and is picked up on the
    next rerun. A failure is not cached, so a fixed file shows at once."""
    return load_content(Path(directory))


@shared_cache(max_entries=4)
def cached_treatment_table(directory: str, fingerprint: tuple[tuple[str, int, int], ...]) -> pd.DataFrame:
    content = cached_content(directory, fingerprint)
    return with_stances(content.treatments, content.evidence, content.sources)


@shared_cache(max_entries=512)
def cached_fit(directory: str, fingerprint: tuple[tuple[str, int, int], ...], situation: Situation) -> pd.DataFrame:
    # Shared by every page and chart that needs the fit; the situation holds no free text.
    labels = cached_content(directory, fingerprint).symptom_labels
    return fit_for(situation, cached_treatment_table(directory, fingerprint), labels)


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _state_from_url(treatment_ids: list[str]) -> tuple[Situation, tuple[str, ...], tuple[Ignored, ...]]:
    """The session's situation and shortlist (and presentation mode). The URL wins when it is new
    to this session (first visit, a pasted link, browser back/forward); otherwise the session keeps
    what the person chose."""
    params = _url_params()
    state = st.session_state
    known = STATE_KEY in state
    url_is_ours = params == state.get(URL_KEY) or (known and not params)
    changed_here = state.pop(CHANGED_HERE, False)
    if known and (url_is_ours or changed_here):
        return state[STATE_KEY], state.get(SHORTLIST_STATE, ()), ()
    # Any page accepts ?t= (a shared link may point anywhere); only Compare and My visit write it back.
    shortlist_given = params.pop(SHORTLIST_KEY, None)
    present, why = parse_present(params.pop(PRESENT_KEY, None))
    parsed = from_query(params)
    ignored = list(parsed.ignored)
    if shortlist_given is not None:
        state[SHORTLIST_STATE], more = parse_shortlist(shortlist_given, treatment_ids)
        ignored += more
    if why:
        ignored.append(Ignored(PRESENT_KEY, safe_snippet(_url_params()[PRESENT_KEY][-1]), why))
    state[PRESENT_KEY] = bool(present)
    state[STATE_KEY] = parsed.situation
    return parsed.situation, state.get(SHORTLIST_STATE, ()), tuple(ignored)


def page_query(situation: Situation, shortlist: tuple[str, ...], info: PageInfo) -> dict[str, str]:
    """The query parameters that reopen `info` with this situation (and shortlist, where it has one)."""
    query = situation.to_query()
    if info.shortlist_in_url and shortlist:
        query[SHORTLIST_KEY] = ",".join(shortlist)
    if st.session_state.get(PRESENT_KEY):
        query[PRESENT_KEY] = "1"
    return query


def link_to_view(info: PageInfo, query: dict[str, str]) -> str:
    """The address that reopens this page with this situation, for someone else or later."""
    here = st.context.url or f"/{info.url_path}"
    return here.split("?")[0] + ("?" + urlencode(query, safe=",") if query else "")


def _write_url(query: dict[str, str]) -> None:
    wanted = {key: [value] for key, value in query.items()}
    if _url_params() != wanted:
        st.query_params.from_dict(query)
    st.session_state[URL_KEY] = wanted


def _by_the_person(callback: Callable[..., None]) -> Callable[..., None]:
    """Mark a frame callback's rerun as the person's own change (see CHANGED_HERE)."""

    @wraps(callback)
    def marked(*args: object) -> None:
        st.session_state[CHANGED_HERE] = True
        callback(*args)

    return marked


@_by_the_person
def _store_widgets() -> None:
    """Widget callback: the widgets are the person's latest word on their situation."""
    state = st.session_state
    state[STATE_KEY] = from_choices(
        symptoms=state.get(WIDGET_KEYS["symptoms"]),
        pain=state.get(WIDGET_KEYS["pain"], 0),
        function=state.get(WIDGET_KEYS["function"]),
        duration=state.get(WIDGET_KEYS["duration"]),
        tried=state.get(WIDGET_KEYS["tried"]),
        history=state.get(WIDGET_KEYS["history"]),
        flags=[key.removeprefix(FLAG_PREFIX) for key in state if str(key).startswith(FLAG_PREFIX) and state[key]],
    )


def seed(key: str, value: object, arrived: bool) -> None:
    """Give a widget its value from our state. On arrival at a page always (its widgets are new);
    otherwise only when it differs, because writing a widget's state sends it back to the browser
    and would undo key presses still on their way (holding an arrow key on the pain slider)."""
    if arrived or key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value


def _seed_widgets(situation: Situation, flag_ids: list[str], arrived: bool) -> None:
    """Put the situation into the widgets before they are drawn (it may come from the URL)."""
    wanted: dict[str, object] = {
        WIDGET_KEYS["symptoms"]: list(situation.symptoms),
        WIDGET_KEYS["pain"]: situation.pain,
        WIDGET_KEYS["function"]: situation.function,
        WIDGET_KEYS["duration"]: situation.duration,
        WIDGET_KEYS["tried"]: list(situation.tried),
        WIDGET_KEYS["history"]: list(situation.history),
    }
    wanted |= {FLAG_PREFIX + flag: flag in situation.flags for flag in flag_ids}
    for key, value in wanted.items():
        seed(key, value, arrived)


@_by_the_person
def _set_present() -> None:
    st.session_state[PRESENT_KEY] = bool(st.session_state.get(PRESENT_WIDGET))


@_by_the_person
def _leave_presentation() -> None:
    st.session_state[PRESENT_KEY] = False


def _sidebar(situation: Situation, shortlist: tuple[str, ...], content: Content, info: PageInfo, arrived: bool) -> None:
    flags = content.red_flags
    _seed_widgets(situation, list(flags["id"]), arrived)
    with st.sidebar:
        st.markdown("### 🩺 Back pain options")
        for target in PAGES:
            st.page_link(
                target.path,
                label=target.title,
                icon=target.icon,
                help=target.help,
                query_params=page_query(situation, shortlist, target),
            )
        seed(PRESENT_WIDGET, bool(st.session_state.get(PRESENT_KEY)), arrived)
        st.toggle(
            "Presentation mode",
            key=PRESENT_WIDGET,
            on_change=_set_present,
            help="Larger text and charts for screen-sharing in a consultation; Streamlit's menu is hidden.",
        )
        st.divider()
        st.markdown("### Your situation")
        st.caption("Stays on this device. It is kept in the page address so you can share or reopen this view.")
        st.pills(
            "Where is your pain, and what do you feel?",
            SYMPTOMS,
            selection_mode="multi",
            format_func=content.symptom_labels.get,
            key=WIDGET_KEYS["symptoms"],
            on_change=_store_widgets,
            help="Pick all that apply.",
        )
        st.slider(
            "How bad is the pain right now? (0 = none, 10 = worst imaginable)",
            min_value=0,
            max_value=10,
            key=WIDGET_KEYS["pain"],
            on_change=_store_widgets,
        )
        for field, label, choices in (
            ("function", "How much does it affect daily life?", FUNCTION),
            ("duration", "How long have you had this episode?", DURATIONS),
        ):
            st.radio(label, list(choices), format_func=choices.get, index=None, key=WIDGET_KEYS[field], on_change=_store_widgets)
        for field, label, choices, placeholder in (
            ("tried", "What have you already tried?", TRIED, "Nothing yet"),
            ("history", "Your spine history", HISTORY, "None"),
        ):
            st.multiselect(
                label,
                list(choices),
                format_func=choices.get,
                key=WIDGET_KEYS[field],
                on_change=_store_widgets,
                placeholder=placeholder,
            )
        st.markdown("**Warning signs.** Tick any you have now:")
        for flag in flags.itertuples(index=False):
            st.checkbox(flag.label, key=FLAG_PREFIX + flag.id, help=flag.help, on_change=_store_widgets)


def _banners(situation: Situation, flags: pd.DataFrame) -> None:
    if not situation.flags:
        return
    ticked = flags[flags["id"].isin(situation.flags)]
    emergency = ticked[ticked["tier"] == "emergency"]
    urgent = ticked[ticked["tier"] == "urgent"]
    if not emergency.empty:
        lines = "\n".join(f"- **{f.label}**: {f.action}" for f in emergency.itertuples(index=False))
        st.error(
            "**🚨 Emergency: get help now.** Call your local emergency number (for example 999 in the UK, "
            "911 in the US, 112 in the EU) or go to the nearest emergency department. "
            f"Do not wait for an appointment, and do not try treatments from this app first.\n\n{lines}"
        )
    if not urgent.empty:
        lines = "\n".join(f"- **{f.label}**: {f.action}" for f in urgent.itertuples(index=False))
        st.error(
            "**⚠️ Urgent: see a doctor today or tomorrow.** Ask for a same-day or next-day appointment "
            f"(in the UK, your GP or NHS 111) before trying any treatment in this app.\n\n{lines}"
        )


def _ignored_notice(ignored: tuple[Ignored, ...]) -> None:
    if ignored:
        # Parameters and values are reduced to [A-Za-z0-9_-.,?] by safe_snippet, so
        # nothing from the URL can form markdown, links or HTML here.
        items = "; ".join(f"`{i.param}={i.value}` ({i.why})" for i in ignored)
        st.warning(f"Some settings in this link could not be used and were ignored: {items}.")


def draw_frame(url_path: str) -> Frame:
    """Draw the whole frame for one page and return the situation and content it uses."""
    info = page(url_path)
    st.set_page_config(page_title=f"{info.title} · Back pain options", page_icon="🩺", layout="wide")
    directory = content_dir()
    fingerprint = data_fingerprint(directory)
    try:
        content = cached_content(str(directory), fingerprint)
    except ContentError as error:
        st.error(f"**The app's content has a problem, so nothing is shown.** {escape_markdown(str(error))}")
        st.stop()
    situation, shortlist, ignored = _state_from_url(list(content.treatment_ids))
    present = bool(st.session_state.get(PRESENT_KEY))
    arrived = st.session_state.get(LAST_PAGE) != info.url_path
    st.session_state[LAST_PAGE] = info.url_path
    if present:
        st.set_page_config(initial_sidebar_state="collapsed")
        st.html(PRESENTATION_CSS)
    _sidebar(situation, shortlist, content, info, arrived)
    _banners(situation, content.red_flags)
    _ignored_notice(ignored)
    st.caption(DISCLAIMER)
    query = page_query(situation, shortlist, info)
    # In the page itself, not only the sidebar: phones and presentation mode keep the sidebar closed.
    with st.popover("🔗 Link to this view", help="The address of this page with your situation, to share or reopen."):
        st.code(link_to_view(info, query), language=None, wrap_lines=True)
        st.caption(
            "Copy it with the button on the right. It opens this page with this situation, for someone else or for you later."
        )
    if present:
        st.button("Leave presentation mode", on_click=_leave_presentation, key="leave_present")
    _write_url(query)
    return Frame(situation, content, fingerprint, str(directory), shortlist, present, arrived)


@_by_the_person
def _store_shortlist() -> None:
    chosen = st.session_state.get(SHORTLIST_WIDGET) or []
    st.session_state[SHORTLIST_STATE] = tuple(chosen[:MAX_SHORTLIST])


def shortlist_picker(frame: Frame, label: str) -> tuple[str, ...]:
    """The shortlist widget, shared by Compare and My visit (and kept in the session between them)."""
    names = frame.content.treatment_names
    seed(SHORTLIST_WIDGET, list(frame.shortlist), frame.arrived)
    st.multiselect(
        label,
        list(names),
        format_func=names.get,
        max_selections=MAX_SHORTLIST,
        key=SHORTLIST_WIDGET,
        on_change=_store_shortlist,
        placeholder="Choose treatments",
    )
    return tuple(st.session_state.get(SHORTLIST_STATE, frame.shortlist))


@_by_the_person
def add_to_shortlist(treatment_id: str) -> None:
    """Button callback (Explore): add one treatment, keeping at most four."""
    current = tuple(st.session_state.get(SHORTLIST_STATE, ()))
    if treatment_id not in current and len(current) < MAX_SHORTLIST:
        st.session_state[SHORTLIST_STATE] = (*current, treatment_id)


@_by_the_person
def remove_from_shortlist(treatment_id: str) -> None:
    current = tuple(st.session_state.get(SHORTLIST_STATE, ()))
    st.session_state[SHORTLIST_STATE] = tuple(t for t in current if t != treatment_id)


@shared_cache(max_entries=512)
def _glossary_markdown(content_key: str, shown: str, _glossary: pd.DataFrame) -> tuple[int, str]:
    # Keyed by the content version and the text itself; searching 26 terms costs a few ms a rerun.
    found = terms_in(_glossary, [shown])
    return len(found), "\n".join(f"- **{row.term}**: {row.explanation}" for row in found.itertuples(index=False))


def draw_glossary(frame: Frame, texts: Iterable[str]) -> None:
    """'Words explained': every glossary term that appears in what this page shows."""
    count, lines = _glossary_markdown(frame.content_key, "\n".join(str(text) for text in texts), frame.content.glossary)
    if not count:
        return
    with st.expander(f"📖 Words explained on this page ({count})"):
        st.markdown(lines)
