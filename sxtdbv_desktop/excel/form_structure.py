"""The structure of a received form: its identity and its rows, checked before any answer.

The metadata sheet names the plan, period, agency and form version and lists the row keys;
its digest must match (see `form_spec`). Each data sheet must then hold exactly those keys in
its hidden column A, in that order; blank rows in between are fine (another program, or a
clerk, may add them). Any fault here stops the import at once: the answers cannot be trusted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from sxtdbv_desktop.excel import cell_values
from sxtdbv_desktop.excel.cell_values import CellRuleError
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.files import LoadedWorkbook
from sxtdbv_desktop.excel.form_spec import (
    FORM_FORMAT,
    FORM_VERSION,
    KEY_COLUMN,
    META,
    META_FIELDS,
    META_KEYS_HEADER,
    FormIdentity,
    RowKey,
    data_sheets,
    parse_key,
    structure_digest,
)
from sxtdbv_desktop.text import clean_line

MAX_ROWS = 5000
"""Rows scanned per sheet: a form has a few dozen; more means a damaged or crafted file."""

NOT_A_FORM = (
    "không phải là biểu mẫu báo cáo do SX&TDBV Desktop tạo (không có phần nhận dạng biểu "
    "mẫu); hãy điền vào biểu mẫu do Sở Công Thương gửi."
)
TAMPERED = (
    "cấu trúc biểu mẫu đã bị thay đổi (phần nhận dạng hoặc danh sách dòng không khớp mã "
    "kiểm tra); hãy điền vào đúng biểu mẫu đã nhận, không sửa các ô bị khóa."
)


@dataclass(frozen=True)
class FormStructure:
    identity: FormIdentity
    created_on: dt.date | None
    rows: dict[str, list[tuple[RowKey, int]]]  # sheet -> (key, row number), in order


def read_structure(loaded: LoadedWorkbook) -> FormStructure:
    """The form's identity and the row of each key; raise `FormError` if either is off."""
    return _StructureReader(loaded.file_name, loaded.workbook).read()


def is_formula(cell: Cell) -> bool:
    return cell.data_type == "f" or isinstance(cell.value, ArrayFormula | DataTableFormula)


