"""Every page with a clinic profile and without one (AppTest): banners, Start here, My visit,
Sources & method, the feedback link, the downloads, the theme, and a broken profile."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from streamlit import config

from components.clinic import CLINIC_FILE
from components.data import DATA_DIR, DATA_DIR_VARIABLE
from components.pages import PAGES
from tests.test_pages import CSV, MARKDOWN, PDF, SHORTLIST, open_app, pdf_text, run_and_download, texts

ROOT = Path(__file__).resolve().parent.parent
NAME = "Riverside Back Care Clinic"
INTRODUCTION = (
    f"**This app is provided by {NAME}.** To book an appointment, call 01632 960 000 or "
    "[book online](https://riverside-back-care.example.org/book)."
)
ANONYMOUS_EMERGENCY = "Call your local emergency number (999 in the UK, 911 in the US, 112 in the EU)"
CLINIC_EMERGENCY = "Call the emergency services on 999 or go to the nearest emergency department now."
PAGE_FILES = [info.path for info in PAGES]


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app pointed at a copy of the content with the example clinic profile and logo."""
    target = tmp_path / "content"
    shutil.copytree(DATA_DIR, target)
    shutil.copy(ROOT / "examples" / CLINIC_FILE, target)
    shutil.copy(ROOT / "examples" / "riverside-logo.png", target)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(target))
    return target


def open_page(path: str, **params: str):
    return open_app(None if path == "pages/home.py" else path, **params)


def sidebar_texts(at) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "caption") for e in getattr(at.sidebar, kind))


@pytest.mark.parametrize("path", PAGE_FILES)
def test_every_page_gives_the_clinics_emergency_number_and_feedback_address(clinic: Path, path: str):
    at = open_page(path, symptoms="back_pain", flags="bladder_bowel,fever")
    banners = [e.value for e in at.error]
    assert CLINIC_EMERGENCY in banners[0]
    assert "For advice today, call NHS 111, or our nurse line on 01632 960 123 (weekdays 8am to 6pm)." in banners[1]
    assert not any(ANONYMOUS_EMERGENCY in banner or "(in the UK, your GP or NHS 111)" in banner for banner in banners)
    title = next(info.title for info in PAGES if info.path == path).replace(" ", "%20").replace("&", "%26")
    sidebar = sidebar_texts(at)
    assert (
        "✉️ [Tell us what was unclear](mailto:backpain-app@riverside-back-care.example.org"
        f"?subject=What%20was%20unclear%20in%20the%20back%20pain%20app&body=Page%3A%20{title}%0A%0AWhat%20was%20unclear%3A%0A)"
    ) in sidebar
    assert "Nothing is sent until you send it, and nothing you entered here goes into it." in sidebar
    # Nothing of the person's situation goes into the email.
    assert "back_pain" not in sidebar.split("mailto:")[1].split(")")[0]


@pytest.mark.parametrize("path", PAGE_FILES)
def test_without_a_profile_every_page_reads_as_it_always_has(path: str):
    at = open_page(path, symptoms="back_pain", flags="bladder_bowel,fever")
    banners = [e.value for e in at.error]
    assert ANONYMOUS_EMERGENCY in banners[0]
    assert "Get a same-day appointment with a doctor (in the UK, your GP or NHS 111)" in banners[1]
    page = texts(at)
    assert "This app is provided by" not in page and "Who reviews this content for" not in page
    assert "Tell us what was unclear" not in sidebar_texts(at)
    assert config.get_where_defined("theme.primaryColor") != "clinic.toml"


@pytest.mark.parametrize("path", ["pages/home.py", "pages/visit.py"])
def test_start_here_and_my_visit_name_the_clinic_and_how_to_book(clinic: Path, path: str):
    at = open_page(path)
    assert [(e.value, e.icon) for e in at.info if "provided by" in e.value] == [(INTRODUCTION, "🏥")]


def test_sources_says_who_reviews_the_content_for_the_clinic(clinic: Path):
    page = texts(open_app("pages/sources.py"))
    assert (
        f"**Who reviews this content for {NAME}:** Dr Asha Patel, consultant physiotherapist, reviews this content "
        "every six months." in page
    )
    assert f"**🚨 Emergency: get help now.** {CLINIC_EMERGENCY.removesuffix('.')}." in page
    assert "**⚠️ See a doctor today.** Get a same-day appointment with a doctor before you try any treatment in this app." in page


def test_the_downloads_carry_the_clinics_name_and_contacts(clinic: Path):
    files = run_and_download(open_app("pages/visit.py", **SHORTLIST))
    markdown = files[MARKDOWN][2].decode()
    assert (
        "## My clinic\n\n"
        f"- **Clinic**: {NAME}\n"
        "- **Phone**: 01632 960 000\n"
        "- **Book online**: https://riverside-back-care.example.org/book\n"
        "- **Advice today**: Call NHS 111, or our nurse line on 01632 960 123 (weekdays 8am to 6pm)\n"
        "- **In an emergency**: call 999\n"
    ) in markdown
    rows = list(csv.reader(io.StringIO(files[CSV][2].decode())))
    assert [row for row in rows if row[0] == "clinic"] == [
        ["clinic", "Clinic", NAME],
        ["clinic", "Phone", "01632 960 000"],
        ["clinic", "Book online", "https://riverside-back-care.example.org/book"],
        ["clinic", "Advice today", "Call NHS 111, or our nurse line on 01632 960 123 (weekdays 8am to 6pm)"],
        ["clinic", "In an emergency", "call 999"],
    ]
    page_one = " ".join(pdf_text(files[PDF][2]).split())
    for fact in (f"Clinic: {NAME}", "Phone: 01632 960 000", "riverside-back-care.example.org/book", "In an emergency: call 999"):
        assert fact in page_one, fact
    assert f"explorer from {NAME}." in page_one


def test_without_a_profile_the_downloads_have_no_clinic():
    files = run_and_download(open_app("pages/visit.py", **SHORTLIST))
    assert "## My clinic" not in files[MARKDOWN][2].decode()
    assert not [row for row in csv.reader(io.StringIO(files[CSV][2].decode())) if row[0] == "clinic"]
    assert "Clinic:" not in pdf_text(files[PDF][2])


def test_the_clinics_colours_become_the_theme_and_go_again_without_it(clinic: Path, monkeypatch: pytest.MonkeyPatch):
    options = [f"theme.{option}" for option in ("primaryColor", "backgroundColor", "textColor", "linkColor", "grayTextColor")]
    monkeypatch.delenv(DATA_DIR_VARIABLE)
    open_app()
    own = [config.get_option(option) for option in options]
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(clinic))
    open_app()
    # Links take the primary colour, captions the text colour (both checked for contrast).
    assert [config.get_option(option) for option in options] == ["#0b6e4f", "#ffffff", "#111827", "#0b6e4f", "#111827"]
    monkeypatch.delenv(DATA_DIR_VARIABLE)
    open_app()
    assert [config.get_option(option) for option in options] == own


@pytest.mark.parametrize("path", PAGE_FILES)
def test_a_broken_profile_shows_one_error_and_nothing_else(clinic: Path, path: str):
    profile = clinic / CLINIC_FILE
    profile.write_text(profile.read_text().replace('phone = "01632 960 000"', 'phone = "ring us"'))
    at = open_page(path, symptoms="back_pain")
    assert [e.value for e in at.error] == [
        '**The app\'s content has a problem, so nothing is shown.** data/clinic\\.toml, key "phone": must be a phone '
        "number: digits, spaces, brackets, dashes and a leading \\+ \\(found: 'ring us'\\)"
    ]
    assert not at.markdown and not at.sidebar.markdown
