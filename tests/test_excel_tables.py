"""The shared table writer: formats, frozen header, filter, and text that is never a formula."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

from openpyxl import Workbook, load_workbook

from sxtdbv_desktop.excel.tables import Column, Value, write_table


def test_a_table_round_trips_with_formats_and_safe_text(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    columns = [
        Column("Nội dung", "long_text"),
        Column("Kinh phí (đồng)", "money"),
        Column("Tỷ lệ", "percent"),
        Column("Ngày nhận", "date"),
    ]
    rows: list[list[Value]] = [
        ['=HYPERLINK("http://x")', 3_235_715_000, Fraction(2, 3), dt.date(2023, 12, 10)],
        ["-Tuyên truyền", None, None, None],
    ]
    last = write_table(ws, columns, rows, title="Bảng kinh phí")
    assert last == 5
    path = tmp_path / "bang.xlsx"
    wb.save(path)

    back = load_workbook(path)["Sheet"]
    assert back["A1"].value == "Bảng kinh phí"
    assert back["A3"].value == "Nội dung"
    assert back["A4"].data_type == "s"
    assert back["A4"].value == '=HYPERLINK("http://x")'
    assert back["A5"].value == "-Tuyên truyền" and back["A5"].data_type == "s"
    assert back["B4"].value == 3_235_715_000 and back["B4"].number_format == "#,##0"
    assert back["C4"].number_format == "0.0%"
    assert back["D4"].number_format == "dd/mm/yyyy"
    assert back.freeze_panes == "A4"
    assert back.auto_filter.ref == "A3:D5"
