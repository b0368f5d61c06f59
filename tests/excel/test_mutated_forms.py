"""A thousand mutated forms (25 in a quick run: tests/sizes.py) fed to the importer: no crash
other than our typed errors, and no partial write. A file is either refused and nothing changes,
or accepted and exactly the named agency's report becomes what the file says; other reports and
the plan never move."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.worksheet import Worksheet
from sqlite_utils import Database

from sxtdbv_desktop import reports
from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.errors import SxtdbvError
from sxtdbv_desktop.excel.files import load_bytes
from sxtdbv_desktop.excel.form_spec import INDICATORS, INSTRUCTIONS, META, SPENDING, TASKS, TEXTS
from sxtdbv_desktop.excel.forms import write_forms
from sxtdbv_desktop.excel.imports import apply_import, check_loaded
from sxtdbv_desktop.plan_file import load_default_plan
from sxtdbv_desktop.storage import open_database
from tests.conftest import TEST_ACTOR
from tests.excel.filling import Style, fill_workbook, keyed_rows, prepare_plan, reseal
from tests.sizes import size

AGENCIES = ("SoCT", "SoTNMT", "HLapVo", "TPCaoLanh", "BaoChi")
SHEETS = (TASKS, INDICATORS, SPENDING, TEXTS, META, INSTRUCTIONS)
DATA = (TASKS, INDICATORS, SPENDING, TEXTS)
REPORT_TABLES = ("reports", "task_results", "indicator_values", "source_spending")
TODAY = dt.date(2023, 12, 6)


@dataclass
class World:
    db: Database
    plan_id: int
    forms: dict[str, bytes]  # filled forms; each example mutates a fresh copy

    def workbook(self, code: str) -> Workbook:
        # Reloaded, not deep-copied: openpyxl's deepcopy loses the shared style tables.
        return openpyxl.load_workbook(io.BytesIO(self.forms[code]))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("dot-bien")
    db = open_database(folder / "du-lieu.sqlite", TEST_ACTOR)
    plan_id = load_default_plan(db)
    prepare_plan(db, plan_id)
    write_forms(db, plan_id, folder, [a.id for a in list_agencies(db, plan_id)])
    forms = {}
    for index, code in enumerate(AGENCIES):
        wb = openpyxl.load_workbook(folder / f"BaoCao_{code}_2023.xlsx")
        fill_workbook(wb, code, Style(numbers_as_text=index % 2 == 1))
        buffer = io.BytesIO()
        wb.save(buffer)
        forms[code] = buffer.getvalue()
    # One accepted report, so that some mutated files meet a locked report.
    check = check_loaded(db, load_bytes("BaoCao_HLapVo_2023.xlsx", forms["HLapVo"]))
    accepted = apply_import(db, check, today=TODAY)
    assert accepted is not None
    reports.accept(db, accepted.id)
    yield World(db, plan_id, forms)
    db.close()


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), max_codepoint=0x1EFF), max_size=30
)
VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(10**17), max_value=10**17),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    _TEXT,
    st.sampled_from(
        ["Có", "Không", "Cã", "Hoàn thành", "Hoµn thµnh", "=1+1", "=SUM(E1:E9)", "1.000",
         "12", "50%", "-3", "task:III.1.1", "task:V.99.1", "task:12", "indicator:1:count_value",
         "indicator:2b:numerator", "indicator:9:answer", "text:proposals",
         "SXTDBV-BAO-CAO-DON-VI", "2023", "2024", "SoCT", "SoTNMT", "Đồng Tháp"]
    ),
)  # fmt: skip


PLAUSIBLE = st.one_of(
    st.integers(min_value=0, max_value=100),
    st.sampled_from(["Có", "Không", "Hoàn thành", "Đang thực hiện", "Không thực hiện", "7"]),
    _TEXT,
)
"""Values a clerk would type: most of them are accepted, so reports really get replaced."""


INPUT_COLUMNS = {
    TASKS: st.integers(5, 8),
    INDICATORS: st.integers(5, 6),
    SPENDING: st.just(4),
    TEXTS: st.integers(2, 3),
}


VALID = {
    (TASKS, 5): st.sampled_from(["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"]),
    (TASKS, 6): st.integers(0, 100),
    (TASKS, 7): _TEXT,
    (TASKS, 8): st.integers(0, 10**12),
    (INDICATORS, 5): st.one_of(st.sampled_from(["Có", "Không"]), st.integers(0, 40)),
    (INDICATORS, 6): _TEXT,
    (SPENDING, 4): st.integers(0, 10**13),
    (TEXTS, 2): _TEXT,
}
"""A right value for each input column (a count may still exceed its total: refused)."""


def mutations(rows: dict[str, list[int]]) -> st.SearchStrategy[tuple[object, ...]]:
    """One change to a workbook: a cell (mostly an input or key cell), rows, sheets, digest."""
    data_cells = st.sampled_from(DATA).flatmap(
        lambda sheet: st.tuples(
            st.just("set"),
            st.just(sheet),
            st.sampled_from(rows[sheet] or [1]),
            st.one_of(INPUT_COLUMNS[sheet], INPUT_COLUMNS[sheet], st.integers(1, 8)),
            st.one_of(PLAUSIBLE, PLAUSIBLE, VALUES),
        )
    )
    valid_cells = st.sampled_from(list(VALID)).flatmap(
        lambda place: st.tuples(
            st.just("set"),
            st.just(place[0]),
            st.sampled_from(rows[place[0]] or [1]),
            st.just(place[1]),
            VALID[place],
        )
    )
    return st.one_of(
        valid_cells,
        valid_cells,
        valid_cells,
        data_cells,
        data_cells,
        st.tuples(st.just("set"), st.sampled_from(SHEETS), st.integers(1, 45),
                  st.integers(1, 9), VALUES),
        st.tuples(st.just("meta"), st.integers(1, 8), VALUES),
        st.tuples(st.just("delete_rows"), st.sampled_from(SHEETS), st.integers(1, 40),
                  st.integers(1, 3)),
        st.tuples(st.just("insert_rows"), st.sampled_from(SHEETS), st.integers(1, 40),
                  st.integers(1, 3)),
        st.tuples(st.just("reseal")),
        st.tuples(st.just("remove_sheet"), st.sampled_from(SHEETS)),
        st.tuples(st.just("rename_sheet"), st.sampled_from(SHEETS),
                  st.text(alphabet="ABCDEFGHabc Nhiệmvụ", min_size=1, max_size=12)),
    )  # fmt: skip


def mutate(wb: Workbook, change: tuple[object, ...]) -> None:
    kind, *args = change
    if kind == "set":
        sheet, row, column, value = args
        if sheet in wb.sheetnames:
            put(wb[sheet], row, column, value)  # type: ignore[arg-type]
    elif kind == "meta" and META in wb.sheetnames:
        row, value = args
        wb[META].cell(row, 2).value = value
    elif kind in ("delete_rows", "insert_rows"):
        sheet, row, count = args
        if sheet in wb.sheetnames:
            getattr(wb[sheet], kind)(row, count)
    elif kind == "reseal":
        with contextlib.suppress(KeyError, ValueError, TypeError):
            reseal(wb)  # fails when the metadata is already too broken to reseal
    elif kind == "remove_sheet":
        (sheet,) = args
        if sheet in wb.sheetnames and len(wb.sheetnames) > 1:
            wb.remove(wb[sheet])
    elif kind == "rename_sheet":
        sheet, title = args
        if sheet in wb.sheetnames and title not in wb.sheetnames:
            wb[sheet].title = title


def put(ws: Worksheet, row: int, column: int, value: object) -> None:
    """Set a cell, unmerging it first if needed (as a clerk or Calc may)."""
    cell = ws.cell(row, column)
    if isinstance(cell, MergedCell):
        merged = [r for r in ws.merged_cells.ranges if cell.coordinate in r]
        if not merged:
            return  # left behind by openpyxl's row insertion; no program would write it
        # openpyxl's row deletion moves cells but not merged ranges: a stale range may cover
        # cells that no longer exist, which unmerging would delete. Make them exist first.
        for row_, column_ in merged[0].cells:
            ws.cell(row_, column_)
        ws.unmerge_cells(str(merged[0]))
        if isinstance(ws.cell(row, column), MergedCell):
            return  # moved there by openpyxl's row deletion: as above, no program would write it
    ws.cell(row, column).value = value


def damage(data: bytes, change: tuple[object, ...] | None) -> bytes:
    if change is None:
        return data
    kind, position, *rest = change
    at = int(position) % max(len(data), 1)  # type: ignore[call-overload]
    if kind == "truncate":
        return data[:at]
    return data[:at] + bytes([data[at] ^ int(rest[0])]) + data[at + 1 :]  # type: ignore[call-overload]


def state(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows except the audit log and its hash chain (which record accepted
    imports)."""
    names = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name not in ("audit_log", "audit_chain", "_sqlite_migrations")
    ]
    return {name: db.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall() for name in names}


