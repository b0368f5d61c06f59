"""Writing an agency's report form (.xlsx) from its `FormData`.

The clerk sees an instruction sheet, then "Nhiệm vụ" (Biểu 01), "Chỉ tiêu" (Biểu 02) and
"Đánh giá chung" with the signature block, laid out for A4 in Times New Roman. Input cells are
unlocked and shaded; everything else is protected (sheet protection without a password: it
guards against slips, the importer checks everything anyway). Drop-down lists and number ranges
are data validations. Row keys sit in the hidden column A and the identity in a very hidden
sheet (see `form_spec`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sxtdbv_desktop import labels
from sxtdbv_desktop.excel import layout
from sxtdbv_desktop.excel.files import save_atomically
from sxtdbv_desktop.excel.form_data import FormData, FormIndicator, FormTask
from sxtdbv_desktop.excel.form_spec import (
    FORM_FORMAT,
    FORM_VERSION,
    INDICATOR_COLUMNS,
    INDICATORS,
    INSTRUCTIONS,
    KEY_COLUMN,
    META,
    META_KEYS_HEADER,
    TASK_COLUMNS,
    TASKS,
    TEXT_COLUMNS,
    TEXT_FIELDS,
    TEXT_LABELS,
    TEXTS,
    indicator_key,
    structure_digest,
    task_key,
    text_key,
)
from sxtdbv_desktop.excel.tables import BORDER, set_text
from sxtdbv_desktop.vnformat import format_date

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNLOCKED = Protection(locked=False)
STATUS_CHOICES = tuple(labels.TASK_STATUSES.values())
YES_NO_CHOICES = (labels.YES_NO[1], labels.YES_NO[0])
SECTION_TITLES = {
    "content": "III. NỘI DUNG CỦA KẾ HOẠCH",
    "duty": "V. TỔ CHỨC THỰC HIỆN (NHIỆM VỤ CỦA CƠ QUAN)",
}


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
    _instructions(instructions, data)
    keys += _tasks_sheet(wb.create_sheet(TASKS), data)
    keys += _indicators_sheet(wb.create_sheet(INDICATORS), data)
    keys += _texts_sheet(wb.create_sheet(TEXTS), data)
    _metadata(wb.create_sheet(META), data, keys)
    for ws in wb.worksheets[:-1]:
        _protect(ws)
    # Sheets cannot be added, removed, renamed or unhidden (no password, as for the sheets).
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    return wb


# --- instruction sheet -----------------------------------------------------------------------


def _instructions(ws: Worksheet, data: FormData) -> None:
    layout.set_widths(ws, {1: 2, 2: 26, 3: 64})
    layout.page(ws, landscape=False)
    row = layout.title(ws, 1, 2, 3, "BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH", size=14)
    row = layout.paragraph(ws, row, 2, 3, data.plan_title, bold=True, center=True)
    row += 1
    identity = data.identity
    facts = [
        ("Cơ quan báo cáo", data.agency_name),
        ("Mã cơ quan", identity.agency_code),
        ("Kỳ báo cáo", data.period_name),
        ("Hạn gửi báo cáo", format_date(data.deadline)),
        ("Nơi nhận báo cáo", data.focal_agency),
        ("Ngày tạo biểu mẫu", format_date(data.created_on)),
        ("Mẫu biểu", f"{FORM_FORMAT}, phiên bản {FORM_VERSION}"),
    ]
    for name, value in facts:
        layout.text(ws.cell(row, 2), name, bold=True, border=True)
        layout.text(ws.cell(row, 3), value, border=True)
        layout.fit_height(ws, row, [(value, 64)])
        row += 1
    row += 1
    row = layout.paragraph(ws, row, 2, 3, "HƯỚNG DẪN ĐIỀN BIỂU MẪU", bold=True)
    for number, line in enumerate(_instruction_lines(data), 1):
        row = layout.paragraph(ws, row, 2, 3, f"{number}. {line}")
    row += 1
    legend = ws.cell(row, 2)
    legend.fill = INPUT_FILL
    legend.border = BORDER
    layout.text(ws.cell(row, 3), "Ô nhập liệu: chỉ nhập vào các ô tô màu này.", italic=True)
    ws.sheet_view.showGridLines = False


def _instruction_lines(data: FormData) -> list[str]:
    deadline = format_date(data.deadline)
    return [
        f"Biểu mẫu này dùng để {data.agency_name} báo cáo kết quả thực hiện Kế hoạch "
        f"({data.period_name}). Điền xong, lưu tệp (giữ nguyên tên tệp và định dạng .xlsx) "
        f"và gửi cho {data.focal_agency} trước ngày {deadline} qua thư điện tử hoặc USB.",
        "Chỉ nhập vào các ô tô màu vàng nhạt. Các ô khác được khóa để giữ đúng cấu trúc biểu "
        "mẫu (khóa không đặt mật khẩu). Không thêm, xóa hay đổi thứ tự các dòng, các trang "
        "tính; không dán công thức vào ô nhập liệu.",
        f"Trang «{TASKS}» (Biểu 01): với mỗi nhiệm vụ được giao, chọn Trạng thái trong danh "
        "sách (bắt buộc); Tiến độ là số nguyên từ 0 đến 100 (%); ghi Kết quả thực hiện; "
        "Kinh phí đã chi là số nguyên đồng, không có phần thập phân (ví dụ 15.000.000).",
        f"Trang «{INDICATORS}» (Biểu 02): nhập đủ mọi số liệu (bắt buộc), là số nguyên không "
        "âm; câu hỏi Có/Không thì chọn trong danh sách. Số đạt không được lớn hơn tổng số.",
        f"Trang «{TEXTS}»: đánh giá chung, khó khăn, vướng mắc và kiến nghị, đề xuất "
        "(không bắt buộc nhưng nên ghi). Xuống dòng trong ô: Alt+Enter.",
        "Có thể điền bằng Microsoft Excel, LibreOffice Calc hoặc WPS Spreadsheets; lưu dạng "
        ".xlsx, không lưu .xls và không đặt mật khẩu cho tệp. Gõ tiếng Việt bằng bảng mã "
        "Unicode (văn bản gõ bằng bảng mã TCVN3 hoặc VNI được tự động chuyển sang Unicode).",
        "Khi nhận tệp, phần mềm kiểm tra từng ô và báo rõ trang tính, ô và lỗi nếu có; "
        "báo cáo chỉ được cập nhật khi tệp hợp lệ.",
    ]


# --- Biểu 01: tasks --------------------------------------------------------------------------

_TASK_HEADERS = {
    TASK_COLUMNS.reference: ("STT", 9),
    TASK_COLUMNS.text: ("Nhiệm vụ được giao", 48),
    TASK_COLUMNS.role: ("Vai trò", 10),
    TASK_COLUMNS.status: ("Trạng thái (*)", 16),
    TASK_COLUMNS.progress: ("Tiến độ (%)", 9),
    TASK_COLUMNS.result: ("Kết quả thực hiện", 42),
    TASK_COLUMNS.spent: ("Kinh phí đã chi (đồng)", 16),
}


def _tasks_sheet(ws: Worksheet, data: FormData) -> list[tuple[str, str]]:
    first, last = TASK_COLUMNS.reference, TASK_COLUMNS.spent
    header_row = _sheet_heading(ws, data, "BIỂU 01. KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO", last)
    _header(ws, header_row, _TASK_HEADERS)
    status = _list_validation(STATUS_CHOICES, "Trạng thái", "Chọn một trạng thái trong danh sách.")
    progress = _whole_validation("Tiến độ", "Số nguyên từ 0 đến 100.", maximum=100)
    spent = _whole_validation("Kinh phí đã chi", "Số nguyên đồng, không âm.")
    for validation in (status, progress, spent):
        ws.add_data_validation(validation)
    keys: list[tuple[str, str]] = []
    row = header_row + 1
    section = group = None
    for task in data.tasks:
        if task.section != section:
            section = task.section
            row = _band(ws, row, first, last, SECTION_TITLES[section], bold=True)
        if task.group_reference != group:
            group = task.group_reference
            row = _band(ws, row, first, last, f"{group}. {task.group_title}", italic=True)
        _task_row(ws, row, task)
        status.add(ws.cell(row, TASK_COLUMNS.status).coordinate)
        progress.add(ws.cell(row, TASK_COLUMNS.progress).coordinate)
        spent.add(ws.cell(row, TASK_COLUMNS.spent).coordinate)
        keys.append((task_key(task.task_id), TASKS))
        row += 1
    if not data.tasks:
        _band(ws, row, first, last, "Cơ quan chưa được giao nhiệm vụ nào trong kế hoạch.")
    return keys


def _task_row(ws: Worksheet, row: int, task: FormTask) -> None:
    c = TASK_COLUMNS
    _key(ws, row, task_key(task.task_id))
    text = task.text
    details = [f"Thời gian: {task.time_frame}"] if task.time_frame else []
    details += [f"Sản phẩm: {task.planned_output}"] if task.planned_output else []
    if details:
        text += "\n(" + "; ".join(details) + ")"
    layout.text(ws.cell(row, c.reference), task.reference, border=True, center=True)
    layout.text(ws.cell(row, c.text), text, border=True)
    layout.text(ws.cell(row, c.role), task.role, border=True, center=True)
    status = labels.TASK_STATUSES[task.status] if task.status else None
    _input(ws.cell(row, c.status), status)
    _input(ws.cell(row, c.progress), task.progress, number_format="0")
    _input(ws.cell(row, c.result), task.result or None)
    _input(ws.cell(row, c.spent), task.spent, number_format="#,##0")
    layout.fit_height(ws, row, [(text, 48), (task.result, 42)])


# --- Biểu 02: indicators ---------------------------------------------------------------------

_INDICATOR_HEADERS = {
    INDICATOR_COLUMNS.code: ("Mã", 6),
    INDICATOR_COLUMNS.name: ("Chỉ tiêu (kế hoạch)", 44),
    INDICATOR_COLUMNS.label: ("Nội dung cần báo cáo", 50),
    INDICATOR_COLUMNS.value: ("Số liệu (*)", 14),
    INDICATOR_COLUMNS.note: ("Ghi chú", 34),
}


def _indicators_sheet(ws: Worksheet, data: FormData) -> list[tuple[str, str]]:
    c = INDICATOR_COLUMNS
    header_row = _sheet_heading(ws, data, "BIỂU 02. SỐ LIỆU CÁC CHỈ TIÊU", c.note)
    _header(ws, header_row, _INDICATOR_HEADERS)
    numbers = _whole_validation("Số liệu", "Số nguyên không âm (ví dụ 12).")
    answers = _list_validation(YES_NO_CHOICES, "Câu trả lời", "Chọn Có hoặc Không.")
    ws.add_data_validation(numbers)
    ws.add_data_validation(answers)
    keys: list[tuple[str, str]] = []
    row = header_row + 1
    for indicator in data.indicators:
        first = row
        for name, label in indicator.inputs:
            _key(ws, row, indicator_key(indicator.indicator_id, name))
            layout.text(ws.cell(row, c.label), label, border=True)
            value = indicator.values.get(name)
            if name == "answer":
                _input(ws.cell(row, c.value), None if value is None else labels.YES_NO[value])
                answers.add(ws.cell(row, c.value).coordinate)
            else:
                _input(ws.cell(row, c.value), value, number_format="#,##0")
                numbers.add(ws.cell(row, c.value).coordinate)
            keys.append((indicator_key(indicator.indicator_id, name), INDICATORS))
            row += 1
        _indicator_identity(ws, first, row - 1, indicator)
    if not data.indicators:
        _band(ws, row, c.code, c.note, "Cơ quan không phải báo cáo số liệu chỉ tiêu nào.")
    return keys


def _indicator_identity(ws: Worksheet, first: int, last: int, indicator: FormIndicator) -> None:
    c = INDICATOR_COLUMNS
    name = f"{indicator.name}\n(Kế hoạch: {indicator.plan_text})"
    layout.text(ws.cell(first, c.code), indicator.code, border=True, center=True)
    layout.text(ws.cell(first, c.name), name, border=True)
    _input(ws.cell(first, c.note), indicator.note or None)
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


# --- general assessment, difficulties, proposals, signature ---------------------------------


def _texts_sheet(ws: Worksheet, data: FormData) -> list[tuple[str, str]]:
    layout.set_widths(ws, {KEY_COLUMN: 2, 2: 44, 3: 44})
    layout.page(ws, landscape=False)
    ws.column_dimensions["A"].hidden = True
    ws.sheet_view.showGridLines = False
    layout.text(ws.cell(1, 2), data.agency_name.upper(), bold=True, center=True)
    layout.text(ws.cell(1, 3), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True)
    layout.text(ws.cell(2, 3), "Độc lập - Tự do - Hạnh phúc", bold=True, center=True)
    ws.cell(2, 3).font = layout.font(bold=True, underline=True)  # the rule under the motto
    layout.fit_height(ws, 1, [(data.agency_name, 40)])
    row = layout.title(ws, 4, 2, 3, "BÁO CÁO", size=14)
    summary = f"Kết quả thực hiện {_plan_phrase(data)}"
    row = layout.paragraph(ws, row, 2, 3, summary, bold=True, center=True) + 1
    keys: list[tuple[str, str]] = []
    for number, name in enumerate(TEXT_FIELDS, 1):
        row = layout.paragraph(ws, row, 2, 3, f"{number}. {TEXT_LABELS[name]}", bold=True)
        _key(ws, row, text_key(name))
        cell = ws.cell(row, TEXT_COLUMNS.value)
        _input(cell, data.texts.get(name) or None)
        for column in (2, 3):
            ws.cell(row, column).border = BORDER
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        layout.set_lines(ws, row, max(8, layout.lines(data.texts.get(name, ""), 88)))
        keys.append((text_key(name), TEXTS))
        row += 2
    _signature(ws, row)
    return keys


def _signature(ws: Worksheet, row: int) -> None:
    layout.text(ws.cell(row, 3), "......, ngày ..... tháng ..... năm ......", italic=True,
                center=True)  # fmt: skip
    layout.text(ws.cell(row + 1, 2), "NGƯỜI LẬP BIỂU", bold=True, center=True)
    layout.text(ws.cell(row + 1, 3), "THỦ TRƯỞNG ĐƠN VỊ", bold=True, center=True)
    layout.text(ws.cell(row + 2, 2), "(Ký, ghi rõ họ tên)", italic=True, center=True)
    layout.text(ws.cell(row + 2, 3), "(Ký tên, đóng dấu)", italic=True, center=True)


def _plan_phrase(data: FormData) -> str:
    """ "Kế hoạch thực hiện Chương trình ... năm 2023 ...", with the period unless it is the
    plan's year, which the title already names."""
    phrase = f"Kế hoạch {data.plan_title[:1].lower()}{data.plan_title[1:]}"
    if data.identity.period_code != str(data.identity.year):
        phrase += f" ({data.period_name.lower()})"
    return phrase


