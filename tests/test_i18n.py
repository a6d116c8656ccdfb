"""The interface's words in other languages (components.i18n) and choosing the language (language_view).

A made-up language, "xx", is complete here (every message of the template and every content text,
each tagged "[xx]"), so these tests show what a person would see once a language is complete,
without depending on the Spanish, which is still being written.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from components import i18n
from components.data import DATA_DIR, DATA_DIR_VARIABLE
from components.i18n import (
    LOCALES_DIR,
    _,
    catalogue_languages,
    language_from,
    language_name,
    missing_messages,
    offered_languages,
    read_catalogue,
    use_language,
)
from components.translations import translation_file
from tests.test_pages import open_app, texts
from tests.test_translations import ONLY_ENGLISH, full_translation

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = "xx"


def tagged(message: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """The made-up language's translation of a message (each form of a plural one)."""
    return tuple(f"[{LANGUAGE}] {form}" for form in message) if isinstance(message, tuple) else f"[{LANGUAGE}] {message}"


def write_catalogue(locales: Path, language: str, strings: dict, fuzzy: tuple = ()) -> None:
    catalogue = Catalog(locale=None)
    for message, text in strings.items():
        catalogue.add(message, text, flags=("fuzzy",) if message in fuzzy else ())
    path = locales / language / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalogue)


def complete_locales(tmp_path: Path) -> Path:
    """A copy of locales/ with the made-up language translating every message of the template."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    messages = [m.id for m in read_catalogue(locales / "messages.pot") if m.id]
    write_catalogue(locales, LANGUAGE, {m: tagged(m) for m in messages})
    return locales


def test_the_template_holds_exactly_the_messages_in_the_code(tmp_path):
    """Run `make messages` when this fails: a message added to the code must reach the translators."""
    extracted = tmp_path / "messages.pot"
    command = [
        sys.executable,
        "-m",
        "babel.messages.frontend",
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "_",
        "-k",
        "N_",
        "-k",
        "ngettext:1,2",
    ]
    subprocess.run(
        [*command, "--no-location", "--omit-header", "-o", str(extracted), "."], cwd=ROOT, check=True, capture_output=True
    )
    in_code = {m.id for m in read_catalogue(extracted) if m.id}
    assert in_code == {m.id for m in read_catalogue(LOCALES_DIR / "messages.pot") if m.id}
    assert "Language" in in_code


def test_every_catalogue_keeps_each_messages_placeholders():
    """A translation that drops or renames "{names}" would break the page, or say less than the English."""
    for language in catalogue_languages():
        catalogue = read_catalogue(i18n.catalogue_path(language))
        for message in catalogue:
            if message.id and message.string:
                english = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                for text in strings:
                    assert sorted(_fields(english[-1])) == sorted(_fields(text)), (language, message.id)


def _fields(text: str) -> list[str]:
    import string

    return [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]


def test_spanish_is_offered_now_that_every_word_is_marked_and_translated():
    """Every page's words are marked (tests/test_every_word_translated.py) and the Spanish catalogue
    and content are complete, so Spanish is offered beside English (H63)."""
    assert missing_messages("es") == []
    assert offered_languages(["en", "es"]) == ("en", "es")
    assert offered_languages(["en"]) == ("en",)  # without its content translation it is not


def test_a_language_is_offered_only_when_its_interface_and_content_are_complete(tmp_path):
    locales = complete_locales(tmp_path)
    assert offered_languages(["en", LANGUAGE], locales) == ("en", LANGUAGE)
    assert offered_languages(["en"], locales) == ("en",)  # no content translation
    messages = [m.id for m in read_catalogue(locales / "messages.pot") if m.id]
    write_catalogue(locales, LANGUAGE, {m: tagged(m) for m in messages[1:]})
    assert missing_messages(LANGUAGE, locales) == messages[:1]
    assert offered_languages(["en", LANGUAGE], locales) == ("en",)
    write_catalogue(locales, LANGUAGE, {m: tagged(m) for m in messages}, fuzzy=(messages[0],))
    assert missing_messages(LANGUAGE, locales) == messages[:1]  # a guess is not a translation
    # A translation that drops the clinic's {number} would lose it from the emergency banner.
    emergency = "Call the emergency services on {number} or go to the nearest emergency department now."
    write_catalogue(locales, LANGUAGE, {m: m if isinstance(m, tuple) else tagged(m).replace("{number}", "") for m in messages})
    assert emergency in missing_messages(LANGUAGE, locales)
    assert all("{number}" in message for message in missing_messages(LANGUAGE, locales))
    assert offered_languages(["en", LANGUAGE], locales) == ("en",)


@pytest.mark.parametrize(
    ("param", "locale", "expected"),
    [
        (None, None, ("en", False)),
        (None, "xx-XX", (LANGUAGE, False)),
        (None, "XX_yy", (LANGUAGE, False)),
        (None, "fr-FR", ("en", False)),
        ("en", "xx-XX", ("en", False)),
        (LANGUAGE, "en-GB", (LANGUAGE, False)),
        ("fr", "xx", (LANGUAGE, True)),
        ("", None, ("en", True)),
    ],
)
def test_the_language_comes_from_the_link_then_the_browser_then_english(param, locale, expected):
    assert language_from(param, locale, ("en", LANGUAGE)) == expected


def test_a_language_is_named_in_itself():
    assert [language_name(code) for code in ("en", "es", "de")] == ["English", "Español", "Deutsch"]
    assert language_name("qq") == "qq"


def test_messages_follow_the_language_of_the_run(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALES_DIR", complete_locales(tmp_path))
    use_language(LANGUAGE)
    try:
        assert _("Language") == f"[{LANGUAGE}] Language"
        assert _("A message no catalogue has") == "A message no catalogue has"
    finally:
        use_language("en")
    assert _("Language") == "Language"


@pytest.fixture
def complete_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clinic's content folder that adds the made-up language, complete: its content translation
    and its interface catalogue, beside the content (no change to the app's own files)."""
    content = tmp_path / "content"
    shutil.copytree(DATA_DIR, content, ignore=ONLY_ENGLISH)  # the made-up language alone
    (content / "translations").mkdir()
    full_translation().to_csv(content / translation_file(LANGUAGE), index=False)
    messages = [m.id for m in read_catalogue(LOCALES_DIR / "messages.pot") if m.id]
    write_catalogue(content / "locales", LANGUAGE, {m: tagged(m) for m in messages})
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(content))
    return content


