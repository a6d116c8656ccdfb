"""The interface's own words in each language: gettext catalogues, one per language.

The words of the interface (labels, help, headings, banners, the words the app puts around the
content) are marked in the code with `_("…")` and collected into `locales/messages.pot` by
Babel (`make messages`). Each language has `locales/<code>/LC_MESSAGES/messages.po`, the standard
gettext form that translators' tools (Poedit, Weblate, a text editor) read and write. The
content's own words are translated in the content folder (components.translations).

A clinic can also keep catalogues in its content folder (`locales/<code>/LC_MESSAGES/messages.po`
beside `translations/`): they win over the app's own, so a clinic adds or corrects a language
without touching the app.

A language is offered to people only when it is complete: its catalogue translates every message
of `messages.pot`, and the content folder has its translation. A half-translated language would
mix two languages on one page, which reads worse than either. Adding a language is adding those
two files; no code changes.

The language of a run is held in a context variable, so the pure modules can call `_()` without
Streamlit: each Streamlit script run has its own thread, and the frame sets it at the start of
every run.

Pure: no Streamlit.
"""

from __future__ import annotations

import gettext as gettext_module
import io
import string
from collections.abc import Iterable
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from components.translations import SOURCE_LANGUAGE

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
LANGUAGE_PARAM = "lang"  # the URL parameter, kept in every link like the situation

_language: ContextVar[str] = ContextVar("language", default=SOURCE_LANGUAGE)


def _roots(extra: Path | None) -> tuple[Path, ...]:
    """Where catalogues are looked for: a clinic's own (`locales/` in its content folder) first,
    then the app's. The template, the list of messages, is always the app's."""
    return (extra, LOCALES_DIR) if extra is not None else (LOCALES_DIR,)


def _catalogues(extra: Path | None) -> list[Path]:
    return [path for root in _roots(extra) for path in sorted(root.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))]


def catalogue_path(language: str, extra: Path | None = None) -> Path:
    """The language's catalogue: the clinic's if it has one, else the app's (which may not exist)."""
    candidates = [root / language / "LC_MESSAGES" / f"{DOMAIN}.po" for root in _roots(extra)]
    return next((path for path in candidates if path.exists()), candidates[-1])


def catalogue_languages(extra: Path | None = None) -> tuple[str, ...]:
    """Every language with a catalogue, by code."""
    return tuple(sorted({path.parent.parent.name for path in _catalogues(extra)}))


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def missing_messages(language: str, extra: Path | None = None) -> list[str]:
    """The messages of the template that the language's catalogue does not translate (a fuzzy
    translation, one a tool guessed, counts as missing until a person confirms it)."""
    template = read_catalogue(LOCALES_DIR / f"{DOMAIN}.pot")
    path = catalogue_path(language, extra)
    catalogue = read_catalogue(path) if path.exists() else Catalog()
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalogue.get(message.id, message.context)
        strings = found.string if found is not None else None
        texts = strings if isinstance(strings, (list, tuple)) else [strings]
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        # A translation that drops or renames a {placeholder} would lose what the app fills in (a
        # clinic's emergency number) or break the page: it counts as not translated.
        same_fields = all(placeholders(text) == placeholders(ids[0]) for text in texts if text)
        if found is None or found.fuzzy or not all(texts) or not same_fields:
            missing.append(ids[0])
    return missing


def placeholders(text: str) -> list[str]:
    """The {names} the app fills into a message, sorted."""
    return sorted(field for _, field, _, _ in string.Formatter().parse(text) if field is not None)


def locales_fingerprint(extra: Path | None = None) -> tuple[tuple[str, int], ...]:
    """Path and modification time of the template and each catalogue: changes when one is saved."""
    files = [LOCALES_DIR / f"{DOMAIN}.pot", *_catalogues(extra)]
    return tuple((str(path), path.stat().st_mtime_ns) for path in files if path.exists())


def offered_languages(content_languages: Iterable[str], extra: Path | None = None) -> tuple[str, ...]:
    """English, then each language whose interface and content are both translated in full."""
    content = set(content_languages)
    complete = [
        language
        for language in catalogue_languages(extra)
        if language != SOURCE_LANGUAGE and language in content and not missing_messages(language, extra)
    ]
    return (SOURCE_LANGUAGE, *complete)


@lru_cache(maxsize=16)
def _translations(path: Path, modified: float) -> gettext_module.NullTranslations:
    """A catalogue compiled in memory (no .mo file to keep in step); cached per version of the file."""
    del modified  # part of the cache key only
    compiled = io.BytesIO()
    write_mo(compiled, read_catalogue(path), use_fuzzy=False)
    compiled.seek(0)
    return gettext_module.GNUTranslations(compiled)


_ENGLISH = gettext_module.NullTranslations()  # the messages are the English
_active: ContextVar[gettext_module.NullTranslations] = ContextVar("translations", default=_ENGLISH)


def translations(language: str, extra: Path | None = None) -> gettext_module.NullTranslations:
    """The language's catalogue; English (the messages themselves) when it has none."""
    if language == SOURCE_LANGUAGE:
        return _ENGLISH
    path = catalogue_path(language, extra)
    if not path.exists():
        return _ENGLISH
    return _translations(path, path.stat().st_mtime)


def use_language(language: str, extra: Path | None = None) -> None:
    """Set the language of this run (the frame calls it first thing), with where a clinic's own
    catalogues are. The catalogue is looked up once here, not at every message."""
    _language.set(language)
    _active.set(translations(language, extra))


def current_language() -> str:
    return _language.get()


def current_translations() -> gettext_module.NullTranslations:
    """This run's catalogue: a new object for each saved version of it, so a cache key that holds it
    follows a corrected catalogue (the language code alone would not)."""
    return _active.get()


def _(message: str) -> str:
    """A message of the interface in this run's language."""
    return _active.get().gettext(message)


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is defined (a constant, made before any run has a
    language); it is translated with _() where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """A message that depends on a count ("1 problem", "2 problems"), in this run's language."""
    return _active.get().ngettext(singular, plural, count)


def language_from(param: str | None, browser_locale: str | None, offered: tuple[str, ...]) -> tuple[str, bool]:
    """The language to show: the link's `lang` when offered, else the browser's language when offered,
    else English. The flag says the link asked for a language the app does not offer (to say so)."""
    if param is not None and param in offered:
        return param, False
    spoken = (browser_locale or "").replace("_", "-").split("-")[0].lower()
    chosen = spoken if spoken in offered else SOURCE_LANGUAGE
    return chosen, param is not None


def language_name(code: str) -> str:
    """The language's own name for itself, as a person looking for it would read it ("Español")."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]