# --- pieces shared by the data sheets --------------------------------------------------------


def _sheet_heading(ws: Worksheet, data: FormData, title: str, last_column: int) -> int:
    """Agency, title and subtitle above a table; returns the header row's number."""
    headers = _TASK_HEADERS if ws.title == TASKS else _INDICATOR_HEADERS
    layout.set_widths(ws, {KEY_COLUMN: 2, **{col: width for col, (_, width) in headers.items()}})
    layout.page(ws, landscape=True)
    ws.column_dimensions["A"].hidden = True
    layout.text(ws.cell(1, 2), data.agency_name.upper(), bold=True)
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=4)
    row = layout.title(ws, 2, 2, last_column, title, size=13)
    subtitle = f"(Kèm theo báo cáo kết quả thực hiện {_plan_phrase(data)})"
    row = layout.paragraph(ws, row, 2, last_column, subtitle, italic=True, center=True)
    header_row = row + 1
    ws.freeze_panes = ws.cell(header_row + 1, 2)
    ws.print_title_rows = f"{header_row}:{header_row}"
    return header_row


def _header(ws: Worksheet, row: int, headers: dict[int, tuple[str, int]]) -> None:
    for column, (header, _) in headers.items():
        layout.header_cell(ws.cell(row, column), header)
    layout.set_lines(ws, row, 2)


