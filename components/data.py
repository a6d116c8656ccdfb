"""Load the content files in data/ and check them against one schema per file.

Pure: no Streamlit. A bad file raises ContentError naming the file, row, column and
value, so the app can stop with one clear message and `make check-data` can print it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from components.clinic import NO_CLINIC, Clinic, load_clinic
from components.errors import ContentError
from components.outcomes import Outcome, outcomes_by_treatment
from components.translations import SOURCE_LANGUAGE, TRANSLATIONS_DIR, translate, translation_file, translation_row
from components.vocabulary import (
    CATEGORIES,
    CAUTION_DECISIONS,
    CERTAINTY,
    DERIVED_SIGNS,
    DURATION_WEEKS,
    DURATIONS,
    FINDINGS,
    HISTORY,
    OUTCOME_KINDS,
    PERSONAL,
    PLACE_TIER_COLUMNS,
    RED_FLAG_TIERS,
    RED_FLAGS,
    REGIONS,
    SEVERITIES,
    SIGN_TIER_COLUMNS,
    SOURCE_KINDS,
    STANCES,
    SYMPTOMS,
    TIME_TO_HELP,
    TRIED,
    YES_NO,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# A deployment (or a test) may point the app at another copy of the content.
DATA_DIR_VARIABLE = "BACKPAIN_DATA_DIR"
LIST_SEPARATOR = ";"
# data/about.csv: facts about the content itself, shown on Sources & method.
ABOUT_KEYS: tuple[str, ...] = ("last_reviewed", "update_policy", "funding", "conflicts")


@dataclass(frozen=True)
class Content:
    """Every content table, validated."""

    treatments: pd.DataFrame
    evidence: pd.DataFrame
    sources: pd.DataFrame
    symptoms: pd.DataFrame
    red_flags: pd.DataFrame
    categories: pd.DataFrame
    about: dict[str, str]
    outcomes: pd.DataFrame
    glossary: pd.DataFrame
    knowledge: pd.DataFrame
    cautions: pd.DataFrame  # one decision for every treatment and personal factor (cautions.csv)
    clinic: Clinic = NO_CLINIC  # clinic.toml, when the content folder has one

    # Lookups every page needs, worked out once per loaded version of the content.
    @cached_property
    def symptom_labels(self) -> dict[str, str]:
        return dict(zip(self.symptoms["id"], self.symptoms["label"], strict=True))

    @cached_property
    def category_labels(self) -> dict[str, str]:
        return dict(zip(self.categories["id"], self.categories["label"], strict=True))

    @cached_property
    def knowledge_rows(self) -> dict[str, dict[str, str]]:
        """Each knowledge question as a plain dict, by id (Start here's summary reads the scan answer each rerun)."""
        return {row["id"]: row for row in self.knowledge.to_dict("records")}

    @cached_property
    def red_flag_rows(self) -> tuple[dict[str, str], ...]:
        """Every warning sign as a plain dict, in file order (the sidebar and Start here draw them each rerun)."""
        return tuple(self.red_flags.to_dict("records"))

    @cached_property
    def figures(self) -> dict[str, tuple[Outcome, ...]]:
        """Each treatment's outcome figures (outcomes.csv with its sources' names); none: not a key."""
        return outcomes_by_treatment(self.outcomes, self.sources)

    @cached_property
    def treatment_ids(self) -> tuple[str, ...]:
        return tuple(self.treatments["id"])

    @cached_property
    def treatment_names(self) -> dict[str, str]:
        """Treatment names by id, in alphabetical order of name."""
        ordered = self.treatments.sort_values("name")
        return dict(zip(ordered["id"], ordered["name"], strict=True))


def content_dir() -> Path:
    """Where the content files are: data/ beside the code, unless BACKPAIN_DATA_DIR says otherwise."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DATA_DIR)


def data_fingerprint(directory: Path = DATA_DIR) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of each file in the content folder (the CSVs, clinic.toml and
    its logo, and the translations in its translations/ folder): changes whenever a clinic saves one."""
    translations = directory / TRANSLATIONS_DIR
    found = [*directory.iterdir(), *(translations.iterdir() if translations.is_dir() else ())]
    files = (path for path in sorted(found) if path.is_file() and not path.name.startswith("."))
    return tuple((str(path.relative_to(directory)), path.stat().st_size, path.stat().st_mtime_ns) for path in files)


LANGUAGE_MARK = "language="


def content_fingerprint(
    files: tuple[tuple[str, int, int], ...], language: str = SOURCE_LANGUAGE, catalogues: tuple[tuple[str, int], ...] = ()
) -> tuple[tuple[str, int, int], ...]:
    """The content folder's fingerprint (`data_fingerprint`) with the language it is read in first, and
    the version of the interface's catalogues, whose words cached sentences hold: every cache keyed
    by it then holds one language, as it is now, only."""
    return ((LANGUAGE_MARK + language, 0, 0), *files, *((name, 0, when) for name, when in catalogues))


def fingerprint_language(fingerprint: tuple[tuple[str, int, int], ...]) -> str:
    first = fingerprint[0][0] if fingerprint else ""
    return first.removeprefix(LANGUAGE_MARK) if first.startswith(LANGUAGE_MARK) else SOURCE_LANGUAGE


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown and HTML punctuation so text shows exactly as written."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~])", r"\\\1", text)