def language_choice(at):
    return next(widget for widget in at.sidebar.button_group if widget.key == "w_language")


def page_language(at):
    """The component that sets <html lang> (the page also has the Copy link component)."""
    return [c for c in at.get("bidi_component") if c.proto.component_name == "backpain_html_lang"]


def test_with_english_only_there_is_no_choice_and_links_are_as_before(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(DATA_DIR, content, ignore=ONLY_ENGLISH)  # a clinic's content without translations
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(content))
    at = open_app("pages/explore.py", symptoms="leg_pain")
    assert not [w for w in at.sidebar.button_group if w.key == "w_language"]
    assert "lang" not in at.query_params
    assert not page_language(at)  # English is Streamlit's own <html lang>: nothing to set


def test_a_complete_language_is_offered_and_the_link_carries_it(complete_language):
    at = open_app("pages/explore.py", symptoms="leg_pain", lang=LANGUAGE)
    choice = language_choice(at)
    assert choice.label == f"🌐 [{LANGUAGE}] Language"
    assert choice.options == ["English", LANGUAGE] and choice.value == LANGUAGE  # each named in itself
    assert at.query_params["lang"] == LANGUAGE
    (setter,) = page_language(at)  # sets <html lang> in the browser (tests/e2e check it there)
    assert json.loads(setter.proto.json) == {"lang": LANGUAGE}
    # The content is in the language: the symptom's label comes from the translation.
    assert f"Symptoms: [{LANGUAGE}] pain spreading down a leg (sciatica)." in texts(at)
    choice.set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert json.loads(page_language(at)[0].proto.json) == {"lang": "en"}  # back from the other language
    assert "Symptoms: pain spreading down a leg (sciatica)." in texts(at) and f"[{LANGUAGE}]" not in texts(at)
    at.switch_page("pages/visit.py").run()
    assert language_choice(at).value == "en"  # the choice stays while moving between pages


