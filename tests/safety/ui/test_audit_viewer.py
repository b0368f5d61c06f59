"""The audit log viewer: a checked model, filters, and the Excel export of what is shown."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from sxtdbv_desktop import audit_view, installation, plans
from sxtdbv_desktop.tasks import assign, list_tasks
from sxtdbv_ui.safety.audit_viewer import AuditFilterProxy, AuditLogDialog, AuditLogModel
from tests.factories import agency_id, file_report
from tests.prompts import ScriptedPrompts


def busy_db(db: Database, plan_id: int) -> Database:
    installation.set_up(db, installation.CONSOLIDATING, "Nguyễn Thị Lan")
    plans.update_plan(db, plan_id, title="Kế hoạch đã sửa")
    file_report(db, plan_id, "HLapVo", values={"5": {"answer": 1}})
    return db


def test_the_model_and_its_filter_pass_qts_model_tester(
    qtmodeltester: ModelTester, db: Database, plan_id: int
) -> None:
    busy_db(db, plan_id)
    model = AuditLogModel()
    model.load(db, audit_view.AuditFilter())
    qtmodeltester.check(model)
    proxy = AuditFilterProxy(model)
    proxy.set_text("lap vo")
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()


def test_rows_show_who_what_and_the_old_and_new_value(
    qtbot: QtBot, db: Database, plan_id: int
) -> None:
    old = plans.get_plan(db, plan_id).title
    busy_db(db, plan_id)
    dialog = AuditLogDialog(db)
    qtbot.addWidget(dialog)
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Thời gian", "Tài khoản Windows", "Người thực hiện"]
    rows = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    (title,) = [r for r in rows if r[4] == "Kế hoạch" and r[6] == "Tên"]
    assert title[1:6] == [
        "tester", "Nguyễn Thị Lan", "Sửa", "Kế hoạch", "Kế hoạch Đồng Tháp năm 2023"
    ]  # fmt: skip
    assert title[7:] == [old, "Kế hoạch đã sửa"]
    assert isinstance(title[0], str)
    assert dt.datetime.strptime(title[0], "%d/%m/%Y %H:%M")
    assert any(r[3] == "Sự kiện" and r[6] == "Chọn chế độ sử dụng" for r in rows)


def test_filters_by_words_kind_and_date(qtbot: QtBot, db: Database, plan_id: int) -> None:
    busy_db(db, plan_id)
    dialog = AuditLogDialog(db)
    qtbot.addWidget(dialog)
    everything = dialog.model.rowCount()
    dialog.search.setText("KE HOACH DA SUA")  # every word, in any order, as in the tables
    shown = dialog.proxy.rowCount()
    assert 0 < shown < everything
    assert dialog.count.text() == f"Hiển thị {shown} / {everything} dòng"
    dialog.search.clear()
    dialog.entity.setCurrentIndex(dialog.entity.findData("reports"))
    assert 0 < dialog.model.rowCount() < everything
    dialog.entity.setCurrentIndex(0)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    dialog.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert dialog.model.rowCount() == 0
    dialog.since.setDate(dialog.since.minimumDate())
    assert dialog.since.text() == "—"
    assert dialog.model.rowCount() == everything


def test_the_export_holds_exactly_what_is_shown(
    qtbot: QtBot, db: Database, plan_id: int, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    busy_db(db, plan_id)
    dialog = AuditLogDialog(db)
    qtbot.addWidget(dialog)
    dialog.search.setText("Lấp Vò")
    prompts.files.append(tmp_path / "nhat-ky.xlsx")
    path = dialog.export()
    assert path == tmp_path / "nhat-ky.xlsx"
    sheet = load_workbook(path)["Nhật ký thay đổi dữ liệu"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(rows) == dialog.proxy.rowCount()
    assert [h.value for h in sheet[3]][:3] == ["Thời gian", "Tài khoản Windows", "Người thực hiện"]
    assert prompts.told == [f"Đã xuất {len(rows)} dòng vào {path}."]


def test_the_log_reads_in_vietnamese_words_with_names_and_no_json(
    qtbot: QtBot, db: Database, plan_id: int
) -> None:
    busy_db(db, plan_id)
    task = list_tasks(db, plan_id, "content")[5]
    assign(db, task.id, [agency_id(db, plan_id, "SoYT")], [])
    dialog = AuditLogDialog(db)
    qtbot.addWidget(dialog)
    model = dialog.model
    cells = [model.cells(r) for r in range(model.rowCount())]
    text = "\n".join("\t".join(row) for row in cells)
    for raw in ("updated_at", "source_file_hash", "task_id=", "agency_id", '{"', "T0", "2023-12"):
        assert raw not in text, raw
    assigned = [r for r in cells if r[4] == "Phân công nhiệm vụ" and r[3] == "Thêm"]
    assert any(r[5] == "Nhiệm vụ III.1.6 — Sở Y tế" for r in assigned)
    assert any("Vai trò: Chủ trì" in r[8] for r in assigned)
    report = [r for r in cells if r[4] == "Báo cáo của đơn vị" and r[6] == "Ngày nhận"]
    assert report and report[0][5].startswith("Báo cáo của UBND huyện Lấp Vò")
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", report[0][8])
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", r[0]) for r in cells)
