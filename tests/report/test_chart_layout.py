"""The chart's geometry, the one both renderers draw: bars proportional to their values on a
shared scale, target marks where the threshold is, "Chưa có số liệu" instead of a missing bar,
labels wrapped to their column, and nothing outside the chart's width."""

from __future__ import annotations

import dataclasses

import pytest

from sxtdbv_desktop.report.chart_layout import (
    CATEGORY,
    END,
    LEGEND,
    MIDDLE,
    MISSING,
    MISSING_TEXT,
    START,
    TICK,
    UNIT,
    VALUE,
    ChartLayout,
    Text,
    format_tick,
    lay_out,
    ticks,
    wrap,
)
from sxtdbv_desktop.report.document import Chart, Series
from sxtdbv_desktop.report.fonts import REGULAR, text_width
from tests.report.sample_document import indicator_chart

WIDTH = 467.7  # A4 portrait's text width in points


def texts(layout: ChartLayout, role: str) -> list[Text]:
    return [text for text in layout.texts if text.role == role]


def extent(text: Text) -> tuple[float, float]:
    width = text_width(text.text, text.face, text.size)
    start = {START: text.x, MIDDLE: text.x - width / 2, END: text.x - width}[text.anchor]
    return start, start + width


@pytest.fixture(scope="module")
def layout() -> ChartLayout:
    return lay_out(indicator_chart(), WIDTH)


def test_bars_are_proportional_to_their_values(layout: ChartLayout) -> None:
    chart = indicator_chart()
    found = {(bar.category, bar.series): bar for bar in layout.bars}
    for series, one in enumerate(chart.series):
        for category, value in enumerate(one.values):
            if value is None:
                assert (category, series) not in found
                continue
            box = found[(category, series)].box
            assert box.x == pytest.approx(layout.plot.x)
            assert box.width == pytest.approx(layout.plot.width * value / chart.maximum)
            assert box.color == one.color


def test_bars_of_a_category_share_its_band_in_series_order(layout: ChartLayout) -> None:
    by_category: dict[int, list[float]] = {}
    for bar in layout.bars:
        by_category.setdefault(bar.category, []).append(bar.box.y)
    tops = [min(ys) for _, ys in sorted(by_category.items())]
    assert tops == sorted(tops)
    assert all(ys == sorted(ys) for ys in by_category.values())


def test_target_marks_stand_at_the_threshold_across_their_category(layout: ChartLayout) -> None:
    chart = indicator_chart()
    assert [mark.category for mark in layout.marks] == [0, 1, 2]
    for mark in layout.marks:
        target = chart.targets[mark.category]
        assert target is not None
        assert mark.stroke.x1 == mark.stroke.x2 == pytest.approx(layout.position(target))
        for bar in (b for b in layout.bars if b.category == mark.category):
            assert mark.stroke.y1 < bar.box.y < bar.box.y + bar.box.height < mark.stroke.y2
        others = [b for b in layout.bars if b.category != mark.category]
        assert not any(mark.stroke.y1 < b.box.y < mark.stroke.y2 for b in others)


def test_a_missing_value_says_so_instead_of_a_bar(layout: ChartLayout) -> None:
    (missing,) = texts(layout, MISSING)
    assert missing.text == MISSING_TEXT == "Chưa có số liệu"
    assert missing.anchor == START
    assert missing.x == pytest.approx(layout.plot.x + 3)
    other_bar = next(b for b in layout.bars if (b.category, b.series) == (1, 1))
    assert missing.y < other_bar.box.y  # on the first series' row, above the second's bar


def test_values_are_written_after_their_bars(layout: ChartLayout) -> None:
    values = texts(layout, VALUE)
    assert [v.text for v in values] == ["83,3 %", "60,0 %", "20,0 %", "100,0 %", "75,5 %"]
    for text, bar in zip(values, layout.bars, strict=True):
        assert text.x == pytest.approx(bar.box.x + bar.box.width + 3)
        assert bar.box.y < text.y < bar.box.y + bar.box.height + 4


