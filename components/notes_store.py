"""'Keep my notes on this device': My visit's notes in the browser's own storage (localStorage), never on the server.

A person's notes live in their session (server memory) and vanish with it: a reload, a server
restart, or a reconnect to another replica starts a new, empty session. When they tick "Keep my
notes on this device", a small inline component (st.components.v2, no build step, no other host)
writes the notes to this browser's localStorage on every change. A new session asks the browser
once what it holds, and brings the notes back. "Forget my notes" empties both.

The conversation with the browser:
- Python -> browser, every run: `data = {"mode": ..., "notes": ...}`, where mode is
  "ask" (neither the person nor the browser has said anything yet: report kept notes, change nothing),
  "keep" (store these notes), or "off" (the person unticked the box or chose Forget: remove anything stored).
- browser -> Python, the state value `found`, {"kept": bool, "notes": str, "available": bool}: only
  when it holds kept notes (once per session), or when it cannot store them. A page with nothing
  kept is not run again: on My visit opened from a link, an extra early run is one more chance for
  a slow browser's widgets to lose what the link put in them.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

import streamlit as st

from components.i18n import N_, _
from components.url_state import seed

STORAGE_KEY = "backpain-visit-notes"  # the browser's localStorage key (read by the browser tests and make scale-test)
NOTES_KEY = "visit_notes"  # the notes, in this session
NOTES_WIDGET = "w_visit_notes"
KEEP_KEY = "visit_notes_keep"  # True: the person asked to keep their notes on this device
KEEP_WIDGET = "w_visit_notes_keep"
HEARD_KEY = "visit_notes_heard"  # the browser has said what it holds, in this session
UNAVAILABLE_KEY = "visit_notes_unavailable"  # the browser refuses storage (private window, blocked site data)
COMPONENT_KEY = "notes_store"

# Marked for the catalogue here, translated where they are drawn (draw_notes_store).
KEEP_LABEL = N_("Keep my notes on this device")
KEEP_HELP = N_(
    "Saves your notes in this browser's own storage on this device, so they come back if the page reloads or "
    "the app restarts. They are never saved on our server. Anyone who uses this browser can see them: on a "
    "shared computer, leave this off."
)
FORGET_LABEL = N_("Forget my notes")

# Runs in the page on every run of My visit. Storage errors (private windows, blocked site data)
# are reported, never thrown: the notes then stay in the session as before.
JS = """
const KEY = "backpain-visit-notes";

function read() {
  try {
    const raw = window.localStorage.getItem(KEY);
    return { available: true, stored: raw === null ? null : JSON.parse(raw) };
  } catch (error) {
    return { available: false, stored: null };
  }
}

export default function (component) {
  const { data, setStateValue } = component;
  const { available, stored } = read();
  if (data.mode === "ask") {
    // Only kept notes are worth a word back (it reruns the page); with nothing kept, stay quiet.
    if (stored !== null) {
      const notes = typeof stored.notes === "string" ? stored.notes : "";
      setStateValue("found", { available, kept: true, notes });
    }
    return;
  }
  if (!available) {
    if (data.mode === "keep") setStateValue("found", { available: false, kept: false, notes: "" });
    return;
  }
  try {
    if (data.mode === "keep") {
      if (!stored || stored.notes !== data.notes) {
        window.localStorage.setItem(KEY, JSON.stringify({ notes: data.notes }));
      }
    } else if (stored !== null) {
      window.localStorage.removeItem(KEY);
    }
  } catch (error) {
    // Storage full or refused: nothing more to do; the notes are still in the session.
  }
}
"""

_STORE = st.components.v2.component("backpain_notes_store", html="<span hidden></span>", js=JS)


def store_data(state: Mapping[str, Any]) -> dict[str, str]:
    """What the browser is told this run: keep the notes (the box is ticked), hold none (the person
    unticked it or chose Forget, or the browser's notes were taken), or say whether it holds any."""
    if state.get(KEEP_KEY):
        return {"mode": "keep", "notes": str(state.get(NOTES_KEY, ""))}
    if state.get(HEARD_KEY):
        return {"mode": "off", "notes": ""}
    return {"mode": "ask", "notes": ""}


def take_found(state: MutableMapping[str, Any], found: Mapping[str, Any] | None) -> None:
    """What the browser holds, once per session: kept notes come back (notes typed in this session win)."""
    if not found:
        return
    state[HEARD_KEY] = True
    state[UNAVAILABLE_KEY] = not found.get("available", True)
    if not found.get("kept"):
        return
    state[KEEP_KEY] = state[KEEP_WIDGET] = True
    notes = str(found.get("notes", ""))
    if notes and not state.get(NOTES_KEY):
        state[NOTES_KEY] = state[NOTES_WIDGET] = notes


def forget(state: MutableMapping[str, Any]) -> None:
    """'Forget my notes': empty the notes here and stop keeping them (the next run removes them from the browser)."""
    state[NOTES_KEY] = state[NOTES_WIDGET] = ""
    state[KEEP_KEY] = state[KEEP_WIDGET] = False
    state[HEARD_KEY] = True


def _on_found() -> None:
    take_found(st.session_state, st.session_state[COMPONENT_KEY].get("found"))


def _on_keep() -> None:
    st.session_state[KEEP_KEY] = bool(st.session_state.get(KEEP_WIDGET))
    st.session_state[HEARD_KEY] = True  # the person's word: from now on, keep or remove


def _on_forget() -> None:
    forget(st.session_state)


def draw_notes_store(arrived: bool) -> None:
    """The checkbox, the Forget button and the invisible store; call it under the notes box."""
    state = st.session_state
    seed(KEEP_WIDGET, bool(state.get(KEEP_KEY)), arrived)
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.checkbox(_(KEEP_LABEL), key=KEEP_WIDGET, on_change=_on_keep, help=_(KEEP_HELP))
    right.button(_(FORGET_LABEL), key="forget_notes", on_click=_on_forget, width="stretch")
    if state.get(UNAVAILABLE_KEY) and state.get(KEEP_KEY):
        st.warning(
            _(
                "This browser does not let the app keep notes (a private window, or site data is blocked). "
                "They stay until you close this tab."
            )
        )
    _STORE(key=COMPONENT_KEY, data=store_data(state), height=0, on_found_change=_on_found)