def split_list(cell: str) -> list[str]:
    """A ;-separated cell as a list of ids ('' is an empty list)."""
    return [item.strip() for item in str(cell).split(LIST_SEPARATOR) if item.strip()]


def _list_of(allowed: tuple[str, ...], *, required: bool) -> pa.Check:
    need = "one or more" if required else "zero or more"
    return pa.Check(
        lambda cell: (bool(split_list(cell)) or not required) and all(i in allowed for i in split_list(cell)),
        element_wise=True,
        error=f"must be {need} of {', '.join(allowed)}, separated by '{LIST_SEPARATOR}'",
    )


def _one_of(allowed: tuple[str, ...] | list[str]) -> pa.Check:
    return pa.Check.isin(list(allowed), error="must be one of: " + ", ".join(allowed))


def _plain_text() -> pa.Check:
    # Text is shown as Markdown: HTML or a Markdown link/image could load other hosts' content.
    return pa.Check(
        lambda cell: "<" not in cell and "](" not in cell,
        element_wise=True,
        error="must be plain text: no HTML tags and no Markdown links or images",
    )


def _text() -> pa.Column:
    return pa.Column(str, [pa.Check.str_length(min_value=1, error="must not be empty"), _plain_text()])


def _plain() -> pa.Column:
    """Text that may be empty."""
    return pa.Column(str, _plain_text())


def _count_of_100() -> pa.Column:
    return pa.Column(
        "Int64",
        pa.Check.in_range(0, 100, error="must be a whole number of people from 0 to 100, or empty"),
        nullable=True,
        coerce=True,
        parsers=_blank_to_nan,
    )


def _whole(low: int, high: int) -> pa.Column:
    return pa.Column(int, pa.Check.in_range(low, high, error=f"must be a whole number from {low} to {high}"), coerce=True)


