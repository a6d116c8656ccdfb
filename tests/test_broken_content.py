"""A clinic's broken content file: the app shows one clear error and no data; make check-data agrees."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.check_data import main as check_data
from components.data import DATA_DIR, DATA_DIR_VARIABLE

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def replace(file: str, old: str | bytes, new: str | bytes) -> Callable[[Path], None]:
    def apply(directory: Path) -> None:
        path = directory / file
        raw = path.read_bytes()
        old_bytes = old.encode() if isinstance(old, str) else old
        assert old_bytes in raw, old
        path.write_bytes(raw.replace(old_bytes, new.encode() if isinstance(new, str) else new, 1))

    return apply


def drop_lines(file: str, prefix: str) -> Callable[[Path], None]:
    def apply(directory: Path) -> None:
        path = directory / file
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if not line.startswith(prefix)), encoding="utf-8")

    return apply


def drop_column(file: str, column: str) -> Callable[[Path], None]:
    def apply(directory: Path) -> None:
        import csv

        path = directory / file
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        fields = [f for f in rows[0] if f != column]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fields, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    return apply


# Fever's row up to its tier with back pain (red_flags.csv), the first of the sign-by-symptom cells.
FEVER = "fever,Fever or feeling very unwell,same_day,"

# Each case: how to break the content, and what the one message must name (file, row, column, value).
CASES = {
    "unknown category": (
        replace("treatments.csv", ",physical_therapy,1,1,", ",physio,1,1,"),
        ["data/treatments.csv", "row 2", '"category"', "physio"],
    ),
    "out-of-range number": (
        replace("treatments.csv", ",physical_therapy,1,1,", ",physical_therapy,7,1,"),
        ["data/treatments.csv", "row 2", '"invasiveness"', "7"],
    ),
    "renamed column": (
        replace("treatments.csv", ",min_severity,", ",severity,"),
        ["data/treatments.csv", "row 1", '"min_severity"', "missing"],
    ),
    "missing column": (drop_column("sources.csv", "year"), ["data/sources.csv", "row 1", '"year"', "missing"]),
    "empty file": (lambda d: (d / "evidence.csv").write_text("", encoding="utf-8"), ["data/evidence.csv", "empty"]),
    "not UTF-8": (
        replace("red_flags.csv", "Fever or feeling very unwell", "Fi\xe8vre".encode("latin-1")),
        ["data/red_flags.csv", "row 11", "UTF-8"],
    ),
    "old red-flag tier": (
        replace("red_flags.csv", "Weight loss you cannot explain,soon,", "Weight loss you cannot explain,urgent,"),
        ["data/red_flags.csv", "row 17", '"tier"', "urgent", "emergency, same_day, soon"],
    ),
    "duplicate ids": (
        replace("treatments.csv", "\nheat,", "\nstay_active,"),
        ["data/treatments.csv", "row 3", '"id"', "stay_active", "more than once"],
    ),
    "unknown source id": (
        replace("evidence.csv", "heat,ACP17,", "heat,ACP2099,"),
        ["data/evidence.csv", '"source_id"', "ACP2099"],
    ),
    "a review given a stance": (
        replace("evidence.csv", "heat,ACP17,", "heat,LIU23,"),
        ["data/evidence.csv", "row 5", '"source_id"', "LIU23", "not a guideline"],
    ),
    "treatment with no source": (
        drop_lines("evidence.csv", "heat,"),
        ["data/treatments.csv", "row 3", '"id"', "heat", "no source"],
    ),
    # Outcomes out of 100 (row 3 is the first NSAID figure): each part IPDAS asks of a figure is required.
    "outcome not out of 100": (
        replace("outcomes.csv", "51,dummy tablets,37,100,", "51,dummy tablets,37,1000,"),
        ["data/outcomes.csv", "row 3", '"denominator"', "1000", "must be 100"],
    ),
    "outcome without a time frame": (
        replace("outcomes.csv", 'in 5 trials",within 3 weeks,low,', 'in 5 trials",,low,'),
        ["data/outcomes.csv", "row 3", '"time_frame"', "an empty cell"],
    ),
    "outcome without a source": (
        replace("outcomes.csv", "within 3 weeks,low,VDGAAG20,", "within 3 weeks,low,,"),
        ["data/outcomes.csv", "row 3", '"source_id"', "no source in sources.csv"],
    ),
    "outcome without a certainty": (
        replace("outcomes.csv", "within 3 weeks,low,VDGAAG20,", "within 3 weeks,,VDGAAG20,"),
        ["data/outcomes.csv", "row 3", '"certainty"', "must be one of: high, moderate, low, very_low"],
    ),
    "outcome count above 100": (
        replace("outcomes.csv", "51,dummy tablets,37,100,", "151,dummy tablets,37,100,"),
        ["data/outcomes.csv", "row 3", '"with_treatment"', "151", "from 0 to 100"],
    ),
    "outcome count of a comparison not named": (
        replace("outcomes.csv", "51,dummy tablets,37,100,", "51,,37,100,"),
        ["data/outcomes.csv", "row 3", '"comparison"', "what the comparison group had"],
    ),
    "outcome with neither a count nor a note": (
        replace(
            "outcomes.csv",
            ',,,,100,"In three large trials, adding it to an exercise programme gave no worthwhile extra '
            "relief of pain. The app shows no picture because the trials' main result is an average pain score.\",",
            ",,,,100,,",
        ),
        ["data/outcomes.csv", "row 13", '"note"', "must say in its note what the source found"],
    ),
    # cautions.csv decides every treatment with every health condition and age band (issue 24).
    "a treatment and health condition left undecided": (
        drop_lines("cautions.csv", "nsaids,kidney_disease,"),
        ["data/cautions.csv", '"factor"', 'no decision for treatment "nsaids" with "kidney_disease"'],
    ),
    "an avoid that does not say why": (
        replace(
            "cautions.csv",
            "nsaids,stomach_ulcer,avoid,They can cause a stomach ulcer to bleed again.,",
            "nsaids,stomach_ulcer,avoid,,",
        ),
        ["data/cautions.csv", "row 138", '"reason"', "must say why"],
    ),
    "a caution decision the app does not know": (
        replace("cautions.csv", "nsaids,stomach_ulcer,avoid,", "nsaids,stomach_ulcer,never,"),
        ["data/cautions.csv", "row 138", '"decision"', "never", "avoid, caution, none"],
    ),
    "a warning sign left undecided with a symptom": (
        replace("red_flags.csv", FEVER + "same_day,", FEVER + ","),
        ["data/red_flags.csv", "row 11", '"with_back_pain"', "must be one of: emergency, same_day, soon"],
    ),
    "a symptom that makes a warning sign less urgent": (
        replace("red_flags.csv", FEVER + "same_day,", FEVER + "soon,"),
        ["data/red_flags.csv", "row 11", '"with_back_pain"', "less urgent than the sign alone"],
    ),
    "quiz answer not among its choices": (
        replace("knowledge.csv", ',No: a scan rarely changes what helps,"Scans', ',Maybe,"Scans'),
        ["data/knowledge.csv", "row 3", '"answer"', "Maybe", "one of the row's choices"],
    ),
    "quiz with one choice": (
        replace(
            "knowledge.csv",
            "Yes: a scan shows what is wrong;No: a scan rarely changes what helps,",
            "No: a scan rarely changes what helps,",
        ),
        ["data/knowledge.csv", "row 3", '"choices"', "2 to 4 different answers"],
    ),
    "quiz citing an unknown source": (
        replace("knowledge.csv", ",GIRFT_CES,", ",GIRFT,"),
        ["data/knowledge.csv", "row 4", '"source_id"', "GIRFT", "no source in sources.csv"],
    ),
}


@pytest.fixture
def broken(request, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    breaker, expected = CASES[request.param]
    directory = tmp_path / "data"
    shutil.copytree(DATA_DIR, directory)
    breaker(directory)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(directory))
    return directory, expected


@pytest.mark.parametrize("broken", list(CASES), indirect=True)
@pytest.mark.parametrize("page", ["pages/home.py", "pages/explore.py", "pages/ladder.py"])
def test_a_broken_file_shows_one_error_naming_it_and_no_data(broken, page):
    _, expected = broken
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["symptoms"] = "leg_pain"
    at.run()
    if page != "pages/home.py":
        at.switch_page(page).run()
    assert not at.exception
    assert len(at.error) == 1
    shown = at.error[0].value.replace("\\", "")  # as the person reads it, without Markdown escapes
    for words in expected:
        assert words in shown, (words, shown)
    assert not at.dataframe and not at.get("vega_lite_chart") and not at.table


@pytest.mark.parametrize("broken", list(CASES), indirect=True)
def test_make_check_data_fails_with_the_same_words(broken, capsys):
    directory, expected = broken
    assert check_data(["check_data", str(directory)]) == 1
    printed = capsys.readouterr().err
    for words in expected:
        assert words in printed, (words, printed)
