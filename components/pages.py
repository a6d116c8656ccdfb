"""The app's pages, defined once for st.navigation in app.py and for the frame's links."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    path: str  # relative to app.py
    title: str
    url_path: str
    icon: str  # emoji, not :material/: icons, which load a font from a third-party host
    help: str
    shortlist_in_url: bool = False  # the page's URL carries ?t= (the treatment shortlist)


PAGES: tuple[PageInfo, ...] = (
    PageInfo(
        "pages/home.py",
        "Start here",
        "",
        "🏠",
        "What this app is and is not, whether to see a back pain doctor, and what such a doctor does.",
    ),
    PageInfo(
        "pages/explore.py",
        "Explore treatments",
        "explore",
        "🔎",
        "Every treatment with its guideline stance and whether it fits your situation now, later or not typically.",
    ),
    PageInfo(
        "pages/ladder.py",
        "Escalation ladder",
        "ladder",
        "🪜",
        "Charts of the usual path from self-care to surgery, when each option is considered, and how invasive each is.",
    ),
    PageInfo(
        "pages/compare.py",
        "Compare options",
        "compare",
        "⚖️",
        "Two to four treatments side by side, with benefits and risks in equal detail and what matters to you.",
        shortlist_in_url=True,
    ),
    PageInfo(
        "pages/visit.py",
        "My visit",
        "visit",
        "📝",
        "Your situation, shortlist and questions for the doctor, with private notes and downloads to take along.",
        shortlist_in_url=True,
    ),
    PageInfo(
        "pages/sources.py",
        "Sources & method",
        "sources",
        "📚",
        "Every source, how fit is decided, when the content was last reviewed, and how a clinic edits it.",
    ),
)


def page(url_path: str) -> PageInfo:
    return next(p for p in PAGES if p.url_path == url_path)