_blank_to_nan = pa.Parser(lambda s: s.replace("", np.nan))
_ID = pa.Column(
    str,
    [pa.Check.str_matches(r"^[a-z0-9_]+$", error="must be lower-case letters, digits and _ only")],
    unique=True,
    report_duplicates="exclude_first",  # name the row that repeats an id, not the first one
)

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "sources.csv": pa.DataFrameSchema(
        {
            "id": pa.Column(
                str,
                pa.Check.str_matches(r"^[A-Z0-9_]+$", error="must be capital letters, digits and _ only"),
                unique=True,
                report_duplicates="exclude_first",
            ),
            "short_name": _text(),
            "kind": pa.Column(str, _one_of(tuple(SOURCE_KINDS))),
            "citation": _text(),
            "organisation": _text(),
            "year": _whole(1990, 2100),
            "url": pa.Column(
                str, pa.Check.str_matches(r"^https?://\S+$", error="must be a web address starting with http:// or https://")
            ),
        }
    ),
    "categories.csv": pa.DataFrameSchema({"id": _ID, "label": _text(), "help": _text()}),
    "about.csv": pa.DataFrameSchema(
        {
            "key": pa.Column(str, _one_of(ABOUT_KEYS), unique=True),
            "text": _text(),
        }
    ),
    "symptoms.csv": pa.DataFrameSchema({"id": _ID, "label": _text(), "help": _text()}),
    "red_flags.csv": pa.DataFrameSchema(
        {
            "id": _ID,
            "label": _text(),
            "tier": pa.Column(str, _one_of(RED_FLAG_TIERS)),
            # The sign's tier with each symptom: a full row, so every combination is decided.
            **{
                column: pa.Column(str, _one_of(RED_FLAG_TIERS))
                for column in (*SIGN_TIER_COLUMNS.values(), *PLACE_TIER_COLUMNS.values())
            },
            "help": _text(),
            "action": _text(),
            "source": _text(),
        }
    ),
    "treatments.csv": pa.DataFrameSchema(
        {
            "id": _ID,
            "name": _text(),
            "short_name": pa.Column(str, pa.Check.str_length(1, 28, error="must be 1 to 28 characters (it labels the charts)")),
            "category": pa.Column(str, _one_of(CATEGORIES)),
            "invasiveness": _whole(1, 5),
            "ladder_step": _whole(1, 5),
            "symptoms": pa.Column(str, _list_of(SYMPTOMS, required=True)),
            "durations": pa.Column(str, _list_of(tuple(DURATIONS), required=True)),
            "min_severity": pa.Column(str, _one_of(SEVERITIES)),
            "after_tried": pa.Column(str, _list_of(tuple(TRIED), required=False)),
            "needs_history": pa.Column(str, _list_of(tuple(HISTORY), required=False)),
            "regions": pa.Column(str, _list_of(tuple(REGIONS), required=True)),
            "self_care": pa.Column(str, _one_of(YES_NO)),
            "specialist_decides": pa.Column(str, _one_of(YES_NO)),
            "excludes_symptoms": pa.Column(str, _list_of(SYMPTOMS, required=False)),
            "min_severity_for": pa.Column(
                str,
                pa.Check(
                    lambda cell: all(
                        item.count(":") == 1 and item.split(":")[0] in SYMPTOMS and item.split(":")[1] in SEVERITIES
                        for item in split_list(cell)
                    ),
                    element_wise=True,
                    error="must be symptom:severity pairs such as walking_pain:moderate, separated by ';'",
                ),
            ),
            "min_pain": _whole(0, 10),
            "needs_findings": pa.Column(str, _list_of(tuple(FINDINGS), required=False)),
            "findings_from": pa.Column(str, _one_of(("", *DURATIONS))),
            "excluded_by_signs": pa.Column(str, _list_of((*RED_FLAGS, *DERIVED_SIGNS), required=False)),
            "criteria_source": pa.Column(str),
            "typical_use": _text(),
            "when_considered": _text(),
            "what_it_involves": _text(),
            "benefits": _text(),
            "risks": _text(),
            "recovery": _text(),
            "onset_weeks": _whole(0, 104),
            "recovery_weeks": pa.Column(
                float,
                pa.Check.in_range(0, 104, error="must be a number of weeks from 0 to 104, or empty if unknown"),
                nullable=True,
                coerce=True,
                parsers=_blank_to_nan,
            ),
            "time_to_help": pa.Column(str, _one_of(tuple(TIME_TO_HELP))),
            "uses_needles": pa.Column(str, _one_of(YES_NO)),
            "uses_medicines": pa.Column(str, _one_of(YES_NO)),
            "fact_sources": pa.Column(str),
        }
    ),
    "glossary.csv": pa.DataFrameSchema(
        {
            "term": pa.Column(str, pa.Check.str_length(min_value=1, error="must not be empty"), unique=True),
            "also": pa.Column(str),
            "explanation": _text(),
        }
    ),
    "outcomes.csv": pa.DataFrameSchema(
        {
            "treatment_id": pa.Column(str),
            "outcome": _text(),
            "kind": pa.Column(str, _one_of(tuple(OUTCOME_KINDS))),
            "with_treatment": _count_of_100(),
            "comparison": _plain(),
            "with_comparison": _count_of_100(),
            "denominator": pa.Column(
                int,
                pa.Check.equal_to(100, error="must be 100: every figure is out of 100 people, so options compare"),
                coerce=True,
            ),
            "note": _plain(),
            "group": _text(),
            "time_frame": _text(),
            "certainty": pa.Column(str, _one_of(tuple(CERTAINTY))),
            "source_id": pa.Column(str),
            "where_in_source": _text(),
        }
    ),
    "knowledge.csv": pa.DataFrameSchema(
        {
            "id": _ID,
            "question": _text(),
            "choices": pa.Column(
                str,
                [
                    pa.Check(
                        lambda cell: 2 <= len(split_list(cell)) <= 4 and len(set(split_list(cell))) == len(split_list(cell)),
                        element_wise=True,
                        error=f"must be 2 to 4 different answers, separated by '{LIST_SEPARATOR}'",
                    ),
                    _plain_text(),
                ],
            ),
            "answer": _text(),
            "explanation": _text(),
            "source_id": pa.Column(str),
            "where_in_source": _text(),
        }
    ),
    "cautions.csv": pa.DataFrameSchema(
        {
            "treatment_id": pa.Column(str),
            "factor": pa.Column(str, _one_of(tuple(PERSONAL))),
            "decision": pa.Column(str, _one_of(tuple(CAUTION_DECISIONS))),
            "reason": _plain(),
            "source": pa.Column(str),
        },
        unique=["treatment_id", "factor"],
        report_duplicates="exclude_first",
    ),
    "evidence.csv": pa.DataFrameSchema(
        {
            "treatment_id": pa.Column(str),
            "source_id": pa.Column(str),
            "region": pa.Column(str, _one_of(tuple(REGIONS))),
            "durations": pa.Column(str, _list_of(tuple(DURATIONS), required=False)),
            "for_symptoms": pa.Column(str, _list_of(SYMPTOMS, required=False)),
            "rec": pa.Column(str),
            "stance": pa.Column(str, _one_of(tuple(STANCES))),
            "only_alongside": pa.Column(str),
            "not_for_history": pa.Column(str, _list_of(tuple(HISTORY), required=False)),
            "note": _text(),
        },
        unique=["treatment_id", "source_id", "region", "durations", "for_symptoms"],
        report_duplicates="exclude_first",
    ),
}

