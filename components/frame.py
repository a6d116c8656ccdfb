"""The frame every page draws around itself: page setup, the sidebar, the warning-sign banners
and the disclaimer, around one Frame that holds the situation and the content.

Each page calls draw_frame() first. A page never relies on app.py having run: on a fresh
server, the first deep link runs the page file on its own (see STYLE.md). The parts live in
their own modules: url_state (URL <-> session), sidebar (widgets), banners, caching.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import streamlit as st
from streamlit import config

from components.banners import DISCLAIMER, draw_banners, draw_ignored_notice
from components.caching import Fingerprint, cached_assessment, cached_content, cached_fit, shared_cache
from components.clinic import CLINIC_FILE, THEME_OPTIONS, Clinic
from components.copy_link import copy_link_button
from components.data import Content, ContentError, content_dir, content_fingerprint, data_fingerprint, escape_markdown
from components.glossary import terms_in
from components.i18n import _, locales_fingerprint, use_language
from components.language_view import (
    choose_language,
    clinic_locales,
    draw_language_choice,
    mark_page_language,
    refused_notice,
)
from components.pages import page
from components.presentation import NARROW_CSS, PRESENT_KEY, PRESENTATION_CSS
from components.sidebar import draw_sidebar, leave_presentation
from components.situation import MAX_SHORTLIST, Situation
from components.triage import Assessment, Tier, tiers_for
from components.url_state import SHORTLIST_STATE, by_the_person, link_to_view, page_query, seed, state_from_url, write_url

# Streamlit runs a full garbage collection after every script run (runner.postScriptGC) while the
# run's last messages are still on their way; with pandas, Altair and pandera loaded, that scan
# took ~70 ms a rerun. What is loaded by now (the libraries and our modules) lives as long as the
# process, so it is moved out of the collector's sight; the scan then takes ~2 ms. Done once,
# when this module is first imported (a code change reloads it: in development only, the old
# module's objects then stay frozen). The shared caches grow past that point, so the per-run
# collection itself is off too (`runner.postScriptGC` in .streamlit/config.toml).
gc.freeze()

__all__ = ["DISCLAIMER", "Frame", "draw_frame", "link_to_page", "page_query", "seed", "shared_cache"]

SHORTLIST_WIDGET = "w_shortlist"
LAST_PAGE = "_frame_page"
LAST_LANGUAGE = "_frame_language"


@dataclass(frozen=True)
class Frame:
    situation: Situation
    content: Content
    fingerprint: Fingerprint
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

    @cached_property
    def assessment(self) -> Assessment:
        """The warning signs that apply, in tiers (ticked, raised by symptoms, or read from other answers)."""
        return cached_assessment(self.directory, self.fingerprint, self.situation)

    @property
    def clinic(self) -> Clinic:
        """The clinic's profile (clinic.toml); empty, and falsy, for an anonymous deployment."""
        return self.content.clinic

    @cached_property
    def tiers(self) -> dict[str, Tier]:
        """The warning-sign tiers with the clinic's emergency number and advice."""
        return tiers_for(self.content.clinic)

    @property
    def emergency(self) -> bool:
        """Whether any warning sign is at the emergency tier."""
        return self.assessment.tier == "emergency"

    @cached_property
    def fitted(self) -> pd.DataFrame:
        """Every treatment with its fit and reason for this situation (computed once per situation)."""
        return cached_fit(self.directory, self.fingerprint, self.situation)


