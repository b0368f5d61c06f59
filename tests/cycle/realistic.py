"""Agencies answering their forms the way real ones do, for the yearly cycle on the default plan.

Each agency fills the form the Sở sent with believable answers: statuses and progress, results
with figures ("Tổ chức 03 lớp tập huấn cho 180 học viên"), money by task and by funding source
(each đồng once), its indicator figures within its scope, its document's number, and texts
with the usual difficulties and proposals, some saying only "Không.". Not every agency is
diligent: one leaves a figure blank, two send late, two never send. Deterministic, so tests and
the README's pictures can rely on it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl import Workbook

from sxtdbv_desktop.excel.form_spec import (
    INDICATOR_COLUMNS,
    INDICATORS,
    SPENDING,
    SPENDING_COLUMNS,
    TASK_COLUMNS,
    TASKS,
    TEXT_COLUMNS,
    TEXTS,
)
from sxtdbv_desktop.labels import TASK_STATUSES
from tests.excel.filling import keyed_row_keys

DEADLINE = dt.date(2023, 12, 10)
SILENT = ("SoTC", "HTanHong")  # never send their report
LATE = {"HHongNgu": dt.date(2023, 12, 12), "SoGDDT": dt.date(2023, 12, 14)}
INCOMPLETE = "HTamNong"  # leaves its indicator 5 answer blank

SOURCE_OF_AGENCY = {
    "SoTNMT": "Sự nghiệp tài nguyên môi trường",
    "SoGDDT": "Sự nghiệp giáo dục và đào tạo",
    "SoYT": "Sự nghiệp y tế",
}
DISTRICT_SOURCE = "Ngân sách huyện"
DEFAULT_SOURCE = "Sự nghiệp kinh tế"


def _n(seed: str, low: int, high: int) -> int:
    digest = int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16)
    return low + digest % (high - low + 1)


RESULTS = (
    ("hội nghị", "Đã tổ chức Hội nghị sơ kết với {a} đại biểu của các sở, ngành, địa phương và "
                 "doanh nghiệp; ban hành thông báo kết luận."),
    ("chợ", "Tổ chức {b} đợt tuyên truyền tại {c} chợ; phát {d} tờ rơi, {e} túi vải thân thiện "
            "môi trường cho tiểu thương."),
    ("sản xuất sạch hơn", "Tổ chức {b} lớp tập huấn sản xuất sạch hơn cho {a} học viên của {c} "
                          "cơ sở công nghiệp."),
    ("du lịch", "Tổ chức {b} lớp tập huấn du lịch xanh, du lịch cộng đồng cho {a} học viên; "
                "xây dựng {c} sản phẩm du lịch mới."),
    ("chăn nuôi", "Tổ chức {b} lớp tập huấn chăn nuôi an toàn sinh học, VietGAP thủy sản cho "
                  "{a} hộ."),
    ("y tế", "Vận động {c} cơ sở y tế, {a} nhà thuốc sử dụng túi giấy, túi phân hủy sinh học "
             "thay túi ni-lông."),
    ("bao bì", "Tuyên truyền tại {c} siêu thị, trung tâm thương mại và {b} trường học; {d} lượt "
               "người tham gia ký cam kết hạn chế túi ni-lông."),
    ("đánh giá sản xuất sạch hơn", "Hoàn thành đánh giá sản xuất sạch hơn cho 02 doanh nghiệp "
                                   "(chế biến thủy sản, sản xuất gạch không nung)."),
    ("túi giấy", "Triển khai mô hình tại {c} cơ quan và {b} khu, điểm du lịch; thay {d} ly "
                 "nhựa, ống hút nhựa bằng sản phẩm giấy."),
    ("năng lượng điện", "Đã thẩm định, trình UBND Tỉnh phê duyệt lại 01 đề án xe điện chở "
                        "khách du lịch tại Khu di tích Gò Tháp."),
    ("phân loại chất thải", "Hỗ trợ {c} bộ thiết bị phân loại chất thải rắn tại nguồn cho {c} "
                            "sở, ban, ngành."),
    ("năng lượng tiết kiệm", "Tổ chức {b} lớp tập huấn quản lý năng lượng cho {a} học viên; "
                             "kiểm toán năng lượng {c} cơ sở."),
    ("hữu cơ", "Xây dựng {c} mô hình sản xuất hữu cơ (lúa, xoài) với diện tích {a} ha."),
    ("rác thải nhựa", "Ban hành kế hoạch; {b} đợt ra quân «Chống rác thải nhựa» với {d} lượt "
                      "người tham gia."),
    ("liên kết", "Tham gia {b} sự kiện quảng bá du lịch liên tỉnh; ký kết hợp tác với {c} "
                 "doanh nghiệp lữ hành."),
    ("sinh thái", "Phát triển {c} điểm du lịch sinh thái nông nghiệp gắn với sản phẩm OCOP."),
    ("lồng ghép", "Lồng ghép nội dung SX&TDBV vào {c} đề án khuyến công, {b} nhiệm vụ sử dụng "
                  "năng lượng tiết kiệm và hiệu quả."),
    ("", "Đã triển khai theo kế hoạch; {b} văn bản hướng dẫn, đôn đốc; {c} hoạt động đã hoàn "
         "thành."),
)  # fmt: skip
DIFFICULTIES = (
    "Kinh phí thực hiện còn hạn chế, chưa đáp ứng nhu cầu.",
    "Thiếu cán bộ chuyên trách, cán bộ kiêm nhiệm nhiều việc.",
    "Thói quen sử dụng túi ni-lông của người dân, tiểu thương khó thay đổi.",
    "Chưa có hướng dẫn tiêu chí đánh giá mô hình kinh tế tuần hoàn.",
    "Không.",
)
PROPOSALS = (
    "Đề nghị Bộ Công Thương ban hành hướng dẫn tiêu chí mô hình sản xuất và tiêu dùng bền vững.",
    "Đề nghị UBND Tỉnh bố trí thêm kinh phí năm 2024 cho hoạt động tuyên truyền tại chợ.",
    "Đề nghị Sở Công Thương tổ chức tập huấn nghiệp vụ cho cán bộ cấp huyện.",
    "Không có kiến nghị.",
)


@dataclass(frozen=True)
class Answered:
    path: Path
    code: str
    received_on: dt.date


def result_text(task_text: str, seed: str) -> str:
    lowered = task_text.lower()
    template = next(t for key, t in RESULTS if key in lowered)
    return template.format(a=_n(seed + "a", 40, 250), b=f"{_n(seed + 'b', 2, 9):02d}",
                           c=f"{_n(seed + 'c', 2, 12):02d}", d=f"{_n(seed + 'd', 5, 60) * 100:,}"
                           .replace(",", "."), e=_n(seed + "e", 2, 9) * 100)  # fmt: skip


def answer(empty: Path, target: Path, code: str) -> Answered:
    """Fill the empty form `empty` as agency `code` would; save it as `target`."""
    wb = openpyxl.load_workbook(empty)
    spent = _tasks(wb, code)
    _indicators(wb, code)
    _spending(wb, code, spent)
    _texts(wb, code)
    wb.save(target)
    day = LATE.get(code, dt.date(2023, 12, 1 + _n(code, 0, 8)))
    return Answered(target, code, day)


def _tasks(wb: Workbook, code: str) -> int:
    ws = wb[TASKS]
    c = TASK_COLUMNS
    total = 0
    for row, key in keyed_row_keys(wb, TASKS):
        seed = code + key.ref
        lead = ws.cell(row, c.role).value == "Chủ trì"
        pick = _n(seed, 0, 9)
        status = "done" if pick < 6 else "in_progress" if pick < 9 else "not_started"
        if not lead and status == "not_started":
            status = "in_progress"
        progress = {"done": 100, "in_progress": 40 + _n(seed + "p", 0, 10) * 5, "not_started": 0}
        ws.cell(row, c.status).value = TASK_STATUSES[status]
        ws.cell(row, c.progress).value = progress[status]
        text = str(ws.cell(row, c.text).value or "")
        if status != "not_started":
            ws.cell(row, c.result).value = result_text(text, seed)
        if lead and status != "not_started" and key.ref.startswith("III."):
            amount = _n(seed + "m", 8, 90) * 1_000_000
            ws.cell(row, c.spent).value = amount
            total += amount
    return total


def _indicators(wb: Workbook, code: str) -> None:
    ws = wb[INDICATORS]
    figures = _figures(code)
    for row, key in keyed_row_keys(wb, INDICATORS):
        value = figures.get((key.ref, key.name))
        if value is not None and not (code == INCOMPLETE and key.ref == "5"):
            ws.cell(row, INDICATOR_COLUMNS.value).value = value


def _figures(code: str) -> dict[tuple[str, str], object]:
    """The agency's own figures, within its scope."""
    district = code.startswith(("TP", "H"))
    markets = _n(code + "m", 2, 9)
    found: dict[tuple[str, str], object] = {
        ("1", "count_value"): {"SoCT": 1, "SoTNMT": 1, "SoNNPTNT": 1}.get(code, 0),
        ("2a", "numerator"): {"BQLKKT": 3, "SoCT": 8}.get(code),
        ("2a", "denominator"): {"BQLKKT": 3, "SoCT": 11}.get(code),
        ("2b", "numerator"): 12,
        ("2b", "denominator"): 20,
        ("3", "numerator"): 16 if code == "SoCT" else _n(code + "s", 3, 8),
        ("3", "denominator"): 18 if code == "SoCT" else 9,
        ("5", "answer"): "Không" if code == "HHongNgu" else "Có",
        ("6", "answer"): "Có",
    }
    for target, cut in (("4a", 45), ("4b", 25)):
        if district:
            found[(target, "units")] = markets
            if _n(code + target, 0, 3) == 0:  # a board's estimate instead of quantities
                found[(target, "estimated_rate")] = cut - 5 + _n(code + target + "r", 0, 10)
                found[(target, "method")] = "Ban quản lý chợ ước tính qua khảo sát tiểu thương."
            else:
                before = markets * (300 + _n(code + target + "b", 0, 200))
                found[(target, "baseline")] = before
                kept = 100 - cut - _n(code + target + "c", 0, 12)
                found[(target, "current")] = before * kept // 100
        else:  # the Sở Công Thương: no market outside the districts' management
            found[(target, "units")] = 0
            found[(target, "baseline")] = 0
            found[(target, "current")] = 0
    return found  # fmt: skip


