"""Writing an agency's report form (.xlsx) from its `FormData`.

The clerk sees an instruction sheet, then "Nhiệm vụ" (Biểu 01), "Chỉ tiêu" (Biểu 02), "Kinh
phí" (Biểu 03, spending by funding source) and "Đánh giá chung" with the agency's document and
the signature block, laid out for A4 in Times New Roman. Input cells are
unlocked and shaded; everything else is protected (sheet protection without a password: it
guards against slips, the importer checks everything anyway). Drop-down lists and number ranges
are data validations. Row keys (task references, indicator codes) sit in the hidden column A
and the identity in a very hidden sheet (see `form_spec`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sxtdbv_desktop import headings, labels
from sxtdbv_desktop.excel import layout
from sxtdbv_desktop.excel.files import save_atomically
from sxtdbv_desktop.excel.form_cells import (
    band,
    header,
    input_cell,
    key_cell,
    list_validation,
    whole_validation,
)
from sxtdbv_desktop.excel.form_data import FormData, FormIndicator, FormSource, FormTask
from sxtdbv_desktop.excel.form_pages import instructions_page, report_page
from sxtdbv_desktop.excel.form_spec import (
    ANSWER,
    INDICATOR_COLUMNS,
    INDICATORS,
    INSTRUCTIONS,
    KEY_COLUMN,
    META,
    META_KEYS_HEADER,
    SPENDING,
    SPENDING_COLUMNS,
    TASK_COLUMNS,
    TASKS,
    TEXT_INPUTS,
    TEXTS,
    indicator_key,
    source_key,
    structure_digest,
    task_cell_text,
    task_key,
)
from sxtdbv_desktop.excel.tables import BORDER, set_text

STATUS_CHOICES = tuple(labels.TASK_STATUSES.values())
YES_NO_CHOICES = (labels.YES_NO[1], labels.YES_NO[0])
SECTION_TITLES = {
    "content": "NỘI DUNG CỦA KẾ HOẠCH",
    "duty": "TỔ CHỨC THỰC HIỆN (NHIỆM VỤ CỦA CƠ QUAN)",
}
"""Each section's band, after the numeral the plan gives it ("III. NỘI DUNG CỦA KẾ HOẠCH")."""


def write_form_file(data: FormData, path: Path) -> Path:
    """Write the form to `path` (replacing it only once complete); return `path`."""
    wb = build_form(data)
    save_atomically(wb, path)
    return path


def build_form(data: FormData) -> Workbook:
    """The form as an openpyxl workbook, not yet saved."""
    wb = Workbook()
    instructions = wb.active
    assert instructions is not None
    instructions.title = INSTRUCTIONS
    keys: list[tuple[str, str]] = []
    instructions_page(instructions, data)
    keys += _tasks_sheet(wb.create_sheet(TASKS), data)
    keys += _indicators_sheet(wb.create_sheet(INDICATORS), data)
    keys += _spending_sheet(wb.create_sheet(SPENDING), data)
    keys += report_page(wb.create_sheet(TEXTS), data)
    _metadata(wb.create_sheet(META), data, keys)
    for ws in wb.worksheets[:-1]:
        _protect(ws)
    # Sheets cannot be added, removed, renamed or unhidden (no password, as for the sheets).
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    return wb


# --- Biểu 01: tasks --------------------------------------------------------------------------

_TASK_HEADERS = {
    TASK_COLUMNS.reference: ("STT", 9),
    TASK_COLUMNS.text: ("Nhiệm vụ được giao", 48),
    TASK_COLUMNS.role: (headings.ROLE, 10),
    TASK_COLUMNS.status: (f"{headings.STATUS} (*)", 16),
    TASK_COLUMNS.progress: (headings.PROGRESS, 9),
    TASK_COLUMNS.result: (headings.RESULT, 42),
    TASK_COLUMNS.spent: (headings.in_dong(headings.SPENT), 16),
}


def _tasks_sheet(ws: Worksheet, data: FormData) -> list[tuple[str, str]]:
    first, last = TASK_COLUMNS.reference, TASK_COLUMNS.spent
    header_row = _sheet_heading(ws, data, "BIỂU 01. KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO", last)
    header(ws, header_row, _TASK_HEADERS)
    status = list_validation(
        STATUS_CHOICES, headings.STATUS, "Chọn một trạng thái trong danh sách."
    )
    progress = whole_validation("Tiến độ", "Số nguyên từ 0 đến 100.", maximum=100)
    spent = whole_validation(headings.SPENT, "Số nguyên đồng, không âm.")
    for validation in (status, progress, spent):
        ws.add_data_validation(validation)
    keys: list[tuple[str, str]] = []
    row = header_row + 1
    section = group = None
    for task in data.tasks:
        if task.section != section:
            section = task.section
            numeral = task.group_reference.split(".")[0]
            title = f"{numeral}. {SECTION_TITLES[section]}"
            row = band(ws, row, first, last, title, bold=True)
        if task.group_reference != group:
            group = task.group_reference
            row = band(ws, row, first, last, f"{group}. {task.group_title}", italic=True)
        _task_row(ws, row, task)
        status.add(ws.cell(row, TASK_COLUMNS.status).coordinate)
        progress.add(ws.cell(row, TASK_COLUMNS.progress).coordinate)
        spent.add(ws.cell(row, TASK_COLUMNS.spent).coordinate)
        keys.append((task_key(task.reference), TASKS))
        row += 1
    if not data.tasks:
        band(ws, row, first, last, "Cơ quan chưa được giao nhiệm vụ nào trong kế hoạch.")
    return keys


