"""docs/CONTENT.md names every column of every content file, so the guide and the schema can't drift."""

import re
from pathlib import Path

from components.data import SCHEMAS

DOC = (Path(__file__).resolve().parent.parent / "docs" / "CONTENT.md").read_text(encoding="utf-8")


def test_the_content_guide_explains_every_column_of_every_file():
    missing = [
        f"{file}: {column}" for file, schema in SCHEMAS.items() for column in schema.columns if not explained(file, column)
    ]
    assert missing == []


def explained(file: str, column: str) -> bool:
    """The column has its own row in the file's table (`| column |`, or `| file | column |` in a shared table);
    a mention elsewhere, such as in another column's allowed values, does not count."""
    section = section_for(file)
    own_row = rf"^\| `{re.escape(column)}` \|"
    shared_row = rf"^\| {re.escape(file)} \| `{re.escape(column)}` \|"
    return bool(re.search(own_row, section, re.MULTILINE) or re.search(shared_row, section, re.MULTILINE))


def section_for(file: str) -> str:
    """The part of the guide about one file (several small files share a section)."""
    for section in DOC.split("\n## ")[1:]:
        if file in section.split("\n", 1)[0] or file.removesuffix(".csv") + ".csv |" in section:
            return section
    return ""


def test_the_guide_says_how_mistakes_are_reported():
    assert "make check-data" in DOC and "row" in DOC and "column" in DOC


def test_the_content_guide_explains_every_clinic_profile_key():
    from components.clinic import OPTIONAL, REQUIRED, THEME_KEYS

    section = section_for("clinic.toml")
    rows = [*(f"| `{key}` |" for key in (*REQUIRED, *OPTIONAL)), *(f"| `[theme]` `{key}` |" for key in THEME_KEYS)]
    assert [row for row in rows if f"\n{row}" not in section] == []
