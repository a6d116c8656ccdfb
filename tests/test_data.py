import shutil
from pathlib import Path

import pytest

from components.check_data import main as check_data
from components.data import DATA_DIR, ContentError, data_fingerprint, escape_markdown, load_content
from components.vocabulary import CATEGORIES


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_shipped_content_is_valid_and_covers_every_category():
    content = load_content()
    counts = content.treatments["category"].value_counts()
    assert len(content.treatments) >= 30
    assert all(counts[c] >= 3 for c in CATEGORIES)
    assert content.treatments["id"].is_unique
    assert set(content.treatments["id"]) == set(content.evidence["treatment_id"])


def test_acp_and_nice_disagreements_are_both_kept():
    evidence = load_content().evidence
    for treatment in ("acupuncture", "duloxetine"):
        stances = dict(evidence.loc[evidence["treatment_id"] == treatment, ["source_id", "stance"]].values)
        assert stances["NICE_NG59"] == "not_recommended"
        assert stances["ACP17"] in {"recommended", "consider"}


def test_stay_active_option_is_offered():
    treatments = load_content().treatments
    assert "stay_active" in set(treatments["id"])


def problem(directory: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_content(directory)
    return caught.value


def test_unknown_category_names_file_row_column_and_value(data_dir: Path):
    edit(data_dir / "treatments.csv", ",physical_therapy,1,1,", ",physio,1,1,")
    error = problem(data_dir)
    assert (error.file, error.row, error.column, error.value) == ("treatments.csv", 2, "category", "physio")
    assert "must be one of" in str(error) and "data/treatments.csv, row 2" in str(error)


def test_out_of_range_number(data_dir: Path):
    edit(data_dir / "treatments.csv", ",physical_therapy,1,1,", ",physical_therapy,9,1,")
    error = problem(data_dir)
    assert (error.row, error.column, str(error.value)) == (2, "invasiveness", "9")
    assert "from 1 to 5" in str(error)


def test_not_a_number(data_dir: Path):
    edit(data_dir / "treatments.csv", ",physical_therapy,1,1,", ",physical_therapy,one,1,")
    error = problem(data_dir)
    assert (error.row, error.column, error.value) == (2, "invasiveness", "one")


def test_renamed_column_is_reported_as_missing(data_dir: Path):
    edit(data_dir / "treatments.csv", "min_severity", "severity")
    error = problem(data_dir)
    assert (error.file, error.column) == ("treatments.csv", "min_severity")
    assert "missing" in str(error)


def test_empty_file(data_dir: Path):
    (data_dir / "sources.csv").write_text("", encoding="utf-8")
    error = problem(data_dir)
    assert error.file == "sources.csv" and "empty" in str(error)


def test_file_that_is_not_utf8(data_dir: Path):
    path = data_dir / "symptoms.csv"
    path.write_bytes(path.read_bytes().replace(b"Pain in the lower or middle back", "Douleur \xe0 dos".encode("latin-1")))
    error = problem(data_dir)
    assert (error.file, error.row) == ("symptoms.csv", 2)
    assert "UTF-8" in str(error)


def test_duplicate_ids(data_dir: Path):
    edit(data_dir / "treatments.csv", "\nheat,", "\nstay_active,")
    error = problem(data_dir)
    assert (error.file, error.column, error.value) == ("treatments.csv", "id", "stay_active")
    assert "more than once" in str(error)


def test_source_id_that_does_not_exist(data_dir: Path):
    edit(data_dir / "evidence.csv", "heat,ACP17,", "heat,ACP99,")
    error = problem(data_dir)
    assert (error.file, error.column, error.value) == ("evidence.csv", "source_id", "ACP99")


def test_treatment_with_no_source(data_dir: Path):
    path = data_dir / "evidence.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("heat,")), encoding="utf-8")
    error = problem(data_dir)
    assert (error.file, error.column, error.value) == ("treatments.csv", "id", "heat")
    assert "no source" in str(error)


def test_unknown_symptom_in_a_list(data_dir: Path):
    edit(data_dir / "treatments.csv", "back_pain;neck_pain,acute;subacute", "back_pain;hip_pain,acute;subacute")
    error = problem(data_dir)
    assert error.column == "symptoms" and error.value == "back_pain;hip_pain"


def test_check_data_command_exits_non_zero_with_the_same_words(data_dir: Path, capsys):
    assert check_data(["check_data", str(data_dir)]) == 0
    edit(data_dir / "treatments.csv", ",physical_therapy,1,1,", ",physio,1,1,")
    assert check_data(["check_data", str(data_dir)]) == 1
    assert 'data/treatments.csv, row 2, column "category"' in capsys.readouterr().err


def test_text_that_could_load_other_sites_is_rejected(data_dir: Path):
    edit(
        data_dir / "treatments.csv",
        "Keeping up your normal life",
        "![x](http://tracker.example/p.png) Keeping up your normal life",
    )
    error = problem(data_dir)
    assert (error.row, error.column) == (2, "typical_use")
    assert "plain text" in str(error)


def test_saving_a_file_changes_the_fingerprint_so_the_app_reloads_it(data_dir: Path):
    before = data_fingerprint(data_dir)
    edit(data_dir / "treatments.csv", "Heat wrap or heat pad", "Heat pad or heat wrap")
    assert data_fingerprint(data_dir) != before


def test_escape_markdown_leaves_no_live_syntax():
    assert escape_markdown("![x](http://e.com) <b>") == "\\!\\[x\\]\\(http://e\\.com\\) \\<b\\>"
