"""Which language a session reads, from the link, the person's choice or the browser, and the page's
`<html lang>`.

The link's `lang` wins when it is new to the session, like the situation (components.url_state);
after that the person's own choice in the sidebar does. With neither, the browser's language
(`st.context.locale`) picks among the languages offered (components.i18n.offered_languages),
else English. Only offered languages are ever shown: a link asking for another is told so.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.i18n import LANGUAGE_PARAM, _, language_from, language_name, locales_fingerprint, offered_languages
from components.situation import Ignored, safe_snippet
from components.translations import SOURCE_LANGUAGE, available_languages

LANGUAGE_KEY = "language"  # the language this session reads
LANGUAGE_WIDGET = "w_language"
LANGUAGES_KEY = "_languages"  # the languages offered on this run (links carry `lang` when there are several)
_CHOSEN_HERE = "_language_chosen"  # set by the sidebar's choice: this run's address may be a step behind

# Streamlit writes <html lang="en"> whatever the page says; a screen reader then reads Spanish with
# English sounds. This sets the page's language from inside the page (no iframe in components v2).
_HTML_LANG = st.components.v2.component(
    "backpain_html_lang",
    html="<span hidden></span>",
    js="export default function ({ data }) { document.documentElement.lang = data.lang; }",
)


CLINIC_LOCALES = "locales"  # a clinic's own catalogues, in its content folder


def clinic_locales(directory: Path) -> Path | None:
    folder = directory / CLINIC_LOCALES
    return folder if folder.is_dir() else None


@st.cache_resource(show_spinner=False, max_entries=8)
def _offered(directory: str, content: tuple, locales: tuple) -> tuple[str, ...]:
    """Cached per version of the content folder and of the catalogues."""
    del content, locales  # cache keys only
    return offered_languages(available_languages(Path(directory)), clinic_locales(Path(directory)))


def choose_language(directory: Path, content_fingerprint: tuple) -> tuple[str, tuple[Ignored, ...]]:
    """This run's language, and the link's `lang` if it asked for one that is not offered."""
    offered = _offered(str(directory), content_fingerprint, locales_fingerprint(clinic_locales(directory)))
    state = st.session_state
    state[LANGUAGES_KEY] = offered
    asked = st.query_params.get(LANGUAGE_PARAM)
    if state.pop(_CHOSEN_HERE, False) and state.get(LANGUAGE_KEY) in offered:
        return state[LANGUAGE_KEY], ()
    if asked is None and state.get(LANGUAGE_KEY) in offered:
        return state[LANGUAGE_KEY], ()
    language, refused = language_from(asked, st.context.locale, offered)
    state[LANGUAGE_KEY] = language
    if not refused:
        return language, ()
    names = ", ".join(language_name(code) for code in offered)
    return language, (
        Ignored(LANGUAGE_PARAM, safe_snippet(asked or ""), _("not a language this app offers: {names}").format(names=names)),
    )


def language_query() -> dict[str, str]:
    """The link's `lang`, when there is a choice of languages (a link then opens in the same one)."""
    if len(st.session_state.get(LANGUAGES_KEY, ())) > 1:
        return {LANGUAGE_PARAM: st.session_state.get(LANGUAGE_KEY, SOURCE_LANGUAGE)}
    return {}


def _chosen() -> None:
    st.session_state[LANGUAGE_KEY] = st.session_state[LANGUAGE_WIDGET]
    st.session_state[_CHOSEN_HERE] = True


def draw_language_choice() -> None:
    """The sidebar's choice of language, when there is one."""
    offered = st.session_state.get(LANGUAGES_KEY, ())
    if len(offered) < 2:
        return
    st.session_state[LANGUAGE_WIDGET] = st.session_state.get(LANGUAGE_KEY, SOURCE_LANGUAGE)
    st.segmented_control(
        "🌐 " + _("Language"),
        offered,
        format_func=language_name,
        key=LANGUAGE_WIDGET,
        on_change=_chosen,
        required=True,
    )


def mark_page_language(language: str) -> None:
    """Tell the browser the page's language. Streamlit's own page says English, so with English alone
    there is nothing to do; with a choice, every run says it (also back to English after Spanish)."""
    if len(st.session_state.get(LANGUAGES_KEY, ())) > 1:
        _HTML_LANG(key="html_lang", data={"lang": language}, height=0)
