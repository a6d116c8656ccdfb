"""Every word a page shows, read from the messages Streamlit sends (AppTest), and the made-up language
that tells a translated word from an untranslated one.

`pseudo()` writes English with its vowels accented ("Explore" -> "Éxplóré"): a complete made-up
language whose every message and content text is that, with nothing else changed. On a page in it,
a plain-English word can only be one the translators never saw: a word the code does not mark, or
content the translation does not cover. `untranslated()` names them, with where they appear.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from components.data import DATA_DIR
from components.i18n import LOCALES_DIR, read_catalogue
from components.translations import template, translation_file
from tests.test_translations import ONLY_ENGLISH, raw_tables

ROOT = Path(__file__).resolve().parent.parent
PSEUDO = "xx"
_VOWELS = str.maketrans("aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ")
# What a translation keeps as it is: {placeholders}, %d, web addresses and Markdown link targets.
_KEPT = re.compile(r"\{[^{}]*\}|%[a-z]|https?://\S+|mailto:\S+|\]\([^)]*\)|`[^`]*`")


def pseudo(text: str) -> str:
    """The made-up language: every vowel accented, except in what a translation keeps."""
    out, last = [], 0
    for kept in _KEPT.finditer(text):
        out += [text[last : kept.start()].translate(_VOWELS), kept.group()]
        last = kept.end()
    return "".join([*out, text[last:].translate(_VOWELS)])


def pseudo_content(target: Path, clinic: bool = True) -> Path:
    """A content folder with the example clinic profile and the made-up language complete: its content
    translation, its interface catalogue (beside the content, as a clinic would add one) and its advice."""
    shutil.copytree(DATA_DIR, target, ignore=ONLY_ENGLISH)
    rows = template(raw_tables())
    (target / "translations").mkdir()
    rows.assign(text=[pseudo(text) for text in rows["english"]]).to_csv(target / translation_file(PSEUDO), index=False)
    catalogue = Catalog(locale=None)
    for message in read_catalogue(LOCALES_DIR / "messages.pot"):
        if message.id:
            text = tuple(pseudo(m) for m in message.id) if isinstance(message.id, tuple) else pseudo(message.id)
            catalogue.add(message.id, text)
    path = target / "locales" / PSEUDO / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as file:
        write_po(file, catalogue)
    if clinic:
        profile = (ROOT / "examples" / "clinic.toml").read_text(encoding="utf-8")
        line = re.search(r'^urgent_advice = "(.*)"$', profile, re.M)
        own = f'{line[0]}\nurgent_advice_{PSEUDO} = "{pseudo(line[1])}"'  # type: ignore[index]
        (target / "clinic.toml").write_text(profile.replace(line[0], own), encoding="utf-8")  # type: ignore[index]
        shutil.copy(ROOT / "examples" / "riverside-logo.png", target)
    return target


# Fields of Streamlit's messages that are never words for people: ids, keys, code, addresses, styles.
_NOT_WORDS = {
    "id", "key", "form_id", "css", "icon", "type", "url", "image", "theme", "tag", "page", "page_script_hash",
    "query_string", "language", "code_text", "name", "format", "selection_mode", "data_type", "default",
    "formatted_value_cache", "width_config", "height_config", "tooltip_config", "component_name", "json_args",
    "tab_index", "javascript", "html", "data_editor_mode", "file_name", "mime", "vega_lite_theme", "selection_id",
    "column_order", "html_content", "js_content", "css_content", "json",
}  # fmt: skip
# Keys of a Vega-Lite spec whose string values are shown: titles, mark text, descriptions.
_SPEC_WORDS = {"title", "text", "description", "subtitle"}


def _repeated(field) -> bool:
    return field.is_repeated if hasattr(field, "is_repeated") else field.label == field.LABEL_REPEATED


def _arrow_strings(data: bytes) -> Iterator[str]:
    try:
        table = pa.ipc.open_stream(data).read_all()
    except (pa.ArrowInvalid, OSError):
        return
    for name, column in zip(table.column_names, table.columns, strict=True):
        if name == "id":  # ids travel with a table for other tools; the pages hide the column
            continue
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            yield from (item for item in column.to_pylist() if item)
    for name in table.column_names:  # a table's column headers are shown unless a label replaces them
        if not name.startswith("__") and not name.isidentifier():
            yield name


def _spec_strings(spec: object) -> Iterator[str]:
    """The shown strings of a Vega-Lite spec: titles (a title's own text, not its settings), mark
    text and descriptions; data fields, scales and conditions are code."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in _SPEC_WORDS and isinstance(value, str):
                yield value
            elif key in _SPEC_WORDS and isinstance(value, list):
                yield from (item for item in value if isinstance(item, str))
            elif key not in ("field", "datasets", "data", "name", "param", "params", "scale", "sort", "test", "type"):
                yield from _spec_strings(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from _spec_strings(item)


def _proto_strings(message: Message, where: str) -> Iterator[tuple[str, str]]:
    for field, value in message.ListFields():
        if field.name in _NOT_WORDS:
            continue
        items = list(value) if _repeated(field) else [value]
        path = f"{where}.{field.name}"
        for item in items:
            if field.type == field.TYPE_MESSAGE:
                yield from _proto_strings(item, path)
            elif field.name == "spec" and isinstance(item, str):
                yield from ((path, text) for text in _spec_strings(json.loads(item)))
            elif field.name == "columns" and isinstance(item, str):  # a table's column labels and help
                config = json.loads(item) or {}
                yield from ((path, column[k]) for column in config.values() for k in ("label", "help") if column.get(k))
            elif field.type == field.TYPE_STRING and field.name == "body":
                # st.html: a <style> block is code (the page's layout CSS), the rest is shown.
                shown = re.sub(r"<style>.*?</style>", "", item, flags=re.S).strip()
                if shown:
                    yield path, shown
            elif field.type == field.TYPE_STRING:
                yield path, item
            elif field.type == field.TYPE_BYTES and field.name == "data":
                yield from ((path, text) for text in _arrow_strings(item))


def _nodes(node) -> Iterator[object]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def shown_strings(at: AppTest) -> list[tuple[str, str]]:
    """(where, text) for every string the page sends that a person could read."""
    found = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            found += [(type(node).__name__ + path, text) for path, text in _proto_strings(proto, "")]
    return found


def kept_words() -> set[str]:
    """Words that stay in English in every language: the sources' short names and organisations (and
    the recommendations' numbers), the clinic's name and reviewer and the languages' names for
    themselves. The sources' titles are taken out of a text whole (source_titles), so their ordinary
    words ("year", "pain") are not kept everywhere; nor are ids (a table's hidden `id` column is not
    read), so a one-word id ("massage") does not hide the same word left in English."""
    tables = raw_tables()
    clinic = tomllib.loads((ROOT / "examples" / "clinic.toml").read_text(encoding="utf-8"))
    words = " ".join(
        [
            *tables["sources.csv"][["id", "short_name", "organisation"]].astype(str).to_numpy().ravel(),
            *tables["evidence.csv"]["rec"].astype(str),
            clinic["name"],
            clinic["reviewed_by"],
            "English",
        ]
    )
    return set(re.findall(r"[A-Za-z]+", words))


@lru_cache(maxsize=1)
def source_titles() -> tuple[str, ...]:
    """The sources' full citations, which the pages show in English in every language."""
    return tuple(sorted(raw_tables()["sources.csv"]["citation"], key=len, reverse=True))


_WORD = re.compile(r"(?<![\w/.@-])[A-Za-z]{3,}(?![\w/@-])")
_ADDRESS = re.compile(r"https?://\S+|mailto:\S+|\]\([^)]*\)|`[^`]*`|\b[\w.+-]+@[\w.-]+\b")


def english_words(text: str, kept: set[str]) -> list[str]:
    """The plain-English words of a text in the made-up language, each once. A word with no vowel
    (CBT) reads the same in it, so it is not counted; nor are web and email addresses."""
    for title in source_titles():
        text = text.replace(title, " ")
    words = _WORD.findall(_ADDRESS.sub(" ", text))
    return list(dict.fromkeys(w for w in words if w not in kept and re.search("[aeiouyAEIOUY]", w)))


def untranslated(at: AppTest, kept: set[str]) -> list[str]:
    """Plain-English words on the page, each with its text: what the translation misses."""
    leaks = []
    for where, text in shown_strings(at):
        words = english_words(text, kept)
        if words:
            leaks.append(f"{where}: {', '.join(words)} <- {text[:120]!r}")
    return sorted(set(leaks))
