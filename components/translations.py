"""The content in another language: one spreadsheet per language, each text beside its English.

`<content folder>/translations/<language>.csv` (for example `translations/es.csv`) has one row per
text, with the columns

    file, key, column, english, text

`file` and `column` name an English text (`treatments.csv`, `benefits`), `key` names its row (the
row's id, or its identifying cells joined with "|"), `english` is a copy of the English it
translates, and `text` is the translation. A clinic edits `text` in a spreadsheet; `english` lets
a reviewer read both side by side, and it tells the app when the English changed after the
translation was made: a translation of older English is refused, so a changed dose, risk or
warning can never be shown in one language only.

Pure: no Streamlit. Every problem raises one ContentError naming the translation file, its row,
the column and the language, like the English content's own errors.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components.errors import ContentError

SOURCE_LANGUAGE = "en"
TRANSLATIONS_DIR = "translations"
COLUMNS: tuple[str, ...] = ("file", "key", "column", "english", "text")
KEY_SEPARATOR = "|"
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Translatable:
    """Which cells of one content file are words for people, and how a row is named."""

    key: tuple[str, ...]  # the cells that identify a row, joined with KEY_SEPARATOR
    columns: tuple[str, ...]  # the cells to translate
    lists: tuple[str, ...] = ()  # of those, the ;-separated lists: a translation keeps the count of items
    skip_keys: tuple[str, ...] = ()  # rows that hold no words (a date)


# Ids, numbers, source ids, citations and recommendation numbers stay as they are in every
# language: they are a contract with the code and with the sources, which are in English. Where a
# pointer into a source is a phrase a person reads ("Abstract: results", "NICE NG59, spinal
# decompression"), it is translated: the source's own numbers in it stay.
TRANSLATABLE: dict[str, Translatable] = {
    "about.csv": Translatable(("key",), ("text",), skip_keys=("last_reviewed",)),
    "categories.csv": Translatable(("id",), ("label", "help")),
    "symptoms.csv": Translatable(("id",), ("label", "help")),
    "red_flags.csv": Translatable(("id",), ("label", "help", "action")),
    "treatments.csv": Translatable(
        ("id",),
        (
            "name",
            "short_name",
            "typical_use",
            "when_considered",
            "what_it_involves",
            "benefits",
            "risks",
            "recovery",
            "criteria_source",  # shown in reasons: "(NICE NG59, spinal decompression)"
        ),
    ),
    "cautions.csv": Translatable(("treatment_id", "factor"), ("reason",)),
    "evidence.csv": Translatable(("treatment_id", "source_id", "region", "durations", "for_symptoms"), ("note",)),
    "outcomes.csv": Translatable(("treatment_id", "outcome"), ("outcome", "comparison", "note", "group", "time_frame")),
    "glossary.csv": Translatable(("term",), ("term", "also", "explanation"), lists=("also",)),
    "knowledge.csv": Translatable(
        ("id",), ("question", "choices", "answer", "explanation", "where_in_source"), lists=("choices",)
    ),
}


def translation_file(language: str) -> str:
    """The translation's path inside the content folder, as errors name it."""
    return f"{TRANSLATIONS_DIR}/{language}.csv"


def row_key(record: Mapping[str, object], translatable: Translatable) -> str:
    return KEY_SEPARATOR.join(str(record[cell]) for cell in translatable.key)


