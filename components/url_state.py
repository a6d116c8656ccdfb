"""The situation between the URL and the session: read a link once, keep the person's own
choices after that, and write the address that reopens exactly this view.

The URL wins when it is new to this session (first visit, a pasted link, browser back/forward);
otherwise the session keeps what the person chose. tests/test_pages.py and tests/e2e test both ways.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

import streamlit as st

from components.i18n import LANGUAGE_PARAM
from components.pages import PageInfo
from components.presentation import PRESENT_KEY, parse_present
from components.readiness import LEANING_KEY, SURE_KEY
from components.readiness import from_query as readiness_from_query
from components.situation import SHORTLIST_KEY, Ignored, Situation, from_query, parse_shortlist, safe_snippet
from components.translations import SOURCE_LANGUAGE

STATE_KEY = "situation"
SHORTLIST_STATE = "shortlist"
READINESS_STATE = "readiness"  # a Readiness: the SURE answers and the leaning
URL_KEY = "_situation_url"  # the query string this session last wrote
LANGUAGE_KEY = "language"  # the language this session reads (components.language_view)
LANGUAGES_KEY = "_languages"  # the languages offered on this run (links carry `lang` when there are several)
# Set by the frame's widget callbacks: this rerun comes from the person's own change, so the
# address the browser sent may be a step behind and must not overrule it.
CHANGED_HERE = "_changed_by_widget"


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def state_from_url(treatment_ids: list[str]) -> tuple[Situation, tuple[str, ...], tuple[Ignored, ...]]:
    """The session's situation and shortlist (and presentation mode), and what a link held that was ignored."""
    params = _url_params()
    state = st.session_state
    known = STATE_KEY in state
    url_is_ours = params == state.get(URL_KEY) or (known and not params)
    changed_here = state.pop(CHANGED_HERE, False)
    if known and (url_is_ours or changed_here):
        return state[STATE_KEY], state.get(SHORTLIST_STATE, ()), ()
    # Any page accepts ?t= (a shared link may point anywhere); only Compare and My visit write it back.
    params.pop(LANGUAGE_PARAM, None)  # read by the frame before the content (components.language_view)
    shortlist_given = params.pop(SHORTLIST_KEY, None)
    present, why = parse_present(params.pop(PRESENT_KEY, None))
    answers = {key: params.pop(key) for key in (SURE_KEY, LEANING_KEY) if key in params}
    parsed = from_query(params)
    ignored = list(parsed.ignored)
    if answers:
        # Only a link the person asked for carries these (My visit); they go into the session, not the address.
        readiness, more = readiness_from_query(answers, treatment_ids)
        state[READINESS_STATE] = readiness
        ignored += more
    if shortlist_given is not None:
        state[SHORTLIST_STATE], more = parse_shortlist(shortlist_given, treatment_ids)
        ignored += more
    if why:
        ignored.append(Ignored(PRESENT_KEY, safe_snippet(_url_params()[PRESENT_KEY][-1]), why))
    state[PRESENT_KEY] = bool(present)
    state[STATE_KEY] = parsed.situation
    return parsed.situation, state.get(SHORTLIST_STATE, ()), tuple(ignored)


def page_query(situation: Situation, shortlist: tuple[str, ...]) -> dict[str, str]:
    """The query parameters that reopen any page with this situation and shortlist (once one is set, every
    page's address keeps it), in presentation mode while it is on."""
    query = situation.to_query()
    if shortlist:
        query[SHORTLIST_KEY] = ",".join(shortlist)
    if st.session_state.get(PRESENT_KEY):
        query[PRESENT_KEY] = "1"
    return query | language_query()


def language_query() -> dict[str, str]:
    """The link's `lang`, when there is a choice of languages (a link then opens in the same one)."""
    if len(st.session_state.get(LANGUAGES_KEY, ())) > 1:
        return {LANGUAGE_PARAM: st.session_state.get(LANGUAGE_KEY, SOURCE_LANGUAGE)}
    return {}


def link_to_view(info: PageInfo, query: dict[str, str]) -> str:
    """The address that reopens this page with this situation, for someone else or later. Never in
    presentation mode: a link a doctor sends is the patient's own view."""
    here = st.context.url or f"/{info.url_path}"
    query = {key: value for key, value in query.items() if key != PRESENT_KEY}
    return here.split("?")[0] + ("?" + urlencode(query, safe=",") if query else "")


def write_url(query: dict[str, str]) -> None:
    wanted = {key: [value] for key, value in query.items()}
    if _url_params() != wanted:
        st.query_params.from_dict(query)
    st.session_state[URL_KEY] = wanted


def by_the_person(callback: Callable[..., None]) -> Callable[..., None]:
    """Mark a widget callback's rerun as the person's own change (see CHANGED_HERE)."""

    @wraps(callback)
    def marked(*args: object) -> None:
        st.session_state[CHANGED_HERE] = True
        callback(*args)

    return marked


def seed(key: str, value: object, arrived: bool) -> None:
    """Give a widget its value from our state. On arrival at a page always (its widgets are new);
    otherwise only when it differs, because writing a widget's state sends it back to the browser
    and would undo key presses still on their way (holding an arrow key on the pain slider)."""
    if arrived or key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value
