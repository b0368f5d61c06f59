"""Every text field has a stated maximum, enforced where it is typed or imported with a
message; a text of the longest length travels whole from an agency to the Sở; nothing is
cut without saying so."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from sxtdbv_desktop import reports, tasks
from sxtdbv_desktop.agencies import find_agency
from sxtdbv_desktop.excel.errors import FormError
from sxtdbv_desktop.excel.form_spec import TEXTS
from sxtdbv_desktop.excel.forms import write_form
from sxtdbv_desktop.excel.imports import check_file
from sxtdbv_desktop.excel.tables import CELL_LIMIT
from sxtdbv_desktop.text import LINE_MAX, PARAGRAPHS_MAX, TextTooLongError
from sxtdbv_ui import parsing
from tests.excel.filling import keyed_rows
from tests.factories import file_report, raw_connection
from tests.test_cli import cli

LONG = "Khó khăn về kinh phí. " * 1819  # 40 018 characters: more than a cell of Excel holds


def test_the_limits_are_what_an_excel_cell_holds() -> None:
    assert PARAGRAPHS_MAX == CELL_LIMIT == 32_767
    assert LINE_MAX == 1_000


def test_a_text_too_long_is_refused_where_it_is_typed(db: Database, plan_id: int) -> None:
    report = file_report(db, plan_id, "HLapVo")
    with pytest.raises(TextTooLongError) as caught:
        reports.update_texts(db, report.id, difficulties=LONG)
    assert caught.value.message.startswith("Khó khăn, vướng mắc: dài 40.017 ký tự")
    assert "tối đa 32.767 ký tự" in caught.value.message
    assert reports.get_report(db, report.id).difficulties == ""
    with pytest.raises(TextTooLongError, match="Nội dung nhiệm vụ"):
        tasks.update_task(db, tasks.list_tasks(db, plan_id)[0].id, text=LONG)
    with pytest.raises(ValueError, match=r"^dài 40\.017 ký tự"):
        parsing.long_text(LONG)
    with pytest.raises(ValueError, match=r"^dài 1\.001 ký tự, quá mức tối đa 1\.000"):
        parsing.required_text("x" * 1001)


def test_the_longest_text_travels_whole_to_the_so(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    report = file_report(db, plan_id, "HLapVo")
    longest = ("Kiến nghị tăng kinh phí.\n" * 1400)[: PARAGRAPHS_MAX - 1] + "x"
    reports.update_texts(db, report.id, proposals=longest)
    agency = find_agency(db, plan_id, "HLapVo")
    assert agency is not None
    written = write_form(db, plan_id, agency.id, tmp_path, report=reports.get_report(db, report.id))
    check = check_file(db, written)
    assert check.content.proposals == longest  # not a character lost on the way


def test_an_imported_cell_too_long_names_its_cell(
    db: Database, excel_plan: int, forms_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "BaoCao_HLapVo_2023.xlsx"
    shutil.copy(forms_dir / path.name, path)
    wb = openpyxl.load_workbook(path)
    row = next(row for row, key in keyed_rows(wb, TEXTS) if key == "document:number")
    wb[TEXTS].cell(row, 3).value = "Số 12/BC-UBND " * 100  # a one-line field of 1 400
    wb.save(path)
    with pytest.raises(FormError) as caught:
        check_file(db, path, plan_id=excel_plan)
    assert (caught.value.sheet, caught.value.cell) == (TEXTS, f"C{row}")
    assert "dài 1.399 ký tự, quá mức tối đa 1.000 ký tự" in caught.value.message


def test_an_old_text_longer_than_a_cell_is_cut_with_a_note(saved: Path, tmp_path: Path) -> None:
    db = raw_connection(saved)  # stored by an older version, before the limit
    try:
        db.execute("UPDATE tasks SET text = ? WHERE id = (SELECT min(id) FROM tasks)", [LONG])
        db.conn.commit()
    finally:
        db.close()
    out = tmp_path / "nhiem-vu.xlsx"
    done = cli("export", "--db", str(saved), "--table", "tasks", "-o", str(out))
    assert done.returncode == 0, done.stderr
    cells = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
    (cut,) = [v for v in cells if isinstance(v, str) and v.startswith("Khó khăn về kinh phí.")]
    assert len(cut) <= CELL_LIMIT
    assert "ký tự sau đây bị cắt bớt" in cut