class _StructureReader:
    def __init__(self, name: str, wb: Workbook) -> None:
        self.name = name
        self.wb = wb

    def read(self) -> FormStructure:
        identity, created_on, keys = self._metadata()
        rows = {sheet: self._rows(sheet, keys) for sheet in data_sheets(identity.form_version)}
        return FormStructure(identity, created_on, rows)

    def _fail(self, rule: str, sheet: str | None = None, cell: str | None = None) -> FormError:
        return FormError(self.name, rule, sheet=sheet, cell=cell)

    def _metadata(self) -> tuple[FormIdentity, dt.date | None, list[RowKey]]:
        if META not in self.wb.sheetnames:
            raise self._fail(NOT_A_FORM)
        ws = self.wb[META]
        values: dict[str, object] = {}
        cells: dict[str, str] = {}
        keys: list[RowKey] = []
        in_rows = False
        for row in range(1, min(ws.max_row, MAX_ROWS) + 1):
            name, value = ws.cell(row, 1), ws.cell(row, 2)
            if is_formula(name) or is_formula(value):
                raise self._fail(TAMPERED, META, name.coordinate)
            if name.value is None:
                continue
            if in_rows:
                keys.append(self._meta_key(name, value))
            elif name.value == META_KEYS_HEADER:
                in_rows = True
            elif isinstance(name.value, str) and name.value in META_FIELDS:
                values[name.value] = value.value
                cells[name.value] = value.coordinate
        if values.get("format") != FORM_FORMAT:
            raise self._fail(NOT_A_FORM)
        identity = self._identity(values, cells)
        digest = values.get("digest")
        if digest != structure_digest(identity, [k.text for k in keys]):
            raise self._fail(TAMPERED, META, cells.get("digest"))
        try:
            created_on = cell_values.date(values.get("created_on"))
        except CellRuleError:
            created_on = None  # informative only, and not part of the digest
        return identity, created_on, keys

    def _meta_key(self, name: Cell, sheet: Cell) -> RowKey:
        key = parse_key(name.value) if isinstance(name.value, str) else None
        if key is None or sheet.value != key.sheet:
            raise self._fail(TAMPERED, META, name.coordinate)
        return key

    def _identity(self, values: dict[str, object], cells: dict[str, str]) -> FormIdentity:
        version = self._whole(values, cells, "form_version")
        if version > FORM_VERSION:
            raise self._fail(
                f"biểu mẫu phiên bản {version} do phiên bản mới hơn của phần mềm tạo; hãy cập "
                "nhật SX&TDBV Desktop rồi nhập lại.",
                META,
                cells.get("form_version"),
            )
        if version < 1:
            raise self._fail(TAMPERED, META, cells.get("form_version"))
        texts = {}
        for name in ("province", "period_code", "agency_code"):
            value = values.get(name)
            if isinstance(value, int | float) and not isinstance(value, bool):
                value = cell_values.text(value)  # "2023" re-saved as a number
            if not isinstance(value, str) or not clean_line(value, limit=None):
                raise self._fail(TAMPERED, META, cells.get(name))
            texts[name] = clean_line(value, limit=None)
        return FormIdentity(
            province=texts["province"],
            year=self._whole(values, cells, "year"),
            period_code=texts["period_code"],
            agency_code=texts["agency_code"],
            form_version=version,
        )

    def _whole(self, values: dict[str, object], cells: dict[str, str], name: str) -> int:
        try:
            number = cell_values.whole_number(values.get(name), what=name)
        except CellRuleError:
            number = None
        if number is None:
            raise self._fail(TAMPERED, META, cells.get(name))
        return number

    def _rows(self, sheet: str, keys: list[RowKey]) -> list[tuple[RowKey, int]]:
        """The data rows of `sheet` by key, checked against the metadata's list."""
        if sheet not in self.wb.sheetnames:
            raise self._fail(f"thiếu trang tính «{sheet}» của biểu mẫu; hãy dùng biểu mẫu gốc.")
        ws = self.wb[sheet]
        expected = [key.text for key in keys if key.sheet == sheet]
        by_text = {key.text: key for key in keys if key.sheet == sheet}
        found: list[tuple[RowKey, int]] = []
        seen: set[str] = set()
        for row, cell in self._key_cells(ws):
            value = cell.value
            if is_formula(cell) or not isinstance(value, str) or value not in by_text:
                raise self._fail(
                    "dòng không thuộc biểu mẫu này (cột mã dòng bị sửa, hoặc dòng được chép từ "
                    "biểu mẫu khác); hãy dùng đúng biểu mẫu đã nhận.",
                    sheet,
                    cell.coordinate,
                )
            if value in seen:
                raise self._fail(
                    "dòng bị lặp lại (đã chèn hoặc chép thêm dòng); hãy xóa dòng thừa.",
                    sheet,
                    cell.coordinate,
                )
            seen.add(value)
            found.append((by_text[value], row))
        missing = [text for text in expected if text not in seen]
        if missing:
            raise self._fail(
                f"thiếu {len(missing)} dòng của biểu mẫu (dòng đã bị xóa); hãy dùng lại biểu "
                "mẫu gốc và điền lại.",
                sheet,
            )
        if [k.text for k, _ in found] != expected:
            raise self._fail("thứ tự các dòng của biểu mẫu đã bị thay đổi.", sheet)
        return found

    def _key_cells(self, ws: Worksheet) -> Iterator[tuple[int, Cell]]:
        last = ws.max_row
        if last > MAX_ROWS:
            raise self._fail(f"trang tính có quá nhiều dòng ({last}).", ws.title)
        for row in range(1, last + 1):
            cell = ws.cell(row, KEY_COLUMN)
            if not cell_values.is_blank(cell.value):
                yield row, cell
