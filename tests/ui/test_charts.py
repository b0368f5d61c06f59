"""The pictures of Tổng quan, painted with QPainter: indicators against their thresholds, the
budget by source, reports over time; tooltips with the exact figures; a PNG for documents;
and the table's progress bars that never hide their own number."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from sxtdbv_desktop.budget import add_line, list_sources, set_estimate
from sxtdbv_desktop.consolidation import budget_summary, indicator_results, reporting_summary
from sxtdbv_ui.charts.base import short_money
from sxtdbv_ui.charts.budget import BudgetChart
from sxtdbv_ui.charts.indicators import FigurePlace, IndicatorChart, figure_place
from sxtdbv_ui.charts.reports_received import ReportsChart
from sxtdbv_ui.delegates import PROGRESS_FILL, PROGRESS_TEXT
from tests.factories import DISTRICTS, file_report


def test_each_indicator_is_drawn_against_its_threshold(
    db: Database, plan_id: int, qapp: QApplication
) -> None:
    for code in DISTRICTS[:9]:
        file_report(db, plan_id, code, values={"5": {"answer": 1}})
    chart = IndicatorChart()
    chart.resize(700, 320)
    chart.set_data(indicator_results(db, plan_id))
    image = chart.to_image(QSize(700, 320))
    assert not image.isNull() and len(chart.bars) == 8
    five = next(bar for bar in chart.bars if bar.code == "5")
    assert (five.value, five.threshold, five.top) == (75.0, 70.0, 100.0)
    assert "Kết quả: 75,0 % (9/12)" in five.tooltip and "09/12" in five.tooltip
    chart.grab()  # paints on the widget: hotspots in its coordinates
    spot = chart.hotspot_at(QPointF(350, chart.hotspots[6].area.center().y()))
    assert spot is not None and spot.text.startswith("5. Huyện, thành phố")


BAR = QRectF(300, 0, 280, 20)  # a bar from x = 300 to 580


@pytest.mark.parametrize(
    ("width", "end", "mark", "place"),
    [
        (60, 400, 350, FigurePlace(404, 60, inside=False)),  # after the bar's end
        (60, 400, 420, FigurePlace(425, 60, inside=False)),  # and after the mark it would cover
        (110, 550, 580, FigurePlace(436, 110, inside=True)),  # no room after: inside, before
        (60, 580, 380, FigurePlace(316, 60, inside=True)),  # a full bar: before the mark
        (70, 580, 370, FigurePlace(374, 70, inside=True)),  # or after it, if there is no room
        (160, 430, 405, FigurePlace(434, 146, inside=False)),  # nowhere whole: shortened after
    ],
)
def test_a_bars_figure_goes_where_nothing_covers_it(
    width: float, end: float, mark: float, place: FigurePlace
) -> None:
    assert figure_place(width, BAR, end, mark) == place


def test_the_budget_by_source_shows_estimate_allocation_and_disbursement(
    db: Database, plan_id: int, qapp: QApplication
) -> None:
    chart = BudgetChart()
    chart.set_data(budget_summary(db, plan_id))
    assert chart.is_empty()  # nothing known yet: a sentence instead of empty axes
    source = list_sources(db, plan_id)[0]
    set_estimate(db, source.id, 1_500_000_000)
    add_line(db, plan_id, source.id, allocated=470_000_000, disbursed=305_500_000)
    chart.set_data(budget_summary(db, plan_id))
    assert not chart.is_empty()
    first = chart.sources[0]
    assert first.words() == "phân bổ 470,0 triệu · giải ngân 305,5 triệu · dự toán 1,5 tỷ"
    assert "Đã giải ngân: 305.500.000 đồng" in first.tooltip()
    assert chart.sources[1].words().endswith("dự toán chưa rõ")
    png = chart.to_png(QSize(480, 240))
    assert png.startswith(b"\x89PNG") and not QImage.fromData(png).isNull()


def test_reports_are_drawn_day_by_day_with_the_late_ones_apart(
    db: Database, plan_id: int, qapp: QApplication
) -> None:
    file_report(db, plan_id, "SoCT", received_on=dt.date(2023, 12, 4))
    file_report(db, plan_id, "HLapVo", received_on=dt.date(2023, 12, 12))
    chart = ReportsChart()
    chart.resize(480, 220)
    chart.set_data(reporting_summary(db, plan_id, today=dt.date(2023, 12, 14)),
                   dt.date(2023, 12, 14))  # fmt: skip
    chart.grab()
    texts = [spot.text for spot in chart.hotspots]
    assert texts == [
        "04/12/2023: Sở Công Thương (đúng hạn); đã nhận 1/24",
        "12/12/2023: H. Lấp Vò (trễ hạn); đã nhận 2/24",
    ]


def test_money_in_a_charts_little_room() -> None:
    assert [short_money(v) for v in (3_235_715_000, 735_715_000, 95_500)] == [
        "3,2 tỷ", "735,7 triệu", "95.500"
    ]  # fmt: skip


def test_the_tables_progress_bars_never_hide_their_number() -> None:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = luminance(PROGRESS_FILL), luminance(PROGRESS_TEXT)
    assert (light + 0.05) / (dark + 0.05) >= 7  # WCAG AAA for the figure on the filled part
