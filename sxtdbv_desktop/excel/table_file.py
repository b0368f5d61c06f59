"""One table, as the user sees it in a window (all its rows or the selected ones), saved as an
Excel workbook: a title, the header row and the rows, with `tables.write_table`'s formats.

It needs no database, so it may run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook

from sxtdbv_desktop.errors import ValidationError
from sxtdbv_desktop.excel.tables import Column, Value, write_table

_SHEET_NAME_LIMIT = 31  # Excel refuses longer sheet names
_EXCEL_CELL_LIMIT = 32_000  # Excel holds at most 32,767 characters in a cell
_FORBIDDEN_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def save_table(
    path: Path,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Value]],
    *,
    today: dt.date | None = None,
) -> int:
    """Write `rows` under `title` to the workbook `path` (replaced whole, never half-written);
    return how many rows were written."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_name(title)
    day = today or dt.date.today()
    kept = [[_clipped(v) for v in row] for row in rows]
    write_table(sheet, columns, kept, title=f"{title} (xuất ngày {day:%d/%m/%Y})")
    partial = path.with_name(path.name + ".partial")
    try:
        workbook.save(partial)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ValidationError(
            str(path),
            "không ghi được tệp Excel (tệp đang mở trong Excel, hoặc thư mục không cho ghi).",
        ) from error
    return len(kept)


def _clipped(value: Value) -> Value:
    if isinstance(value, str) and len(value) > _EXCEL_CELL_LIMIT:
        return value[:_EXCEL_CELL_LIMIT] + "…"
    return value


def sheet_name(title: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    name = " ".join(title.translate(_FORBIDDEN_IN_SHEET_NAMES).split())
    return name[:_SHEET_NAME_LIMIT].rstrip() or "Bảng"