def test_a_link_asking_for_a_language_not_offered_says_so_and_shows_english(complete_language):
    at = open_app(None, symptoms="leg_pain", lang="fr")
    notices = [w.value for w in at.warning]
    assert any(f"`lang=fr` (not a language this app offers: English, {LANGUAGE})" in notice for notice in notices), notices
    assert at.query_params["lang"] == "en"


def test_the_spanish_disclaimer_says_information_not_medical_advice_nor_a_diagnosis():
    from components.banners import DISCLAIMER

    use_language("es")
    try:
        assert "información, no es consejo médico ni un diagnóstico" in _(DISCLAIMER)
        assert _("Start here") == "Empiece aquí"
    finally:
        use_language("en")


def test_the_warning_sign_tiers_in_spanish_keep_every_number_and_instruction():
    """The banners' words are safety-critical: in Spanish each tier is translated, and the emergency
    numbers (the app's three, or the clinic's own) are all still there."""
    from components.clinic import parse_clinic
    from components.triage import TIERS, base_tiers, tiers_for

    use_language("es")
    try:
        spanish = base_tiers()
        clinic = tiers_for(parse_clinic({"name": "Clínica", "country": "IE", "reviewed_by": "Dr A"}, ROOT / "data"))
    finally:
        use_language("en")
    for key, tier in spanish.items():
        for field in ("short", "action", "hold", "answer", "question", "noun"):
            assert getattr(tier, field) != getattr(TIERS[key], field), (key, field)
    assert all(number in spanish["emergency"].action for number in ("999", "911", "112"))
    assert "urgencias" in spanish["emergency"].action and "no se mueva" in spanish["emergency"].action
    assert "al 112 o 999" in clinic["emergency"].action and "urgencias" in clinic["emergency"].action


def test_a_language_whose_content_no_longer_loads_is_not_offered_and_its_readers_get_english(complete_language):
    """The English edited after the translation (H61): the translation is refused, so the language is
    not offered; a link or a browser asking for it gets the whole English, not an error page."""
    treatments = complete_language / "treatments.csv"
    treatments.write_text(
        treatments.read_text(encoding="utf-8").replace("Exercise therapy", "Exercise programme", 1), encoding="utf-8"
    )
    at = open_app(None, symptoms="leg_pain", lang=LANGUAGE)
    assert not at.error and not at.exception
    assert not [w for w in at.sidebar.button_group if w.key == "w_language"]
    assert "This app helps you understand the usual treatment options" in texts(at) and f"[{LANGUAGE}]" not in texts(at)
    assert any(f"`lang={LANGUAGE}` (not a language this app offers: English)" in w.value for w in at.warning)


def test_every_catalogue_keeps_the_marks_the_code_cuts_a_message_at():
    """Some messages are cut where they are used: the step's name after its number ("2 Guided care" on
    the ladder's "you are here"), the certainty's word before its colon (outcomes.how_sure), and the
    wish before its colon (readiness). A translation without the mark would show the whole message
    or a broken piece."""
    from components.ladder import STEP_LABELS
    from components.vocabulary import CERTAINTY

    cut = {**dict.fromkeys(STEP_LABELS.values(), r"\d \S"), **dict.fromkeys(CERTAINTY.values(), ":")}
    cut["{wish}: matters {importance}"] = ":"
    for language in catalogue_languages():
        catalogue = read_catalogue(i18n.catalogue_path(language))
        for message, mark in cut.items():
            translated = catalogue.get(message)
            assert translated is not None and translated.string, (language, message)
            assert re.match(r"\d \S", translated.string) if mark != ":" else ":" in translated.string, (language, message)