_CHECK_WORDS = {
    "field_uniqueness": "appears more than once; every id must be unique",
    "multiple_fields_uniqueness": "this row's key (for evidence.csv: treatment, source, region, durations and symptoms; "
    "for cautions.csv: treatment and factor) appears more than once",
    "not_nullable": "must not be empty",
}


def _problem(check: str) -> str:
    if check.lower().startswith("coerce_dtype('int"):
        return "must be a whole number"
    if check.startswith("coerce_dtype('float"):
        return "must be a number, or empty if unknown"
    return _CHECK_WORDS.get(check, check)


def _read(directory: Path, file: str) -> pd.DataFrame:
    path = directory / file
    if not path.exists():
        raise ContentError(file, None, None, None, "the file is missing")
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            file, line, None, raw[error.start : error.end + 8], "is not UTF-8 text; save the file as 'CSV UTF-8'"
        ) from None
    if not raw.strip():
        raise ContentError(file, None, None, None, "the file is empty; it needs a header row and at least one data row")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if frame.empty:
        raise ContentError(file, None, None, None, "the file has a header row but no data rows")
    return frame.apply(lambda col: col.str.strip())


def _validate(file: str, frame: pd.DataFrame) -> pd.DataFrame:
    try:
        return SCHEMAS[file].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        missing = cases[cases["check"] == "column_in_dataframe"]
        if not missing.empty:
            name = str(missing.iloc[0]["failure_case"])
            raise ContentError(file, 1, name, None, "this column is missing from the header row", len(missing) - 1) from None
        # Keep one row per (row, column); dtype checks only repeat a failed conversion.
        usable = cases[cases["index"].notna() & ~cases["check"].astype(str).str.startswith("dtype(")]
        usable = usable.assign(index=usable["index"].astype(int)).sort_values(["index"], kind="stable")
        usable = usable.drop_duplicates(["index", "column"])
        first = usable.iloc[0]
        column = None if pd.isna(first["column"]) else str(first["column"])
        value = frame.iloc[first["index"]][column] if column in frame.columns else first["failure_case"]
        raise ContentError(file, first["index"] + 2, column, value, _problem(str(first["check"])), len(usable) - 1) from None


def _require_ids(file: str, frame: pd.DataFrame, expected: tuple[str, ...]) -> None:
    """Files that give wording to fixed ids must cover exactly those ids."""
    for row, value in enumerate(frame["id"], start=2):
        if value not in expected:
            raise ContentError(file, row, "id", value, "is not an id the app knows; use one of: " + ", ".join(expected))
    for value in expected:
        if value not in set(frame["id"]):
            raise ContentError(file, None, "id", None, f'a row for "{value}" is missing')


def _about(frame: pd.DataFrame) -> dict[str, str]:
    about = dict(zip(frame["key"], frame["text"], strict=True))
    for key in ABOUT_KEYS:
        if key not in about:
            raise ContentError("about.csv", None, "key", None, f'a row for "{key}" is missing')
    row = list(frame["key"]).index("last_reviewed") + 2
    try:
        date.fromisoformat(about["last_reviewed"])
    except ValueError:
        raise ContentError(
            "about.csv", row, "text", about["last_reviewed"], "last_reviewed must be a date written YYYY-MM-DD"
        ) from None
    return about


