"""Presentation mode for screen-sharing: larger text and charts, no Streamlit menu, a compact header. Pure.

The header keeps Streamlit's » button (stExpandSidebarButton): with the sidebar folded it is the only
way back to the situation and the pages."""

from __future__ import annotations

from components.i18n import _

PRESENT_KEY = "present"

# Static CSS (no user input ever reaches it). Streamlit sizes text in rem, so raising the root
# size scales body text and headings together: 20 px body text is 1.25x the normal 16 px.
PRESENTATION_CSS = """
<style>
html { font-size: 20px; }
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 4rem 2rem 2rem; }
[data-testid="stMainBlockContainer"] h1 { padding-top: 0.25rem; padding-bottom: 0.25rem; }
</style>
"""

# Tables that are too wide for a phone have a card view beside them: a page puts the table in a
# container keyed WIDE_VIEW and the cards in one keyed NARROW_VIEW, and this static CSS shows one of
# the two by the screen's width (Streamlit gives a keyed container the class st-key-<key>).
WIDE_VIEW = "wide_view"
NARROW_VIEW = "narrow_view"
NARROW_WIDTH_PX = 640
NARROW_CSS = f"""
<style>
.st-key-{NARROW_VIEW} {{ display: none !important; }}
@media (max-width: {NARROW_WIDTH_PX}px) {{
  .st-key-{WIDE_VIEW} {{ display: none !important; }}
  .st-key-{NARROW_VIEW} {{ display: flex !important; }}
}}
</style>
"""

# Chart text sizes, normal and when presenting.
CHART_TEXT = {False: {"label": 12, "title": 13, "row": 22}, True: {"label": 17, "title": 18, "row": 24}}


def parse_present(given: list[str] | None) -> tuple[bool | None, str | None]:
    """`present=1` turns presentation mode on, `present=0` off; anything else is ignored (with why)."""
    if given is None:
        return None, None
    if len(given) != 1:
        return None, _("given more than once")
    value = given[0].strip()
    if value in ("1", "0"):
        return value == "1", None
    return None, _("use present=1 or present=0")
