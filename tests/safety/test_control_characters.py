"""Control characters pasted from Word or PowerPoint: cleaned at the core's text boundary, and
every exporter writes any stored value safely, files that already hold them included."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sqlite_utils import Database

from sxtdbv_desktop import reports, tasks
from sxtdbv_desktop.agencies import find_agency
from sxtdbv_desktop.excel.forms import write_form
from sxtdbv_desktop.reports import TaskResultInput
from sxtdbv_desktop.text import clean_line, clean_paragraphs
from tests.factories import file_report, raw_connection
from tests.test_cli import cli

PASTED = "Dòng một\x0bDòng hai\x0cTrang sau\u2028cuối\x00\x01\x1f\ufffe\uffff\ud800."
"""A text from PowerPoint: its line breaks (VT), a page break (FF), a Unicode line separator,
and characters an .xlsx cannot hold."""
STORED = PASTED.replace("\ud800", "")  # what Python can hand SQLite at all


def test_the_text_boundary_maps_breaks_and_drops_what_no_file_holds() -> None:
    assert clean_paragraphs(PASTED) == "Dòng một\nDòng hai\nTrang sau\ncuối."
    assert clean_line(PASTED) == "Dòng một Dòng hai Trang sau cuối."
    assert clean_paragraphs("a\r\nb\rc\td") == "a\nb\nc d"


def test_what_is_typed_is_stored_clean(db: Database, plan_id: int) -> None:
    report = file_report(db, plan_id, "HLapVo")
    reports.update_texts(db, report.id, difficulties=PASTED)
    task = tasks.list_tasks(db, plan_id)[0]
    reports.set_task_result(db, report.id, TaskResultInput(task_id=task.id, result=PASTED))
    stored = reports.get_report(db, report.id)
    assert stored.difficulties == "Dòng một\nDòng hai\nTrang sau\ncuối."
    (result,) = reports.task_results(db, report.id)
    assert "\x0b" not in result.result and "\ufffe" not in result.result


def well_formed(path: Path) -> None:
    """Every XML part of the .xlsx parses: Excel would open it without "repairing" it."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(archive.read(name))


@pytest.fixture
def holding_controls(saved: Path) -> Path:
    """A file written by an older version: control characters stored in a report, a task
    result and an agency's name, and therefore in the append-only audit log too."""
    db = raw_connection(saved)
    try:
        (plan_id,) = db.execute("SELECT id FROM plans").fetchone()
        report = file_report(db, plan_id, "HLapVo")
        task = tasks.list_tasks(db, plan_id)[0]
        reports.set_task_result(db, report.id, TaskResultInput(task_id=task.id, result="x"))
        db.execute("UPDATE reports SET difficulties = ?", [STORED])
        db.execute("UPDATE task_results SET result = ?", [STORED])
        db.execute("UPDATE agencies SET name = ? WHERE code = 'HLapVo'", [STORED])
        db.conn.commit()
    finally:
        db.close()
    return saved


def test_every_export_of_stored_controls_is_a_well_formed_xlsx(
    holding_controls: Path, tmp_path: Path
) -> None:
    db_arg = ["--db", str(holding_controls)]
    outputs = {
        "audit": ["audit", "-o", str(tmp_path / "nhat-ky.xlsx")],
        "report": ["export", "--table", "report", "--agency", "HLapVo", "-o",
                   str(tmp_path / "bao-cao.xlsx")],
        "tasks": ["export", "--table", "tasks", "-o", str(tmp_path / "nhiem-vu.xlsx")],
        "consolidated": ["report", "-o", str(tmp_path / "tong-hop.pdf"), "--xlsx",
                         str(tmp_path / "tong-hop.xlsx")],
    }  # fmt: skip
    for name, command in outputs.items():
        done = cli(*command, *db_arg)
        assert done.returncode == 0, (name, done.stderr)
    for produced in tmp_path.glob("*.xlsx"):
        well_formed(produced)
    assert len(list(tmp_path.glob("*.xlsx"))) == 4


def test_the_agencys_form_for_the_so_is_well_formed(holding_controls: Path, tmp_path: Path) -> None:
    db = raw_connection(holding_controls)
    try:
        (plan_id,) = db.execute("SELECT id FROM plans").fetchone()
        agency = find_agency(db, plan_id, "HLapVo")
        assert agency is not None
        (report_id,) = db.execute("SELECT id FROM reports").fetchone()
        report = reports.get_report(db, report_id)
        written = write_form(db, plan_id, agency.id, tmp_path, report=report)
    finally:
        db.close()
    well_formed(written)