def texts_to_translate(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every English text a language must give, in file and row order: file, key, column, english,
    and `row`, its row in the English file as a spreadsheet numbers it (the header is row 1).
    Empty English cells (an optional note) need no translation."""
    rows = []
    for file, translatable in TRANSLATABLE.items():
        for number, record in enumerate(tables[file].to_dict("records"), start=2):
            key = row_key(record, translatable)
            if key in translatable.skip_keys:
                continue
            for column in translatable.columns:
                english = str(record[column])
                if english:
                    rows.append({"file": file, "key": key, "column": column, "english": english, "row": number})
    return pd.DataFrame(rows, columns=[*COLUMNS[:4], "row"])


def template(tables: Mapping[str, pd.DataFrame], previous: pd.DataFrame | None = None) -> pd.DataFrame:
    """The spreadsheet a translator fills in: every text with its English and an empty `text`, keeping
    the translations in `previous` whose English has not changed since (the others are left empty, to
    be translated again)."""
    wanted = texts_to_translate(tables).drop(columns="row")
    if previous is None or previous.empty:
        return wanted.assign(text="")
    kept = previous.loc[:, list(COLUMNS)].drop_duplicates(["file", "key", "column"], keep="first")
    merged = wanted.merge(kept, on=["file", "key", "column", "english"], how="left")
    return merged.assign(text=merged["text"].fillna(""))


def _language_error(language: str, row: int | None, column: str | None, value: object, problem: str) -> ContentError:
    return ContentError(translation_file(language), row, column, value, f"{problem} (language: {language})")


def check_translation(tables: Mapping[str, pd.DataFrame], translation: pd.DataFrame, language: str) -> None:
    """Raise one ContentError for the first problem: a missing column, a row for a text the content does
    not have, a translation of English that has since changed, an empty translation, a list with another
    number of items, a text given twice, or a text with no translation."""
    for column in COLUMNS:
        if column not in translation.columns:
            raise _language_error(language, 1, column, None, "this column is missing from the header row")
    texts = texts_to_translate(tables)
    twice = texts[texts.duplicated(["file", "key", "column"], keep=False)]
    if not twice.empty:
        first = twice.iloc[0]
        rows = " and ".join(
            str(row) for row in twice[(twice["file"] == first["file"]) & (twice["key"] == first["key"])]["row"].unique()
        )
        cells = ", ".join(TRANSLATABLE[first["file"]].key)
        problem = (
            f"{first['file']} rows {rows} have the same {cells}, so a translation cannot tell them apart; "
            "make them differ in the English first"
        )
        raise _language_error(language, None, None, first["key"], problem)
    wanted = {(r["file"], r["key"], r["column"]): r for r in texts.to_dict("records")}
    seen: set[tuple[str, str, str]] = set()
    for number, record in enumerate(translation.to_dict("records"), start=2):
        where = (record["file"], record["key"], record["column"])
        if record["file"] not in TRANSLATABLE or record["column"] not in TRANSLATABLE[record["file"]].columns:
            problem = f'{record["file"]} has no column "{record["column"]}" to translate'
            raise _language_error(language, number, "column", record["column"], problem)
        if where not in wanted:
            problem = f"{record['file']} has no row {record['key']!r} with a text in this column"
            raise _language_error(language, number, "key", record["key"], problem)
        if where in seen:
            raise _language_error(language, number, "key", record["key"], "this text is translated twice; keep one row")
        seen.add(where)
        english = wanted[where]
        if record["english"] != english["english"]:
            problem = (
                f'the English of {record["file"]} row {english["row"]}, column "{record["column"]}" has changed since '
                "this was translated: check the translation against the new English, then copy the new English here"
            )
            raise _language_error(language, number, "english", record["english"], problem)
        if not record["text"]:
            raise _language_error(language, number, "text", "", "the translation is empty")
        if record["column"] in TRANSLATABLE[record["file"]].lists:
            count, given = len(_items(english["english"])), len(_items(record["text"]))
            if given != count:
                problem = f"the English lists {count} items separated by '{LIST_SEPARATOR}', the translation {given}"
                raise _language_error(language, number, "text", record["text"], problem)
    _check_same_answers(tables, translation, language)
    for where, english in wanted.items():
        if where not in seen:
            file, key, column = where
            problem = (
                f'no translation of {file} row {english["row"]} ({key}), column "{column}"; '
                f"add a row with file={file}, key={key}, column={column}"
            )
            raise _language_error(language, None, None, None, problem)


def _check_same_answers(tables: Mapping[str, pd.DataFrame], translation: pd.DataFrame, language: str) -> None:
    """A knowledge check's translated answer must be the translation of the same choice as in English:
    a translation that marked another choice correct would teach a patient the wrong thing."""
    given = {
        (r["key"], r["column"]): (n, r["text"])
        for n, r in enumerate(translation.to_dict("records"), start=2)
        if r["file"] == "knowledge.csv"
    }
    for record in tables["knowledge.csv"].to_dict("records"):
        choices, answer = given.get((record["id"], "choices")), given.get((record["id"], "answer"))
        if choices is None or answer is None:
            continue  # reported as missing below
        english = _items(record["choices"])
        translated = _items(choices[1])
        if (
            record["answer"] in english
            and answer[1] in translated
            and translated.index(answer[1]) != english.index(record["answer"])
        ):
            position = english.index(record["answer"]) + 1
            problem = f"the answer must be the translation of choice {position}, the answer in English, not of another choice"
            raise _language_error(language, answer[0], "text", answer[1], problem)


def translate(tables: Mapping[str, pd.DataFrame], translation: pd.DataFrame, language: str) -> dict[str, pd.DataFrame]:
    """The content tables with every text in `language` (checked first: nothing partial)."""
    check_translation(tables, translation, language)
    texts = {(r["file"], r["key"], r["column"]): r["text"] for r in translation.to_dict("records")}
    translated = dict(tables)
    for file, translatable in TRANSLATABLE.items():
        frame = tables[file].copy()
        keys = [row_key(record, translatable) for record in frame.to_dict("records")]
        for column in translatable.columns:
            frame[column] = [texts.get((file, key, column), english) for key, english in zip(keys, frame[column], strict=True)]
        translated[file] = frame
    return translated


def translation_row(
    tables: Mapping[str, pd.DataFrame], translation: pd.DataFrame, file: str, row: int | None, column: str | None
) -> int | None:
    """The row of the translation (as a spreadsheet numbers it) that gives `file` row `row`, `column`, if any."""
    if file not in TRANSLATABLE or row is None or column not in TRANSLATABLE[file].columns:
        return None
    key = row_key(tables[file].iloc[row - 2].to_dict(), TRANSLATABLE[file])
    for number, record in enumerate(translation.to_dict("records"), start=2):
        if (record["file"], record["key"], record["column"]) == (file, key, column):
            return number
    return None


def available_languages(directory: Path) -> tuple[str, ...]:
    """English, then each language the content folder has a translation file for, by code."""
    folder = directory / TRANSLATIONS_DIR
    found = sorted(path.stem for path in folder.glob("*.csv")) if folder.is_dir() else []
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def _items(cell: str) -> list[str]:
    return [item.strip() for item in str(cell).split(LIST_SEPARATOR) if item.strip()]


def main(argv: list[str]) -> int:
    """`python -m components.translations LANGUAGE [CONTENT_FOLDER]`: print the spreadsheet to translate
    the content into LANGUAGE (CSV), keeping the texts of an existing translation whose English is unchanged."""
    from components.data import SCHEMAS, _read, content_dir  # the loader imports this module

    if len(argv) < 2 or not argv[1].isalpha() or not argv[1].islower():
        print("Usage: python -m components.translations LANGUAGE [CONTENT_FOLDER] > translations/LANGUAGE.csv", file=sys.stderr)
        return 2
    language = argv[1]
    directory = Path(argv[2]) if len(argv) > 2 else content_dir()
    tables = {file: _read(directory, file) for file in SCHEMAS}
    existing = directory / translation_file(language)
    previous = _read(directory, translation_file(language)) if existing.exists() else None
    template(tables, previous).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
