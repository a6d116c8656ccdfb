"""The app in Spanish (AppTest): every page, every warning-sign tier, a rich situation, a shortlist and a
clinic profile, with no text from the English catalogue or the English content on the page, the
downloads in Spanish with their accents, and Spanish that reads at the "normal" level or easier
(INFLESZ, the Szigriszt-Pazos scale, median 55 or more)."""

from __future__ import annotations

import io
import re
import shutil
import statistics
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pypdf
import pytest
import textstat

from components.data import DATA_DIR, DATA_DIR_VARIABLE, load_content
from components.i18n import LOCALES_DIR, read_catalogue, use_language
from components.pages import PAGES, page
from components.translations import SOURCE_LANGUAGE, template, translation_file
from tests.shown_words import _nodes, shown_strings
from tests.test_every_word_translated import EVERY_TIER, SITUATIONS, open_page
from tests.test_pages import run_and_download
from tests.test_translations import raw_tables

ROOT = Path(__file__).resolve().parent.parent
SPANISH = "es"
CATALOGUE = read_catalogue(LOCALES_DIR / SPANISH / "LC_MESSAGES" / "messages.po")


def spanish(message: str) -> str:
    """A message of the interface as the Spanish catalogue has it (to find a button by its label)."""
    return CATALOGUE.get(message).string


# The pieces of a message or a text between what a translation keeps ({placeholders}, Markdown, links).
_PIECES = re.compile(r"\{[^{}]*\}|\*+|`[^`]*`|\]\([^)]*\)|[\[\]\n]|https?://\S+|(?<=[.;:!?])\s+|%d|\s[-·]\s")
MIN_WORDS = 3  # a piece this long is a phrase, not a name or a word both languages share (Tramadol)


def _english_pieces(text: str) -> set[str]:
    pieces = (piece.strip(" ,.;:()-") for piece in _PIECES.split(text))
    return {piece for piece in pieces if len(piece.split()) >= MIN_WORDS}


def english_phrases() -> set[str]:
    """Every phrase of the English catalogue and the English content that Spanish translates."""
    phrases: set[str] = set()
    for message in CATALOGUE:
        if message.id:
            pairs = (
                zip(message.id, message.string[:2], strict=True)
                if isinstance(message.id, tuple)
                else [(message.id, message.string)]
            )
            phrases |= {p for english, spanish in pairs if english != spanish for p in _english_pieces(english)}
    rows = template(raw_tables())
    translation = load_translation()
    for english, spanish in zip(rows["english"], translation.loc[rows.index, "text"], strict=True):
        if english != spanish:
            phrases |= _english_pieces(english)
    return phrases


def load_translation() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / translation_file(SPANISH), dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def spanish_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content with the example clinic profile (its advice is given in Spanish too)."""
    target = tmp_path_factory.mktemp("spanish") / "content"
    shutil.copytree(DATA_DIR, target)
    shutil.copy(ROOT / "examples" / "clinic.toml", target)
    shutil.copy(ROOT / "examples" / "riverside-logo.png", target)
    return target


@pytest.fixture
def in_spanish(spanish_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(spanish_folder))
    use_language(SPANISH)  # AppTest formats widget values in the test's thread (see test_every_word_translated)
    yield spanish_folder
    use_language(SOURCE_LANGUAGE)


@pytest.fixture(scope="module")
def phrases() -> set[str]:
    return english_phrases()


def _page(info, situation):
    return open_page(info, lang=SPANISH, **situation)


@pytest.mark.parametrize("situation", SITUATIONS.values(), ids=SITUATIONS.keys())
@pytest.mark.parametrize("info", PAGES, ids=[info.url_path or "home" for info in PAGES])
def test_every_page_in_spanish_shows_no_english_text(in_spanish, phrases, info, situation):
    at = _page(info, situation)
    shown = shown_strings(at)
    assert any('"lang": "es"' in text for _, text in shown_strings_with_code(at)), "<html lang> is not set to es"
    leaks = sorted(
        {f"{where}: {phrase!r} in {text[:100]!r}" for where, text in shown for phrase in phrases if phrase in _own(text)}
    )
    assert not leaks, f"{len(leaks)} English phrases on {info.url_path or 'home'} in Spanish:\n" + "\n".join(leaks[:40])


SOURCE_TITLES = tuple(raw_tables()["sources.csv"]["citation"])


def _own(text: str) -> str:
    """A shown text without the sources' titles, which stay in their own language (English)."""
    for title in SOURCE_TITLES:
        text = text.replace(title, " ")
    return text