def test_long_category_labels_wrap_within_their_column(layout: ChartLayout) -> None:
    labels = texts(layout, CATEGORY)
    assert len(labels) > len(indicator_chart().categories)  # some wrapped
    for label in labels:
        start, end = extent(label)
        assert start >= 0
        assert end <= layout.plot.x
    assert " ".join(label.text for label in labels) == " ".join(indicator_chart().categories)


def test_every_text_stays_inside_the_chart(layout: ChartLayout) -> None:
    for text in layout.texts:
        start, end = extent(text)
        assert start >= 0 and end <= layout.width + 0.01, text
        assert text.size <= text.y <= layout.height, text


def test_the_scale_and_the_legend(layout: ChartLayout) -> None:
    assert [t.text for t in texts(layout, TICK)] == ["0", "20", "40", "60", "80", "100"]
    assert [t.x for t in texts(layout, TICK)] == pytest.approx(
        [layout.position(v) for v in (0, 20, 40, 60, 80, 100)]
    )
    assert [t.text for t in texts(layout, UNIT)] == ["Đơn vị: %"]
    assert [t.text for t in texts(layout, LEGEND)] == ["Năm 2023", "Năm 2022", "Mức kế hoạch"]
    assert [s.color for s in layout.swatches] == ["#2F5597", "#A5A5A5"]
    assert len(layout.legend_marks) == 1
    assert all(t.y > layout.plot.y + layout.plot.height for t in texts(layout, LEGEND))


def test_values_beyond_the_scale_stop_at_its_end() -> None:
    chart = Chart("", ("A",), (Series("S", (150.0,), ("150 %",), "#000000"),), 100, "%")
    (bar,) = lay_out(chart, WIDTH).bars
    assert bar.value == 150
    assert bar.box.width == pytest.approx(lay_out(chart, WIDTH).plot.width)


def test_without_targets_there_is_no_mark_nor_its_legend() -> None:
    chart = dataclasses.replace(indicator_chart(), targets=(), target_label="")
    layout = lay_out(chart, WIDTH)
    assert layout.marks == () and layout.legend_marks == ()
    assert [t.text for t in texts(layout, LEGEND)] == ["Năm 2023", "Năm 2022"]


def test_more_categories_make_a_taller_chart_of_the_same_width() -> None:
    chart = indicator_chart()
    more = dataclasses.replace(
        chart,
        categories=chart.categories * 2,
        series=tuple(
            dataclasses.replace(s, values=s.values * 2, labels=s.labels * 2) for s in chart.series
        ),
        targets=chart.targets * 2,
    )
    assert lay_out(more, WIDTH).height > lay_out(chart, WIDTH).height
    assert lay_out(more, WIDTH).width == WIDTH


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [
        (100, [0, 20, 40, 60, 80, 100]),
        (3235, [0, 1000, 2000, 3000]),
        (5, [0, 1, 2, 3, 4, 5]),
        (0.8, [0, 0.2, 0.4, 0.6, 0.8]),
        (12, [0, 2, 4, 6, 8, 10, 12]),
        (14, [0, 2.5, 5, 7.5, 10, 12.5]),
    ],
)
def test_ticks(maximum: float, expected: list[float]) -> None:
    assert ticks(maximum) == pytest.approx(expected)


def test_tick_labels_are_written_the_vietnamese_way() -> None:
    assert [format_tick(v) for v in (0, 2.5, 1000, 3_000_000)] == ["0", "2,5", "1.000",
                                                                  "3.000.000"]  # fmt: skip


def test_wrap_breaks_at_spaces_and_a_too_long_word_by_letters() -> None:
    lines = wrap("Siêu thị, trung tâm thương mại, cửa hàng tiện lợi", REGULAR, 10, 80)
    assert len(lines) > 1
    assert all(text_width(line, REGULAR, 10) <= 80 for line in lines)
    assert " ".join(lines) == "Siêu thị, trung tâm thương mại, cửa hàng tiện lợi"
    long = wrap("Khukinhtếcửakhẩuquốctế", REGULAR, 10, 30)
    assert "".join(long) == "Khukinhtếcửakhẩuquốctế"
    assert all(text_width(line, REGULAR, 10) <= 30 for line in long)
