"""The appendices: the detail agency by agency that the body only synthesises.

Phụ lục I: every task of sections III and V with its consolidated status and each agency's
result; Phụ lục II: each indicator with every expected reporter's own figures (those that have
not reported are listed as such); Phụ lục III: who reported when, with the agency's document,
on time or late, and what each report still lacks. The two wide tables are on A4 landscape.
Per Nghị định 30, each appendix is numbered on its own and says which report it belongs to.
"""

from __future__ import annotations

from fractions import Fraction

from sxtdbv_desktop import headings, labels, result_words
from sxtdbv_desktop.consolidation import own_reduction
from sxtdbv_desktop.indicators import Indicator
from sxtdbv_desktop.report.content import (
    ConsolidatedReport,
    IndicatorSection,
    ReportingRow,
    TaskSection,
)
from sxtdbv_desktop.report.document import (
    CENTER,
    GROUP,
    NOTE,
    RIGHT,
    TOTAL,
    Appendix,
    Column,
    Paragraph,
    Row,
    Run,
    Runs,
    Table,
    cell,
)
from sxtdbv_desktop.report.wording import (
    DOCUMENT,
    count,
    percent,
    plan_figure,
    result_figure,
    runs_of,
)
from sxtdbv_desktop.report_inputs import IndicatorValue
from sxtdbv_desktop.tasks import CONTENT
from sxtdbv_desktop.text import nfc
from sxtdbv_desktop.vnformat import format_date, format_number

AGENCIES = labels.ENTITIES["agencies"]  # "Cơ quan, đơn vị"
TASK_COLUMNS = (
    Column("TT", 0.06, CENTER),
    Column("Nhiệm vụ; cơ quan, đơn vị báo cáo", 0.33, kind="long_text"),
    Column(headings.ROLE, 0.07, CENTER),
    Column(headings.STATUS, 0.10, CENTER),
    Column(headings.PROGRESS, 0.05, CENTER, kind="integer"),
    Column(headings.RESULT, 0.29, kind="long_text"),
    Column(headings.in_dong(headings.SPENT), 0.10, RIGHT, kind="money"),
)
CONTRIBUTION_COLUMNS = (
    Column("TT", 0.05, CENTER),
    Column(AGENCIES, 0.22),
    Column(headings.SCOPE, 0.22, kind="long_text"),
    Column(headings.FIGURES_REPORTED, 0.26, kind="long_text"),
    Column(headings.AGENCY_RESULT, 0.10, CENTER, kind="percent"),
    Column(headings.NOTE, 0.15, kind="long_text"),
)
REPORTING_COLUMNS = (
    Column("TT", 0.06, CENTER),
    Column(AGENCIES, 0.30),
    Column(headings.RECEIVED_ON, 0.13, CENTER, kind="date"),
    Column(headings.AGENCY_DOCUMENT, 0.25, CENTER),  # "1234/BC-SNNPTNT" on one line
    Column(headings.REPORTING_STATE, 0.13, CENTER),
    Column("Số mục còn thiếu", 0.13, CENTER, kind="integer"),
)


def appendices(report: ConsolidatedReport) -> tuple[Appendix, ...]:
    reference = reference_line(report)
    return (
        Appendix("Phụ lục I", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ",
                 reference, (task_table(report),), landscape=True),
        Appendix("Phụ lục II", "SỐ LIỆU CÁC CHỈ TIÊU DO CÁC CƠ QUAN, ĐƠN VỊ BÁO CÁO",
                 reference, (contribution_table(report),), landscape=True),
        Appendix("Phụ lục III", "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ",
                 reference, (reporting_table(report),)),
    )  # fmt: skip


def reference_line(report: ConsolidatedReport) -> Runs:
    """ "(Kèm theo Báo cáo số [số]/BC-SCT ngày 05/01/2024 của Sở Công Thương)"."""
    number = report.settings.number_line.removeprefix("Số: ")
    text = f"(Kèm theo Báo cáo số {number} ngày {format_date(report.date)} của {report.speaker})"
    return runs_of(text, italic=True)


# --- Phụ lục I: tasks ---------------------------------------------------------------------------


def _section_title(report: ConsolidatedReport, section: str) -> str:
    """ "III. NỘI DUNG", "V. TỔ CHỨC THỰC HIỆN (NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ)"."""
    title = report.heading(section)
    return title if section == CONTENT else f"{title} (NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ)"


def task_table(report: ConsolidatedReport) -> Table:
    rows: list[Row] = []
    section = None
    for group in report.groups:
        if group.section != section:
            section = group.section
            rows.append(_band(_section_title(report, section)))
        rows.append(_band(f"{group.reference}. {group.title}"))
        for task in group.tasks:
            rows += _task_rows(task)
    return Table(
        "Kết quả từng nhiệm vụ theo báo cáo của các cơ quan, đơn vị",
        TASK_COLUMNS,
        tuple(rows),
        notes=(
            Paragraph(
                (Run(f"{headings.STATUS} của nhiệm vụ (dòng in đậm) tổng hợp từ báo cáo của cơ "
                     f"quan chủ trì; «{labels.PROVISIONAL}» khi còn cơ quan chủ trì chưa báo "
                     "cáo."),), NOTE),
        ),
    )  # fmt: skip


def _band(text: str) -> Row:
    return Row((cell(text, bold=True, span=len(TASK_COLUMNS)),), GROUP)