def _check_references(file: str, frame: pd.DataFrame, treatments: pd.DataFrame, sources: pd.DataFrame) -> None:
    for row, record in enumerate(frame.itertuples(index=False), start=2):
        if record.treatment_id not in set(treatments["id"]):
            raise ContentError(file, row, "treatment_id", record.treatment_id, "no treatment in treatments.csv has this id")
        if record.source_id not in set(sources["id"]):
            raise ContentError(file, row, "source_id", record.source_id, "no source in sources.csv has this id")


def _check_outcomes(outcomes: pd.DataFrame) -> None:
    """A figure and the group it is compared with come together, and a row without a count says why in its note."""
    for row, record in enumerate(outcomes.to_dict("records"), start=2):
        counted, compared = pd.notna(record["with_treatment"]), pd.notna(record["with_comparison"])
        if compared and not counted:
            problem = "a count for the comparison group needs a count for the treatment too"
            raise ContentError("outcomes.csv", row, "with_treatment", "", problem)
        if compared != bool(record["comparison"]):
            column, value = ("comparison", "") if compared else ("with_comparison", "")
            problem = "say what the comparison group had and how many of its 100 people it happened to, or neither"
            raise ContentError("outcomes.csv", row, column, value, problem)
        if not counted and not record["note"]:
            problem = "a row without a count out of 100 must say in its note what the source found"
            raise ContentError("outcomes.csv", row, "note", "", problem)


def _check_knowledge(knowledge: pd.DataFrame, sources: pd.DataFrame) -> None:
    """Each question's answer is one of its choices, and its source is in sources.csv."""
    for row, record in enumerate(knowledge.to_dict("records"), start=2):
        if record["answer"] not in split_list(record["choices"]):
            raise ContentError("knowledge.csv", row, "answer", record["answer"], "must be exactly one of the row's choices")
        if record["source_id"] not in set(sources["id"]):
            raise ContentError("knowledge.csv", row, "source_id", record["source_id"], "no source in sources.csv has this id")


def _check_cautions(cautions: pd.DataFrame, treatments: pd.DataFrame, sources: pd.DataFrame) -> None:
    """cautions.csv decides every treatment with every personal factor: a missing cell is an error, as a
    missing column is, so no combination is left to chance. An avoid or a caution says why and cites a source."""
    treatment_ids, source_ids = set(treatments["id"]), set(sources["id"])
    for row, record in enumerate(cautions.to_dict("records"), start=2):
        if record["treatment_id"] not in treatment_ids:
            raise ContentError(
                "cautions.csv", row, "treatment_id", record["treatment_id"], "no treatment in treatments.csv has this id"
            )
        if record["decision"] != "none" and not record["reason"]:
            raise ContentError("cautions.csv", row, "reason", "", f"an '{record['decision']}' must say why, in plain words")
        if record["decision"] != "none" and not split_list(record["source"]):
            raise ContentError(
                "cautions.csv", row, "source", "", f"an '{record['decision']}' must cite a source from sources.csv"
            )
        for source in split_list(record["source"]):
            if source not in source_ids:
                raise ContentError("cautions.csv", row, "source", record["source"], f'"{source}" is not an id in sources.csv')
    decided = set(zip(cautions["treatment_id"], cautions["factor"], strict=True))
    for treatment in treatments["id"]:
        for factor in PERSONAL:
            if (treatment, factor) not in decided:
                problem = (
                    f'no decision for treatment "{treatment}" with "{factor}": add a row saying avoid, caution or none '
                    "(every treatment needs one for every health condition and age band)"
                )
                raise ContentError("cautions.csv", None, "factor", None, problem)


def _check_sign_tiers(red_flags: pd.DataFrame) -> None:
    """A symptom or a place never makes a sign less urgent than it is alone."""
    for row, record in enumerate(red_flags.to_dict("records"), start=2):
        for column in (*SIGN_TIER_COLUMNS.values(), *PLACE_TIER_COLUMNS.values()):
            if RED_FLAG_TIERS.index(record[column]) > RED_FLAG_TIERS.index(record["tier"]):
                problem = (
                    f"is less urgent than the sign alone ({record['tier']}); a symptom or a place can only keep or "
                    "raise a sign's tier"
                )
                raise ContentError("red_flags.csv", row, column, record[column], problem)