def _spending(wb: Workbook, code: str, on_tasks: int) -> None:
    ws = wb[SPENDING]
    district = code.startswith(("TP", "H"))
    own = DISTRICT_SOURCE if district else SOURCE_OF_AGENCY.get(code, DEFAULT_SOURCE)
    extra = _n(code + "x", 0, 30) * 1_000_000
    for row, key in keyed_row_keys(wb, SPENDING):
        amount = on_tasks + extra if key.ref == own else 0
        ws.cell(row, SPENDING_COLUMNS.amount).value = amount


def _texts(wb: Workbook, code: str) -> None:
    ws = wb[TEXTS]
    for row, key in keyed_row_keys(wb, TEXTS):
        if key.kind == "document":
            if key.name == "number":
                symbol = "UBND" if code.startswith(("TP", "H")) else "BC"
                ws.cell(row, 3).value = f"{_n(code, 80, 420)}/{symbol}"
            else:
                ws.cell(row, 3).value = dt.date(2023, 12, 1)
            continue
        texts = {
            "general_assessment": "Đơn vị đã triển khai các nhiệm vụ được giao; kết quả bước "
            "đầu góp phần nâng cao nhận thức về sản xuất và tiêu dùng bền vững.",
            "difficulties": DIFFICULTIES[_n(code + "d", 0, len(DIFFICULTIES) - 1)],
            "proposals": PROPOSALS[_n(code + "p", 0, len(PROPOSALS) - 1)],
        }
        ws.cell(row, TEXT_COLUMNS.value).value = texts[key.name]
