"""Content in another language (components.translations): one spreadsheet per language, checked at load.

The translations here are made by a rule (every text, and every item of a list, gets a "[xx] "
prefix), so each test knows exactly what the translated content must say.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from urllib.parse import parse_qs

import pandas as pd
import pytest

from components.check_data import main as check_data
from components.data import DATA_DIR, SCHEMAS, ContentError, _read, load_content
from components.fit import fit_content
from components.situation import from_query
from components.translations import (
    COLUMNS,
    TRANSLATABLE,
    TRANSLATIONS_DIR,
    available_languages,
    main,
    template,
    texts_to_translate,
    translation_file,
)
from tests.clinical.test_vignettes import VIGNETTES

LANGUAGE = "xx"


def tagged(row: dict[str, str]) -> str:
    """The rule's translation of one text: lists keep their items, each tagged; a short name (at most
    28 characters, and some English ones are 28) is put in capitals."""
    if row["column"] == "short_name":
        return row["english"].upper()
    if row["column"] in TRANSLATABLE[row["file"]].lists:
        return ";".join(f"[{LANGUAGE}] {item.strip()}" for item in row["english"].split(";") if item.strip())
    return f"[{LANGUAGE}] {row['english']}"


def raw_tables(directory: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    return {file: _read(directory, file) for file in SCHEMAS}


def full_translation() -> pd.DataFrame:
    rows = template(raw_tables())
    return rows.assign(text=[tagged(row) for row in rows.to_dict("records")])


# The content folder without its translations: the made-up language is then the only other one.
ONLY_ENGLISH = shutil.ignore_patterns(TRANSLATIONS_DIR)


def content_with(tmp_path: Path, translation: pd.DataFrame) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DATA_DIR, target, ignore=ONLY_ENGLISH)  # the made-up language alone
    (target / "translations").mkdir()
    translation.to_csv(target / translation_file(LANGUAGE), index=False)
    return target


def load_error(tmp_path: Path, translation: pd.DataFrame) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(content_with(tmp_path, translation), LANGUAGE)
    return str(caught.value)


def test_every_text_for_people_is_to_be_translated_and_ids_dates_and_sources_are_not():
    texts = texts_to_translate(raw_tables())
    assert list(texts.columns) == [*COLUMNS[:4], "row"]
    assert len(texts) > 600 and (texts["english"] != "").all()
    assert not texts.duplicated(["file", "key", "column"]).any()
    assert set(texts["file"]) == set(TRANSLATABLE)
    nsaids = texts[(texts["file"] == "treatments.csv") & (texts["key"] == "nsaids")]
    assert set(nsaids["column"]) == set(TRANSLATABLE["treatments.csv"].columns)
    assert nsaids["row"].nunique() == 1 and nsaids["row"].iloc[0] >= 2
    assert "last_reviewed" not in set(texts.loc[texts["file"] == "about.csv", "key"])
    for never in ("id", "source_id", "citation", "fact_sources", "symptoms", "tier", "source", "rec"):
        assert never not in set(texts["column"])
    # Where an outcome figure is in its source is for a reviewer, and stays; the knowledge check shows
    # its pointer under the answer as a phrase ("Abstract: results"), so that one is translated.
    pointers = texts[texts["column"] == "where_in_source"]
    assert set(pointers["file"]) == {"knowledge.csv"}


def test_a_full_translation_changes_the_words_and_nothing_else(tmp_path):
    translation = full_translation()
    directory = content_with(tmp_path, translation)
    english, translated = load_content(DATA_DIR), load_content(directory, LANGUAGE)
    texts = {(r["file"], r["key"], r["column"]): r["text"] for r in translation.to_dict("records")}
    assert translated.about == {key: texts.get(("about.csv", key, "text"), text) for key, text in english.about.items()}
    assert translated.about["last_reviewed"] == english.about["last_reviewed"]
    for file, translatable in TRANSLATABLE.items():
        if file == "about.csv":
            continue
        name = file.removesuffix(".csv")
        before, after = getattr(english, name), getattr(translated, name)
        keys = ["|".join(str(r[cell]) for cell in translatable.key) for r in before.to_dict("records")]
        for column in before.columns:
            if column in translatable.columns:
                wanted = [texts.get((file, key, column), "") for key in keys]
                assert after[column].tolist() == wanted, (file, column)
            else:
                pd.testing.assert_series_equal(after[column], before[column], obj=f"{file} {column}")
    assert translated.clinic == english.clinic


@pytest.mark.parametrize("vignette", VIGNETTES[::9], ids=lambda v: v["id"])
def test_a_translation_never_changes_what_fits(tmp_path_factory, vignette):
    """Fit comes from ids and numbers, never from words: the clinical vignettes fit the same in any language."""
    directory = content_with(tmp_path_factory.mktemp("fit"), full_translation())
    situation = from_query(parse_qs(vignette["situation"], keep_blank_values=True)).situation
    english = fit_content(situation, load_content(DATA_DIR)).set_index("id")["fit"]
    translated = fit_content(situation, load_content(directory, LANGUAGE)).set_index("id")["fit"]
    pd.testing.assert_series_equal(translated, english)


def test_a_missing_text_names_the_file_row_column_and_language(tmp_path):
    translation = full_translation()
    gone = (
        (translation["file"] == "red_flags.csv") & (translation["key"] == "bladder_bowel") & (translation["column"] == "action")
    )
    message = load_error(tmp_path, translation[~gone])
    row = texts_to_translate(raw_tables()).query("file == 'red_flags.csv' and key == 'bladder_bowel'")["row"].iloc[0]
    assert message.startswith(f"data/translations/{LANGUAGE}.csv: no translation of red_flags.csv row {row} (bladder_bowel), ")
    assert 'column "action"' in message and f"(language: {LANGUAGE})" in message


def broken(change) -> pd.DataFrame:
    translation = full_translation()
    change(translation)
    return translation


def set_cell(index: int, column: str, value: str):
    return lambda frame: frame.__setitem__(column, [value if i == index else v for i, v in enumerate(frame[column])])


FIRST_LIST = int(full_translation().query("file == 'knowledge.csv' and column == 'choices'").index[0])
BAD_TRANSLATIONS = {
    "a column missing": (lambda f: f.__delitem__("english"), 'row 1, column "english": this column is missing'),
    "an unknown column": (set_cell(0, "column", "citation"), 'row 2, column "column": about.csv has no column "citation"'),
    "an unknown row": (set_cell(0, "key", "no_such_row"), "row 2, column \"key\": about.csv has no row 'no_such_row'"),
    "a text twice": (
        lambda f: f.loc.__setitem__(len(f), f.iloc[0].tolist()),
        "this text is translated twice",
    ),
    "English changed since": (set_cell(5, "english", "Older English."), 'column "english": the English of'),
    "an empty translation": (set_cell(5, "text", ""), 'row 7, column "text": the translation is empty'),
    "a list with another count": (set_cell(FIRST_LIST, "text", "only one"), "the English lists"),
}


@pytest.mark.parametrize("case", BAD_TRANSLATIONS)
def test_each_bad_translation_gives_one_clear_error(tmp_path, case):
    change, expected = BAD_TRANSLATIONS[case]
    message = load_error(tmp_path, broken(change))
    assert message.startswith(f"data/translations/{LANGUAGE}.csv")
    assert expected in message and f"(language: {LANGUAGE})" in message


def test_a_translation_that_breaks_the_contents_own_rules_is_refused_naming_the_translation(tmp_path):
    """The translated content is checked like the English: a knowledge check answer must be one of its choices."""
    answer = int(full_translation().query("file == 'knowledge.csv' and column == 'answer'").index[0])
    message = load_error(tmp_path, broken(set_cell(answer, "text", f"[{LANGUAGE}] something else")))
    assert message.startswith(f'data/translations/{LANGUAGE}.csv, row {answer + 2}, column "text": ')
    assert 'in the translated knowledge.csv row 2, column "answer": must be exactly one of the row\'s choices' in message
    assert f"(language: {LANGUAGE})" in message


def test_the_languages_are_english_and_each_translation_file(tmp_path):
    assert available_languages(DATA_DIR)[0] == "en"
    directory = content_with(tmp_path, full_translation())
    (directory / "translations" / "aa.csv").write_text("file,key,column,english,text\n", encoding="utf-8")
    assert available_languages(directory) == ("en", "aa", LANGUAGE)


def test_the_template_keeps_translations_whose_english_is_unchanged(tmp_path):
    translation = full_translation()
    translation.loc[5, "english"] = "Older English."
    refreshed = template(raw_tables(), translation)
    assert len(refreshed) == len(translation)
    assert refreshed.loc[5, "text"] == ""  # the English changed: to be translated again
    assert (refreshed.drop(index=5)["text"] == translation.drop(index=5)["text"]).all()


def test_the_template_command_prints_the_spreadsheet(tmp_path, capsys):
    directory = content_with(tmp_path, full_translation())
    assert main(["translations", LANGUAGE, str(directory)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == len(texts_to_translate(raw_tables()))
    assert all(row["text"] == tagged(row) for row in rows)
    assert main(["translations", "Español"]) == 2


def test_make_check_data_checks_every_translation(tmp_path, capsys):
    directory = content_with(tmp_path, full_translation())
    assert check_data(["check_data", str(directory)]) == 0
    assert f"Translations checked: {LANGUAGE}." in capsys.readouterr().out
    broken_directory = content_with(tmp_path / "broken", broken(set_cell(5, "text", "")))
    assert check_data(["check_data", str(broken_directory)]) == 1
    assert f"data/translations/{LANGUAGE}.csv, row 7" in capsys.readouterr().err


def test_two_rows_a_translation_cannot_tell_apart_are_refused(tmp_path):
    """Two outcomes of one treatment with the same words (at 3 months and at a year, say) would get one
    translation between them, and one figure would read the other's time frame."""
    target = tmp_path / "content"
    shutil.copytree(DATA_DIR, target, ignore=ONLY_ENGLISH)
    outcomes = pd.read_csv(target / "outcomes.csv", dtype=str, keep_default_na=False)
    copy = outcomes.iloc[[0]].assign(time_frame="at 3 months")
    pd.concat([outcomes, copy]).to_csv(target / "outcomes.csv", index=False)
    (target / "translations").mkdir(exist_ok=True)
    rows = template({file: _read(target, file) for file in SCHEMAS})
    rows.assign(text=[tagged(row) for row in rows.to_dict("records")]).to_csv(target / translation_file(LANGUAGE), index=False)
    with pytest.raises(ContentError) as caught:
        load_content(target, LANGUAGE)
    key = f"{outcomes.iloc[0]['treatment_id']}|{outcomes.iloc[0]['outcome']}"
    assert f"outcomes.csv rows 2 and {len(outcomes) + 2} have the same treatment_id, outcome" in str(caught.value)
    assert key[:40] in str(caught.value)


def test_a_translation_that_marks_another_choice_correct_is_refused(tmp_path):
    """The answer translated as another choice's words would teach the wrong thing as the evidence."""
    translation = full_translation()
    knowledge = raw_tables()["knowledge.csv"].iloc[0]
    choices = knowledge["choices"].split(";")
    wrong = next(choice for choice in choices if choice != knowledge["answer"])
    answer = int(translation.query(f"file == 'knowledge.csv' and key == '{knowledge['id']}' and column == 'answer'").index[0])
    message = load_error(tmp_path, broken(set_cell(answer, "text", f"[{LANGUAGE}] {wrong.strip()}")))
    assert message.startswith(f'data/translations/{LANGUAGE}.csv, row {answer + 2}, column "text": the answer must be')
