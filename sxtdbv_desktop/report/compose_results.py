"""II. Kết quả thực hiện: the task groups, the duties, the indicators and the budget.

Tables carry their headings here, once, for the PDF, the Word document and the Excel copy.
The budget is reconciled by source: what the plan estimates, what was allocated and disbursed
(when the Sở keeps those figures) and what the agencies report they spent, counted once, by
source, with the rates against the allocation and against the estimate. Nothing contradicts:
when no allocation was entered, the report says so instead of printing zeros.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

from sxtdbv_desktop import consolidation, headings, labels, result_words
from sxtdbv_desktop.numwords import amount_in_words
from sxtdbv_desktop.report import drafts, own_texts
from sxtdbv_desktop.report.content import ConsolidatedReport, IndicatorSection
from sxtdbv_desktop.report.document import (
    CENTER,
    HEADING1,
    HEADING2,
    HEADING3,
    NOTE,
    RIGHT,
    TOTAL,
    Block,
    Cell,
    Chart,
    Column,
    Paragraph,
    Row,
    Run,
    Series,
    Table,
    cell,
    gap,
    para,
)
from sxtdbv_desktop.report.wording import (
    count,
    coverage,
    million,
    money,
    names,
    out_of,
    paragraphs,
    percent,
    plan_figure,
    result_figure,
    runs_of,
)
from sxtdbv_desktop.result_words import verdict
from sxtdbv_desktop.tasks import CONTENT, DUTY
from sxtdbv_desktop.text import nfc
from sxtdbv_desktop.vnformat import format_number

INDICATOR_COLUMNS = (
    Column("Mã", 0.07, CENTER),
    Column(headings.INDICATOR, 0.39, kind="long_text"),
    Column(headings.PLANNED, 0.17, CENTER),
    Column(headings.INDICATOR_RESULT, 0.21, CENTER),
    Column(headings.VERDICT, 0.16, CENTER),
)
SPENT_BY_AGENCIES = "Các đơn vị đã sử dụng"
COLORS = {"result": "#2F5597", "estimate": "#A6A6A6", "allocated": "#8FAADC",
          "disbursed": "#2F5597", "spent": "#C55A11"}  # fmt: skip


def results(report: ConsolidatedReport) -> list[Block]:
    return [
        para("II. KẾT QUẢ THỰC HIỆN", HEADING1),
        *tasks_part(report),
        para(
            f"2. Kết quả thực hiện nhiệm vụ của các cơ quan, đơn vị (mục {report.numeral(DUTY)})",
            HEADING2,
        ),
        *_own(report, own_texts.DUTIES),
        *indicators_part(report),
        *budget_part(report),
    ]


def _own(report: ConsolidatedReport, key: str) -> list[Block]:
    return [*paragraphs(drafts.text(report, key))]


# --- the tasks of section III ------------------------------------------------------------------


def tasks_part(report: ConsolidatedReport) -> list[Block]:
    groups = [g for g in report.groups if g.section == CONTENT]
    tasks = [t for g in groups for t in g.tasks]
    blocks: list[Block] = [
        para(
            f"1. Kết quả thực hiện các nhiệm vụ của Kế hoạch (mục {report.numeral(CONTENT)})",
            HEADING2,
        ),
        para(
            f"Kế hoạch có {result_words.tasks_in_groups(count(len(tasks)), count(len(groups)))}: "
            f"{drafts.status_counts(tuple(tasks))} (kết quả của từng cơ quan, đơn vị tại "
            "Phụ lục I)."
        ),
    ]
    for index, group in enumerate(groups, 1):
        title = group.title.rstrip(" .")
        blocks.append(para(f"1.{index}. {title} ({group.reference})", HEADING3))
        blocks += _own(report, own_texts.group_key(group.reference))
    return blocks


# --- the indicators -----------------------------------------------------------------------------


def indicators_part(report: ConsolidatedReport) -> list[Block]:
    sections = report.indicators
    verdicts = Counter(s.result.verdict for s in sections)
    provisional = sum(1 for s in sections if s.result.provisional)
    tally = [
        f"{count(verdicts[code])} {word}"
        for code, word in (
            (code, labels.VERDICTS[code].lower())
            for code in (
                consolidation.EXCEEDED,
                consolidation.MET,
                consolidation.NOT_MET,
                consolidation.NO_DATA,
            )
        )
        if verdicts[code]
    ]
    text = f"Kế hoạch có {count(len(sections))} chỉ tiêu: {', '.join(tally)}"
    text += (
        f"; {count(provisional)} chỉ tiêu là {labels.PROVISIONAL} vì còn đơn vị chưa báo cáo."
        if provisional
        else "."
    )
    blocks: list[Block] = [para("3. Kết quả thực hiện các chỉ tiêu", HEADING2), para(text)]
    blocks.append(indicator_table(report))
    chart = indicator_chart(report)
    if chart is not None:
        blocks.append(chart)
    return blocks


def indicator_table(report: ConsolidatedReport) -> Table:
    rows = []
    for section in report.indicators:
        result = section.result
        indicator = result.indicator
        rate = Fraction(result.figure) if indicator.is_ratio and result.figure is not None else None
        rows.append(
            Row(
                (
                    cell(indicator.code),
                    cell(nfc(indicator.name)),
                    cell(plan_figure(indicator, result.expected, report.local_units)),
                    cell(
                        result_figure(result, report.local_units),
                        value=rate if rate is not None else result.figure,
                    ),
                    cell(verdict(result), bold=True),
                )
            )
        )
    return Table(
        "Bảng 1. Kết quả thực hiện các chỉ tiêu",
        INDICATOR_COLUMNS,
        tuple(rows),
        notes=tuple(indicator_notes(report)),
    )


def indicator_notes(report: ConsolidatedReport) -> list[Paragraph]:
    """Under the table: who reported each indicator, how estimates and lists were made."""
    notes = []
    for section in report.indicators:
        result = section.result
        code = result.indicator.code
        text = f"Chỉ tiêu {code}: {coverage(result, report.local_units)}"
        missing = [r.name for r in section.reporters if not r.reported]
        if missing and result.reported and len(missing) <= 6:
            text += f" ({names(missing)})"
        if result.estimated:
            text += "; kết quả ước tính, bình quân tỷ lệ giảm của các đơn vị theo số chợ"
        if result.indicator.kind == "yes_no" and result.indicator.population_kind == "department":
            listed = names([r.name for r in section.reporters], limit=30)
            text += (
                f"; tỷ lệ tính trên danh sách {count(len(section.reporters))} cơ quan, đơn vị "
                f"trực thuộc UBND Tỉnh do Sở Công Thương lập: {listed}"
            )
        notes.append(Paragraph((Run(text + "."),), NOTE))
    return notes


def indicator_chart(report: ConsolidatedReport) -> Chart | None:
    rated = [s for s in report.indicators if s.result.indicator.is_ratio]
    if all(s.result.figure is None for s in rated):
        return None  # nothing to draw before the first figures arrive
    values: list[float | None] = []
    labels = []
    for section in rated:
        result = section.result
        values.append(float(result.figure * 100) if result.figure is not None else None)
        labels.append(percent(Fraction(result.figure)) if result.figure is not None else "")
    local = report.local_units
    notes = tuple(
        para(f"Chỉ tiêu {s.result.indicator.code} tính bằng số lượng: "
             f"{result_figure(s.result, local)}, kế hoạch "
             f"{plan_figure(s.result.indicator, s.result.expected, local)}.", NOTE)
        for s in report.indicators
        if not s.result.indicator.is_ratio
    )  # fmt: skip
    return Chart(
        caption="Hình 1. Kết quả các chỉ tiêu tỷ lệ so với mức kế hoạch (%)",
        categories=tuple(_short_name(s) for s in rated),
        series=(Series("Kết quả", tuple(values), tuple(labels), COLORS["result"]),),
        maximum=100.0,
        axis_label="%",
        targets=tuple(float(s.result.indicator.threshold) for s in rated),
        target_label="Mức kế hoạch",
        notes=notes,
    )


def _short_name(section: IndicatorSection) -> str:
    indicator = section.result.indicator
    name = nfc(indicator.name)
    return f"{indicator.code}. {name if len(name) <= 48 else name[:47].rstrip() + '…'}"


# --- the budget ---------------------------------------------------------------------------------


def budget_part(report: ConsolidatedReport) -> list[Block]:
    budget = report.budget
    plan_total = budget.total_estimate
    reference = nfc(report.plan.budget_reference)
    blocks: list[Block] = [
        para("4. Kinh phí thực hiện", HEADING2),
        para(
            f"Tổng dự toán kinh phí thực hiện Kế hoạch là {money(plan_total)} (Bằng chữ: "
            f"{amount_in_words(plan_total)})"
            + (f", chi tiết theo {reference}." if reference else ".")
        ),
    ]
    tracked = budget.allocated > 0 or budget.disbursed > 0
    if tracked:
        blocks.append(
            para(
                f"Kinh phí đã phân bổ: {money(budget.allocated)} "
                f"({percent(_rate(budget.allocated, plan_total))} tổng dự toán); đã giải ngân: "
                f"{money(budget.disbursed)} ({percent(budget.disbursement_rate)} "
                f"{result_words.OF_ALLOCATED})."
            )
        )
    else:
        blocks.append(
            para(
                "Số liệu phân bổ, giải ngân kinh phí theo từng nguồn chưa được cập nhật vào "
                "phần mềm; bảng dưới đây tổng hợp kinh phí theo báo cáo của các cơ quan, đơn vị."
            )
        )
    blocks.append(para(_spent_sentence(report, tracked)))
    blocks.append(budget_table(report, tracked))
    chart = budget_chart(report, tracked)
    if chart is not None:
        blocks.append(chart)
    return blocks


def _rate(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def _spent_sentence(report: ConsolidatedReport, tracked: bool) -> str:
    budget = report.budget
    if not budget.spending_reports:
        return "Chưa có cơ quan, đơn vị nào báo cáo kinh phí đã sử dụng."
    received = report.reporting.received
    text = (
        f"Theo báo cáo của {out_of(budget.spending_reports, report.reporting.expected)} cơ quan, "
        f"đơn vị, kinh phí đã sử dụng là {money(budget.reported_spent)} (Bằng chữ: "
        f"{amount_in_words(budget.reported_spent)}), bằng "
        f"{percent(_rate(budget.reported_spent, budget.total_estimate))} tổng dự toán"
    )
    if tracked and budget.allocated:
        share = percent(_rate(budget.reported_spent, budget.allocated))
        text += f" và {share} {result_words.OF_ALLOCATED}"
    text += "; mỗi khoản chi được tính một lần, theo nguồn."
    if received > budget.spending_reports:
        text += (
            f" {count(received - budget.spending_reports)} báo cáo đã nhận chưa ghi kinh phí "
            "theo nguồn."
        )
    return text


def budget_table(report: ConsolidatedReport, tracked: bool) -> Table:
    budget = report.budget
    money_columns = [headings.in_dong(headings.ESTIMATE)]
    if tracked:
        money_columns += [headings.in_dong(h) for h in (headings.ALLOCATED, headings.DISBURSED)]
    money_columns.append(headings.in_dong(SPENT_BY_AGENCIES))
    # Amounts up to "3.235.715.000" and rates up to "263,6%" each fit one line of their cell.
    named, rate = (0.20 if tracked else 0.30), 0.10
    share = (1 - 0.05 - named - rate) / len(money_columns)
    columns = (
        Column("TT", 0.05, CENTER),
        Column(headings.SOURCE, named),
        *(Column(title, share, RIGHT, kind="money") for title in money_columns),
        Column("Tỷ lệ đã sử dụng so với dự toán", rate, CENTER, kind="percent"),
    )
    rows = []
    for number, source in enumerate(budget.sources, 1):
        estimate = source.source.estimate
        cells = [
            cell(str(number)),
            cell(nfc(source.source.name)),
            Cell((gap("dự toán"),)) if estimate is None else _money(estimate),
        ]
        if tracked:
            cells += [_money(source.allocated), _money(source.disbursed)]
        cells += [_money(source.reported), _rate_cell(source.reported, estimate)]
        rows.append(Row(tuple(cells)))
    total = [
        cell(""),
        cell(headings.TOTAL, bold=True),
        _money(budget.total_estimate, bold=True),
    ]
    if tracked:
        total += [_money(budget.allocated, bold=True), _money(budget.disbursed, bold=True)]
    total += [
        _money(budget.reported_spent, bold=True),
        _rate_cell(budget.reported_spent, budget.total_estimate, bold=True),
    ]
    rows.append(Row(tuple(total), TOTAL))
    notes = []
    if any(s.source.estimate is None for s in budget.sources):
        notes.append(
            Paragraph(
                runs_of(
                    "Dự toán của từng nguồn chưa có trong Kế hoạch (chi tiết theo văn bản phân "
                    "bổ kinh phí): các ô [dự toán] để Sở điền."
                ),
                NOTE,
            )
        )
    return Table("Bảng 2. Kinh phí thực hiện theo nguồn", columns, tuple(rows), notes=tuple(notes))


def _money(amount: int, *, bold: bool = False) -> Cell:
    return cell(format_number(amount), bold=bold, value=amount)


def _rate_cell(part: int, whole: int | None, *, bold: bool = False) -> Cell:
    rate = _rate(part, whole) if whole else None
    return cell(percent(rate), bold=bold, value=rate)


def budget_chart(report: ConsolidatedReport, tracked: bool) -> Chart | None:
    budget = report.budget
    sources = budget.sources
    series = []
    estimates = [s.source.estimate for s in sources]
    if any(e is not None for e in estimates):
        series.append(_series(headings.ESTIMATE, estimates, COLORS["estimate"]))
    if tracked:
        allocated = [s.allocated for s in sources]
        series.append(_series(headings.ALLOCATED, allocated, COLORS["allocated"]))
        disbursed = [s.disbursed for s in sources]
        series.append(_series(headings.DISBURSED, disbursed, COLORS["disbursed"]))
    spent = [s.reported for s in sources]
    if any(spent):
        series.append(_series(SPENT_BY_AGENCIES, spent, COLORS["spent"]))
    if not series:
        return None
    top = max((v for s in series for v in s.values if v is not None), default=0.0)
    return Chart(
        caption="Hình 2. Kinh phí theo nguồn (triệu đồng)",
        categories=tuple(nfc(s.source.name) for s in sources),
        series=tuple(series),
        maximum=float(top) * 1.1 or 1.0,
        axis_label="triệu đồng",
    )


def _series(name: str, amounts: Sequence[int | None], color: str) -> Series:
    values = tuple(None if a is None else a / 1_000_000 for a in amounts)
    labels = tuple("" if a is None else million(a) for a in amounts)
    return Series(name, values, labels, color)
