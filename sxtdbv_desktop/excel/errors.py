"""Errors of spreadsheet files: each names the file, the sheet, the cell and the rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sxtdbv_desktop.errors import OutputError, ValidationError

MAX_LISTED = 20


@dataclass(frozen=True)
class Problem:
    """One broken rule at one place of a file (sheet and cell None when the whole file)."""

    rule: str
    sheet: str | None = None
    cell: str | None = None

    @property
    def place(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"trang tính «{self.sheet}»")
        if self.cell:
            parts.append(f"ô {self.cell}")
        return ", ".join(parts)


class FormError(ValidationError):
    """A file cannot be imported as it is; nothing was changed.

    One problem reads "Tệp X.xlsx, trang tính «Nhiệm vụ», ô F7: <rule>"; several are listed
    one a line under "Tệp X.xlsx có N lỗi". `sheet`, `cell` and `rule` are the first one's.
    """

    def __init__(
        self, file_name: str, rule: str, *, sheet: str | None = None, cell: str | None = None
    ) -> None:
        self.file_name = file_name
        self.problems: tuple[Problem, ...] = (Problem(rule, sheet, cell),)
        first = self.problems[0]
        super().__init__(", ".join(filter(None, [f"Tệp {file_name}", first.place])), rule)
        self.sheet = sheet
        self.cell = cell

    @classmethod
    def of(cls, file_name: str, problems: Sequence[Problem]) -> FormError:
        """One error for every problem found in a file (at least one)."""
        first = problems[0]
        error = cls(file_name, first.rule, sheet=first.sheet, cell=first.cell)
        if len(problems) > 1:
            error.problems = tuple(problems)
            lines = [f"Tệp {file_name} có {len(problems)} lỗi nên chưa được nhập:"]
            lines += [f"– {_joined(p.place, p.rule)}" for p in problems[:MAX_LISTED]]
            if len(problems) > MAX_LISTED:
                lines.append(f"– và {len(problems) - MAX_LISTED} lỗi khác.")
            error.message = "\n".join(lines)
            error.args = (error.message,)
        return error


def _joined(place: str, rule: str) -> str:
    return f"{place}: {rule}" if place else rule


class FileWriteError(OutputError):
    """A file could not be written (folder read-only, file open in Excel, disk full)."""