def _cross_check(treatments: pd.DataFrame, evidence: pd.DataFrame, sources: pd.DataFrame) -> None:
    treatment_ids, source_ids = set(treatments["id"]), set(sources["id"])
    kinds = dict(zip(sources["id"], sources["kind"], strict=True))
    for row, record in enumerate(evidence.itertuples(index=False), start=2):
        if record.treatment_id not in treatment_ids:
            raise ContentError(
                "evidence.csv", row, "treatment_id", record.treatment_id, "no treatment in treatments.csv has this id"
            )
        if record.source_id not in source_ids:
            raise ContentError("evidence.csv", row, "source_id", record.source_id, "no source in sources.csv has this id")
        if kinds[record.source_id] != "guideline":
            raise ContentError(
                "evidence.csv",
                row,
                "source_id",
                record.source_id,
                f"is a {SOURCE_KINDS[kinds[record.source_id]]}, not a guideline: only guidelines take a stance "
                "(cite it in treatments.csv fact_sources instead)",
            )
        if record.only_alongside and record.only_alongside not in treatment_ids:
            raise ContentError(
                "evidence.csv", row, "only_alongside", record.only_alongside, "no treatment in treatments.csv has this id"
            )
    cited = set(evidence["treatment_id"])
    for row, record in enumerate(treatments.itertuples(index=False), start=2):
        if record.id not in cited:
            raise ContentError(
                "treatments.csv",
                row,
                "id",
                record.id,
                "this treatment has no source: add at least one row for it to evidence.csv",
            )
        for source in split_list(record.fact_sources):
            if source not in source_ids:
                raise ContentError(
                    "treatments.csv", row, "fact_sources", record.fact_sources, f'"{source}" is not an id in sources.csv'
                )
        earliest = min(DURATION_WEEKS[d][0] for d in split_list(record.durations))
        if record.onset_weeks < earliest:
            raise ContentError(
                "treatments.csv",
                row,
                "onset_weeks",
                record.onset_weeks,
                f"is earlier than the durations allow (the first duration starts at week {earliest})",
            )


def load_content(directory: Path = DATA_DIR, language: str = SOURCE_LANGUAGE) -> Content:
    """Read and validate every content file; raise ContentError (ClinicError for clinic.toml) on the first problem.
    In another language, the English is checked first, then its translation (components.translations), then
    the translated content as a whole, so a translation can break nothing the English guarantees."""
    raw = {file: _read(directory, file) for file in SCHEMAS}
    english = _checked(raw, directory)
    if language == SOURCE_LANGUAGE:
        return english
    translation = _read(directory, translation_file(language))
    translated = translate(raw, translation, language)
    try:
        content = _checked(translated, directory)
    except ContentError as error:
        # Name the translation's own row when the problem is in a translated text.
        row = translation_row(raw, translation, error.file, error.row, error.column)
        where = error.file + (f" row {error.row}" if error.row is not None else "")
        where += f', column "{error.column}"' if error.column else ""
        problem = f"in the translated {where}: {error.problem} (language: {language})"
        column = "text" if row is not None else None
        raise ContentError(translation_file(language), row, column, error.value, problem) from None
    return replace(content, clinic=content.clinic.in_language(language))


def _checked(raw: dict[str, pd.DataFrame], directory: Path) -> Content:
    tables = {file: _validate(file, frame) for file, frame in raw.items()}
    _require_ids("symptoms.csv", tables["symptoms.csv"], SYMPTOMS)
    _require_ids("red_flags.csv", tables["red_flags.csv"], (*RED_FLAGS, *DERIVED_SIGNS))
    _require_ids("categories.csv", tables["categories.csv"], CATEGORIES)
    _cross_check(tables["treatments.csv"], tables["evidence.csv"], tables["sources.csv"])
    _check_references("outcomes.csv", tables["outcomes.csv"], tables["treatments.csv"], tables["sources.csv"])
    _check_outcomes(tables["outcomes.csv"])
    _check_knowledge(tables["knowledge.csv"], tables["sources.csv"])
    _check_cautions(tables["cautions.csv"], tables["treatments.csv"], tables["sources.csv"])
    _check_sign_tiers(tables["red_flags.csv"])
    return Content(
        treatments=tables["treatments.csv"],
        evidence=tables["evidence.csv"],
        sources=tables["sources.csv"],
        symptoms=tables["symptoms.csv"],
        red_flags=tables["red_flags.csv"],
        categories=tables["categories.csv"],
        about=_about(tables["about.csv"]),
        outcomes=tables["outcomes.csv"],
        glossary=tables["glossary.csv"],
        knowledge=tables["knowledge.csv"],
        cautions=tables["cautions.csv"],
        clinic=load_clinic(directory),
    )