def shown_strings_with_code(at) -> list[tuple[str, str]]:
    """The component that sets <html lang> sends its data as JSON, which shown_strings leaves out."""
    return [("json", node.proto.json) for node in _nodes(at._tree) if hasattr(getattr(node, "proto", None), "json")]


def test_the_downloads_come_out_in_spanish_with_their_accents(in_spanish, phrases):
    at = _page(page("visit"), EVERY_TIER)
    files = run_and_download(at, make_pdf=spanish("Make a PDF (summary page and charts)"))
    assert len(files) == 3
    for label, (name, kind, data) in files.items():
        pages = pypdf.PdfReader(io.BytesIO(data)).pages if kind == "application/pdf" else None
        text = "\n".join(page.extract_text() for page in pages) if pages else data.decode("utf-8")
        assert "Señales de alarma" in text or "señal de alarma" in text.lower(), (label, text[:300])
        assert "información, no es consejo médico ni un diagnóstico" in text.replace("\n", " "), (label, text[:300])
        leaks = sorted({phrase for phrase in phrases if phrase in text.replace("\n", " ")})
        assert not leaks, f"{name}: English phrases {leaks[:20]}"


# --- Readability ---------------------------------------------------------------------------------

MIN_MEDIAN_INFLESZ = 55  # "normal" or easier on the INFLESZ scale (Barrio-Cantalejo 2008)
READ_MIN_WORDS = 6  # as tests/test_plain_language.py: shorter texts are labels, not sentences


def test_spanish_reads_at_the_normal_level_or_easier_and_the_hardest_texts_are_named(capsys):
    textstat.set_lang("es")
    try:
        texts = [(f"{row.file} {row.key} {row.column}", row.text) for row in load_translation().itertuples()]
        for message in CATALOGUE:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            texts += [(f"messages.po {str(message.id)[:40]!r}", _plain(text)) for text in strings if message.id and text]
        scored = [(textstat.szigriszt_pazos(text), where, text) for where, text in texts if len(text.split()) >= READ_MIN_WORDS]
    finally:
        textstat.set_lang("en_US")
    median = statistics.median(score for score, _, _ in scored)
    hardest = sorted(scored)[:10]
    report = "\n".join(f"  INFLESZ {score:5.1f}: {where}: {text[:90]}" for score, where, text in hardest)
    with capsys.disabled():
        print(f"\nSpanish INFLESZ median {median:.1f} over {len(scored)} texts. Hardest:\n{report}")
    assert median >= MIN_MEDIAN_INFLESZ, f"median {median:.1f} < {MIN_MEDIAN_INFLESZ}; hardest:\n{report}"
    assert len(scored) > 500  # the content and the interface, not a sample


def _plain(text: str) -> str:
    """A message as read: placeholders, Markdown marks and links out."""
    return re.sub(r"\{[^{}]*\}|\*+|`|\]\([^)]*\)|\[", " ", text).strip()


def test_the_spanish_content_loads_and_keeps_the_english_ids():
    english, spanish = load_content(), load_content(DATA_DIR, SPANISH)
    assert list(spanish.treatments["id"]) == list(english.treatments["id"])
    assert (spanish.treatments["name"] != english.treatments["name"]).mean() > 0.8
