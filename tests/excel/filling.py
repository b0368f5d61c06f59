"""Filling forms the way a script (or a clerk) would, and knowing what was filled in.

`prepare_plan` assigns the default plan's open tasks and indicators so that every kind of
row appears in some form; `fill_workbook` answers every input of a form by its row key and
returns what it wrote, so tests can predict the consolidated summary.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlite_utils import Database

from sxtdbv_desktop.agencies import find_agency
from sxtdbv_desktop.excel.form_spec import (
    INDICATOR_COLUMNS,
    INDICATORS,
    KEY_COLUMN,
    META,
    SPENDING,
    SPENDING_COLUMNS,
    TASK_COLUMNS,
    TASKS,
    TEXT_COLUMNS,
    TEXTS,
    FormIdentity,
    RowKey,
    parse_key,
    structure_digest,
)
from sxtdbv_desktop.indicators import list_indicators, set_reporters
from sxtdbv_desktop.labels import TASK_STATUSES
from sxtdbv_desktop.legacy_text import LegacyEncoding, from_unicode
from sxtdbv_desktop.tasks import assign, list_tasks, update_task

ASSIGNMENTS = {  # content task index (plan order) -> (leads, coordinators)
    0: (["SoCT"], ["SoTNMT"]),
    1: (["SoCT"], []),
    5: (["SoKHCN"], ["SoCT", "HLapVo"]),
    12: (["SoNNPTNT"], []),
}
REPORTERS = {
    "1": ["SoCT", "SoKHCN"],
    "2a": ["BQLKKT", "SoCT"],
    "2b": ["SoNNPTNT"],
    "3": ["SoCT"],
    "4a": ["SoCT", "TPCaoLanh"],
    "4b": ["HLapVo"],
}


def prepare_plan(db: Database, plan_id: int) -> None:
    """Give some section III tasks and indicators 1–4 to agencies (the seed leaves them open),
    and a time frame and planned output to the first task (shown under its text)."""

    def ids(codes: list[str]) -> list[int]:
        found = [find_agency(db, plan_id, c) for c in codes]
        return [a.id for a in found if a is not None]

    content = list_tasks(db, plan_id, "content")
    update_task(db, content[0].id, time_frame="Quý III/2023", planned_output="Kế hoạch; báo cáo")
    for index, (leads, coordinators) in ASSIGNMENTS.items():
        assign(db, content[index].id, ids(leads), ids(coordinators))
    for indicator in list_indicators(db, plan_id):
        if indicator.code in REPORTERS:
            set_reporters(db, indicator.id, ids(REPORTERS[indicator.code]))


@dataclass
class Filled:
    """What a filler wrote, in the units the database stores, by task reference and
    indicator code (the form's keys)."""

    tasks: dict[str, dict[str, object]] = field(default_factory=dict)
    indicators: dict[str, dict[str, int]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    spending: dict[str, int] = field(default_factory=dict)  # by source name
    document_number: str = ""


@dataclass(frozen=True)
class Style:
    """How awkwardly values are typed (as another program or an old habit would)."""

    numbers_as_text: bool = False  # "1.500.000", "12"
    nfd: bool = False  # decomposed accents (as macOS or some web forms give)
    legacy: LegacyEncoding | None = None  # texts typed in that legacy encoding


def _number(seed: str, low: int, high: int) -> int:
    digest = int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16)
    return low + digest % (high - low + 1)


def _typed(text: str, style: Style) -> str:
    if style.legacy is not None:
        return from_unicode(text, style.legacy)
    return unicodedata.normalize("NFD", text) if style.nfd else text


def _typed_number(value: int, style: Style) -> int | str:
    if not style.numbers_as_text:
        return value
    return f"{value:,}".replace(",", ".")


def fill_workbook(wb: Workbook, seed: str, style: Style = Style()) -> Filled:
    """Answer every input of the form in `wb` (deterministically from `seed`)."""
    filled = Filled()
    font = {"tcvn3": ".VnTime", "vni": "VNI-Times"}.get(style.legacy or "")
    _fill_tasks(wb, seed, style, font, filled)
    _fill_indicators(wb, seed, style, font, filled)
    _fill_spending(wb, seed, style, filled)
    _fill_texts(wb, seed, style, font, filled)
    return filled


def _fill_tasks(wb: Workbook, seed: str, style: Style, font: str | None, filled: Filled) -> None:
    statuses = list(TASK_STATUSES.items())
    ws = wb[TASKS]
    c = TASK_COLUMNS
    for row, key in keyed_row_keys(wb, TASKS):
        code, label = statuses[_number(f"{seed}{key.ref}s", 0, 3)]
        progress = _number(f"{seed}{key.ref}p", 0, 100)
        spent = _number(f"{seed}{key.ref}m", 0, 500) * 100_000
        result = f"Đã tổ chức {progress % 7 + 1} hội nghị tuyên truyền ở huyện Lấp Vò"
        ws.cell(row, c.status).value = _typed(label, style)
        ws.cell(row, c.progress).value = _typed_number(progress, style)
        ws.cell(row, c.result).value = _typed(result, style)
        ws.cell(row, c.spent).value = _typed_number(spent, style)
        if font:
            for column in (c.status, c.result):
                ws.cell(row, column).font = Font(name=font)
        filled.tasks[key.ref] = {
            "status": code,
            "progress": progress,
            "result": result,
            "spent": spent,
        }


def _fill_indicators(
    wb: Workbook, seed: str, style: Style, font: str | None, filled: Filled
) -> None:
    ws = wb[INDICATORS]
    for row, key in keyed_row_keys(wb, INDICATORS):
        values = filled.indicators.setdefault(key.ref, {})
        cell = ws.cell(row, INDICATOR_COLUMNS.value)
        if key.name == "answer":
            answer = _number(f"{seed}{key.ref}a", 0, 3) > 0  # mostly yes
            cell.value = _typed("Có" if answer else "Không", style)
            if font:
                cell.font = Font(name=font)
            values["answer"] = int(answer)
        elif key.name == "numerator":
            values["numerator"] = _number(f"{seed}{key.ref}n", 0, 20)
            cell.value = _typed_number(values["numerator"], style)
        elif key.name == "denominator":
            values["denominator"] = values.get("numerator", 0) + _number(f"{seed}{key.ref}d", 0, 9)
            cell.value = _typed_number(values["denominator"], style)
        elif key.name in ("estimated_rate", "method"):
            continue  # the quantities are given: no estimate
        elif key.name == "units":
            values["units"] = _number(f"{seed}{key.ref}u", 1, 12)
            cell.value = _typed_number(values["units"], style)
        else:
            values[key.name] = _number(f"{seed}{key.ref}{key.name}", 10, 5000)
            cell.value = _typed_number(values[key.name], style)


def _fill_texts(wb: Workbook, seed: str, style: Style, font: str | None, filled: Filled) -> None:
    ws = wb[TEXTS]
    for row, key in keyed_row_keys(wb, TEXTS):
        if key.kind == "document":
            if key.name == "number":
                filled.document_number = f"{_number(seed, 1, 300)}/BC-UBND"
                ws.cell(row, 3).value = filled.document_number
            continue
        text = {
            "general_assessment": "Cơ quan đã triển khai đầy đủ các nhiệm vụ được giao.",
            "difficulties": "Kinh phí còn hạn chế; thiếu cán bộ chuyên trách.",
            "proposals": "Đề nghị Sở Công Thương tổ chức tập huấn thêm.",
        }[key.name]
        ws.cell(row, TEXT_COLUMNS.value).value = _typed(text, style)
        if font:
            ws.cell(row, TEXT_COLUMNS.value).font = Font(name=font)
        filled.texts[key.name] = text


def _fill_spending(wb: Workbook, seed: str, style: Style, filled: Filled) -> None:
    """Spending by source: at least what the task rows place (the rule of one count)."""
    on_tasks = sum(int(str(t["spent"])) for t in filled.tasks.values())
    ws = wb[SPENDING]
    for index, (row, key) in enumerate(keyed_row_keys(wb, SPENDING)):
        amount = _number(f"{seed}{key.ref}", 0, 50) * 1_000_000
        if index == 0:
            amount += on_tasks
        ws.cell(row, SPENDING_COLUMNS.amount).value = _typed_number(amount, style)
        filled.spending[key.ref] = amount


def keyed_row_keys(wb: Workbook, sheet: str) -> list[tuple[int, RowKey]]:
    ws = wb[sheet]
    found = []
    for row in range(1, ws.max_row + 1):
        value = ws.cell(row, KEY_COLUMN).value
        key = parse_key(value) if isinstance(value, str) else None
        if key is not None:
            found.append((row, key))
    return found


def keyed_rows(wb: Workbook, sheet: str) -> list[tuple[int, str]]:
    """(row, key text) of every data row of `sheet`."""
    ws = wb[sheet]
    return [
        (row, str(ws.cell(row, KEY_COLUMN).value))
        for row in range(1, ws.max_row + 1)
        if isinstance(ws.cell(row, KEY_COLUMN).value, str)
    ]


def fill_file(source: Path, target: Path, seed: str, style: Style = Style()) -> Filled:
    """Fill the form at `source` and save it as `target`."""
    wb = openpyxl.load_workbook(source)
    filled = fill_workbook(wb, seed, style)
    wb.save(target)
    return filled


def meta_cells(wb: Workbook) -> dict[str, Cell]:
    """The metadata sheet's cells by field name (the value cell of each)."""
    ws = wb[META]
    return {str(ws.cell(r, 1).value): ws.cell(r, 2) for r in range(1, 9)}


def reseal(wb: Workbook) -> None:
    """Recompute the digest over the (edited) metadata, as a crafty sender could."""
    ws = wb[META]
    cells = meta_cells(wb)
    identity = FormIdentity(
        province=str(cells["province"].value),
        year=int(cells["year"].value),
        period_code=str(cells["period_code"].value),
        agency_code=str(cells["agency_code"].value),
        form_version=int(cells["form_version"].value),
    )
    keys = [
        str(ws.cell(r, 1).value)
        for r in range(10, ws.max_row + 1)
        if ws.cell(r, 1).value is not None
    ]
    cells["digest"].value = structure_digest(identity, keys)


def rename_key(wb: openpyxl.Workbook, sheet: str, row: int, new_key: str) -> None:
    """Give the row at `row` the key `new_key`, in the sheet and in the metadata's list."""
    old_key = wb[sheet].cell(row, KEY_COLUMN).value
    wb[sheet].cell(row, KEY_COLUMN).value = new_key
    ws = wb[META]
    for r in range(10, ws.max_row + 1):
        if ws.cell(r, 1).value == old_key:
            ws.cell(r, 1).value = new_key


def insert_blank_rows(ws: Worksheet, row: int, count: int) -> None:
    """Insert blank rows as Excel or Calc does: merged ranges below move with their cells
    (openpyxl's own insert_rows leaves them behind)."""
    ws.insert_rows(row, count)
    for merged in ws.merged_cells.ranges:
        if merged.min_row >= row:
            merged.shift(0, count)
