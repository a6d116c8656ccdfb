"""Presentation mode for screen-sharing: larger text and charts, no Streamlit chrome. Pure."""

from __future__ import annotations

from components.i18n import _

PRESENT_KEY = "present"

# Static CSS (no user input ever reaches it). Streamlit sizes text in rem, so raising the root
# size scales body text and headings together: 20 px body text is 1.25x the normal 16 px.
PRESENTATION_CSS = """
<style>
html { font-size: 20px; }
[data-testid="stToolbar"], [data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-left: 2rem; padding-right: 2rem; }
</style>
"""

# Chart text sizes, normal and when presenting.
CHART_TEXT = {False: {"label": 12, "title": 13, "row": 22}, True: {"label": 17, "title": 18, "row": 30}}


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
