"""The one error every content problem raises, so the app and `make check-data` show it the same way."""

from __future__ import annotations


class ContentError(ValueError):
    """A problem in one content file, said so that a clinician can find and fix it."""

    def __init__(self, file: str, row: int | None, column: str | None, value: object, problem: str, more: int = 0):
        self.file, self.row, self.column, self.value, self.problem, self.more = file, row, column, value, problem, more
        where = [f"data/{file}"]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f'column "{column}"')
        text = ", ".join(where) + f": {problem}"
        if value is not None and str(value) != "":
            text += f" (found: {str(value)[:80]!r})"
        elif value is not None:
            text += " (found: an empty cell)"
        if more:
            text += f". {more} more problem{'s' if more > 1 else ''} after this one."
        super().__init__(text)
