"""The report's story: header, title, the six parts of the body, signature, appendices.

Words that are not the agencies' own (headings, linking sentences) are fixed here; figures and
quotations come from the `ConsolidatedReport`. Where there are no reports yet, every part says
"Chưa có số liệu" instead of showing zeros as if they were results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from fractions import Fraction

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph

from sxtdbv_desktop import consolidation
from sxtdbv_desktop.labels import TASK_STATUSES
from sxtdbv_desktop.numwords import amount_in_words
from sxtdbv_desktop.report import pdf_tables
from sxtdbv_desktop.report.content import (
    NO_DATA_LABEL,
    ConsolidatedReport,
    GroupSection,
    Statement,
    TaskSection,
)
from sxtdbv_desktop.report.letterhead import Rule, header_block, signature_block
from sxtdbv_desktop.report.styles import PLACEHOLDER, markup, para, styles
from sxtdbv_desktop.tasks import CONTENT
from sxtdbv_desktop.vnformat import format_date, format_money
from sxtdbv_desktop.vnformat import format_percent as _format_percent

HEADINGS = (
    "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN",
    "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    "III. KINH PHÍ THỰC HIỆN",
    "IV. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ",
    "V. KHÓ KHĂN, VƯỚNG MẮC",
    "VI. KIẾN NGHỊ, ĐỀ XUẤT",
)
STATUS_ORDER = ("done", "in_progress", "not_started", "cancelled")
APPENDIX_TITLES = (
    ("Phụ lục I", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"),
    ("Phụ lục II", "SỐ LIỆU CÁC CHỈ TIÊU DO CÁC CƠ QUAN, ĐƠN VỊ BÁO CÁO"),
)


def story(report: ConsolidatedReport) -> list[Flowable]:
    """Every flowable of the report, in order."""
    return [
        *_opening(report),
        *_implementation(report),
        *_indicators(report),
        *_budget(report),
        *_reporting(report),
        *_statements_part(report, HEADINGS[4], report.difficulties, "khó khăn, vướng mắc"),
        *_statements_part(report, HEADINGS[5], report.proposals, "kiến nghị, đề xuất"),
        *_closing(report),
        *_appendices(report),
    ]


def format_percent(rate: Fraction | None, *, missing: str = "") -> str:
    """ "93,8 %" that never breaks between the figure and its sign."""
    return _format_percent(rate, missing=missing).replace(" %", "\u00a0%")


def _reporter(report: ConsolidatedReport) -> str:
    return report.reporter or PLACEHOLDER


def _opening(report: ConsolidatedReport) -> list[Flowable]:
    s = styles()
    return [
        header_block(report),
        para("BÁO CÁO", s.title),
        para(report.summary_line, s.summary),
        Rule(45 * mm, gap=4),
        para(
            f"Thực hiện {report.plan_reference}, {_reporter(report)} báo cáo kết quả thực hiện "
            f"năm {report.year} như sau:",
            s.body,
        ),
    ]


def _implementation(report: ConsolidatedReport) -> list[Flowable]:
    s = styles()
    flow: list[Flowable] = [para(HEADINGS[0], s.heading1), para(_overview(report), s.body)]
    parts = (
        ("1. Kết quả thực hiện các nhiệm vụ của Kế hoạch", CONTENT),
        ("2. Kết quả thực hiện nhiệm vụ được giao của các cơ quan, đơn vị", "duty"),
    )
    for heading, section in parts:
        flow.append(para(heading, s.heading2))
        groups = [g for g in report.groups if g.section == section]
        if not report.has_reports:
            flow.append(para(f"{NO_DATA_LABEL}.", s.body))
            continue
        for index, group in enumerate(groups, 1):
            flow += _group(f"{heading[0]}.{index}", group)
    flow.append(para("3. Đánh giá chung của các cơ quan, đơn vị", s.heading2))
    flow += _statements(report, report.assessments, "đánh giá chung")
    return flow


def _overview(report: ConsolidatedReport) -> str:
    r = report.reporting
    day = format_date(report.date)
    if not report.has_reports:
        return (
            f"Tính đến ngày {day}, {_reporter(report)} chưa nhận được báo cáo kết quả thực hiện "
            f"của cơ quan, đơn vị nào trong số {r.expected} cơ quan, đơn vị phải báo cáo: "
            f"{NO_DATA_LABEL}."
        )
    return (
        f"Tính đến ngày {day}, {_reporter(report)} đã nhận được báo cáo của {r.received}/"
        f"{r.expected} cơ quan, đơn vị (đạt {format_percent(r.completeness)}), trong đó "
        f"{r.on_time} báo cáo đúng hạn, {r.late} báo cáo trễ hạn; còn {r.missing} cơ quan, "
        "đơn vị chưa gửi báo cáo (chi tiết tại mục IV)."
    )


def _group(number: str, group: GroupSection) -> list[Flowable]:
    s = styles()
    flow: list[Flowable] = [para(f"{number}. {group.title}", s.heading3)]
    silent = [t.number for t in group.tasks if not t.outcomes]
    for task in group.tasks:
        if task.outcomes:
            flow += _task(task)
    if silent:
        flow.append(
            para(f"Nhiệm vụ chưa có đơn vị báo cáo kết quả ({NO_DATA_LABEL.lower()}): "
                 f"{', '.join(silent)} (xem Phụ lục I).", s.body)
        )  # fmt: skip
    return flow


def _task(task: TaskSection) -> list[Flowable]:
    """The task, how many agencies reported it at each status, and what they achieved."""
    s = styles()
    counts = Counter(o.status for o in task.outcomes)
    states = ", ".join(
        f"{counts[code]} {TASK_STATUSES[code].lower()}" for code in STATUS_ORDER if counts[code]
    )
    flow: list[Flowable] = [
        para(f"- Nhiệm vụ {task.number}: {task.text}", s.bullet),
        para(f"Có {len(task.outcomes)} cơ quan, đơn vị báo cáo: {states}.", s.body),
    ]
    for outcome in task.outcomes:
        if outcome.result:
            progress = f", {outcome.progress}\u00a0%" if outcome.status == "in_progress" else ""
            flow.append(
                Paragraph(
                    f"+ <i>{markup(outcome.agency)}</i> ({markup(outcome.status_label.lower())}"
                    f"{progress}): {markup(outcome.result)}",
                    s.bullet,
                )
            )
    return flow


def _statements(
    report: ConsolidatedReport, statements: Iterable[Statement], what: str
) -> list[Flowable]:
    s = styles()
    flow: list[Flowable] = []
    for statement in statements:
        first, *rest = statement.text.split("\n")
        flow.append(Paragraph(f"- <i>{markup(statement.agency)}</i>: {markup(first)}", s.bullet))
        flow += [para(line, s.body) for line in rest if line.strip()]
    if not flow:
        text = (
            f"Các cơ quan, đơn vị đã báo cáo không nêu {what}."
            if report.has_reports
            else f"{NO_DATA_LABEL}."
        )
        flow.append(para(text, s.body))
    return flow


def _statements_part(
    report: ConsolidatedReport, heading: str, statements: Iterable[Statement], what: str
) -> list[Flowable]:
    return [para(heading, styles().heading1), *_statements(report, statements, what)]


def _indicators(report: ConsolidatedReport) -> list[Flowable]:
    s = styles()
    verdicts = Counter(row.verdict for row in report.indicators)
    count = (
        f"Kế hoạch có {len(report.indicators)} chỉ tiêu: {verdicts[consolidation.MET]} chỉ "
        f"tiêu đạt, {verdicts[consolidation.EXCEEDED]} chỉ tiêu vượt, "
        f"{verdicts[consolidation.NOT_MET]} chỉ tiêu chưa đạt, "
        f"{verdicts[consolidation.NO_DATA]} chỉ tiêu chưa có số liệu."
    )
    return [
        para(HEADINGS[1], s.heading1),
        para(count, s.body),
        para("Bảng 1. Kết quả thực hiện các chỉ tiêu", s.caption),
        pdf_tables.indicator_table(report.indicators),
        para(
            "Kết quả được tổng hợp từ các báo cáo đã nộp và đã được chấp nhận; số liệu của "
            "từng cơ quan, đơn vị tại Phụ lục II.",
            s.body,
        ),
    ]


def _budget(report: ConsolidatedReport) -> list[Flowable]:
    s = styles()
    b = report.budget
    reference = f", chi tiết theo {b.reference}" if b.reference else ""
    spent = format_money(b.reported_spent) if report.has_reports else NO_DATA_LABEL.lower()
    rate = format_percent(b.rate, missing=NO_DATA_LABEL.lower())
    left = (
        f"phần dự toán chưa phân bổ: {format_money(b.unallocated)}"
        if b.unallocated >= 0
        else f"số đã phân bổ vượt tổng dự toán: {format_money(-b.unallocated)}"
    )
    return [
        CondPageBreak(60 * mm),
        para(HEADINGS[2], s.heading1),
        para(
            f"Tổng dự toán kinh phí thực hiện Kế hoạch là {format_money(b.total_estimate)} "
            f"(Bằng chữ: {amount_in_words(b.total_estimate)}){reference}.",
            s.body,
        ),
        para("Bảng 2. Kinh phí thực hiện theo nguồn", s.caption),
        pdf_tables.budget_table(b),
        para(
            f"Kinh phí đã phân bổ: {format_money(b.allocated)}; đã giải ngân: "
            f"{format_money(b.disbursed)} (Bằng chữ: {amount_in_words(b.disbursed)}), tỷ lệ "
            f"giải ngân so với kinh phí đã phân bổ: {rate}; {left}.",
            s.body,
        ),
        para(f"Kinh phí các cơ quan, đơn vị báo cáo đã chi cho các nhiệm vụ: {spent}.", s.body),
    ]


def _reporting(report: ConsolidatedReport) -> list[Flowable]:
    s = styles()
    r = report.reporting
    completeness = format_percent(r.completeness, missing=NO_DATA_LABEL.lower())
    return [
        CondPageBreak(60 * mm),
        para(HEADINGS[3], s.heading1),
        para(
            f"Kế hoạch yêu cầu {r.expected} cơ quan, đơn vị báo cáo kết quả thực hiện về "
            f"{_reporter(report)}, hạn báo cáo ngày {format_date(r.deadline)}. Đã nhận "
            f"{r.received}/{r.expected} báo cáo (đạt {completeness}), trong đó {r.on_time} "
            f"đúng hạn, {r.late} trễ hạn; {r.missing} cơ quan, đơn vị chưa gửi báo cáo.",
            s.body,
        ),
        para("Bảng 3. Tình hình gửi báo cáo của các cơ quan, đơn vị", s.caption),
        pdf_tables.reporting_table(r),
    ]


def _closing(report: ConsolidatedReport) -> list[Flowable]:
    s = styles()
    subject = report.summary_line[0].lower() + report.summary_line[1:]
    closing = para(f"Trên đây là báo cáo {subject} của {_reporter(report)}./.", s.body)
    return [KeepTogether([closing, signature_block(report)])]


def _appendices(report: ConsolidatedReport) -> list[Flowable]:
    s = styles()
    tables = (
        pdf_tables.task_appendix_table(report.groups, NO_DATA_LABEL),
        pdf_tables.contribution_table(report, NO_DATA_LABEL),
    )
    flow: list[Flowable] = []
    for (label, title), table in zip(APPENDIX_TITLES, tables, strict=True):
        flow += [
            PageBreak(),
            para(label, s.appendix_title),
            para(title, s.appendix_title),
            para(report.appendix_reference, s.appendix_reference),
            table,
        ]
    return flow