def _band(
    ws: Worksheet,
    row: int,
    first: int,
    last: int,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
) -> int:
    """A full-width line inside a table (a section or a group title); returns the next row."""
    layout.text(ws.cell(row, first), text, bold=bold, italic=italic, border=True)
    for column in range(first + 1, last + 1):
        ws.cell(row, column).border = BORDER
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    layout.fit_height(ws, row, [(text, 140)])
    return row + 1


def _key(ws: Worksheet, row: int, key: str) -> None:
    set_text(ws.cell(row, KEY_COLUMN), key)


def _input(cell: Cell, value: str | int | None, *, number_format: str | None = None) -> None:
    if isinstance(value, str):
        set_text(cell, value)
    elif value is not None:
        cell.value = value
    cell.fill = INPUT_FILL
    cell.protection = UNLOCKED
    cell.border = BORDER
    cell.font = layout.font()
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if number_format:
        cell.number_format = number_format


def _list_validation(choices: Iterable[str], title: str, prompt: str) -> DataValidation:
    formula = '"' + ",".join(choices) + '"'
    return _validation(DataValidation(type="list", formula1=formula), title, prompt)


def _whole_validation(title: str, prompt: str, maximum: int | None = None) -> DataValidation:
    if maximum is None:
        validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    else:
        validation = DataValidation(
            type="whole", operator="between", formula1="0", formula2=str(maximum)
        )
    return _validation(validation, title, prompt)


def _validation(validation: DataValidation, title: str, prompt: str) -> DataValidation:
    validation.allow_blank = True
    validation.showErrorMessage = True
    validation.showInputMessage = True
    validation.errorTitle = f"{title} không hợp lệ"
    validation.error = prompt
    validation.promptTitle = title
    validation.prompt = prompt
    return validation


def _protect(ws: Worksheet) -> None:
    ws.protection.sheet = True
    # Clerks may still widen columns and heighten rows to read long text.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _metadata(ws: Worksheet, data: FormData, keys: list[tuple[str, str]]) -> None:
    identity = data.identity
    digest = structure_digest(identity, [key for key, _ in keys])
    values: dict[str, object] = {
        "format": FORM_FORMAT,
        "form_version": identity.form_version,
        "province": identity.province,
        "year": identity.year,
        "period_code": identity.period_code,
        "agency_code": identity.agency_code,
        "created_on": data.created_on,
        "digest": digest,
    }
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
