"""The plan's indicators: what the plan asks (editable thresholds) and the consolidated result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor

from sxtdbv_desktop import headings, labels, result_words
from sxtdbv_desktop.consolidation import IndicatorResult, indicator_results
from sxtdbv_desktop.indicators import update_threshold
from sxtdbv_desktop.plans import local_unit_name
from sxtdbv_desktop.year_over_year import NOT_COMPARABLE, PreviousResult, previous_results
from sxtdbv_ui.formatting import (
    achievement,
    exceed_text,
    reported_text,
    reported_tooltip,
    verdict_color,
)
from sxtdbv_ui.models.base import (
    ERROR_TEXT,
    GOOD_TEXT,
    MUTED_TEXT,
    Column,
    Editor,
    EditorKind,
    RowTableModel,
)
from sxtdbv_ui.workspace import AGENCIES, INDICATORS, REPORTS, Edit, Workspace, value_edit

_COMPACT = ("Mã", "Chỉ tiêu", "Ngưỡng đạt", "Kết quả", "Mức đạt", "Đánh giá", "Năm trước",
            "So với năm trước")  # fmt: skip


@dataclass(frozen=True)
class IndicatorRow:
    result: IndicatorResult
    previous: PreviousResult | None = None  # last year's result, when linked
    local_units: str = ""  # how the plan names its local units, for the coverage tooltip

    @property
    def indicator(self) -> Any:
        return self.result.indicator


class IndicatorModel(RowTableModel[IndicatorRow]):
    title = "Chỉ tiêu của kế hoạch"
    entities = frozenset({INDICATORS, REPORTS, AGENCIES})

    def __init__(self, session: Workspace, *, compact: bool = False) -> None:
        columns = _columns(session, editable=not compact)
        if compact:  # the overview: what the plan asks, the result, how far, the verdict
            columns = [c for c in columns if c.header in _COMPACT]
        super().__init__(session, columns)

    def fetch(self) -> list[IndicatorRow]:
        db, plan_id = self.session.db, self.session.plan_id
        results = indicator_results(db, plan_id)
        earlier = previous_results(db, plan_id, results)
        local = local_unit_name(db, plan_id)
        return [IndicatorRow(r, earlier.get(r.indicator.id), local) for r in results]

    def key(self, row: IndicatorRow) -> object:
        return row.indicator.id


def _threshold_edit(
    session: Workspace, row: IndicatorRow, value: Any, *, exceed: bool
) -> Edit | None:
    indicator = row.indicator
    old = (indicator.threshold, indicator.exceed_above)
    new = (indicator.threshold, value) if exceed else (value, indicator.exceed_above)

    def setter(pair: tuple[int, int | None]) -> None:
        update_threshold(session.db, indicator.id, *pair)

    text = "Sửa mức vượt" if exceed else "Sửa ngưỡng đạt"
    return value_edit(f"{text} chỉ tiêu {indicator.code}", setter, old, new, INDICATORS)


def _columns(session: Workspace, editable: bool) -> list[Column[IndicatorRow]]:
    def threshold(row: IndicatorRow) -> Editor[IndicatorRow] | None:
        # A share's threshold is a percentage: "85", "85 %" and "85%" all read as 85.
        kind = EditorKind.PERCENT if row.indicator.is_ratio else EditorKind.NUMBER
        return Editor(kind, lambda r: r.indicator.threshold,
                      lambda r, v: _threshold_edit(session, r, v, exceed=False))  # fmt: skip

    def exceed(row: IndicatorRow) -> Editor[IndicatorRow] | None:
        ratio = row.indicator.is_ratio
        kind = EditorKind.OPTIONAL_PERCENT if ratio else EditorKind.OPTIONAL_NUMBER
        return Editor(kind, lambda r: r.indicator.exceed_above,
                      lambda r, v: _threshold_edit(session, r, v, exceed=True))  # fmt: skip

    return [
        Column("Mã", lambda r: r.indicator.code, width=4, sort=lambda r: r.indicator.position),
        Column(headings.INDICATOR, lambda r: r.indicator.name, width=0),
        Column("Loại", lambda r: labels.INDICATOR_KINDS[r.indicator.kind], width=20),
        Column(headings.PLANNED, lambda r: r.indicator.plan_text, width=28),
        Column("Ngưỡng đạt", lambda r: result_words.threshold(r.indicator), width=14,
               sort=lambda r: r.indicator.threshold, editor_for=threshold if editable else None,
               header_tip="Số tối thiểu, hoặc tỷ lệ tối thiểu (%) với chỉ tiêu tỷ lệ"),
        Column("Mức vượt", lambda r: exceed_text(r.indicator), width=14,
               sort=lambda r: r.indicator.exceed_above, editor_for=exceed if editable else None,
               header_tip="Kết quả lớn hơn mức này được đánh giá “Vượt”; để trống nếu không có"),
        Column(headings.INDICATOR_RESULT, lambda r: result_words.indicator_result(r.result),
               width=20, sort=lambda r: r.result.figure),
        Column("Mức đạt", _achievement_text, width=14, header_tip="Kết quả so với ngưỡng đạt",
               progress=lambda r: achievement(r.result), sort=lambda r: achievement(r.result)),
        Column("Đã báo cáo", lambda r: reported_text(r.result),
               width=8, right=True, sort=lambda r: r.result.reported,
               tooltip=lambda r: reported_tooltip(r.result, r.local_units)),
        Column(headings.VERDICT,
               lambda r: result_words.verdict(r.result), width=18,
               color=lambda r: verdict_color(r.result.verdict), bold=lambda r: True,
               tooltip=lambda r: reported_tooltip(r.result, r.local_units)),
        Column("Năm trước", _previous_text, width=18, tooltip=_previous_tip,
               sort=lambda r: r.previous.result.figure if r.previous else None),
        Column("So với năm trước", _trend_text, width=16,
               color=lambda r: _trend_color(r.previous)),
    ]  # fmt: skip


def _previous_text(row: IndicatorRow) -> str:
    """Last year's result and verdict: "66,7 % — Chưa đạt"; "—" when not linked."""
    if row.previous is None:
        return "—"
    result = row.previous.result
    verdict = labels.VERDICTS[result.verdict]  # last year is over: no "tạm tính"
    if result.figure is None:
        return verdict
    return f"{result_words.indicator_figure(result.indicator, result.figure)} — {verdict}"


def _previous_tip(row: IndicatorRow) -> str:
    if row.previous is None:
        return "Chỉ tiêu chưa được nối với chỉ tiêu của kế hoạch năm trước."
    earlier = row.previous.result.indicator
    result = result_words.indicator_result(row.previous.result)
    return (f"Chỉ tiêu {earlier.code} của kế hoạch năm {row.previous.year}: {earlier.name} "
            f"(ngưỡng {result_words.threshold(earlier)}); kết quả {result}")  # fmt: skip


def _trend_text(row: IndicatorRow) -> str:
    return labels.TRENDS[row.previous.trend] if row.previous else ""


def _trend_color(previous: PreviousResult | None) -> QColor | None:
    if previous is None or previous.trend == NOT_COMPARABLE:
        return MUTED_TEXT
    return {"closer": GOOD_TEXT, "further": ERROR_TEXT}.get(previous.trend)


def _achievement_text(row: IndicatorRow) -> str:
    value = achievement(row.result)
    return "" if value is None else f"{value} %"
