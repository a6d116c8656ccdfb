"""'Keep my notes on this device', the Python side: what the browser is told, what comes back, and
My visit's widgets (AppTest). The browser side (localStorage, reload, restart) is tests/e2e/test_notes.py."""

from __future__ import annotations

import json
import pickle

from components.copy_link import COPY_LINK_KEY
from components.language_view import HTML_LANG_KEY
from components.notes_store import (
    COMPONENT_KEY,
    FORGET_LABEL,
    HEARD_KEY,
    JS,
    KEEP_KEY,
    KEEP_LABEL,
    KEEP_WIDGET,
    NOTES_KEY,
    NOTES_WIDGET,
    STORAGE_KEY,
    UNAVAILABLE_KEY,
    forget,
    store_data,
    take_found,
)
from components.pages import PAGES
from tests.test_pages import MAKE_PDF, open_app, texts


def test_a_new_session_asks_the_browser_and_removes_nothing_until_the_person_or_the_browser_has_said():
    assert store_data({}) == {"mode": "ask", "notes": ""}
    assert store_data({NOTES_KEY: "typed"}) == {"mode": "ask", "notes": ""}
    assert store_data({NOTES_KEY: "typed", KEEP_KEY: True}) == {"mode": "keep", "notes": "typed"}
    assert store_data({HEARD_KEY: True, NOTES_KEY: "typed", KEEP_KEY: True}) == {"mode": "keep", "notes": "typed"}
    assert store_data({HEARD_KEY: True, NOTES_KEY: "typed"}) == {"mode": "off", "notes": ""}


def test_the_browser_speaks_only_when_it_holds_kept_notes_or_cannot_keep_them():
    ask = JS[JS.index('if (data.mode === "ask")') : JS.index("if (!available)")]
    assert "if (stored !== null)" in ask and ask.count("setStateValue") == 1
    refuse = JS[JS.index("if (!available)") : JS.index("try {\n    if")]
    assert 'if (data.mode === "keep") setStateValue("found", { available: false' in refuse


def test_kept_notes_come_back_and_tick_the_box_but_never_overwrite_notes_typed_in_this_session():
    state: dict = {}
    take_found(state, {"available": True, "kept": True, "notes": "from the device"})
    assert state == {
        HEARD_KEY: True,
        UNAVAILABLE_KEY: False,
        KEEP_KEY: True,
        KEEP_WIDGET: True,
        NOTES_KEY: "from the device",
        NOTES_WIDGET: "from the device",
    }
    typed = {NOTES_KEY: "typed here", NOTES_WIDGET: "typed here"}
    take_found(typed, {"available": True, "kept": True, "notes": "from the device"})
    assert (typed[NOTES_KEY], typed[KEEP_KEY]) == ("typed here", True)


def test_a_browser_with_nothing_stored_or_no_storage_leaves_the_notes_alone():
    empty: dict = {}
    take_found(empty, {"available": True, "kept": False, "notes": ""})
    assert empty == {HEARD_KEY: True, UNAVAILABLE_KEY: False}
    refused: dict = {}
    take_found(refused, {"available": False, "kept": False, "notes": ""})
    assert refused == {HEARD_KEY: True, UNAVAILABLE_KEY: True}
    untouched: dict = {}
    take_found(untouched, None)
    assert untouched == {}


def test_forget_empties_the_notes_and_stops_keeping_them():
    state = {KEEP_KEY: True, KEEP_WIDGET: True, NOTES_KEY: "x", NOTES_WIDGET: "x"}
    forget(state)
    assert store_data(state) == {"mode": "off", "notes": ""}
    assert (state[NOTES_KEY], state[NOTES_WIDGET], state[KEEP_WIDGET]) == ("", "", False)


def test_the_script_uses_the_browsers_storage_under_one_key_and_nothing_else():
    assert f'const KEY = "{STORAGE_KEY}";' in JS
    for reaching_out in ("fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon", "import(", "http", "sessionStorage", "cookie"):
        assert reaching_out not in JS, reaching_out


def component_data(at) -> dict:
    (store,) = [c for c in at.get("bidi_component") if c.proto.component_name == "backpain_notes_store"]
    return json.loads(store.proto.json)


def test_my_visit_offers_to_keep_the_notes_and_tells_the_browser_what_to_do():
    at = open_app("pages/visit.py")
    keep = at.checkbox(key=KEEP_WIDGET)
    assert (keep.label, keep.value) == (KEEP_LABEL, False)
    assert "never saved on our server" in keep.help and "shared computer, leave this off" in keep.help
    assert [b.label for b in at.button if b.key == "forget_notes"] == [FORGET_LABEL]
    assert component_data(at) == {"mode": "ask", "notes": ""}

    # The browser holds nothing, so it says nothing; the person ticks the box and types.
    at.checkbox(key=KEEP_WIDGET).check().run()
    at.text_area(key=NOTES_WIDGET).input("Ask about driving.").run()
    assert component_data(at) == {"mode": "keep", "notes": "Ask about driving."}
    assert "Your notes are kept in this browser on this device, not on our server" in texts(at)

    at.button(key="forget_notes").click().run()
    assert component_data(at) == {"mode": "off", "notes": ""}
    assert at.text_area(key=NOTES_WIDGET).value == ""
    assert at.checkbox(key=KEEP_WIDGET).value is False


def test_notes_from_the_device_fill_my_visit_and_reach_the_downloads():
    at = open_app("pages/visit.py")
    take_found(at.session_state, {"available": True, "kept": True, "notes": "Kept on my phone."})
    at.run()
    assert at.text_area(key=NOTES_WIDGET).value == "Kept on my phone."
    assert at.checkbox(key=KEEP_WIDGET).value is True
    assert component_data(at) == {"mode": "keep", "notes": "Kept on my phone."}
    # Leaving My visit and coming back keeps both.
    at.switch_page("pages/compare.py").run()
    at.switch_page("pages/visit.py").run()
    assert (at.text_area(key=NOTES_WIDGET).value, at.checkbox(key=KEEP_WIDGET).value) == ("Kept on my phone.", True)


def test_a_browser_that_refuses_storage_is_told_plainly():
    at = open_app("pages/visit.py")
    take_found(at.session_state, {"available": False, "kept": False, "notes": ""})
    at.checkbox(key=KEEP_WIDGET).check().run()
    assert [w.value for w in at.warning if "does not let the app keep notes" in w.value] == [
        "This browser does not let the app keep notes (a private window, or site data is blocked). "
        "They stay until you close this tab."
    ]


def test_everything_the_app_puts_in_the_session_can_be_pickled():
    """Streamlit's own check (runner.enforceSerializableSessionState) is off because it refuses the
    notes store's component state (.streamlit/config.toml says why); this keeps the promise for ours."""
    at = open_app(symptoms="leg_pain", t="discectomy,nsaids")
    for info in PAGES[1:]:
        at.switch_page(info.path).run()
    take_found(at.session_state, {"available": True, "kept": True, "notes": "Kept."})
    at.run()
    at.switch_page("pages/visit.py").run()
    next(b for b in at.button if b.label == MAKE_PDF).click().run()  # My visit holds the PDF made
    assert "visit_pdf" in at.session_state
    # Streamlit's own state for our three components (the notes store, the page's <html lang>, Copy link).
    ours = [key for key in at.session_state if key not in (COMPONENT_KEY, HTML_LANG_KEY, COPY_LINK_KEY)]
    assert len(ours) > 30
    for key in ours:
        pickle.dumps(at.session_state[key])
