"""The prose pages of a form: the instructions, and the report page with the agency's
assessment, difficulties and proposals and the signature block (Nghị định 30 letterhead)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from sxtdbv_desktop import headings
from sxtdbv_desktop.excel import layout
from sxtdbv_desktop.excel.form_cells import INPUT_FILL, input_cell, key_cell
from sxtdbv_desktop.excel.form_data import FormData
from sxtdbv_desktop.excel.form_spec import (
    DOCUMENT_FIELDS,
    DOCUMENT_LABELS,
    FORM_FORMAT,
    FORM_VERSION,
    INDICATORS,
    KEY_COLUMN,
    SPENDING,
    TASKS,
    TEXT_COLUMNS,
    TEXT_FIELDS,
    TEXT_LABELS,
    TEXTS,
    document_key,
    text_key,
)
from sxtdbv_desktop.excel.tables import BORDER
from sxtdbv_desktop.report.document import MOTTO, NATIONAL_NAME
from sxtdbv_desktop.result_words import results_of
from sxtdbv_desktop.vnformat import format_date


def instructions_page(ws: Worksheet, data: FormData) -> None:
    layout.set_widths(ws, {1: 2, 2: 26, 3: 64})
    layout.page(ws, landscape=False)
    row = layout.title(ws, 1, 2, 3, "BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH", size=14)
    row = layout.paragraph(ws, row, 2, 3, data.plan_title, bold=True, center=True)
    row += 1
    identity = data.identity
    facts = [
        ("Cơ quan báo cáo", data.agency_name),
        (headings.AGENCY_CODE, identity.agency_code),
        (headings.PERIOD, data.period_name),
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
        "sách; Tiến độ là số nguyên từ 0 đến 100 (%); ghi Kết quả thực hiện (số liệu cụ thể: "
        "số lớp tập huấn, số người tham dự, số mô hình…); Kinh phí đã chi là số nguyên đồng, "
        "không có phần thập phân (ví dụ 15.000.000).",
        f"Trang «{INDICATORS}» (Biểu 02): nhập số liệu là số nguyên không âm, trong phạm vi "
        "báo cáo của đơn vị ghi dưới tên chỉ tiêu (để một cơ sở không bị hai đơn vị cùng "
        "tính); câu hỏi Có/Không thì chọn trong danh sách. Số đạt không được lớn hơn tổng số. "
        "Chỉ tiêu giảm túi nhựa: ghi số chợ, rồi ghi lượng túi năm trước và năm nay; nếu "
        "không có số lượng, ghi tỷ lệ giảm do Ban quản lý chợ ước tính và cách ước tính.",
        f"Trang «{SPENDING}» (Biểu 03): kinh phí đơn vị đã sử dụng cho Kế hoạch, theo từng "
        "nguồn (nguồn không sử dụng ghi 0). Mỗi đồng chỉ ghi một lần: một hoạt động vừa là "
        "nhiệm vụ mục III vừa là nhiệm vụ của đơn vị ở mục V thì kinh phí ghi ở dòng mục III "
        "của Biểu 01; tổng cột Kinh phí đã chi của Biểu 01 không được lớn hơn tổng Biểu 03.",
        f"Trang «{TEXTS}»: số và ngày văn bản báo cáo của đơn vị (nếu có), đánh giá chung, "
        "khó khăn, vướng mắc và kiến nghị, đề xuất (không bắt buộc nhưng nên ghi). Xuống "
        "dòng trong ô: Alt+Enter.",
        "Nên điền đủ mọi ô. Biểu mẫu còn trống vẫn được nhận, nhưng các mục còn thiếu được "
        "liệt kê và tính là chưa có số liệu; Sở Công Thương có thể trả lại để bổ sung.",
        "Có thể điền bằng Microsoft Excel, LibreOffice Calc hoặc WPS Spreadsheets; lưu dạng "
        ".xlsx, không lưu .xls và không đặt mật khẩu cho tệp. Gõ tiếng Việt bằng bảng mã "
        "Unicode (văn bản gõ bằng bảng mã TCVN3 hoặc VNI được tự động chuyển sang Unicode).",
        "Khi nhận tệp, phần mềm kiểm tra từng ô và báo rõ trang tính, ô và lỗi nếu có; "
        "báo cáo chỉ được cập nhật khi tệp hợp lệ.",
    ]


def report_page(ws: Worksheet, data: FormData) -> list[tuple[str, str]]:
    layout.set_widths(ws, {KEY_COLUMN: 2, 2: 44, 3: 44})
    layout.page(ws, landscape=False)
    ws.column_dimensions["A"].hidden = True
    ws.sheet_view.showGridLines = False
    layout.text(ws.cell(1, 2), data.agency_name.upper(), bold=True, center=True)
    layout.text(ws.cell(1, 3), NATIONAL_NAME, bold=True, center=True)
    layout.text(ws.cell(2, 3), MOTTO, bold=True, center=True)
    ws.cell(2, 3).font = layout.font(bold=True, underline=True)  # the rule under the motto
    layout.fit_height(ws, 1, [(data.agency_name, 40)])
    row = layout.title(ws, 4, 2, 3, "BÁO CÁO", size=14)
    summary = results_of(data.plan_phrase)
    row = layout.paragraph(ws, row, 2, 3, summary, bold=True, center=True) + 1
    keys: list[tuple[str, str]] = []
    for name in DOCUMENT_FIELDS:
        key_cell(ws, row, document_key(name))
        layout.text(ws.cell(row, 2), DOCUMENT_LABELS[name], border=True)
        if name == "date":
            input_cell(ws.cell(row, 3), None, number_format="dd/mm/yyyy")
            if data.document_date:
                ws.cell(row, 3).value = data.document_date
        else:
            input_cell(ws.cell(row, 3), data.document_number or None)
        layout.fit_height(ws, row, [(DOCUMENT_LABELS[name], 44)])
        keys.append((document_key(name), TEXTS))
        row += 1
    row += 1
    for number, name in enumerate(TEXT_FIELDS, 1):
        row = layout.paragraph(ws, row, 2, 3, f"{number}. {TEXT_LABELS[name]}", bold=True)
        key_cell(ws, row, text_key(name))
        cell = ws.cell(row, TEXT_COLUMNS.value)
        input_cell(cell, data.texts.get(name) or None)
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
