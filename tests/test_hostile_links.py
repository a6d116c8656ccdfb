"""Hostile and broken links, fed to every page through AppTest (property-based, with hypothesis)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from components.pages import PAGES
from components.presentation import PRESENT_KEY
from components.situation import SHORTLIST_KEY, SITUATION_KEYS, safe_snippet

APP = str(Path(__file__).resolve().parent.parent / "app.py")
KNOWN_KEYS = (*SITUATION_KEYS, SHORTLIST_KEY, PRESENT_KEY)
NASTY = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "![tracker](http://evil.example/pixel.png)",
    "[click me](javascript:alert(1))",
    "\u202eflipped text",
    "\x00\x07\x1b[31mcontrol",
    "🦴💥🙈",
    "9" * 5000,
    "-1",
    "11",
    "3.5",
    "NaN",
    "1e3",
    "back_pain," * 60,
    "leg_pain,leg_pain,,numbness",
    "discectomy,discectomy,heat,acupuncture,massage,nsaids",
    "```\n<script>alert(1)</script>\n```",
    "```python\nimport os; os.system('rm -rf /')\n```",
    "| a | b |\n|---|---|\n| <b>1</b> | 2 |",
    "| pain | 8 |\n| :-- | --: |",
]
# Parameter names a link should not have: unknown, near-duplicates of real ones, very long, HTML, Markdown.
NASTY_KEYS = [
    "zzz",
    "🦴",
    "<b>key</b>",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "![tracker](http://evil.example/pixel.png)",
    "**bold**",
    "# heading",
    "```",
    "| a | b |",
    "|---|---|",
    "PAIN",
    "pain ",
    "pain[]",
    "symptoms.0",
    "k" * 3000,
    "pain" * 500,
]
keys = st.one_of(
    st.sampled_from(KNOWN_KEYS),
    st.sampled_from(NASTY_KEYS),
    st.text(min_size=1, max_size=12),
    st.text(min_size=300, max_size=600),
)
given_values = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=40)), min_size=1, max_size=3)
# The same parameter twice in one link (?pain=8&pain=8) as well as with different values.
values = st.one_of(given_values, given_values.map(lambda vs: [vs[0], vs[0]]))
links = st.dictionaries(keys, values, min_size=1, max_size=6)
# Embed options are Streamlit's own parameters, handled before the app sees the link.
links = links.filter(lambda link: not {"embed", "embed_options"} & set(link))

PAGE_FILES = [info.path for info in PAGES]
# The notice, when there is one: each ignored parameter as `name=value` reduced to inert characters
# (components.situation.safe_snippet), then why in plain words, with nothing that could form Markdown or HTML.
INERT = r"[A-Za-z0-9_.,?…-]*"
NOTICE = re.compile(
    rf"Some settings in this link could not be used and were ignored: `{INERT}={INERT}` \([^`<>\[\]|*#]*\)"
    rf"(; `{INERT}={INERT}` \([^`<>\[\]|*#]*\))*\."
)
MARKUP = ("<", "](", "javascript:", "```")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)


def hostile(text: str) -> bool:
    """Text that would show as HTML, a link, a code block or a table if a page passed it on."""
    return any(mark in text for mark in MARKUP) or bool(TABLE_ROW.search(text))


def shown_texts(at: AppTest) -> list[str]:
    texts = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "title", "header", "subheader"):
        texts += [str(element.value) for element in getattr(at, kind)]
    return texts


@pytest.fixture(scope="module")
def apps() -> dict[str, AppTest]:
    """One session per page, already on that page; each example then changes only the link."""
    sessions = {}
    for page in PAGE_FILES:
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        if page != PAGES[0].path:
            at.switch_page(page).run()
        sessions[page] = at
    return sessions


@pytest.fixture(scope="module")
def own_text(apps: dict[str, AppTest]) -> dict[str, str]:
    """What each page shows with no link at all: a piece of a link that the page writes itself (the
    "](" of Sources' own Markdown links) is no sign that the link reached the page."""
    return {page: "\n".join(shown_texts(at)) for page, at in apps.items()}


@pytest.mark.parametrize("page", PAGE_FILES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(link=links)
def test_every_page_survives_any_link_and_says_once_what_it_ignored(apps, own_text, page, link):
    at = apps[page]
    at.query_params.clear()
    for key, given_values in link.items():
        at.query_params[key] = given_values if len(given_values) > 1 else given_values[0]
    at.run()
    assert not at.exception, at.exception
    assert at.title, "the page did not render"
    notices = [w.value for w in at.warning if "ignored" in w.value]
    assert len(notices) <= 1
    unknown = set(link) - set(KNOWN_KEYS)
    if unknown:
        assert len(notices) == 1, link
        for key in unknown:
            assert f"`{safe_snippet(key, 30)}=" in notices[0], key
    for notice in notices:
        assert NOTICE.fullmatch(notice), notice
    hostile_parts = [part for key, vs in link.items() for part in (key, *vs) if hostile(part) and part not in own_text[page]]
    for text in shown_texts(at):
        for part in hostile_parts:
            assert part not in text
        assert "<script" not in text and "<img" not in text and "javascript:" not in text
        assert "```" not in text and not TABLE_ROW.search(text), text
    # The notice is told once: the next rerun of the same page does not repeat it.
    at.run()
    assert not [w for w in at.warning if "ignored" in w.value]