def _task_rows(task: TaskSection) -> list[Row]:
    leads = "; ".join(task.leads) or labels.UNASSIGNED.lower()
    helpers = "; ".join(task.coordinators)
    who = f"Chủ trì: {leads}" + (f"; phối hợp: {helpers}" if helpers else "")
    status = result_words.task_status(task.status)
    heading = Row(
        (
            cell(task.reference, bold=True),
            cell(f"{task.text}\n{who}", bold=True),
            cell(""),
            cell(status, bold=True),
            cell("" if task.status.progress is None else str(task.status.progress),
                 value=task.status.progress),
            cell(result_words.override_note(task.status)),
            cell(""),
        )
    )  # fmt: skip
    rows = [heading]
    for outcome in task.outcomes:
        rows.append(
            Row(
                (
                    cell(""),
                    cell(outcome.agency),
                    cell(labels.ROLES["lead" if outcome.lead else "coordinator"]),
                    cell(outcome.status_label),
                    cell("" if outcome.progress is None else str(outcome.progress),
                         value=outcome.progress),
                    cell(outcome.result),
                    cell("" if outcome.spent is None else format_number(outcome.spent),
                         value=outcome.spent),
                )
            )
        )  # fmt: skip
    return rows


# --- Phụ lục II: indicators ---------------------------------------------------------------------


def contribution_table(report: ConsolidatedReport) -> Table:
    rows: list[Row] = []
    for section in report.indicators:
        result = section.result
        indicator = result.indicator
        band = (
            f"Chỉ tiêu {indicator.code}: {nfc(indicator.name)} — kế hoạch "
            f"{plan_figure(indicator, result.expected, report.local_units)}; kết quả "
            f"{result_figure(result, report.local_units)}"
        )
        rows.append(Row((cell(band, bold=True, span=len(CONTRIBUTION_COLUMNS)),), GROUP))
        rows += _contribution_rows(section)
    return Table("Số liệu của từng cơ quan, đơn vị", CONTRIBUTION_COLUMNS, tuple(rows))


def _contribution_rows(section: IndicatorSection) -> list[Row]:
    result = section.result
    given = {c.agency_id: c for c in result.contributions}
    rows = []
    names = section.agency_names
    by_name = {names[a]: a for a in given}
    for number, reporter in enumerate(section.reporters, 1):
        contribution = given.get(by_name.get(reporter.name, -1))
        if contribution is None:
            figures, own, note = "Chưa báo cáo", None, ""
        else:
            figures = figures_text(result.indicator.kind, contribution.value, result.indicator)
            own = _own_rate(result.indicator.kind, contribution.value)
            note = nfc(contribution.value.note)
        rows.append(
            Row(
                (
                    cell(str(number)),
                    cell(reporter.name),
                    cell(reporter.scope),
                    cell(figures),
                    cell(percent(own, missing=""), value=own),
                    cell(note),
                )
            )
        )
    return rows


def _own_rate(kind: str, value: IndicatorValue) -> Fraction | None:
    if kind == "share" and value.numerator is not None and value.denominator:
        return Fraction(value.numerator, value.denominator)
    if kind == "reduction":
        return own_reduction(value)
    return None


INCOMPLETE = "Chưa ghi đủ số liệu"


def figures_text(kind: str, value: IndicatorValue, indicator: Indicator) -> str:
    """What one agency reported, in words: "10/14", "Có", "Năm trước: 1.200; năm nay: 900"."""
    if not value.is_complete(kind):
        return INCOMPLETE
    if kind == "count":
        return f"{count(value.count_value or 0)} {nfc(indicator.unit)}".strip()
    if kind == "share":
        return f"{format_number(value.numerator or 0)}/{format_number(value.denominator or 0)}"
    if kind == "reduction":
        return _reduction_text(value)
    return labels.YES_NO[value.answer or 0]


def _reduction_text(value: IndicatorValue) -> str:
    if value.units == 0 and not value.baseline:
        return "Không có chợ thuộc phạm vi báo cáo"
    markets = f"{count(value.units)} chợ; " if value.units is not None else ""
    if value.has_quantities:
        return (
            f"{markets}năm trước: {format_number(value.baseline or 0)}; năm báo cáo: "
            f"{format_number(value.current or 0)}"
        )
    how = f" ({nfc(value.method)})" if value.method else ""
    return f"{markets}ước tính giảm {value.estimated_rate}%{how}"


# --- Phụ lục III: reporting ---------------------------------------------------------------------


def reporting_table(report: ConsolidatedReport) -> Table:
    rows = [_reporting_row(number, row) for number, row in enumerate(report.reporting_rows, 1)]
    r = report.reporting
    rows.append(
        Row(
            (
                cell(""),
                cell(f"Cộng: đã nhận {count(r.received)}/{count(r.expected)}", bold=True),
                cell(""),
                cell(""),
                cell(result_words.timeliness(r.on_time, r.late, DOCUMENT), bold=True),
                cell(count(sum(row.missing_items for row in report.reporting_rows)), bold=True),
            ),
            TOTAL,
        )
    )
    return Table("Tình hình gửi báo cáo", REPORTING_COLUMNS, tuple(rows))


def _reporting_row(number: int, row: ReportingRow) -> Row:
    report = row.report
    received = report.received_on if report is not None and row.received else None
    document = ""
    if report is not None and report.document_number:
        document = report.document_number
        if report.document_date:
            document += f" ngày {format_date(report.document_date)}"
    return Row(
        (
            cell(str(number)),
            cell(row.agency),
            cell(format_date(received) if received else "", value=received),
            cell(document),
            cell(row.state_label),
            cell(count(row.missing_items) if row.missing_items else "", value=row.missing_items),
        )
    )