def draw_frame(url_path: str) -> Frame:
    """Draw the whole frame for one page and return the situation and content it uses."""
    info = page(url_path)
    directory = content_dir()
    files, extra = data_fingerprint(directory), clinic_locales(directory)
    catalogues = locales_fingerprint(extra)
    language, asked = choose_language(directory, files, catalogues)
    use_language(language, extra)
    refused = refused_notice(asked)
    title = _("{title} · Back pain options").format(title=_(info.title))
    st.set_page_config(page_title=title, page_icon="🩺", layout="wide")
    # With the catalogues' version too: a corrected catalogue reaches every cached sentence.
    fingerprint = content_fingerprint(files, language, catalogues)
    try:
        content = cached_content(str(directory), fingerprint)
    except ContentError as error:
        problem = _("**The app's content has a problem, so nothing is shown.** {error}")
        st.error(problem.format(error=escape_markdown(str(error))))
        st.stop()
    _apply_theme(content.clinic.theme)
    if content.clinic.logo:
        st.logo(str(content.clinic.logo), size="large")
    situation, shortlist, ignored = state_from_url(list(content.treatment_ids))
    present = bool(st.session_state.get(PRESENT_KEY))
    # A new language relabels every choice: the browser's widgets still hold the old labels, so they
    # are given their values again, as on arrival (else a radio whose label changed comes back empty).
    relabelled = st.session_state.get(LAST_LANGUAGE, language) != language
    arrived = st.session_state.get(LAST_PAGE) != info.url_path or relabelled
    st.session_state[LAST_PAGE], st.session_state[LAST_LANGUAGE] = info.url_path, language
    # Sent every run, so each switch into presentation mode is a change the browser acts on: the
    # sidebar folds every time, not only the first (it stays reachable with » at the top left).
    st.set_page_config(initial_sidebar_state="collapsed" if present else "auto")
    st.html(NARROW_CSS)
    if present:
        st.html(PRESENTATION_CSS)
    frame = Frame(situation, content, fingerprint, str(directory), shortlist, present, arrived)
    with st.sidebar:
        draw_language_choice()
    draw_sidebar(situation, shortlist, content, info, arrived)
    if content.clinic.feedback_email:
        _draw_feedback(content.clinic, _(info.title))
    draw_banners(frame.assessment, frame.tiers)
    draw_ignored_notice((*refused, *ignored))
    st.caption(_(DISCLAIMER))
    query = page_query(situation, shortlist)
    # In the page itself, not only the sidebar: phones and presentation mode keep the sidebar closed.
    # One compact row, so a shared screen keeps its height for the page.
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        with st.popover(
            "🔗 " + _("Link to this view"), help=_("The address of this page with your situation, to share or reopen.")
        ):
            link = link_to_view(info, query)
            st.code(link, language=None, wrap_lines=True)
            copy_link_button(link, _("Copy link"), _("Copied"), _("Could not copy: select the link above and copy it."))
            st.caption(
                _(
                    "It opens this page with this situation, for someone else or for you later, in the normal view "
                    "(never in presentation mode)."
                )
            )
        if present:
            st.button(_("Leave presentation mode"), on_click=leave_presentation, key="leave_present")
    write_url(query)
    mark_page_language(language)
    return frame


# Each theme option as it was before a clinic's colours were set (from .streamlit/config.toml, or
# Streamlit's default), with where it was set: what comes back when a clinic drops a colour.
_OWN_THEME: dict[str, tuple[object, str]] = {}


def _apply_theme(theme: Mapping[str, str]) -> None:
    """Give the app the clinic's colours (clinic.toml [theme]), or give it its own back.

    Streamlit reads its theme from its config each time a script run starts, and offers no public
    way to set it from the app; the clinic's colours live with its content, so they are set in the
    config here (tests/e2e/test_clinic.py checks the colours in the browser). When something
    changed, this run started with the old colours: run again at once (on a new server, the
    first visitor's first run; after that, only when clinic.toml's colours change).
    """
    changed = False
    for option in THEME_OPTIONS:
        key = f"theme.{option}"
        if key not in _OWN_THEME and config.get_where_defined(key) != CLINIC_FILE:
            _OWN_THEME[key] = (config.get_option(key), config.get_where_defined(key))
        wanted, where = (theme[option], CLINIC_FILE) if option in theme else _OWN_THEME[key]
        if config.get_option(key) != wanted:
            config.set_option(key, wanted, where)
            changed = True
    if changed:
        st.rerun()


def _draw_feedback(clinic: Clinic, page_title: str) -> None:
    with st.sidebar:
        st.divider()
        st.markdown("✉️ [" + _("Tell us what was unclear") + f"]({clinic.feedback_link(page_title)})")
        st.caption(
            _(
                "Opens your email app with a message to {clinic}. Nothing is sent until you send it, "
                "and nothing you entered here goes into it."
            ).format(clinic=escape_markdown(clinic.name))
        )


@by_the_person
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
        placeholder=_("Choose treatments"),
    )
    return tuple(st.session_state.get(SHORTLIST_STATE, frame.shortlist))


@by_the_person
def add_to_shortlist(treatment_id: str) -> None:
    """Button callback (Explore): add one treatment, keeping at most four."""
    current = tuple(st.session_state.get(SHORTLIST_STATE, ()))
    if treatment_id not in current and len(current) < MAX_SHORTLIST:
        st.session_state[SHORTLIST_STATE] = (*current, treatment_id)


@by_the_person
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
    with st.expander("📖 " + _("Words explained on this page ({count})").format(count=count)):
        st.markdown(lines)


def link_to_page(frame: Frame, url_path: str, label: str, shortlist: tuple[str, ...] | None = None, where: object = st) -> None:
    """An in-page link to another page that keeps the situation, the shortlist (or `shortlist`, the one
    just chosen), the language and presentation mode: the same query as the sidebar's links."""
    target = page(url_path)
    chosen = frame.shortlist if shortlist is None else shortlist
    where.page_link(target.path, label=label, icon=target.icon, query_params=page_query(frame.situation, chosen))