def _task_row(ws: Worksheet, row: int, task: FormTask) -> None:
    c = TASK_COLUMNS
    key_cell(ws, row, task_key(task.reference))
    text = task_cell_text(task.text, task.time_frame, task.planned_output)
    layout.text(ws.cell(row, c.reference), task.reference, border=True, center=True)
    layout.text(ws.cell(row, c.text), text, border=True)
    layout.text(ws.cell(row, c.role), task.role, border=True, center=True)
    status = labels.TASK_STATUSES[task.status] if task.status else None
    input_cell(ws.cell(row, c.status), status)
    input_cell(ws.cell(row, c.progress), task.progress, number_format="0")
    input_cell(ws.cell(row, c.result), task.result or None)
    input_cell(ws.cell(row, c.spent), task.spent, number_format="#,##0")
    layout.fit_height(ws, row, [(text, 48), (task.result, 42)])


# --- Biểu 02: indicators ---------------------------------------------------------------------

_INDICATOR_HEADERS = {
    INDICATOR_COLUMNS.code: ("Mã", 6),
    INDICATOR_COLUMNS.name: ("Chỉ tiêu (kế hoạch)", 44),
    INDICATOR_COLUMNS.label: ("Nội dung cần báo cáo", 50),
    INDICATOR_COLUMNS.value: (f"{headings.FIGURES} (*)", 14),
    INDICATOR_COLUMNS.note: (headings.NOTE, 34),
}


def _indicators_sheet(ws: Worksheet, data: FormData) -> list[tuple[str, str]]:
    c = INDICATOR_COLUMNS
    header_row = _sheet_heading(ws, data, "BIỂU 02. SỐ LIỆU CÁC CHỈ TIÊU", c.note)
    header(ws, header_row, _INDICATOR_HEADERS)
    validations = {
        "number": whole_validation(headings.FIGURES, "Số nguyên không âm (ví dụ 12)."),
        "rate": whole_validation("Tỷ lệ giảm", "Số nguyên từ 0 đến 100 (%).", maximum=100),
        "answer": list_validation(YES_NO_CHOICES, ANSWER, "Chọn Có hoặc Không."),
    }
    for validation in validations.values():
        ws.add_data_validation(validation)
    keys: list[tuple[str, str]] = []
    row = header_row + 1
    for indicator in data.indicators:
        first = row
        for name, label in indicator.inputs:
            key_cell(ws, row, indicator_key(indicator.code, name))
            layout.text(ws.cell(row, c.label), label, border=True)
            _indicator_input(ws.cell(row, c.value), name, indicator.values.get(name), validations)
            keys.append((indicator_key(indicator.code, name), INDICATORS))
            row += 1
        _indicator_identity(ws, first, row - 1, indicator)
    if not data.indicators:
        band(ws, row, c.code, c.note, "Cơ quan không phải báo cáo số liệu chỉ tiêu nào.")
    return keys


def _indicator_input(
    cell: Cell, name: str, value: int | str | None, validations: dict[str, DataValidation]
) -> None:
    if name in TEXT_INPUTS:
        input_cell(cell, value if isinstance(value, str) and value else None)
    elif name == "answer":
        input_cell(cell, None if value is None else labels.YES_NO[int(value)])
        validations["answer"].add(cell.coordinate)
    else:
        input_cell(cell, value, number_format="#,##0")
        validations["rate" if name == "estimated_rate" else "number"].add(cell.coordinate)


