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

from components.caching import Fingerprint, cached_content
from components.data import ContentError, content_fingerprint
from components.i18n import LANGUAGE_PARAM, _, language_from, language_name, offered_languages
from components.situation import Ignored, safe_snippet
from components.translations import SOURCE_LANGUAGE, available_languages
from components.url_state import LANGUAGE_KEY, LANGUAGES_KEY, URL_KEY

LANGUAGE_WIDGET = "w_language"
_CHOSEN_HERE = "_language_chosen"  # set by the sidebar's choice: this run's address may be a step behind

# Streamlit writes <html lang="en"> whatever the page says; a screen reader then reads Spanish with
# English sounds. This sets the page's language from inside the page (no iframe in components v2).
_HTML_LANG = st.components.v2.component(
    "backpain_html_lang",
    html="<span hidden></span>",
    js="export default function ({ data }) { document.documentElement.lang = data.lang; }",
)


HTML_LANG_KEY = "html_lang"  # the component's state in the session (Streamlit's own, not ours)
CLINIC_LOCALES = "locales"  # a clinic's own catalogues, in its content folder


def clinic_locales(directory: Path) -> Path | None:
    folder = directory / CLINIC_LOCALES
    return folder if folder.is_dir() else None


@st.cache_resource(show_spinner=False, max_entries=8)
def _offered(directory: str, content: str, locales: str, _files: tuple, _catalogues: tuple) -> tuple[str, ...]:
    """Cached per version of the content folder and of the catalogues (`content` and `locales` are
    their fingerprints as strings; the underscored tuples are the same, unhashed). A language whose
    translated content does not load (English edited since it was translated) is not offered: its
    readers get the whole English, with the choice, rather than an error page (make check-data names
    the problem)."""
    del content, locales  # cache keys only
    folder = Path(directory)
    complete = offered_languages(available_languages(folder), clinic_locales(folder))
    return tuple(
        language
        for language in complete
        if language == SOURCE_LANGUAGE or _loads(directory, content_fingerprint(_files, language, _catalogues))
    )


def _loads(directory: str, fingerprint: Fingerprint) -> bool:
    """Whether the content loads in the fingerprint's language. Loaded through the content cache, so
    the check is also the load its readers' pages use (it is not done twice)."""
    try:
        cached_content(directory, fingerprint)
    except ContentError:
        return False
    return True


def choose_language(directory: Path, files: tuple, catalogues: tuple) -> tuple[str, str | None]:
    """This run's language, and the link's `lang` if it asked for one that is not offered (said by
    `refused_notice` once the run's language is set). The fingerprints are the content folder's and
    the catalogues'; they key the cache as strings (Streamlit hashes a string far faster than tuples)."""
    offered = _offered(str(directory), repr(files), repr(catalogues), files, catalogues)
    state = st.session_state
    state[LANGUAGES_KEY] = offered
    asked = st.query_params.get(LANGUAGE_PARAM)
    chosen_here = state.pop(_CHOSEN_HERE, False)
    # As with the situation, the address wins only when it is not the one this session wrote (a new
    # link, back or forward): an address a step behind the person's own choice does not undo it.
    written = (state.get(URL_KEY) or {}).get(LANGUAGE_PARAM, [None])[-1]
    if state.get(LANGUAGE_KEY) in offered and (chosen_here or asked is None or asked == written):
        return state[LANGUAGE_KEY], None
    language, refused = language_from(asked, st.context.locale, offered)
    state[LANGUAGE_KEY] = language
    return language, (asked if refused else None)


def refused_notice(asked: str | None) -> tuple[Ignored, ...]:
    """The notice for a link's `lang` that is not offered, in the run's language."""
    if asked is None:
        return ()
    names = ", ".join(language_name(code) for code in st.session_state.get(LANGUAGES_KEY, (SOURCE_LANGUAGE,)))
    why = _("not a language this app offers: {names}").format(names=names)
    return (Ignored(LANGUAGE_PARAM, safe_snippet(asked), why),)


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
        _HTML_LANG(key=HTML_LANG_KEY, data={"lang": language}, height=0)
