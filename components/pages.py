"""The app's pages, defined once for st.navigation in app.py and for the frame's links."""

from __future__ import annotations

from dataclasses import dataclass

from components.i18n import N_


@dataclass(frozen=True)
class PageInfo:
    path: str  # relative to app.py
    title: str
    url_path: str
    icon: str  # emoji, not :material/: icons, which load a font from a third-party host
    help: str


PAGES: tuple[PageInfo, ...] = (
    PageInfo(
        "pages/home.py",
        N_("Start here"),
        "",
        "🏠",
        N_("What this app is and is not, whether to see a back pain doctor, and what such a doctor does."),
    ),
    PageInfo(
        "pages/explore.py",
        N_("Explore treatments"),
        "explore",
        "🔎",
        N_("Every treatment with its guideline stance and whether it fits your situation now, later or not typically."),
    ),
    PageInfo(
        "pages/ladder.py",
        N_("Escalation ladder"),
        "ladder",
        "🪜",
        N_("Charts of the usual path from self-care to surgery, when each option is considered, and how invasive each is."),
    ),
    PageInfo(
        "pages/compare.py",
        N_("Compare options"),
        "compare",
        "⚖️",
        N_("Two to four treatments side by side, with benefits and risks in equal detail and what matters to you."),
    ),
    PageInfo(
        "pages/visit.py",
        N_("My visit"),
        "visit",
        "📝",
        N_("Your situation, shortlist and questions for the doctor, with private notes and downloads to take along."),
    ),
    PageInfo(
        "pages/sources.py",
        N_("Sources & method"),
        "sources",
        "📚",
        N_("Every source, how fit is decided, when the content was last reviewed, and how a clinic edits it."),
    ),
)


def page(url_path: str) -> PageInfo:
    return next(p for p in PAGES if p.url_path == url_path)