def _indicator_identity(ws: Worksheet, first: int, last: int, indicator: FormIndicator) -> None:
    c = INDICATOR_COLUMNS
    name = f"{indicator.name}\n(Kế hoạch: {indicator.plan_text})"
    if indicator.scope:
        name += f"\nPhạm vi báo cáo của đơn vị: {indicator.scope}"
    layout.text(ws.cell(first, c.code), indicator.code, border=True, center=True)
    layout.text(ws.cell(first, c.name), name, border=True)
    input_cell(ws.cell(first, c.note), indicator.note or None)
    for column in (c.code, c.name, c.note):
        for row in range(first + 1, last + 1):
            ws.cell(row, column).border = BORDER
        if last > first:
            ws.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)
    # Height: the name must fit in the merged rows; each label row fits its own label.
    per_row = max(1, layout.lines(name, 44) // (last - first + 1) + 1)
    for row in range(first, last + 1):
        label = str(ws.cell(row, c.label).value or "")
        layout.set_lines(ws, row, max(per_row, layout.lines(label, 50)))


# --- Biểu 03: spending by funding source -------------------------------------------------------

_SPENDING_HEADERS = {
    SPENDING_COLUMNS.number: ("STT", 6),
    SPENDING_COLUMNS.name: (f"{headings.SOURCE} của Kế hoạch", 44),
    SPENDING_COLUMNS.amount: (headings.in_dong(headings.SOURCE_SPENT), 24),
}
SPENDING_RULE = (
    "Mỗi đồng chỉ ghi một lần. Tổng kinh phí đơn vị đã sử dụng cho Kế hoạch ghi theo từng "
    "nguồn ở biểu này (nguồn không sử dụng ghi 0); đây là số liệu được tổng hợp. Cột "
    f"«{headings.SPENT}» của Biểu 01 chỉ cho biết tiền đã chi cho nhiệm vụ nào: một hoạt động "
    "vừa là nhiệm vụ mục III vừa là nhiệm vụ của đơn vị ở mục V thì ghi ở dòng mục III, dòng "
    "mục V để trống; tổng cột đó không được lớn hơn tổng của biểu này."
)


def _spending_sheet(ws: Worksheet, data: FormData) -> list[tuple[str, str]]:
    c = SPENDING_COLUMNS
    header_row = _sheet_heading(ws, data, "BIỂU 03. KINH PHÍ ĐÃ SỬ DỤNG THEO NGUỒN", c.amount)
    header(ws, header_row, _SPENDING_HEADERS)
    amounts = whole_validation("Kinh phí", "Số nguyên đồng, không âm (ví dụ 15.000.000).")
    ws.add_data_validation(amounts)
    keys: list[tuple[str, str]] = []
    row = header_row + 1
    for number, source in enumerate(data.sources, 1):
        _spending_row(ws, row, number, source)
        amounts.add(ws.cell(row, c.amount).coordinate)
        keys.append((source_key(source.name), SPENDING))
        row += 1
    layout.paragraph(ws, row + 1, c.number, c.amount, SPENDING_RULE, italic=True)
    return keys


def _spending_row(ws: Worksheet, row: int, number: int, source: FormSource) -> None:
    c = SPENDING_COLUMNS
    key_cell(ws, row, source_key(source.name))
    layout.text(ws.cell(row, c.number), str(number), border=True, center=True)
    layout.text(ws.cell(row, c.name), source.name, border=True)
    input_cell(ws.cell(row, c.amount), source.amount, number_format="#,##0")
    layout.fit_height(ws, row, [(source.name, 44)])


# --- the tables' heading, protection, metadata ---------------------------------------------


def _sheet_heading(ws: Worksheet, data: FormData, title: str, last_column: int) -> int:
    """Agency, title and subtitle above a table; returns the header row's number."""
    headers = {TASKS: _TASK_HEADERS, SPENDING: _SPENDING_HEADERS}.get(ws.title, _INDICATOR_HEADERS)
    layout.set_widths(ws, {KEY_COLUMN: 2, **{col: width for col, (_, width) in headers.items()}})
    layout.page(ws, landscape=True)
    ws.column_dimensions["A"].hidden = True
    layout.text(ws.cell(1, 2), data.agency_name.upper(), bold=True)
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=4)
    row = layout.title(ws, 2, 2, last_column, title, size=13)
    subtitle = f"(Kèm theo báo cáo kết quả thực hiện {data.plan_phrase})"
    row = layout.paragraph(ws, row, 2, last_column, subtitle, italic=True, center=True)
    header_row = row + 1
    ws.freeze_panes = ws.cell(header_row + 1, 2)
    ws.print_title_rows = f"{header_row}:{header_row}"
    return header_row


def _protect(ws: Worksheet) -> None:
    ws.protection.sheet = True
    # Clerks may still widen columns and heighten rows to read long text.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _metadata(ws: Worksheet, data: FormData, keys: list[tuple[str, str]]) -> None:
    identity = data.identity
    digest = structure_digest(identity, [key for key, _ in keys])
    values = {**identity.fields(), "created_on": data.created_on, "digest": digest}
    row = 1
    for name, value in values.items():
        set_text(ws.cell(row, 1), name)
        cell = ws.cell(row, 2)
        if isinstance(value, str):
            set_text(cell, value)
        else:
            cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = "dd/mm/yyyy"
        row += 1
    set_text(ws.cell(row, 1), META_KEYS_HEADER)
    for key, sheet in keys:
        row += 1
        set_text(ws.cell(row, 1), key)
        set_text(ws.cell(row, 2), sheet)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
