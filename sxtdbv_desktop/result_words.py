"""How results read: an indicator's result, threshold and verdict, a task's status.

One wording for the window, the Excel exports, the command line and the report: an indicator's
result is its figure ("75,0 %", "3 mô hình", "Giảm 42,5 %"), then what the figure is made of
("(9/12)", or "(ước tính)" for a reduction estimated from rates); its threshold reads "≥ 70 %",
"≥ 1 mô hình", "Giảm ≥ 40 %"; its verdict "Đạt", or "Đạt (tạm tính)" while reports are
missing. A task's status reads "Hoàn thành", "Đang thực hiện (tạm tính)", "Hoàn thành (Sở điều
chỉnh)", or "Chưa có báo cáo" before anyone reported it. The reports of a period read "đã nhận
10/24, đúng hạn 8, trễ hạn 2, chưa nộp 14".

The figures themselves are written by a `Numbers`: `PLAIN` for the window and the command line
(the vi_VN locale: "66,7 %", "9/12"), the report's own for administrative documents ("66,7%",
"09/12", `sxtdbv_desktop.report.wording.DOCUMENT`). A report's table cell names what a yes/no
indicator counts ("(09/12 huyện, thành phố)"): that is the `units` of `indicator_result`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from sxtdbv_desktop import headings, labels, vnformat
from sxtdbv_desktop.consolidation import NO_DATA, IndicatorResult, ReportingSummary
from sxtdbv_desktop.indicators import Indicator
from sxtdbv_desktop.task_status import TaskStatus
from sxtdbv_desktop.text import nfc

REDUCTION = "Giảm"
"""Before a reduction's rate: "Giảm 42,5 %", and its threshold: "Giảm ≥ 40 %"."""

ESTIMATED = "ước tính"
"""Said of a reduction estimated from the agencies' rates rather than from counts."""

OF_ALLOCATED = "kinh phí đã phân bổ"
"""What a share of money is taken of: "250.000.000 đồng (25,0 % kinh phí đã phân bổ)"."""


@dataclass(frozen=True)
class Numbers:
    """How one medium writes the numbers of a result."""

    count: Callable[[int], str]  # 1250 -> "1.250"
    percent: Callable[[Fraction], str]  # a rate, 3/4 -> "75,0 %"
    sign: str  # after a whole percentage, a threshold's: " %" -> "≥ 80 %"


PLAIN = Numbers(vnformat.format_number, vnformat.format_percent, " %")
"""The window's and the command line's numbers (vi_VN): "1.250", "66,7 %", "≥ 80 %"."""


def indicator_figure(
    indicator: Indicator, figure: Fraction | int | None, numbers: Numbers = PLAIN
) -> str:
    """A consolidated or single figure: "75,0 %", "2 mô hình", "Giảm 42,5 %"; "" for none."""
    if figure is None:
        return ""
    if not indicator.is_ratio:
        return f"{numbers.count(int(figure))} {nfc(indicator.unit)}".strip()
    rate = numbers.percent(Fraction(figure))
    return f"{REDUCTION} {rate}" if indicator.kind == "reduction" else rate


def indicator_result(result: IndicatorResult, numbers: Numbers = PLAIN, units: str = "") -> str:
    """The result with what it is made of: "66,7 % (8/12)", "3 mô hình", "Giảm 42,5 % (ước
    tính)"; "Chưa có số liệu" without data. `units` names what a yes/no indicator counts:
    "75,0 % (9/12 huyện, thành phố)"."""
    text = indicator_figure(result.indicator, result.figure, numbers)
    if not text:
        return labels.VERDICTS[NO_DATA]
    kind = result.indicator.kind
    if kind == "reduction":
        return f"{text} ({ESTIMATED})" if result.estimated else text
    if kind == "count" or result.numerator is None or not result.denominator:
        return text
    parts = f"{numbers.count(result.numerator)}/{numbers.count(result.denominator)}"
    if kind == "yes_no" and units:
        parts += f" {units}"
    return f"{text} ({parts})"


def threshold(indicator: Indicator, numbers: Numbers = PLAIN) -> str:
    """What the result must reach: "≥ 80 %", "≥ 1 mô hình", "Giảm ≥ 40 %"."""
    if not indicator.is_ratio:
        return f"≥ {numbers.count(indicator.threshold)} {nfc(indicator.unit)}".strip()
    text = f"≥ {indicator.threshold}{numbers.sign}"
    return f"{REDUCTION} {text}" if indicator.kind == "reduction" else text


def verdict(result: IndicatorResult) -> str:
    """ "Đạt", or "Đạt (tạm tính)" while some expected reporters have not reported."""
    return labels.verdict_label(result.verdict, result.provisional)


def task_status(status: TaskStatus) -> str:
    """ "Hoàn thành", "Đang thực hiện (tạm tính)", "Hoàn thành (Sở điều chỉnh)", "Chưa có báo
    cáo"."""
    if status.status is None:
        return labels.NO_REPORT
    text = labels.TASK_STATUSES[status.status]
    if status.overridden:
        return f"{text} ({labels.OVERRIDDEN})"
    return f"{text} ({labels.PROVISIONAL})" if status.provisional else text


def timeliness(on_time: int, late: int, numbers: Numbers = PLAIN) -> str:
    """ "8 đúng hạn, 2 trễ hạn"."""
    states = labels.REPORTING_STATES
    return (
        f"{numbers.count(on_time)} {states['on_time'].lower()}, "
        f"{numbers.count(late)} {states['late'].lower()}"
    )


def reporting_progress(summary: ReportingSummary) -> str:
    """ "đã nhận 10/24, đúng hạn 8, trễ hạn 2, chưa nộp 14"."""
    states = labels.REPORTING_STATES
    return (
        f"đã nhận {summary.received}/{summary.expected}, "
        f"{states['on_time'].lower()} {summary.on_time}, {states['late'].lower()} {summary.late}, "
        f"{states['missing'].lower()} {summary.missing}"
    )


def results_of(plan_phrase: str) -> str:
    """What a results report is about, the agency's form and the Sở's report alike: "Kết quả
    thực hiện Kế hoạch …"."""
    return f"{headings.RESULT} {plan_phrase}"


def tasks_in_groups(tasks: str, groups: str) -> str:
    """ "40 nhiệm vụ trong 5 nhóm" (the caller writes the numbers)."""
    return f"{tasks} nhiệm vụ trong {groups} nhóm"


def and_others(count: str) -> str:
    """The end of a list cut short: "và 8 đơn vị khác" (the caller writes the number)."""
    return f"và {count} đơn vị khác"


def reporters(reported: str, noun: str) -> str:
    """ "09/12 huyện, thành phố đã báo cáo" (the caller writes the part of the whole)."""
    return f"{reported} {noun} đã báo cáo"


def override_note(status: TaskStatus) -> str:
    """Why the Sở set the status: "Sở điều chỉnh: theo Văn bản 12/UBND"; "" when it did not."""
    return f"{labels.OVERRIDDEN}: {status.note}" if status.overridden else ""
