"""No page shows a word the translators never saw (AppTest, every page, in a made-up complete language).

The made-up language (tests/shown_words.py) accents every vowel of every message and content text.
A plain-English word left on a page in it is a word the code does not mark for the catalogue, or
content the translation does not cover: Spanish, or any language a clinic adds, would show it in
English. Each page is opened with every warning-sign tier, a rich situation, a shortlist and a
clinic profile, and then again without warning signs (the fits and reasons differ).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from components.data import DATA_DIR_VARIABLE
from components.i18n import use_language
from components.language_view import CLINIC_LOCALES
from components.pages import PAGES
from components.translations import SOURCE_LANGUAGE
from tests.shown_words import PSEUDO, english_words, kept_words, pseudo, pseudo_content, untranslated
from tests.test_pages import MAKE_PDF, open_app, run_and_download

RICH = {
    "symptoms": "back_pain,leg_pain,numbness,weakness,walking_pain",
    "where": "one_leg",
    "pain": "7",
    "function": "severe",
    "duration": "over_6_months",
    "age": "65_plus",
    "tried": "self_care,physical_therapy,medications",
    "history": "prior_spine_surgery",
    "health": "osteoporosis,blood_thinners,pregnancy",
    "findings": "imaging_matches",
    "t": "discectomy,epidural_steroid,exercise_therapy,nsaids",
}
# One sign of each tier: the emergency, the same-day and the within-days banners together.
EVERY_TIER = {**RICH, "flags": "bladder_bowel,fever,night_pain"}
# New sciatica with no duration said: the reasons cite the guideline's own criteria ("(NICE NG59,
# spinal decompression)") and the notes on what is missing show.
NEW_SCIATICA = {"symptoms": "leg_pain", "pain": "6", "t": "discectomy,nsaids,epidural_steroid"}
SITUATIONS = {"every tier": EVERY_TIER, "no warning sign": RICH, "new sciatica": NEW_SCIATICA}


def open_page(info, **params: str):
    """A page as a person reads it: on Explore a treatment's details open, and every knowledge
    question answered, so the feedback and its source show."""
    at = open_app(None if info.path == "pages/home.py" else info.path, **params)
    if info.url_path == "explore":
        at.selectbox(key="explore_details").select("epidural_steroid").run()
    quiz = [radio for radio in at.radio if str(radio.key).startswith("quiz_")]
    for radio in quiz:
        radio.set_value(radio.options[0])
    if quiz:
        at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def pseudo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pseudo_content(tmp_path_factory.mktemp("pseudo") / "content")


@pytest.fixture
def in_pseudo(pseudo_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(pseudo_folder))
    # AppTest formats a widget's value with its format_func in the test's own thread, which has no
    # run language: give it the page's, as a browser would show it.
    use_language(PSEUDO, pseudo_folder / CLINIC_LOCALES)
    yield pseudo_folder
    use_language(SOURCE_LANGUAGE)


@pytest.mark.parametrize("situation", SITUATIONS.values(), ids=SITUATIONS.keys())
@pytest.mark.parametrize("info", PAGES, ids=[info.url_path or "home" for info in PAGES])
def test_every_word_on_the_page_comes_from_the_translation(in_pseudo, info, situation):
    at = open_page(info, lang=PSEUDO, **situation)
    leaks = untranslated(at, kept_words())
    assert not leaks, f"{len(leaks)} texts with untranslated words on {info.url_path or 'home'}:\n" + "\n".join(leaks)


@pytest.mark.parametrize("situation", SITUATIONS.values(), ids=SITUATIONS.keys())
def test_every_word_of_the_downloads_comes_from_the_translation(in_pseudo, situation):
    at = open_app("pages/visit.py", lang=PSEUDO, **situation)
    files = run_and_download(at, make_pdf=pseudo(MAKE_PDF))
    assert len(files) == 3, list(files)
    kept = kept_words()
    for label, (name, kind, data) in files.items():
        if kind == "application/pdf":
            text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
        else:
            text = data.decode("utf-8")
        leaks = [f"{word} <- {line[:120]!r}" for line in text.splitlines() for word in english_words(line, kept)]
        assert not leaks, f"{name} ({label}):\n" + "\n".join(dict.fromkeys(leaks))


def test_the_check_finds_english_words_on_an_english_page():
    """The check itself: the same page in English is full of words it names."""
    at = open_app("pages/explore.py", **RICH)
    leaks = "\n".join(untranslated(at, kept_words()))
    assert "Explore" in leaks and "Treatment" in leaks and "fit" in leaks
