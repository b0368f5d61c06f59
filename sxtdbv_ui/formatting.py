"""How indicator figures read in the window, besides the result wording every output shares
(`sxtdbv_desktop.result_words`): how far a result has come, its colour, an agency's inputs, who
reported."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtGui import QColor

from sxtdbv_desktop import labels, vnformat
from sxtdbv_desktop.consolidation import EXCEEDED, MET, NO_DATA, IndicatorResult
from sxtdbv_desktop.indicators import Indicator
from sxtdbv_desktop.report.wording import coverage
from sxtdbv_desktop.reports import INPUTS, IndicatorValue
from sxtdbv_ui.text_colors import ERROR_TEXT, GOOD_TEXT, MUTED_TEXT


def exceed_text(indicator: Indicator) -> str:
    if indicator.exceed_above is None:
        return ""
    unit = "%" if indicator.is_ratio else indicator.unit
    return f"> {indicator.exceed_above} {unit}".strip()


def achievement(result: IndicatorResult) -> int | None:
    """How far the result has come towards the threshold, in percent (capped at 100)."""
    if result.figure is None:
        return None
    measured = Fraction(result.figure) * (100 if result.indicator.is_ratio else 1)
    if result.indicator.threshold == 0:
        return 100
    return int(min(Fraction(100), measured * 100 / result.indicator.threshold))


def verdict_color(verdict: str) -> QColor:
    if verdict in (MET, EXCEEDED):
        return GOOD_TEXT
    return MUTED_TEXT if verdict == NO_DATA else ERROR_TEXT


def inputs_text(indicator: Indicator, value: IndicatorValue) -> str:
    """What an agency entered, with the indicator's own labels: "Số chợ: 12; Tổng số: 20"."""
    names = indicator.labels
    parts = []
    for name in INPUTS[indicator.kind]:
        given = getattr(value, name)
        if given is None:
            continue
        shown = labels.YES_NO[given] if name == "answer" else vnformat.format_number(given)
        parts.append(f"{names.get(_label_key(name), name)}: {shown}")
    return "; ".join(parts)


def _label_key(name: str) -> str:
    return "count" if name == "count_value" else name


NOT_ASSIGNED = "chưa giao"


def reported_text(result: IndicatorResult) -> str:
    """ "9/12" reporters; never "1/0": with nobody assigned, "chưa giao" (and how many sent
    figures anyway)."""
    if result.expected > 0:
        return f"{result.reported}/{result.expected}"
    return f"{result.reported} ({NOT_ASSIGNED})" if result.reported else NOT_ASSIGNED


def reported_tooltip(result: IndicatorResult, local_units: str) -> str:
    """Who reported and what they said, in the plan's words for its local units."""
    if result.expected > 0:
        return coverage(result, local_units)
    sent = f" {result.reported} đơn vị đã gửi số liệu." if result.reported else ""
    return (
        "Chưa có đơn vị nào được giao báo cáo chỉ tiêu này: chọn ở thẻ Chỉ tiêu → «Đơn vị báo "
        f"cáo chỉ tiêu…».{sent}"
    )