def report_rows(db: Database, report_id: int) -> tuple[list[tuple[object, ...]], ...]:
    return tuple(
        db.execute(f"SELECT * FROM {table} WHERE report_id = ? ORDER BY 2", [report_id]).fetchall()
        for table in ("task_results", "indicator_values", "source_spending")
    )


def expected_rows(content: reports.ReportContent, report_id: int) -> object:
    tasks = sorted(
        (report_id, r.task_id, r.status, r.progress, r.result, r.spent)
        for r in content.task_results
    )
    values = sorted(
        (report_id, v.indicator_id, v.count_value, v.numerator, v.denominator, v.baseline,
         v.current, v.answer, v.note, v.units, v.estimated_rate, v.method)
        for v in content.indicator_values
    )  # fmt: skip
    spending = sorted((report_id, s.source_id, s.amount) for s in content.spending)
    return [tuple(t) for t in tasks], [tuple(v) for v in values], spending


@settings(
    max_examples=size(full=1000, quick=25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_mutated_forms_never_crash_and_never_write_half(world: World, data: st.DataObject) -> None:
    code = data.draw(st.sampled_from(AGENCIES), label="agency")
    wb = world.workbook(code)
    rows = {s: [r for r, _ in keyed_rows(wb, s)] for s in DATA}
    for change in data.draw(st.lists(mutations(rows), min_size=1, max_size=4), label="changes"):
        mutate(wb, change)
    buffer = io.BytesIO()
    wb.save(buffer)
    bytes_change = data.draw(
        st.one_of(
            st.none(),
            st.none(),
            st.none(),
            st.none(),
            st.tuples(st.just("truncate"), st.integers(0, 10**6)),
            st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
        ),
        label="bytes",
    )
    payload = damage(buffer.getvalue(), bytes_change)

    db = world.db
    before = state(db)
    try:
        check = check_loaded(db, load_bytes(f"BaoCao_{code}_2023.xlsx", payload))
        report = apply_import(db, check, today=TODAY)
    except SxtdbvError as error:
        event(f"refused: {type(error).__name__}")
        assert error.message.startswith(("Tệp ", "Báo cáo đã được chấp nhận")), error.message
        assert state(db) == before
        return
    after = state(db)
    for table in before.keys() - set(REPORT_TABLES):
        assert after[table] == before[table], table
    if report is None:  # nothing to change
        event("accepted: no change")
        assert after == before
        return
    event("accepted: report replaced")
    assert report.agency_id == check.agency.id and report.status == "submitted"
    assert report_rows(db, report.id) == expected_rows(check.content, report.id)
    others = {r.id for r in reports.list_reports(db, world.plan_id) if r.id != report.id}
    assert {r[0] for r in after["reports"]} == {r[0] for r in before["reports"]} | {report.id}
    for table in REPORT_TABLES:  # the first column is the report's id in all three
        kept_before = [r for r in before[table] if r[0] in others]
        assert [r for r in after[table] if r[0] in others] == kept_before, table


def test_the_mutation_helpers_themselves(world: World, tmp_path: Path) -> None:
    wb = world.workbook("SoCT")
    mutate(wb, ("rename_sheet", TASKS, "Khác"))
    mutate(wb, ("remove_sheet", INDICATORS))
    assert wb.sheetnames == [INSTRUCTIONS, "Khác", SPENDING, TEXTS, META]
    assert damage(b"abcdef", ("truncate", 3)) == b"abc"
    # Rows deleted under a merged range, then a cell of that stale range set (found at full size).
    wb = world.workbook("HLapVo")
    for change in [("delete_rows", INDICATORS, 6, 3), ("set", INDICATORS, 6, 6, "7"),
                   ("set", INDICATORS, 10, 6, None)]:  # fmt: skip
        mutate(wb, change)
    assert wb[INDICATORS].cell(10, 6).value is None
    wb.save(io.BytesIO())
    assert damage(b"abc", ("flip", 1, 1)) == b"acc"
