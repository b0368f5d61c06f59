"""A realistic year of reports in the default plan, put in through the core's own API.

Used by the report tests, the report benchmark and the page images under docs/report/:
11 more agencies (32 expected), lead and coordinating agencies for most tasks (the last
content task stays unassigned, to show the gap), indicator reporters, per-source budget, and
`reports` agencies filing their results with texts, some of them late. The data is synthetic.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlite_utils import Database

from sxtdbv_desktop import budget, report_settings
from sxtdbv_desktop.agencies import add_agency, find_agency, list_agencies
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import list_indicators, set_reporters
from sxtdbv_desktop.reports import IndicatorValue, ReportContent, TaskResultInput, replace_report
from sxtdbv_desktop.tasks import CONTENT, assign, list_tasks, tasks_of_agency

EXTRA_AGENCIES = (
    ("SoXD", "Sở Xây dựng", "Sở Xây dựng"),
    ("SoKHDT", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("SoNV", "Sở Nội vụ", "Sở Nội vụ"),
    ("SoTP", "Sở Tư pháp", "Sở Tư pháp"),
    ("SoNgV", "Sở Ngoại vụ", "Sở Ngoại vụ"),
    ("BDT", "Ban Dân tộc Tỉnh", "Ban Dân tộc"),
    ("VPUBND", "Văn phòng UBND Tỉnh", "VP UBND Tỉnh"),
    ("TTXTTM", "Trung tâm Xúc tiến Thương mại, Du lịch và Đầu tư", "TT Xúc tiến"),
)
LEADS = ("SoCT", "SoTTTT", "SoCT", "SoVHTTDL", "SoNNPTNT", "SoYT", "SoCT", "SoCT", "SoKHCN")
ESTIMATES = (1_200_000_000, 835_715_000, 400_000_000, 300_000_000, 500_000_000)
RESULTS = (
    "Đã tổ chức {a} lớp tập huấn, tuyên truyền cho {b} lượt người tham dự; phát hành {c} tờ rơi, "
    "áp phích về sản xuất và tiêu dùng bền vững.",
    "Phối hợp với Đài Phát thanh và Truyền hình Đồng Tháp thực hiện {a} phóng sự, {c} tin bài về "
    "lối sống xanh, tiêu dùng bền vững; đăng tải {b} lượt tin trên cổng thông tin điện tử.",
    "Hỗ trợ {a} doanh nghiệp đánh giá sản xuất sạch hơn; sau đánh giá, các doanh nghiệp tiết kiệm "
    "bình quân {a}% điện năng và giảm {c} tấn chất thải rắn mỗi năm.",
    "Vận động {b} tiểu thương tại {a} chợ sử dụng túi thân thiện môi trường thay cho túi ni-lông "
    "khó phân hủy; cấp phát miễn phí {c} túi vải, giỏ nhựa dùng nhiều lần.",
    "Lồng ghép nội dung sản xuất và tiêu dùng bền vững vào Chương trình mục tiêu quốc gia xây dựng "
    "nông thôn mới tại {a} xã; {c} hộ dân cam kết phân loại rác tại nguồn.",
)
ASSESSMENT = (
    "Đơn vị đã ban hành kế hoạch triển khai ngay từ đầu năm, phân công cán bộ theo dõi; các "
    "nhiệm vụ được giao cơ bản hoàn thành đúng tiến độ."
)
DIFFICULTIES = (
    "Kinh phí được phân bổ còn hạn chế, chưa đáp ứng nhu cầu tuyên truyền tại cơ sở.",
    "Nhận thức của một bộ phận người dân và tiểu thương về tác hại của túi ni-lông còn hạn chế; "
    "giá túi thân thiện môi trường cao hơn 2–3 lần túi ni-lông thông thường.",
    "Chưa có hướng dẫn chi tiết về tiêu chí đánh giá mô hình sản xuất và tiêu dùng bền vững.",
)
PROPOSALS = (
    "Đề nghị Sở Công Thương tổ chức tập huấn chuyên sâu cho cán bộ phụ trách ở cấp huyện.",
    "Đề nghị UBND Tỉnh bổ sung kinh phí năm 2024 cho hoạt động hỗ trợ doanh nghiệp áp dụng sản "
    "xuất sạch hơn.",
    "Kiến nghị Bộ Công Thương sớm ban hành tiêu chí & hướng dẫn đánh giá mô hình kinh tế tuần "
    "hoàn cho doanh nghiệp nhỏ (< 50 lao động).",
)
REPORT_DATE = dt.date(2024, 1, 5)
OWN_FIGURES: dict[str, dict[str, dict[str, int]]] = {
    "SoCT": {
        "1": {"count_value": 2},
        "2a": {"numerator": 10, "denominator": 14},
        "3": {"numerator": 30, "denominator": 36},
    },
    "SoKHCN": {"1": {"count_value": 1}},
    "BQLKKT": {"2a": {"numerator": 4, "denominator": 5}},
    "SoNNPTNT": {"2b": {"numerator": 20, "denominator": 35}},
}


def build_sample(
    db: Database, plan_id: int, *, reports: int = 30, every_task: bool = False, repeat: int = 1
) -> None:
    """Fill the default plan with `reports` agencies' reports (at most 32).

    `every_task` makes each agency report on every task and `repeat` makes each result text
    that many times longer: both only to stress the layout.
    """
    rng = random.Random(2023)
    for code, name, short in EXTRA_AGENCIES:
        add_agency(db, plan_id, code, name, "department", short_name=short)
    _assign_tasks(db, plan_id)
    _assign_reporters(db, plan_id)
    _fill_budget(db, plan_id)
    _settings(db, plan_id)
    expected = [a for a in list_agencies(db, plan_id) if a.must_report]
    period = main_period(db, plan_id)
    all_tasks = list_tasks(db, plan_id)
    for index, agency in enumerate(expected[:reports]):
        tasks = all_tasks if every_task else tasks_of_agency(db, plan_id, agency.id)
        content = ReportContent(
            general_assessment=ASSESSMENT,
            difficulties=DIFFICULTIES[index % 3] if index % 2 == 0 else "",
            proposals=PROPOSALS[index % 3] if index % 3 != 1 else "",
            task_results=[_task_result(rng, task.id, repeat) for task in tasks],
            indicator_values=_indicator_values(db, plan_id, agency.code, index),
        )
        late = index % 9 == 4
        day = dt.date(2023, 12, 12 + index % 8) if late else dt.date(2023, 12, 1 + index % 10)
        replace_report(db, period.id, agency.id, content, received_on=day)


def _id(db: Database, plan_id: int, code: str) -> int:
    agency = find_agency(db, plan_id, code)
    assert agency is not None, code
    return agency.id


def _assign_tasks(db: Database, plan_id: int) -> None:
    content = list_tasks(db, plan_id, CONTENT)
    districts = [a.id for a in list_agencies(db, plan_id) if a.kind == "district"]
    for index, task in enumerate(content[:-1]):
        lead = _id(db, plan_id, LEADS[index % len(LEADS)])
        helper = _id(db, plan_id, LEADS[(index + 1) % len(LEADS)])
        coordinators = [helper] if helper != lead else []
        if index in (1, 5):  # propaganda at markets and shops: every district takes part
            coordinators += districts
        assign(db, task.id, [lead], coordinators)


def _assign_reporters(db: Database, plan_id: int) -> None:
    districts = [a.id for a in list_agencies(db, plan_id) if a.kind == "district"]
    reporters = {
        "1": ["SoCT", "SoKHCN"],
        "2a": ["SoCT", "BQLKKT"],
        "2b": ["SoNNPTNT"],
        "3": ["SoCT"],
    }
    for indicator in list_indicators(db, plan_id):
        if indicator.code in reporters:
            set_reporters(
                db, indicator.id, [_id(db, plan_id, c) for c in reporters[indicator.code]]
            )
        elif indicator.code in ("4a", "4b"):
            set_reporters(db, indicator.id, districts)


def _indicator_values(db: Database, plan_id: int, code: str, index: int) -> list[IndicatorValue]:
    by_code = {i.code: i.id for i in list_indicators(db, plan_id)}
    values = [IndicatorValue(0, by_code[c], **v) for c, v in OWN_FIGURES.get(code, {}).items()]
    agency = find_agency(db, plan_id, code)
    assert agency is not None
    if agency.kind == "district":
        baseline = 800 + 37 * index
        values += [
            IndicatorValue(0, by_code["4a"], baseline=baseline, current=baseline * 55 // 100),
            IndicatorValue(0, by_code["4b"], baseline=baseline // 2, current=baseline * 2 // 5),
            IndicatorValue(0, by_code["5"], answer=int(index % 4 != 1)),
        ]
    if agency.kind == "department":
        values.append(IndicatorValue(0, by_code["6"], answer=int(index % 7 != 3)))
    return values


def _task_result(rng: random.Random, task_id: int, repeat: int) -> TaskResultInput:
    status = rng.choice(("done", "done", "in_progress", "not_started"))
    progress = {"done": 100, "in_progress": rng.randrange(30, 95, 5), "not_started": 0}[status]
    text = " ".join(
        rng.choice(RESULTS).format(
            a=rng.randint(2, 12), b=rng.randint(80, 900), c=rng.randint(5, 60)
        )
        for _ in range(repeat)
    )
    spent = rng.randrange(0, 60_000_000, 500_000) if status != "not_started" else None
    return TaskResultInput(
        task_id, status, progress, "" if status == "not_started" else text, spent
    )


def _fill_budget(db: Database, plan_id: int) -> None:
    for source, estimate in zip(budget.list_sources(db, plan_id), ESTIMATES, strict=True):
        budget.set_estimate(db, source.id, estimate)
        allocated = estimate * 9 // 10
        budget.add_line(
            db,
            plan_id,
            source.id,
            description=f"Phân bổ {source.name.lower()}",
            allocated=allocated,
            disbursed=allocated * 3 // 4,
        )


def _settings(db: Database, plan_id: int) -> None:
    settings = report_settings.load(db, plan_id)
    changed = dataclasses.replace(settings, report_number="15", report_date=REPORT_DATE)
    report_settings.save(db, plan_id, changed)
