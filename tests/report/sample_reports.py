"""A year of reports in the default plan, put in through the core's own API: fast and varied.

Used by the report tests, the report benchmark and the page images under docs/report/: the
plan's proposed assignments confirmed, 8 more departments (32 expected agencies), per-source
estimates, and `reports` agencies filing their results on their own tasks and indicators, with
spending by source and texts, some of them late. The data is synthetic; the yearly cycle through
the Excel forms lives in tests/cycle.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlite_utils import Database

from sxtdbv_desktop import budget, proposals, report_settings
from sxtdbv_desktop.agencies import Agency, add_agency, list_agencies
from sxtdbv_desktop.consolidation import main_period
from sxtdbv_desktop.indicators import Indicator, list_indicators, reporters_by_indicator
from sxtdbv_desktop.reports import (
    IndicatorValue,
    ReportContent,
    SourceSpending,
    TaskResultInput,
    replace_report,
)
from sxtdbv_desktop.tasks import list_tasks, tasks_of_agency

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
    proposals.confirm(db, plan_id)
    _fill_budget(db, plan_id)
    _settings(db, plan_id)
    expected = [a for a in list_agencies(db, plan_id) if a.must_report]
    period = main_period(db, plan_id)
    all_tasks = list_tasks(db, plan_id)
    sources = [s.id for s in budget.list_sources(db, plan_id)]
    reported = _reported_indicators(db, plan_id)
    for index, agency in enumerate(expected[:reports]):
        tasks = all_tasks if every_task else tasks_of_agency(db, plan_id, agency.id)
        results = [_task_result(rng, task.id, repeat) for task in tasks]
        on_tasks = sum(r.spent or 0 for r in results)
        source = sources[-1] if agency.kind == "district" else sources[index % (len(sources) - 1)]
        content = ReportContent(
            general_assessment=ASSESSMENT,
            difficulties=DIFFICULTIES[index % 3] if index % 2 == 0 else "",
            proposals=PROPOSALS[index % 3] if index % 3 != 1 else "",
            task_results=results,
            indicator_values=[
                _value(rng, indicator, agency, index) for indicator in reported[agency.id]
            ],
            spending=[SourceSpending(source, on_tasks + rng.randrange(0, 10) * 1_000_000)],
            document_number=f"{100 + index}/BC-{agency.code}",
            document_date=dt.date(2023, 11, 28),
        )
        late = index % 9 == 4
        day = dt.date(2023, 12, 12 + index % 8) if late else dt.date(2023, 12, 1 + index % 9)
        replace_report(db, period.id, agency.id, content, received_on=day)


def _reported_indicators(db: Database, plan_id: int) -> dict[int, list[Indicator]]:
    """The indicators each agency reports, by agency id."""
    found: dict[int, list[Indicator]] = {a.id: [] for a in list_agencies(db, plan_id)}
    by_id = {i.id: i for i in list_indicators(db, plan_id)}
    for indicator_id, rows in reporters_by_indicator(db, plan_id).items():
        for row in rows:
            found[row.agency_id].append(by_id[indicator_id])
    return found


def _value(rng: random.Random, indicator: Indicator, agency: Agency, index: int) -> IndicatorValue:
    """One agency's figures for `indicator`, such that every verdict occurs in the report."""
    kind = indicator.kind
    if kind == "count":
        return IndicatorValue(0, indicator.id, count_value=1 + index % 2)
    if kind == "share":
        whole = rng.randint(5, 40)
        share = {"2a": 0.7, "2b": 0.6, "3": 0.85}.get(indicator.code, 0.8)
        return IndicatorValue(0, indicator.id, numerator=round(whole * share), denominator=whole)
    if kind == "reduction":
        markets = rng.randint(2, 9)
        if agency.kind != "district":
            return IndicatorValue(0, indicator.id, units=0, baseline=0, current=0)
        if index % 5 == 2:  # the markets' boards estimated the cut
            return IndicatorValue(
                0, indicator.id, units=markets, estimated_rate=rng.randint(30, 55),
                method="Ban quản lý chợ ước tính qua khảo sát tiểu thương.",
            )  # fmt: skip
        baseline = markets * rng.randint(300, 500)
        cut = rng.randint(35, 55) if indicator.code == "4a" else rng.randint(15, 30)
        current = baseline * (100 - cut) // 100
        return IndicatorValue(0, indicator.id, units=markets, baseline=baseline, current=current)
    return IndicatorValue(0, indicator.id, answer=int(index % 7 != 3))


def _task_result(rng: random.Random, task_id: int, repeat: int) -> TaskResultInput:
    status = rng.choice(("done", "done", "in_progress", "not_started"))
    progress = {"done": 100, "in_progress": rng.randrange(30, 95, 5), "not_started": 0}[status]
    text = " ".join(
        rng.choice(RESULTS).format(
            a=rng.randint(2, 12), b=rng.randint(80, 900), c=rng.randint(5, 60)
        )
        for _ in range(repeat)
    )
    spent = rng.randrange(0, 20_000_000, 500_000) if status != "not_started" else None
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
