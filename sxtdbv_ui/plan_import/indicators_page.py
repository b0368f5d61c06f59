"""Review, step 2: the indicators as read (kind, threshold, upper figure, unit), each beside
the words of the plan it came from, and the indicator of last year's plan it continues.
Rows the reader is unsure of are tinted; correcting one resolves its flag."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from sxtdbv_desktop import headings, labels
from sxtdbv_desktop.indicators import Indicator
from sxtdbv_desktop.plan_import.draft import Draft
from sxtdbv_ui.plan_import.source_view import SourceView, review_table

FLAGGED = QColor("#fff4d6")
KINDS = tuple(labels.INDICATOR_KIND_CHOICES.items())
"""Kinds as chosen in the list: a yes/no one with who answers it."""
HEADERS = ("Mã", headings.PLAN_WORDING, "Loại", "Ngưỡng đạt", "Mức vượt", "Đơn vị",
           "Chỉ tiêu năm trước")  # fmt: skip


class IndicatorsPage(QWizardPage):
    def __init__(self, draft: Draft, source: SourceView, previous: list[Indicator],
                 previous_year: int | None) -> None:  # fmt: skip
        super().__init__()
        self.draft = draft
        self.source = source
        self.previous = previous
        self.setTitle("Bước 2. Chỉ tiêu")
        self.setSubTitle(
            "Loại và ngưỡng đọc từ câu của mục tiêu. Dòng tô vàng là chỗ chương trình chưa chắc; "
            "sửa hoặc giữ nguyên rồi xác nhận ở bước 3. Chọn một dòng để xem câu gốc."
        )
        self.table = review_table(HEADERS, self._show_source)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = (f"Nối với chỉ tiêu của kế hoạch năm {previous_year} (cùng mã, cùng loại được "
                "chọn sẵn)." if previous_year else "Tệp dữ liệu chưa có kế hoạch năm trước của "
                "tỉnh này: chưa nối được chỉ tiêu nào.")  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(note))
        self._fill()

    def _fill(self) -> None:
        flagged = {f.key for f in self.draft.unresolved()}
        indicators = self.draft.indicators()
        self.table.setRowCount(len(indicators))
        for row, indicator in enumerate(indicators):
            for column, text in ((0, indicator["code"]), (1, indicator["plan_text"])):
                item = QTableWidgetItem(text)
                if f"indicator {indicator['code']}" in flagged:
                    item.setBackground(QBrush(FLAGGED))
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, 2, self._kind(indicator))
            self.table.setCellWidget(row, 3, self._threshold(indicator))
            self.table.setCellWidget(row, 4, self._text(indicator, "exceed_above"))
            self.table.setCellWidget(row, 5, self._text(indicator, "unit"))
            self.table.setCellWidget(row, 6, self._previous(indicator))
        for column, chars in enumerate((4, 30, 32, 11, 10, 10)):
            self.table.setColumnWidth(column, self.fontMetrics().averageCharWidth() * chars + 16)
        self.table.resizeRowsToContents()

    def _changed(self, indicator: dict[str, Any]) -> None:
        self.draft.resolve(f"indicator {indicator['code']}")

    def _kind(self, indicator: dict[str, Any]) -> QComboBox:
        box = QComboBox()
        for choice, label in KINDS:
            box.addItem(label, choice)
        population = indicator.get("population")
        box.setCurrentIndex(box.findData(f"{indicator['kind']}:{population}" if population
                                         else indicator["kind"]))  # fmt: skip

        def chosen(index: int) -> None:
            kind, _, answering = str(box.itemData(index)).partition(":")
            unit = "%" if kind != "count" else indicator.get("unit", "")
            indicator.update(kind=kind, population=answering or None, unit=unit)
            self._changed(indicator)

        box.currentIndexChanged.connect(chosen)
        return box

    def _threshold(self, indicator: dict[str, Any]) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 1_000_000)
        box.setValue(int(indicator["threshold"]))

        def changed(value: int) -> None:
            indicator["threshold"] = value
            self._changed(indicator)

        box.valueChanged.connect(changed)
        return box

    def _text(self, indicator: dict[str, Any], key: str) -> QLineEdit:
        value = indicator.get(key)
        edit = QLineEdit("" if value is None else str(value))
        edit.textEdited.connect(self._store(indicator, key))
        return edit

    def _store(self, indicator: dict[str, Any], key: str) -> Callable[[str], None]:
        def store(text: str) -> None:
            if key == "exceed_above":
                digits = text.strip()
                indicator[key] = int(digits) if digits.isdigit() else None
            else:
                indicator[key] = " ".join(text.split())
            self._changed(indicator)

        return store

    def _previous(self, indicator: dict[str, Any]) -> QComboBox:
        box = QComboBox()
        box.addItem("— Không nối —", None)
        for earlier in self.previous:
            box.addItem(f"{earlier.code}. {earlier.name}"[:70], earlier.code)
        box.setCurrentIndex(max(0, box.findData(indicator.get("previous"))))
        box.currentIndexChanged.connect(
            lambda i: indicator.__setitem__("previous", box.itemData(i))
        )
        return box

    def _show_source(self, row: int) -> None:
        if 0 <= row < len(self.draft.indicators()):
            self.source.show_sentence(self.draft.indicators()[row]["plan_text"])
