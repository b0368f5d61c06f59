"""Reading a filled form back: its structure (`form_structure`), then every answer, checked.

Needs no database: rows come back by task reference, indicator code and source name, each task
row with the task text it shows, for `imports` to resolve in the importing database's plan.
Every input cell is read leniently (see `cell_values`) and strictly checked: no formula, values
in range (a numerator no larger than its denominator, a rate of 0–100 %). A blank answer is
not an error: it is read as missing, and `completeness` lists it; the report is received
incomplete. All value problems of a file are reported together; a structural problem stops at
once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell.cell import Cell

from sxtdbv_desktop import headings, labels
from sxtdbv_desktop.excel import cell_values
from sxtdbv_desktop.excel.cell_values import CellRuleError
from sxtdbv_desktop.excel.errors import FormError, Problem
from sxtdbv_desktop.excel.files import LoadedWorkbook
from sxtdbv_desktop.excel.form_spec import (
    ANSWER,
    INDICATOR_COLUMNS,
    INDICATORS,
    SPENDING,
    SPENDING_COLUMNS,
    TASK_COLUMNS,
    TASKS,
    TEXT_COLUMNS,
    TEXT_INPUTS,
    TEXTS,
    FormIdentity,
    RowKey,
    data_sheets,
)
from sxtdbv_desktop.excel.form_structure import is_formula, read_structure
from sxtdbv_desktop.excel.legacy_cells import repair_cells
from sxtdbv_desktop.text import LINE_MAX, PARAGRAPHS_MAX

_INVALID = object()  # a cell whose problem is already recorded
_Parser = Callable[[object, Cell], object]


@dataclass(frozen=True)
class TaskEntry:
    reference: str  # "III.1.2"
    row: int
    shown_text: str  # the task-text column (C), as Unicode: is it still the plan's task?
    status: str | None  # None: left blank
    progress: int | None
    result: str
    spent: int | None


@dataclass(frozen=True)
class IndicatorEntry:
    code: str  # "2a"
    row: int  # the first row of the indicator
    values: dict[str, int]  # the figures given (a blank one is absent)
    cells: dict[str, str]  # input name -> coordinate, every input of the form's rows
    note: str
    method: str = ""  # how an estimated reduction rate was made


@dataclass(frozen=True)
class SpendingEntry:
    source: str  # the funding source's name, its key
    cell: str  # the amount's coordinate
    amount: int | None  # None: left blank


@dataclass(frozen=True)
class FilledForm:
    file_name: str
    file_hash: str
    identity: FormIdentity
    created_on: dt.date | None
    tasks: tuple[TaskEntry, ...]
    indicators: tuple[IndicatorEntry, ...]
    texts: dict[str, str] = field(default_factory=dict)
    spending: tuple[SpendingEntry, ...] = ()
    document_number: str = ""
    document_date: dt.date | None = None


def read_form(loaded: LoadedWorkbook) -> FilledForm:
    """The checked contents of a filled form; raise `FormError` naming every problem."""
    return _Reader(loaded).read()


class _Reader:
    def __init__(self, loaded: LoadedWorkbook) -> None:
        self.loaded = loaded
        self.name = loaded.file_name
        self.wb: Workbook = loaded.workbook
        self.problems: list[Problem] = []
        self.repaired: dict[tuple[str, str], str] = {}
        self.shown: dict[int, str] = {}  # task row -> its task text, repaired

    def read(self) -> FilledForm:
        structure = read_structure(self.loaded)
        rows = structure.rows
        for sheet in data_sheets(structure.identity.form_version):
            self._repair_texts(sheet, rows[sheet])
        self._read_task_texts(rows[TASKS])
        tasks = tuple(self._task(key, row) for key, row in rows[TASKS])
        indicators = tuple(self._indicators(rows[INDICATORS]))
        spending = tuple(self._spending(key, row) for key, row in rows.get(SPENDING, []))
        texts = {
            key.name: self._text(TEXTS, row, TEXT_COLUMNS.value)
            for key, row in rows[TEXTS]
            if key.kind == "text"
        }
        documents = {key.name: row for key, row in rows[TEXTS] if key.kind == "document"}
        number = (
            self._text(TEXTS, documents["number"], 3, LINE_MAX) if "number" in documents else ""
        )
        date = self._date(documents["date"]) if "date" in documents else None
        if self.problems:
            raise FormError.of(self.name, self.problems)
        return FilledForm(
            file_name=self.name,
            file_hash=self.loaded.sha256,
            identity=structure.identity,
            created_on=structure.created_on,
            tasks=tasks,
            indicators=indicators,
            texts=texts,
            spending=spending,
            document_number=number,
            document_date=date if isinstance(date, dt.date) else None,
        )

    # --- answers ---------------------------------------------------------------------------

    def _repair_texts(self, sheet: str, rows: list[tuple[RowKey, int]]) -> None:
        """Decide legacy encodings over all the text typed in the sheet (see legacy_cells)."""
        columns = {
            TASKS: (TASK_COLUMNS.status, TASK_COLUMNS.result),
            INDICATORS: (INDICATOR_COLUMNS.value, INDICATOR_COLUMNS.note),
            SPENDING: (SPENDING_COLUMNS.amount,),
            TEXTS: (TEXT_COLUMNS.value, 3),  # the texts (B), the document's number (C)
        }[sheet]
        ws = self.wb[sheet]
        cells = [
            cell
            for _, row in rows
            for column in columns
            if isinstance((cell := ws.cell(row, column)).value, str) and not is_formula(cell)
        ]
        repaired = repair_cells([(str(c.value), c.font.name if c.font else None) for c in cells])
        for cell, text in zip(cells, repaired, strict=True):
            self.repaired[(sheet, cell.coordinate)] = text

    def _read_task_texts(self, rows: list[tuple[RowKey, int]]) -> None:
        """The protected task-text column, repaired on its own: a clerk does not type there,
        so it must not sway the decision on the encoding of what was typed."""
        ws = self.wb[TASKS]
        cells = [ws.cell(row, TASK_COLUMNS.text) for _, row in rows]
        texts = [
            (
                c.value if isinstance(c.value, str) and not is_formula(c) else "",
                c.font.name if c.font else None,
            )
            for c in cells
        ]
        for (_, row), text in zip(rows, repair_cells(texts), strict=True):
            self.shown[row] = text

    def _value(self, sheet: str, row: int, column: int) -> object:
        """The raw value of an input cell (repaired if text), or `_INVALID` for a formula."""
        cell = self.wb[sheet].cell(row, column)
        if is_formula(cell):
            self.problems.append(
                Problem(
                    "ô nhập liệu chứa công thức; hãy gõ giá trị (số hoặc chữ), không dùng "
                    "công thức hay liên kết.",
                    sheet,
                    cell.coordinate,
                )
            )
            return _INVALID
        return self.repaired.get((sheet, cell.coordinate), cell.value)

    def _parse(self, sheet: str, row: int, column: int, parse: _Parser) -> object:
        value = self._value(sheet, row, column)
        if value is _INVALID:
            return _INVALID
        try:
            return parse(value, self.wb[sheet].cell(row, column))
        except CellRuleError as error:
            coordinate = self.wb[sheet].cell(row, column).coordinate
            self.problems.append(Problem(error.rule, sheet, coordinate))
            return _INVALID

    def _text(self, sheet: str, row: int, column: int, limit: int = PARAGRAPHS_MAX) -> str:
        """The cell's text; longer than `limit`, a problem naming the cell."""
        text = self._parse(sheet, row, column, lambda v, _: cell_values.text(v, limit=limit))
        return text if isinstance(text, str) else ""

    def _task(self, key: RowKey, row: int) -> TaskEntry:
        c = TASK_COLUMNS
        status = self._parse(
            TASKS,
            row,
            c.status,
            lambda v, _: cell_values.choice(v, labels.TASK_STATUSES, what=headings.STATUS),
        )
        progress = self._parse(
            TASKS,
            row,
            c.progress,
            lambda v, cell: cell_values.whole_number(
                v, what=headings.PROGRESS, maximum=100, percent_format="%" in cell.number_format
            ),
        )
        spent = self._parse(
            TASKS,
            row,
            c.spent,
            lambda v, _: cell_values.whole_number(v, what=headings.in_dong(headings.SPENT)),
        )
        return TaskEntry(
            reference=key.ref,
            row=row,
            shown_text=self.shown[row],
            status=status if isinstance(status, str) else None,
            progress=progress if isinstance(progress, int) else None,
            result=self._text(TASKS, row, c.result),
            spent=spent if isinstance(spent, int) else None,
        )

    def _indicators(self, rows: list[tuple[RowKey, int]]) -> Iterator[IndicatorEntry]:
        c = INDICATOR_COLUMNS
        groups: dict[str, list[tuple[RowKey, int]]] = {}
        for key, row in rows:
            groups.setdefault(key.ref, []).append((key, row))
        for code, members in groups.items():
            values: dict[str, int] = {}
            cells: dict[str, str] = {}
            method = ""
            for key, row in members:
                cells[key.name] = self.wb[INDICATORS].cell(row, c.value).coordinate
                if key.name in TEXT_INPUTS:
                    method = self._text(INDICATORS, row, c.value)
                    continue
                value = self._indicator_value(key, row)
                if isinstance(value, int):
                    values[key.name] = value
            self._check_share(values, cells)
            notes = [self._text(INDICATORS, row, c.note) for _, row in members]
            yield IndicatorEntry(
                code=code,
                row=members[0][1],
                values=values,
                cells=cells,
                note=next((n for n in notes if n), ""),
                method=method,
            )

    def _indicator_value(self, key: RowKey, row: int) -> object:
        c = INDICATOR_COLUMNS
        if key.name == "answer":
            return self._parse(
                INDICATORS, row, c.value, lambda v, _: cell_values.yes_no(v, what=ANSWER)
            )
        if key.name == "estimated_rate":
            return self._parse(
                INDICATORS,
                row,
                c.value,
                lambda v, cell: cell_values.whole_number(
                    v, what="Tỷ lệ giảm (%)", maximum=100, percent_format="%" in cell.number_format
                ),
            )
        return self._parse(
            INDICATORS,
            row,
            c.value,
            lambda v, _: cell_values.whole_number(v, what=headings.FIGURES),
        )

    def _check_share(self, values: dict[str, int], cells: dict[str, str]) -> None:
        numerator, denominator = values.get("numerator"), values.get("denominator")
        if numerator is not None and denominator is not None and numerator > denominator:
            self.problems.append(
                Problem(
                    f"số đạt ({numerator}) không được lớn hơn tổng số ({denominator}).",
                    INDICATORS,
                    cells["numerator"],
                )
            )

    def _spending(self, key: RowKey, row: int) -> SpendingEntry:
        column = SPENDING_COLUMNS.amount
        amount = self._parse(
            SPENDING,
            row,
            column,
            lambda v, _: cell_values.whole_number(v, what=headings.in_dong(headings.SOURCE_SPENT)),
        )
        coordinate = self.wb[SPENDING].cell(row, column).coordinate
        return SpendingEntry(key.ref, coordinate, amount if isinstance(amount, int) else None)

    def _date(self, row: int) -> object:
        return self._parse(TEXTS, row, 3, lambda v, _: cell_values.date(v))
